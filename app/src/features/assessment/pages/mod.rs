//! The assessment's pages: the carer's task list, question pages, check and send, the copy of
//! a sent version and the decision; the practitioner's queue and record.
mod check;
mod decision;
mod list;
mod question;
mod record_tables;
mod staff;

pub use check::{CheckPage, CopyPage};
pub use decision::DecisionPage;
pub use list::{AssessmentPage, SentPage};
pub use question::QuestionPage;
pub use staff::{QueuePage, RecordPage};
