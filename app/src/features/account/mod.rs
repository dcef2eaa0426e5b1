//! Accounts: create one, sign in and out, reset a forgotten password, stay signed in.
pub mod api;
mod page;
mod reset;
mod your_data;

pub use page::{RegisterPage, SignInPage};
pub use reset::{ResetPasswordPage, ResetRequestPage, ResetSentPage};
pub use your_data::YourData;
