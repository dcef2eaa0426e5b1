//! Plain types shared by the server and the browser. They parse their input, so a value that
//! exists is a valid one. No I/O here.
pub mod account;
pub mod assessment;
pub mod contact;
pub mod council;
pub mod plan;
pub mod text;

use crate::i18n::{Locale, Text};

/// Something wrong with one field of a form, told in the person's language.
pub trait Problem {
    /// The form field (its `name` attribute) the problem belongs to.
    fn field(&self) -> String;
    /// The message shown next to the field and in the error summary.
    fn message(&self, locale: Locale) -> String;
}

/// A message with a `{max}` placeholder, filled in.
pub(crate) fn with_max(locale: Locale, text: Text, max: usize) -> String {
    locale.fill(text, &[("max", &max.to_string())])
}
