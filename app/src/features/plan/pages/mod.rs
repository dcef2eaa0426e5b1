//! The plan's pages: the person's plan and its upload form, changing one item, their own words
//! mapped into sections, and the versions sent for agreement with the practitioner's sign-off.
mod agreement;
mod change;
mod own_words;
mod plan;
mod upload;

pub use agreement::{PlanVersionPage, SignOffPage, SignOffQueuePage};
pub use change::ChangeItemPage;
pub use own_words::{OwnWordsPage, ProposalsPage};
pub use plan::PlanPage;
