//! Independent advocacy (procedure 001): the practitioner records whether it was offered,
//! accepted or declined, who the advocate is and what the person agrees they may have.
pub mod api;
mod pages;
pub mod wire;

pub use pages::AdvocacyPage;
