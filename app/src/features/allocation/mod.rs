//! Intake and allocation: the people waiting for a worker with what they sent, taken on by a
//! practitioner or allocated by a team manager, reallocated with a handover note, or ended.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{AllocationPage, IntakePage};
