//! The family's pages: the family itself and the forms that invite, and answering an invitation.
mod family;
mod invitation;
mod words;

pub use family::{FamilyPage, InviteCaredForPage, InviteHelperPage, InvitedPage};
pub use invitation::{EnterCodePage, InvitationPage};
