//! The whole family: a carer linked to the person they care for (by an invitation code the
//! cared-for person or their representative accepts), what each shares with the other, and
//! helpers (representatives) invited with their own sign-in and a chosen scope.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::text::{BoundedText, EmailAddress, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};
use crate::policy::{Record, Scope};

/// Invitations can be used for two weeks.
pub const INVITATION_DAYS: u64 = 14;
pub const NAME_MAX: usize = 100;

/// The records a person may share with the person they are linked to, in the order the form
/// shows them. A carer's own assessment stays private unless they tick it.
pub fn shareable(role: Role) -> &'static [Record] {
    match role {
        Role::Carer => &[Record::Assessment, Record::Plan, Record::Budget, Record::Reviews, Record::EmergencyPlan],
        Role::Customer => &[Record::Plan, Record::Budget, Record::Reviews],
        _ => &[],
    }
}

/// The ticked boxes of a sharing form (`share_plan=yes`, ...), keeping only what `role` can share.
pub fn shares_from_form(role: Role, form: &BTreeMap<String, String>) -> Vec<Record> {
    shareable(role)
        .iter()
        .copied()
        .filter(|record| form.get(&format!("share_{}", record.code())).is_some_and(|v| v == "yes"))
        .collect()
}

choices! {
    InvitationKind { CareLink = "care_link", Helper = "helper" }
}

choices! {
    InvitationStatus { Open = "open", Accepted = "accepted", Declined = "declined", Withdrawn = "withdrawn" }
}

/// A helper as the inviter describes them: their name, the email the invitation goes to, and
/// how far they may act.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelperInvitation {
    pub name: String,
    pub email: String,
    pub scope: Scope,
}

impl HelperInvitation {
    pub fn parse(form: &BTreeMap<String, String>) -> Result<HelperInvitation, Vec<FamilyProblem>> {
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
        let name = BoundedText::required(field("name"), NAME_MAX).map_err(|p| FamilyProblem::Name(p));
        let email = EmailAddress::parse(field("email")).map_err(|_| FamilyProblem::Email);
        let scope = Scope::parse(field("scope")).ok_or(FamilyProblem::Scope);
        match (name, email, scope) {
            (Ok(name), Ok(email), Ok(scope)) => {
                Ok(HelperInvitation { name: name.into_inner(), email: email.as_str().to_owned(), scope })
            }
            (name, email, scope) => Err([name.err(), email.err(), scope.err()].into_iter().flatten().collect()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyProblem {
    Name(TextProblem),
    Email,
    Scope,
    CodeFormat,
    /// No open invitation has this code (wrong, used, withdrawn or out of date).
    CodeUnknown,
    /// The invitation is not for someone in the signed-in person's role.
    NotForYou,
    /// A link to oneself.
    Yourself,
    Answer,
    Person,
}

impl Problem for FamilyProblem {
    fn field(&self) -> String {
        match self {
            FamilyProblem::Name(_) => "name",
            FamilyProblem::Email => "email",
            FamilyProblem::Scope => "scope",
            FamilyProblem::CodeFormat | FamilyProblem::CodeUnknown | FamilyProblem::NotForYou | FamilyProblem::Yourself => {
                "code"
            }
            FamilyProblem::Answer => "answer",
            FamilyProblem::Person => "person",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            FamilyProblem::Name(TextProblem::TooLong { max }) => return with_max(locale, Text::FamilyErrorsTooLong, *max),
            FamilyProblem::Name(TextProblem::Missing) => Text::FamilyErrorsName,
            FamilyProblem::Email => Text::FamilyErrorsEmail,
            FamilyProblem::Scope => Text::FamilyErrorsScope,
            FamilyProblem::CodeFormat => Text::FamilyErrorsCodeFormat,
            FamilyProblem::CodeUnknown => Text::FamilyErrorsCodeUnknown,
            FamilyProblem::NotForYou => Text::FamilyErrorsNotForYou,
            FamilyProblem::Yourself => Text::FamilyErrorsYourself,
            FamilyProblem::Answer => Text::FamilyErrorsAnswer,
            FamilyProblem::Person => Text::FamilyErrorsPerson,
        };
        locale.text(text).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_carers_assessment_is_shared_only_when_ticked() {
        assert!(shares_from_form(Role::Carer, &form(&[("share_plan", "yes")])) == vec![Record::Plan]);
        let all = form(&[("share_assessment", "yes"), ("share_emergency_plan", "yes"), ("share_budget", "yes")]);
        assert_eq!(shares_from_form(Role::Carer, &all), vec![Record::Assessment, Record::Budget, Record::EmergencyPlan]);
    }

    #[test]
    fn a_customer_cannot_share_what_they_do_not_have() {
        let all = form(&[("share_assessment", "yes"), ("share_emergency_plan", "yes"), ("share_reviews", "yes")]);
        assert_eq!(shares_from_form(Role::Customer, &all), vec![Record::Reviews]);
        assert!(shareable(Role::Practitioner).is_empty());
    }

    #[test]
    fn a_helper_needs_a_name_an_email_and_a_scope() {
        let problems = HelperInvitation::parse(&form(&[("email", "not an address")])).unwrap_err();
        assert_eq!(problems, vec![FamilyProblem::Name(TextProblem::Missing), FamilyProblem::Email, FamilyProblem::Scope]);
        let helper =
            HelperInvitation::parse(&form(&[("name", " Alex "), ("email", "alex@example.org"), ("scope", "view")])).unwrap();
        assert_eq!(helper, HelperInvitation { name: "Alex".into(), email: "alex@example.org".into(), scope: Scope::View });
    }
}
