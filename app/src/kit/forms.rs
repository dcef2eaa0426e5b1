//! Forms that never lose what a person typed.
//!
//! Without JavaScript a form posts to its server function; when the server refuses it, the
//! server keeps the submitted values and the messages in the person's session (a `FormFlash`)
//! and redirects back, and the page renders them into the form. With JavaScript the
//! `FormEnhancer` island posts the same fields to the same server function and shows the same
//! messages without a reload.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A form whose fields are all text as they arrived (a missing field is empty), and its
/// `TryFrom` into the domain type through one constructor that takes some of those fields, in
/// order, and says what is wrong with them:
///
/// ```ignore
/// text_form! {
///     /// What was typed into the contact form, as it arrived.
///     #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
///     pub struct ContactForm { name, email, message }
///     parsed by ContactMessage::new(name, email, message) -> Vec<ContactProblem>;
/// }
/// ```
///
/// The derives are the caller's, so a form holding a password leaves out `Debug`.
macro_rules! text_form {
    (
        $(#[$attr:meta])*
        pub struct $form:ident { $($field:ident),+ $(,)? }
        parsed by $target:ident::$parse:ident($($arg:ident),+) -> $error:ty;
    ) => {
        $(#[$attr])*
        #[serde(default)]
        pub struct $form {
            $(pub $field: String,)+
        }

        impl TryFrom<$form> for $target {
            type Error = $error;

            fn try_from(form: $form) -> Result<Self, Self::Error> {
                $target::$parse($(&form.$arg),+)
            }
        }
    };
}
pub(crate) use text_form;

/// A refused form submission, kept server-side until the form is shown again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFlash {
    /// The server function's path: identifies which form on the page the flash belongs to.
    pub action: String,
    /// The page the form is on, where the person is sent back to.
    pub page: String,
    /// What was submitted, field by field (passwords are never kept).
    pub values: BTreeMap<String, String>,
    /// Messages for single fields, in the person's language.
    pub errors: BTreeMap<String, String>,
    /// A message about the whole form (e.g. "the service is unavailable, try again").
    pub summary: Option<String>,
    /// Who typed it (signed in, or whose session had just ended), so that it is shown to them
    /// only: never to the next person to sign in on a shared computer, nor after signing out.
    #[serde(default)]
    pub typed_by: Option<i64>,
}

impl FormFlash {
    /// True when a field's value should never be stored or sent back into a page.
    pub fn is_secret_field(name: &str) -> bool {
        name.contains("password") || name == "pin" || name.ends_with("_pin") || name == "code"
    }
}

/// The state a form is drawn in: empty, or as the person last submitted it with its messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormState {
    /// The server function (or route) the form posts to; its error summary is marked with it,
    /// so the page's script fills the right one when a page has several forms.
    pub action: String,
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
    pub summary: Option<String>,
}

impl FormState {
    /// The form's state for `action` from this request's flash (if the flash is for this form),
    /// otherwise from `initial` (e.g. what is already saved).
    pub fn for_action(action: &str, flash: Option<&FormFlash>, initial: BTreeMap<String, String>) -> FormState {
        match flash {
            Some(flash) if flash.action == action => FormState {
                action: action.to_owned(),
                values: flash.values.clone(),
                errors: flash.errors.clone(),
                summary: flash.summary.clone(),
            },
            _ => FormState { action: action.to_owned(), values: initial, ..FormState::default() },
        }
    }

    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).cloned()
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.summary.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flash_for_another_form_is_ignored() {
        let flash = FormFlash { action: "/api/other".into(), ..FormFlash::default() };
        let initial = BTreeMap::from([("name".to_string(), "saved".to_string())]);
        let state = FormState::for_action("/api/contact", Some(&flash), initial);
        assert_eq!(state.value("name"), "saved");
        assert!(!state.has_errors());
    }

    #[test]
    fn a_flash_for_this_form_brings_back_values_and_messages() {
        let flash = FormFlash {
            action: "/api/contact".into(),
            page: "/contact".into(),
            values: BTreeMap::from([("message".to_string(), "typed".to_string())]),
            errors: BTreeMap::from([("name".to_string(), "Too long".to_string())]),
            summary: None,
            typed_by: None,
        };
        let state = FormState::for_action("/api/contact", Some(&flash), BTreeMap::new());
        assert_eq!(state.value("message"), "typed");
        assert_eq!(state.error("name").as_deref(), Some("Too long"));
    }

    #[test]
    fn passwords_and_codes_are_never_kept() {
        assert!(FormFlash::is_secret_field("password"));
        assert!(FormFlash::is_secret_field("new_password"));
        assert!(!FormFlash::is_secret_field("email"));
        assert!(!FormFlash::is_secret_field("shopping_and_sleeping"));
        assert!(FormFlash::is_secret_field("card_pin"));
    }
}
