//! People's accounts: roles, names, passwords and the forms that create and use them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::area::Postcode;
use super::text::{person_name, BoundedText, EmailAddress, EmailProblem, NameProblem};
use super::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

/// What a person is to the portal. Carers and customers register themselves; everyone else is
/// created by an admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Carer,
    /// The cared-for person.
    Customer,
    /// Someone a carer or customer lets act for them.
    Representative,
    Practitioner,
    /// A worker outside the council (a carers' centre, for example) whom the council trusts to
    /// start records for carers and fill in the self-assessment with them; the council decides
    /// (procedure 003: "trusted assessors… checked by the Council").
    TrustedAssessor,
    /// Carers Emergency Response Service staff, who look up emergency plans by card code.
    Responder,
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Carer,
        Role::Customer,
        Role::Representative,
        Role::Practitioner,
        Role::TrustedAssessor,
        Role::Responder,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Carer => "carer",
            Role::Customer => "customer",
            Role::Representative => "representative",
            Role::Practitioner => "practitioner",
            Role::TrustedAssessor => "trusted_assessor",
            Role::Responder => "responder",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// Council staff, and the trusted assessors who work with them: accounts an admin makes,
    /// whose reads of people's records are audited.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Practitioner | Role::TrustedAssessor | Role::Responder | Role::Admin)
    }

    /// Only carers and customers may create their own accounts.
    pub fn can_register(self) -> bool {
        matches!(self, Role::Carer | Role::Customer)
    }

    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Role::Carer => Text::RolesCarer,
            Role::Customer => Text::RolesCustomer,
            Role::Representative => Text::RolesRepresentative,
            Role::Practitioner => Text::RolesPractitioner,
            Role::TrustedAssessor => Text::RolesTrustedAssessor,
            Role::Responder => Text::RolesResponder,
            Role::Admin => Text::RolesAdmin,
        })
    }
}

/// A password that meets the portal's rules: long enough to resist guessing (NCSC advice is
/// length, not complexity), not one of the most common choices, not the email address.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 10;
    pub const MAX: usize = 128;

    pub fn parse(input: &str, email: Option<&str>) -> Result<NewPassword, PasswordProblem> {
        let length = input.chars().count();
        if length == 0 {
            return Err(PasswordProblem::Missing);
        }
        if length < Self::MIN {
            return Err(PasswordProblem::TooShort);
        }
        if length > Self::MAX {
            return Err(PasswordProblem::TooLong);
        }
        let lowered = input.to_lowercase();
        if COMMON_PASSWORDS.contains(&lowered.as_str()) || email.is_some_and(|e| e.eq_ignore_ascii_case(input.trim())) {
            return Err(PasswordProblem::TooCommon);
        }
        Ok(NewPassword(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// Long passwords that people still choose; a short list is enough to stop the worst.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789a",
    "qwertyuiop",
    "password12",
    "password123",
    "password1!",
    "iloveyou12",
    "1q2w3e4r5t",
    "qwerty1234",
    "0987654321",
    "1111111111",
    "abcdefghij",
    "passw0rd12",
    "letmein123",
    "welcome123",
    "carerportal",
    "lincolnshire",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    Missing,
    TooShort,
    TooLong,
    TooCommon,
}

/// How long the link that finishes a registration works.
pub const REGISTRATION_LINK_HOURS: i64 = 24;

/// A new carer's or customer's account, as typed into "Create an account".
#[derive(Debug)]
pub struct Registration {
    pub name: BoundedText,
    pub email: EmailAddress,
    pub password: NewPassword,
    pub role: Role,
    /// Optional: which of the council's teams covers them.
    pub postcode: Option<Postcode>,
}

impl Registration {
    pub const NAME_MAX: usize = 100;

    pub fn parse(
        name: &str,
        email: &str,
        password: &str,
        role: &str,
        postcode: &str,
    ) -> Result<Registration, Vec<AccountProblem>> {
        let mut problems = Vec::new();
        let name = person_name(name, Self::NAME_MAX).map_err(|p| problems.push(AccountProblem::Name(p))).ok();
        let email = EmailAddress::parse(email).map_err(|p| problems.push(AccountProblem::Email(p))).ok();
        let password = NewPassword::parse(password, email.as_ref().map(|e| e.as_str()))
            .map_err(|p| problems.push(AccountProblem::Password(p)))
            .ok();
        let role = Role::parse(role).filter(|r| r.can_register());
        if role.is_none() {
            problems.push(AccountProblem::RoleMissing);
        }
        let postcode = optional_postcode(postcode).map_err(|p| problems.push(p));
        match (name, email, password, role, postcode) {
            (Some(name), Some(email), Some(password), Some(role), Ok(postcode)) => {
                Ok(Registration { name, email, password, role, postcode })
            }
            _ => Err(problems),
        }
    }
}

/// A postcode a person may leave empty: `Ok(None)` when they did, `Err` when what they typed is
/// not shaped like a UK postcode.
pub fn optional_postcode(typed: &str) -> Result<Option<Postcode>, AccountProblem> {
    match typed.trim() {
        "" => Ok(None),
        typed => Postcode::parse(typed).map(Some).ok_or(AccountProblem::PostcodeFormat),
    }
}

/// A sign-in as typed, before the store is asked: an email (trimmed, lower case) and a password.
/// Whether they match an account is for the store and the password hash to say.
pub struct SignIn {
    pub email: String,
    pub password: String,
}

impl SignIn {
    pub fn parse(email: &str, password: &str) -> Result<SignIn, Vec<AccountProblem>> {
        let email = email.trim().to_lowercase();
        let mut problems = Vec::new();
        if email.is_empty() {
            problems.push(AccountProblem::Email(EmailProblem::Missing));
        }
        if password.is_empty() {
            problems.push(AccountProblem::PasswordMissing);
        }
        if problems.is_empty() {
            Ok(SignIn { email, password: password.to_owned() })
        } else {
            Err(problems)
        }
    }
}

impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn").field("email", &self.email).finish_non_exhaustive()
    }
}

