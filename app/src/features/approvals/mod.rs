//! A second admin approving what one admin may not do to another alone: erasing an admin's
//! information, or switching their account off. The panel on the pages where it was asked for
//! (a person's data page, a staff member's page) and the server function that approves it.
pub mod api;
mod panel;
pub mod wire;

pub use panel::ApprovalPanel;
