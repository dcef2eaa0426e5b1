//! The signed-in home page, and the staff view of the audit log.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{AuditPage, HomePage};
