//! The carer's self-assessment (task list, question pages, check and send, the decision)
//! and the practitioner's queue, record and eligibility decision.
pub mod api;
mod pages;
pub mod wire;
pub mod words;

pub use pages::{AssessmentPage, CheckPage, CopyPage, DecisionPage, QuestionPage, QueuePage, RecordPage, SentPage};
