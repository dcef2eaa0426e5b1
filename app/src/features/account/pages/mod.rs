//! The account pages: sign in, create an account, a forgotten password, and the "your
//! information" section of the home page.
mod register;
mod reset;
mod sign_in;
mod your_data;

pub use register::{ConfirmRegistrationPage, RegisterPage, RegisterSentPage};
pub use reset::{ResetPasswordPage, ResetRequestPage, ResetSentPage};
pub use sign_in::SignInPage;
pub use your_data::YourData;
