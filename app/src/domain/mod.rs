//! Plain types shared by the server and the browser. They parse their input, so a value that
//! exists is a valid one. No I/O here.

/// Declares a closed set of answers with the short code used in forms and the store.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const CODES: &'static [&'static str] = &[$($code),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

pub mod account;
pub mod advocacy;
pub mod allocation;
pub mod approvals;
pub mod area;
pub mod assessment;
pub mod assisted;
pub mod budget;
pub mod contact;
pub mod council;
pub mod data_rights;
pub mod date;
pub mod directory;
pub mod emergency;
pub mod family;
pub mod money;
pub mod plan;
pub mod reviews;
pub mod teams;
pub mod text;
pub mod timeline;
pub mod two_factor;

use crate::kit::i18n::{Locale, Text};

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
