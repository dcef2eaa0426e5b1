//! The carer's self-assessment (task list, question pages, check and send, the decision)
//! and the practitioner's queue, record and eligibility decision.
pub mod api;
mod check_page;
mod decision_page;
mod list_page;
mod question_page;
mod record_tables;
mod staff_page;
pub mod staff_api;
pub mod words;

pub use check_page::{CheckPage, CopyPage};
pub use decision_page::DecisionPage;
pub use list_page::{AssessmentPage, SentPage};
pub use question_page::QuestionPage;
pub use staff_page::{QueuePage, RecordPage};
