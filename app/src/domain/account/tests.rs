//! Parsing what people type into accounts, sign-ins and resets.
use super::*;

#[test]
fn only_staff_roles_can_be_given_by_an_admin() {
    for role in ["practitioner", "trusted_assessor", "responder", "admin"] {
        assert!(StaffInvitation::parse("Pat", "pat@council.example", role).is_ok(), "{role}");
    }
    for role in ["carer", "customer", "representative", "root", ""] {
        let problems = StaffInvitation::parse("Pat", "pat@council.example", role).unwrap_err();
        assert_eq!(problems, vec![AccountProblem::RoleMissing], "{role}");
    }
    let problems = StaffInvitation::parse("", "not an email", "").unwrap_err();
    assert_eq!(problems.len(), 3);
}

#[test]
fn only_carers_and_customers_can_register() {
    assert!(Registration::parse("Sam", "sam@example.org", "a long passphrase", "carer", "").is_ok());
    assert!(Registration::parse("Sam", "sam@example.org", "a long passphrase", "customer", "ls6 2ab").is_ok());
    for role in ["practitioner", "admin", "responder", "representative", ""] {
        let problems = Registration::parse("Sam", "sam@example.org", "a long passphrase", role, "").unwrap_err();
        assert_eq!(problems, vec![AccountProblem::RoleMissing], "{role}");
    }
}

#[test]
fn passwords_must_be_long_and_not_common() {
    assert_eq!(NewPassword::parse("short", None).unwrap_err(), PasswordProblem::TooShort);
    assert_eq!(NewPassword::parse("Password123", None).unwrap_err(), PasswordProblem::TooCommon);
    assert_eq!(NewPassword::parse("sam@example.org", Some("sam@example.org")).unwrap_err(), PasswordProblem::TooCommon);
    assert!(NewPassword::parse("correct horse battery", None).is_ok());
    assert!(!format!("{:?}", NewPassword::parse("correct horse battery", None).unwrap()).contains("horse"));
}

#[test]
fn a_sign_in_needs_an_email_and_a_password() {
    assert_eq!(SignIn::parse(" Sam@Example.org ", "x").unwrap().email, "sam@example.org");
    assert_eq!(
        SignIn::parse("  ", "").unwrap_err(),
        vec![AccountProblem::Email(EmailProblem::Missing), AccountProblem::PasswordMissing]
    );
    assert!(!format!("{:?}", SignIn::parse("sam@example.org", "secret words").unwrap()).contains("secret"));
}

#[test]
fn a_reset_checks_the_new_password_only() {
    assert_eq!(PasswordReset::parse(" abc ", "a brand new password").unwrap().code, "abc");
    assert_eq!(
        PasswordReset::parse("abc", "short").unwrap_err(),
        vec![AccountProblem::Password(PasswordProblem::TooShort)]
    );
}

#[test]
fn every_registration_problem_is_reported_at_once() {
    let problems = Registration::parse("", "nope", "short", "carer", "LS6").unwrap_err();
    assert_eq!(
        problems,
        vec![
            AccountProblem::Name(NameProblem::Missing),
            AccountProblem::Email(EmailProblem::Format),
            AccountProblem::Password(PasswordProblem::TooShort),
            AccountProblem::PostcodeFormat,
        ]
    );
}
