//! The person's own support plan, in any format: words added to any section, and one long
//! text mapped into sections by the server.
pub mod agreement_api;
mod agreement_page;
pub mod api;
mod change_page;
mod own_words;
mod page;
pub mod upload;

pub use agreement_page::{PlanVersionPage, SignOffPage, SignOffQueuePage};
pub use change_page::ChangeItemPage;
pub use own_words::{OwnWordsPage, ProposalsPage};
pub use page::PlanPage;
