//! What the account forms post: creating an account, signing in, asking for a reset link and
//! setting a new password. Passwords never show in a form's `Debug`.
use serde::{Deserialize, Serialize};

use crate::domain::account::{AccountProblem, PasswordReset, Registration, SignIn};
use crate::domain::text::EmailAddress;
use crate::kit::forms::text_form;

text_form! {
    /// "Create an account".
    #[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct RegisterForm { name, email, password, role, postcode }
    parsed by Registration::parse(name, email, password, role, postcode) -> Vec<AccountProblem>;
}

text_form! {
    /// "Sign in", with the page to go back to afterwards (see `safe_next`).
    #[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct SignInForm { email, password, next }
    parsed by SignIn::parse(email, password) -> Vec<AccountProblem>;
}

/// Where to go after signing in: a path on this site, never another site.
pub fn safe_next(next: &str) -> String {
    // Browsers drop tabs and newlines anywhere in an address and trim spaces and controls, so
    // `/<TAB>/evil.example` would become `//evil.example`: only printable ASCII passes (a page
    // of the portal's own is always sent percent-encoded), never a backslash, never `//`.
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/api/")
        && next.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    if local {
        next.to_owned()
    } else {
        "/home".to_owned()
    }
}

/// "Forgotten your password?": the address to send a link to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResetRequestForm {
    pub email: String,
}

impl TryFrom<ResetRequestForm> for EmailAddress {
    type Error = Vec<AccountProblem>;

    fn try_from(form: ResetRequestForm) -> Result<Self, Self::Error> {
        EmailAddress::parse(&form.email).map_err(|p| vec![AccountProblem::Email(p)])
    }
}

text_form! {
    /// A new password, from the emailed link's page (the link's code in a hidden field).
    #[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ResetPasswordForm { code, password }
    parsed by PasswordReset::parse(code, password) -> Vec<AccountProblem>;
}

// Forms with a password (or a reset code) say whose they are, never what was typed.
impl std::fmt::Debug for RegisterForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self { name, email, role, postcode, .. } = self;
        f.debug_struct("RegisterForm")
            .field("name", name)
            .field("email", email)
            .field("role", role)
            .field("postcode", postcode)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for SignInForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInForm").field("email", &self.email).field("next", &self.next).finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ResetPasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResetPasswordForm(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_pages_are_followed_after_signing_in() {
        assert_eq!(safe_next("/contact"), "/contact");
        assert_eq!(safe_next("//evil.example"), "/home");
        assert_eq!(safe_next("https://evil.example"), "/home");
        assert_eq!(safe_next("/\\evil.example"), "/home");
        assert_eq!(safe_next(""), "/home");
        // Browsers remove tabs and line breaks and trim spaces: none of these may lead away.
        for sneaky in ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", " //evil.example", "/ /evil"] {
            assert_eq!(safe_next(sneaky), "/home", "{sneaky:?}");
        }
        assert_eq!(safe_next("/plan/versions/3?sent=1"), "/plan/versions/3?sent=1");
    }

    #[test]
    fn passwords_never_show_in_a_forms_debug() {
        let form =
            SignInForm { email: "sam@example.org".into(), password: "secret words".into(), next: "/plan".into() };
        let shown = format!("{form:?}");
        assert!(shown.contains("sam@example.org") && !shown.contains("secret"), "{shown}");
        let form = ResetPasswordForm { code: "abc123".into(), password: "secret words".into() };
        assert!(!format!("{form:?}").contains("abc123"));
    }
}
