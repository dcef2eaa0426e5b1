//! The whole family: a carer linked to the person they care for (by an invitation code the
//! cared-for person or their representative accepts), what each shares with the other, and
//! helpers (representatives) invited with their own sign-in and a chosen scope; and the
//! invitations, helpers and links as the portal keeps them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::text::{person_name, EmailAddress, NameProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};
use crate::policy::{Record, Relations, Scope};

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

/// What `role` shares from the records ticked, in the order the form shows them: anything
/// `role` cannot share is dropped.
pub fn shares_chosen(role: Role, ticked: &[Record]) -> Vec<Record> {
    shareable(role).iter().copied().filter(|record| ticked.contains(record)).collect()
}

/// Whether `me` and `person` are linked as carer and cared-for: `(carer, customer)`.
pub fn care_link(relations: &Relations, me: i64, person: i64) -> Option<(i64, i64)> {
    if relations.cares_for.contains(&person) {
        Some((me, person))
    } else if relations.cared_for_by.contains(&person) {
        Some((person, me))
    } else {
        None
    }
}

choices! {
    InvitationKind { CareLink = "care_link", Helper = "helper" }
}

choices! {
    InvitationStatus { Open = "open", Accepted = "accepted", Declined = "declined", Withdrawn = "withdrawn" }
}

choices! {
    /// What the invited person says to an invitation.
    Answer { Accept = "accept", Decline = "decline" }
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
    /// The helper from what was typed: every problem at once.
    pub fn new(name: &str, email: &str, scope: &str) -> Result<HelperInvitation, Vec<FamilyProblem>> {
        let name = person_name(name, NAME_MAX).map_err(FamilyProblem::Name);
        let email = EmailAddress::parse(email).map_err(|_| FamilyProblem::Email);
        let scope = Scope::parse(scope).ok_or(FamilyProblem::Scope);
        match (name, email, scope) {
            (Ok(name), Ok(email), Ok(scope)) => {
                Ok(HelperInvitation { name: name.into_inner(), email: email.as_str().to_owned(), scope })
            }
            (name, email, scope) => Err([name.err(), email.err(), scope.err()].into_iter().flatten().collect()),
        }
    }
}

/// An invitation as the portal keeps it: a care link, or a helper with a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub kind: InvitationKind,
    pub from_id: i64,
    pub from_name: String,
    pub helper_name: Option<String>,
    pub helper_email: Option<String>,
    pub scope: Option<Scope>,
    /// What the inviter shares from the start (care links).
    pub shares: Vec<Record>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub status: InvitationStatus,
    pub answered_at: Option<DateTime<Utc>>,
}

/// An invitation to keep: only the digest of its code is stored.
pub struct NewInvitation<'a> {
    pub digest: &'a str,
    pub kind: InvitationKind,
    pub from_id: i64,
    pub helper_name: Option<&'a str>,
    pub helper_email: Option<&'a str>,
    pub scope: Option<Scope>,
    pub shares: &'a [Record],
    pub expires_at: DateTime<Utc>,
}

/// Someone who may act for a person, as that person sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Helper {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub scope: Scope,
    pub granted_at: DateTime<Utc>,
}

/// Someone a person is linked to (the carer or the person cared for), and what each shares
/// with the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedPerson {
    pub person_id: i64,
    pub name: String,
    pub role: Role,
    pub i_share: Vec<Record>,
    pub they_share: Vec<Record>,
}

/// Someone a representative acts for, and what they may do for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub scope: Scope,
}

/// A person's whole family: who they are linked to, their helpers, the invitations they sent,
/// and whom they act for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Family {
    pub links: Vec<LinkedPerson>,
    pub helpers: Vec<Helper>,
    pub invitations: Vec<Invitation>,
    pub acting_for: Vec<Principal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyProblem {
    Name(NameProblem),
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
            FamilyProblem::CodeFormat
            | FamilyProblem::CodeUnknown
            | FamilyProblem::NotForYou
            | FamilyProblem::Yourself => "code",
            FamilyProblem::Answer => "answer",
            FamilyProblem::Person => "person",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            FamilyProblem::Name(NameProblem::TooLong { max }) => {
                return with_max(locale, Text::FamilyErrorsTooLong, *max)
            }
            FamilyProblem::Name(NameProblem::Missing) => Text::FamilyErrorsName,
            FamilyProblem::Name(NameProblem::Unprintable) => Text::ErrorsNameUnprintable,
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

    #[test]
    fn a_carers_assessment_is_shared_only_when_ticked() {
        assert_eq!(shares_chosen(Role::Carer, &[Record::Plan]), vec![Record::Plan]);
        let all = [Record::EmergencyPlan, Record::Assessment, Record::Budget];
        assert_eq!(shares_chosen(Role::Carer, &all), vec![Record::Assessment, Record::Budget, Record::EmergencyPlan]);
    }

    #[test]
    fn a_customer_cannot_share_what_they_do_not_have() {
        let all = [Record::Assessment, Record::EmergencyPlan, Record::Reviews];
        assert_eq!(shares_chosen(Role::Customer, &all), vec![Record::Reviews]);
        assert!(shareable(Role::Practitioner).is_empty());
    }

    #[test]
    fn a_care_link_is_found_from_either_side() {
        let carer = Relations { cares_for: vec![2], ..Relations::default() };
        assert_eq!(care_link(&carer, 1, 2), Some((1, 2)));
        let customer = Relations { cared_for_by: vec![1], ..Relations::default() };
        assert_eq!(care_link(&customer, 2, 1), Some((1, 2)));
        assert_eq!(care_link(&carer, 1, 3), None);
    }

    #[test]
    fn a_helper_needs_a_name_an_email_and_a_scope() {
        let problems = HelperInvitation::new("", "not an address", "").unwrap_err();
        assert_eq!(
            problems,
            vec![FamilyProblem::Name(NameProblem::Missing), FamilyProblem::Email, FamilyProblem::Scope]
        );
        let helper = HelperInvitation::new(" Alex ", "alex@example.org", "view").unwrap();
        assert_eq!(
            helper,
            HelperInvitation { name: "Alex".into(), email: "alex@example.org".into(), scope: Scope::View }
        );
    }
}
