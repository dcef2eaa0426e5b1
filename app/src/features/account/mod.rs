//! Accounts: create one, sign in and out, reset a forgotten password, stay signed in.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{
    ConfirmRegistrationPage, RegisterPage, RegisterSentPage, ResetPasswordPage, ResetRequestPage, ResetSentPage,
    SignInPage, YourData,
};
