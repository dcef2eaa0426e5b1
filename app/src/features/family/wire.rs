//! What the family's pages and server functions send each other: the family as its page shows
//! it, an invitation, and the forms that invite, share and answer.
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::family::{
    shares_chosen, Family, FamilyProblem, Helper, HelperInvitation, Invitation, InvitationKind, InvitationStatus,
    LinkedPerson, Principal,
};
use crate::kit::forms::text_form;
use crate::kit::i18n::Locale;
use crate::policy::{Record, Scope};

/// Someone the signed-in person is linked to, and what each shares with the other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub person_id: i64,
    pub name: String,
    pub role: Role,
    pub i_share: Vec<Record>,
    pub they_share: Vec<Record>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelperView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub scope: Scope,
    pub since: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub id: i64,
    pub kind: InvitationKind,
    pub from_name: String,
    pub helper_name: Option<String>,
    /// The address a helper's invitation was sent to: their account's, if they make one here.
    pub helper_email: Option<String>,
    pub scope: Option<Scope>,
    pub shares: Vec<Record>,
    pub status: InvitationStatus,
    pub sent_on: String,
    pub expires_on: String,
}

/// People a representative acts for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub scope: Scope,
}

/// The family page (loaded on the server as a `domain::family::Family`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyView {
    pub links: Vec<LinkView>,
    pub helpers: Vec<HelperView>,
    pub invitations: Vec<InvitationView>,
    pub acting_for: Vec<ActingFor>,
}

impl FamilyView {
    /// The family as its page shows it, dates in `locale`.
    pub fn from_record(family: Family, locale: Locale) -> FamilyView {
        FamilyView {
            links: family.links.into_iter().map(LinkView::from).collect(),
            helpers: family.helpers.into_iter().map(|h| HelperView::from_record(h, locale)).collect(),
            invitations: family.invitations.into_iter().map(|i| InvitationView::from_record(i, locale)).collect(),
            acting_for: family.acting_for.into_iter().map(ActingFor::from).collect(),
        }
    }
}

impl From<LinkedPerson> for LinkView {
    fn from(link: LinkedPerson) -> LinkView {
        LinkView {
            person_id: link.person_id,
            name: link.name,
            role: link.role,
            i_share: link.i_share,
            they_share: link.they_share,
        }
    }
}

impl From<Principal> for ActingFor {
    fn from(principal: Principal) -> ActingFor {
        ActingFor { id: principal.id, name: principal.name, role: principal.role, scope: principal.scope }
    }
}

impl HelperView {
    pub fn from_record(helper: Helper, locale: Locale) -> HelperView {
        HelperView {
            id: helper.id,
            name: helper.name,
            email: helper.email,
            scope: helper.scope,
            since: locale.long_date(helper.granted_at.date_naive()),
        }
    }
}

impl InvitationView {
    pub fn from_record(invitation: Invitation, locale: Locale) -> InvitationView {
        InvitationView {
            id: invitation.id,
            kind: invitation.kind,
            from_name: invitation.from_name,
            helper_name: invitation.helper_name,
            helper_email: invitation.helper_email,
            scope: invitation.scope,
            shares: invitation.shares,
            status: invitation.status,
            sent_on: locale.long_date(invitation.created_at.date_naive()),
            expires_on: locale.long_date(invitation.expires_at.date_naive()),
        }
    }
}

/// The sharing boxes (`share_plan=yes`, ...): one field per record that can be shared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SharesForm {
    pub share_assessment: String,
    pub share_plan: String,
    pub share_budget: String,
    pub share_reviews: String,
    pub share_emergency_plan: String,
}

impl SharesForm {
    /// What `role` shares: the boxes ticked, keeping only what `role` can share.
    pub fn shares(&self, role: Role) -> Vec<Record> {
        let boxes = [
            (Record::Assessment, &self.share_assessment),
            (Record::Plan, &self.share_plan),
            (Record::Budget, &self.share_budget),
            (Record::Reviews, &self.share_reviews),
            (Record::EmergencyPlan, &self.share_emergency_plan),
        ];
        let ticked =
            boxes.into_iter().filter(|(_, value)| *value == "yes").map(|(record, _)| record).collect::<Vec<_>>();
        shares_chosen(role, &ticked)
    }
}

text_form! {
    /// Inviting a helper.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct HelperForm { name, email, scope }
    parsed by HelperInvitation::new(name, email, scope) -> Vec<FamilyProblem>;
}

/// Answering an invitation: its code, `accept` or `decline`, for whom (a representative
/// answering a care link) and what the person cared for shares back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub code: String,
    pub answer: String,
    pub person: String,
    #[serde(flatten)]
    pub shares: SharesForm,
}
