//! Two-factor sign-in: after the password, a six-digit code from an authenticator app (TOTP,
//! RFC 6238: SHA-1, 30-second steps, 6 digits, the step before and after allowed for a phone's
//! clock), or one of ten single-use recovery codes written down when it was set up.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::text::percent_encode;
use super::Problem;
use crate::kit::i18n::{Locale, Text};

/// Seconds in one code's step.
pub const STEP_SECONDS: i64 = 30;
/// Recovery codes made when two-factor is set up.
pub const RECOVERY_CODES: usize = 10;
/// Minutes a sign-in waits for its code after the password.
pub const CHALLENGE_MINUTES: i64 = 10;
/// Wrong codes one account may be sent in 15 minutes.
pub const CODE_ATTEMPTS: u32 = 5;

/// The step a moment is in, and the steps either side (a phone's clock may be a little out).
pub fn steps_around(at: DateTime<Utc>) -> [u64; 3] {
    let step = u64::try_from(at.timestamp() / STEP_SECONDS).unwrap_or_default();
    [step.saturating_sub(1), step, step + 1]
}

/// What a person typed in the code box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypedCode {
    /// Six digits from the authenticator app.
    App(String),
    /// A recovery code: ten letters and digits, lower case, without the dash.
    Recovery(String),
}

impl TypedCode {
    /// Spaces and dashes are ignored, and case.
    pub fn parse(typed: &str) -> Result<TypedCode, TwoFactorProblem> {
        let compact: String =
            typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_lowercase();
        match compact.len() {
            0 => Err(TwoFactorProblem::Missing),
            6 if compact.bytes().all(|b| b.is_ascii_digit()) => Ok(TypedCode::App(compact)),
            10 if compact.bytes().all(|b| b.is_ascii_alphanumeric()) => Ok(TypedCode::Recovery(compact)),
            _ => Err(TwoFactorProblem::Format),
        }
    }
}

/// A recovery code as shown: "abcde-fghij".
pub fn show_recovery_code(code: &str) -> String {
    match code.len() {
        10 => format!("{}-{}", &code[..5], &code[5..]),
        _ => code.to_owned(),
    }
}

/// The secret in groups of four, for typing into an app that cannot read the picture.
pub fn show_secret(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The address an authenticator app reads from the picture (Google's "Key Uri Format", which
/// every app follows): the council's name as issuer, the person's email as the account.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &str) -> String {
    let (issuer, account) = (percent_encode(issuer, b"@"), percent_encode(account, b"@"));
    format!("otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits=6&period=30")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TwoFactorProblem {
    Missing,
    Format,
    /// Not the code now, already used, or the sign-in waited too long.
    Wrong,
}

impl Problem for TwoFactorProblem {
    fn field(&self) -> String {
        "code".to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        locale
            .text(match self {
                TwoFactorProblem::Missing => Text::TwoFactorCodeMissing,
                TwoFactorProblem::Format => Text::TwoFactorCodeFormat,
                TwoFactorProblem::Wrong => Text::TwoFactorCodeWrong,
            })
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_digits_or_a_recovery_code_however_it_is_spaced() {
        assert_eq!(TypedCode::parse(" 123 456 "), Ok(TypedCode::App("123456".into())));
        assert_eq!(TypedCode::parse("ABCDE-12345"), Ok(TypedCode::Recovery("abcde12345".into())));
        assert_eq!(TypedCode::parse(""), Err(TwoFactorProblem::Missing));
        assert_eq!(TypedCode::parse("12345"), Err(TwoFactorProblem::Format));
        assert_eq!(TypedCode::parse("12345a"), Err(TwoFactorProblem::Format));
        assert_eq!(show_recovery_code("abcde12345"), "abcde-12345");
        assert_eq!(show_secret("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }

    #[test]
    fn steps_are_thirty_seconds_with_one_either_side() {
        let at = DateTime::from_timestamp(59, 0).unwrap();
        assert_eq!(steps_around(at), [0, 1, 2]);
        assert_eq!(steps_around(DateTime::from_timestamp(0, 0).unwrap()), [0, 0, 1]);
    }

    #[test]
    fn the_app_address_names_the_council_and_the_account() {
        let uri = otpauth_uri("Example Council", "sam@example.org", "JBSWY3DP");
        assert_eq!(
            uri,
            "otpauth://totp/Example%20Council:sam@example.org?secret=JBSWY3DP&issuer=Example%20Council&algorithm=SHA1&digits=6&period=30"
        );
    }
}
