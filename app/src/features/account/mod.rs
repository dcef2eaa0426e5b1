//! Accounts: create one, sign in and out, reset a forgotten password, stay signed in.
pub mod api;
mod page;
mod reset;

pub use page::{RegisterPage, SignInPage};
pub use reset::{ResetPasswordPage, ResetRequestPage, ResetSentPage};
