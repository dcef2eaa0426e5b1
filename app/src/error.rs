//! The one error type server functions return. It is safe on the wire: internal causes are
//! logged on the server with a request id, and the browser gets only a plain message.
use std::collections::BTreeMap;

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

use crate::domain::Problem;
use crate::kit::i18n::{Locale, Text};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// One or more fields need changing: field name → message in the person's language.
    #[error("some answers need changing")]
    Validation { fields: BTreeMap<String, String> },
    /// The person is not signed in (or their session ended).
    #[error("sign in to continue")]
    Unauthenticated,
    /// Signed in, but not recently enough for this (erasure, copies of people's data, staff
    /// changes): sign in again, and the form comes back as it was.
    #[error("sign in again to do this")]
    SignInAgain,
    /// Also used when a record exists but belongs to someone else: nothing is given away.
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("too many attempts")]
    RateLimited,
    /// Something failed on the server. The id lets staff find the cause in the log.
    #[error("something went wrong (reference {request_id})")]
    Internal { request_id: String },
    /// The request itself could not be read (a malformed or tampered form).
    #[error("the request could not be read")]
    BadRequest,
    /// The request's body is larger than the endpoint takes.
    #[error("the request is too large")]
    TooLarge,
}

impl AppError {
    /// Builds a validation error from a form's problems, in the person's language.
    pub fn invalid<P: Problem>(problems: &[P], locale: Locale) -> AppError {
        let mut fields = BTreeMap::new();
        for problem in problems {
            // The first problem found for a field is the one to fix first.
            fields.entry(problem.field()).or_insert_with(|| problem.message(locale));
        }
        AppError::Validation { fields }
    }

    /// The HTTP status this error is sent with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Validation { .. } => 422,
            AppError::Unauthenticated | AppError::SignInAgain => 401,
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::Conflict => 409,
            AppError::RateLimited => 429,
            AppError::Internal { .. } => 500,
            AppError::BadRequest => 400,
            AppError::TooLarge => 413,
        }
    }

    /// Messages for single fields (empty unless this is a validation error).
    pub fn field_messages(&self) -> BTreeMap<String, String> {
        match self {
            AppError::Validation { fields } => fields.clone(),
            _ => BTreeMap::new(),
        }
    }

    /// A message about the whole form, for anything that is not about one field.
    pub fn summary(&self, locale: Locale) -> Option<String> {
        let text = match self {
            AppError::Validation { .. } => return None,
            AppError::Unauthenticated => Text::ErrorsSignedOut,
            AppError::SignInAgain => Text::ErrorsSignInAgain,
            AppError::NotFound => Text::ErrorsNotFound,
            AppError::Forbidden => Text::ErrorsForbidden,
            AppError::Conflict => Text::ErrorsConflict,
            AppError::RateLimited => Text::ErrorsRateLimited,
            AppError::BadRequest => Text::ErrorsBadRequest,
            AppError::TooLarge => Text::ErrorsTooLarge,
            AppError::Internal { request_id } => {
                return Some(locale.fill(Text::ErrorsInternal, &[("reference", request_id)]))
            }
        };
        Some(locale.text(text).to_owned())
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Errors from the server-function machinery itself: a form that does not decode is a bad
    /// request; anything else is internal, and its text is never passed on.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            _ => AppError::Internal { request_id: String::from("-") },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_failures_become_a_bad_request_without_their_text() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("secret detail".into()));
        assert_eq!(error, AppError::BadRequest);
        let wire = serde_json::to_string(&AppError::from_server_fn_error(ServerFnErrorErr::ServerError(
            "db at /var/lib/x failed".into(),
        )))
        .unwrap();
        assert!(!wire.contains("/var/lib"), "{wire}");
    }

    #[test]
    fn validation_errors_travel_as_field_messages() {
        let error = AppError::Validation { fields: BTreeMap::from([("name".into(), "Enter a name".into())]) };
        let wire = serde_json::to_string(&error).unwrap();
        let back: AppError = serde_json::from_str(&wire).unwrap();
        assert_eq!(back.field_messages()["name"], "Enter a name");
        assert_eq!(back.status(), 422);
    }
}
