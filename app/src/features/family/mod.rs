//! The whole family: links between a carer and the person they care for, what each shares,
//! helpers (representatives) and the invitations that set them up.
pub mod api;
pub mod invitations_api;
mod invitation_page;
mod page;
mod words;

pub use invitation_page::{EnterCodePage, InvitationPage};
pub use page::{FamilyPage, InviteCaredForPage, InviteHelperPage, InvitedPage};
