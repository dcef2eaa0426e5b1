//! Records a practitioner starts with a carer who has no account or email (on the phone, or at
//! a carers' centre): the carer later takes the account over with the code in a letter.
use super::account::{optional_postcode, AccountProblem, NewPassword, Registration};
use super::area::Postcode;
use super::emergency::CardCode;
use super::text::{person_name, BoundedText, EmailAddress};
use super::Problem;
use crate::kit::i18n::{Locale, Text};

/// How long the code in the letter works.
pub const LETTER_DAYS: i64 = 90;

/// The name a practitioner typed for a new assisted record, and the carer's postcode if they
/// gave it (which team covers them).
pub fn parse_carer(name: &str, postcode: &str) -> Result<(BoundedText, Option<Postcode>), Vec<AccountProblem>> {
    let name = person_name(name, Registration::NAME_MAX).map_err(AccountProblem::Name);
    match (name, optional_postcode(postcode)) {
        (Ok(name), Ok(postcode)) => Ok((name, postcode)),
        (name, postcode) => Err(name.err().into_iter().chain(postcode.err()).collect()),
    }
}

/// A carer taking over their account: the code from their letter, their email and a password.
pub struct TakeOver {
    pub code: CardCode,
    pub email: EmailAddress,
    pub password: NewPassword,
}

impl TakeOver {
    pub fn parse(code: &str, email: &str, password: &str) -> Result<TakeOver, Vec<TakeOverProblem>> {
        let mut problems = Vec::new();
        let code = CardCode::parse(code);
        if code.is_none() {
            problems.push(TakeOverProblem::CodeFormat);
        }
        let email = EmailAddress::parse(email)
            .map_err(|p| problems.push(TakeOverProblem::Account(AccountProblem::Email(p))))
            .ok();
        let password = NewPassword::parse(password, email.as_ref().map(|e| e.as_str()))
            .map_err(|p| problems.push(TakeOverProblem::Account(AccountProblem::Password(p))))
            .ok();
        match (code, email, password) {
            (Some(code), Some(email), Some(password)) if problems.is_empty() => Ok(TakeOver { code, email, password }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeOverProblem {
    CodeFormat,
    /// No account waits for this code (mistyped, used, or more than `LETTER_DAYS` old).
    CodeUnknown,
    Account(AccountProblem),
}

impl Problem for TakeOverProblem {
    fn field(&self) -> String {
        match self {
            TakeOverProblem::CodeFormat | TakeOverProblem::CodeUnknown => "code".to_owned(),
            TakeOverProblem::Account(problem) => problem.field(),
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            TakeOverProblem::CodeFormat => locale.text(Text::AssistedCodeFormat).to_owned(),
            TakeOverProblem::CodeUnknown => locale.text(Text::AssistedCodeUnknown).to_owned(),
            TakeOverProblem::Account(problem) => problem.message(locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_take_over_needs_a_code_an_email_and_a_good_password() {
        let problems = TakeOver::parse("", "nope", "short").err().unwrap();
        assert_eq!(problems.iter().map(|p| p.field()).collect::<Vec<_>>(), ["code", "email", "password"]);
        let code = CardCode::from_random([7; 8]).grouped();
        let ok = TakeOver::parse(&code, "dana@example.org", "a long enough password").ok().unwrap();
        assert_eq!(ok.email.as_str(), "dana@example.org");
        assert_eq!(
            parse_carer("  ", "LS6").unwrap_err(),
            [AccountProblem::Name(crate::domain::text::NameProblem::Missing), AccountProblem::PostcodeFormat]
        );
        let (name, postcode) = parse_carer(" Dana ", " ls6 2ab").unwrap();
        assert_eq!((name.as_str(), postcode.unwrap().as_str()), ("Dana", "LS6 2AB"));
    }
}
