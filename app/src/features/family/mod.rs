//! The whole family: links between a carer and the person they care for, what each shares,
//! helpers (representatives) and the invitations that set them up.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{EnterCodePage, FamilyPage, InvitationPage, InviteCaredForPage, InviteHelperPage, InvitedPage};
