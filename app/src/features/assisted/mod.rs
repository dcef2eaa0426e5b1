//! Records a practitioner starts with a carer who has no account or email (procedure 003:
//! people can be helped to complete their assessment): the practitioner fills in the carer's
//! assessment with them, on the phone, and gives them a letter with a code to take the account
//! over; the carer then reads and confirms what was filled in.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{AssistingBanner, LetterPage, StartAssistedPage, TakeOverPage};