/// A new password set from an emailed link: the link's code and the new password.
pub struct PasswordReset {
    pub code: String,
    pub password: NewPassword,
}

impl PasswordReset {
    /// Only the password has rules; whether the code works is for the store to say.
    pub fn parse(code: &str, password: &str) -> Result<PasswordReset, Vec<AccountProblem>> {
        let password = NewPassword::parse(password, None).map_err(|p| vec![AccountProblem::Password(p)])?;
        Ok(PasswordReset { code: code.trim().to_owned(), password })
    }
}

impl std::fmt::Debug for PasswordReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordReset(…)")
    }
}

/// A council staff member's account, as an admin types it in: the person then sets their
/// own password from an emailed link, so nobody else ever knows it.
#[derive(Debug)]
pub struct StaffInvitation {
    pub name: BoundedText,
    pub email: EmailAddress,
    pub role: Role,
}

impl StaffInvitation {
    pub fn parse(name: &str, email: &str, role: &str) -> Result<StaffInvitation, Vec<AccountProblem>> {
        let mut problems = Vec::new();
        let name = person_name(name, Registration::NAME_MAX).map_err(|p| problems.push(AccountProblem::Name(p))).ok();
        let email = EmailAddress::parse(email).map_err(|p| problems.push(AccountProblem::Email(p))).ok();
        let role = Role::parse(role).filter(|r| r.is_staff());
        if role.is_none() {
            problems.push(AccountProblem::RoleMissing);
        }
        match (name, email, role) {
            (Some(name), Some(email), Some(role)) => Ok(StaffInvitation { name, email, role }),
            _ => Err(problems),
        }
    }
}

/// A problem with an account form (create an account, sign in, reset a password).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountProblem {
    Name(NameProblem),
    Email(EmailProblem),
    Password(PasswordProblem),
    RoleMissing,
    /// A postcode was typed that is not shaped like one.
    PostcodeFormat,
    /// An account with this email already exists.
    EmailTaken,
    /// Sign-in: the email and password do not match an account (never says which).
    WrongCredentials,
    PasswordMissing,
    ResetLinkInvalid,
    /// A registration's emailed link that is unknown, used, expired, or for an address that has
    /// an account by now.
    RegistrationLinkInvalid,
    /// Sign-in: a practitioner's or admin's password, where the council has switched staff
    /// passwords off (they use the council's sign-in).
    CouncilSignInOnly,
}

impl Problem for AccountProblem {
    fn field(&self) -> String {
        let name = match self {
            AccountProblem::Name(_) => "name",
            AccountProblem::Email(_) | AccountProblem::EmailTaken | AccountProblem::WrongCredentials => "email",
            AccountProblem::Password(_)
            | AccountProblem::PasswordMissing
            | AccountProblem::ResetLinkInvalid
            | AccountProblem::CouncilSignInOnly => "password",
            AccountProblem::RoleMissing => "role",
            AccountProblem::RegistrationLinkInvalid => "code",
            AccountProblem::PostcodeFormat => "postcode",
        };
        name.to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            AccountProblem::Name(NameProblem::Missing) => Text::AccountNameMissing,
            AccountProblem::Name(NameProblem::TooLong { max }) => {
                return with_max(locale, Text::AccountNameTooLong, *max)
            }
            AccountProblem::Name(NameProblem::Unprintable) => Text::ErrorsNameUnprintable,
            AccountProblem::Email(EmailProblem::Missing) => Text::AccountEmailMissing,
            AccountProblem::Email(EmailProblem::Format) => Text::ErrorsEmailFormat,
            AccountProblem::Email(EmailProblem::TooLong) => {
                return with_max(locale, Text::ErrorsEmailTooLong, EmailAddress::MAX)
            }
            AccountProblem::Password(PasswordProblem::Missing) | AccountProblem::PasswordMissing => {
                Text::AccountPasswordMissing
            }
            AccountProblem::Password(PasswordProblem::TooShort) => {
                return with_max(locale, Text::AccountPasswordTooShort, NewPassword::MIN)
            }
            AccountProblem::Password(PasswordProblem::TooLong) => {
                return with_max(locale, Text::AccountPasswordTooLong, NewPassword::MAX)
            }
            AccountProblem::Password(PasswordProblem::TooCommon) => Text::AccountPasswordTooCommon,
            AccountProblem::RoleMissing => Text::AccountRoleMissing,
            AccountProblem::PostcodeFormat => Text::AccountPostcodeFormat,
            AccountProblem::EmailTaken => Text::AccountEmailTaken,
            AccountProblem::WrongCredentials => Text::AccountWrongCredentials,
            AccountProblem::ResetLinkInvalid => Text::AccountResetLinkInvalid,
            AccountProblem::RegistrationLinkInvalid => Text::RegistrationLinkInvalid,
            AccountProblem::CouncilSignInOnly => Text::CouncilSignInPasswordsOff,
        };
        locale.text(text).to_owned()
    }
}

/// A person's account as the rest of the portal sees it (no password hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: Locale,
    pub created_at: DateTime<Utc>,
    /// When an admin switched the account off (a leaver): it cannot sign in.
    pub disabled_at: Option<DateTime<Utc>>,
    /// Where a carer or cared-for person lives, if they said: which teams cover them.
    pub postcode: Option<Postcode>,
}

#[cfg(test)]
mod tests;
