//! The signed-in home page, and the staff view of the audit log.
pub mod api;
mod page;
pub use page::{AuditPage, HomePage};
