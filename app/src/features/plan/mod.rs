//! The person's own support plan, in any format: words added to any section, one long text
//! mapped into sections by the server, pictures and clips, and the version a practitioner
//! signs off.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{
    ChangeItemPage, OwnWordsPage, PlanPage, PlanVersionPage, ProposalsPage, SignOffPage, SignOffQueuePage,
};
