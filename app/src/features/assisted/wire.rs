//! The letter a practitioner gives a carer, and the form the carer takes the account over with.
use serde::{Deserialize, Serialize};

use crate::domain::assisted::{TakeOver, TakeOverProblem};
use crate::kit::forms::text_form;

text_form! {
    /// The code from the letter, the carer's email and the password they choose. No `Debug`:
    /// it holds a password.
    #[derive(Clone, Default, Serialize, Deserialize)]
    pub struct TakeOverForm { code, email, password }
    parsed by TakeOver::parse(code, email, password) -> Vec<TakeOverProblem>;
}

impl std::fmt::Debug for TakeOverForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TakeOverForm").field("email", &self.email).finish_non_exhaustive()
    }
}

/// What the letter page needs: whose record, whether they have taken it over yet, and where
/// they go to do it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistedLetter {
    pub person_id: i64,
    pub name: String,
    /// Not yet taken over: a letter (and a new code) still makes sense.
    pub waiting: bool,
    /// The take-over page's full address, for the letter.
    pub address: String,
    pub valid_days: i64,
}
