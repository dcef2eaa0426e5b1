//! Two-factor sign-in: setting it up with an authenticator app (a QR code drawn on the server,
//! the secret to type, ten recovery codes), and the code asked for after the password.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{SignInCodePage, TwoFactorPage};
