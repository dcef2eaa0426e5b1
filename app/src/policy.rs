//! Who may do what. Written once here and called by every server function, so a rule cannot
//! be forgotten in one place. Records a person may not see are reported as "not found".
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::teams::Membership;

/// The signed-in person making a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
}

/// How far a representative may act for the person who invited them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    View,
    Edit,
}

impl Scope {
    pub fn parse(value: &str) -> Option<Scope> {
        match value {
            "view" => Some(Scope::View),
            "edit" => Some(Scope::Edit),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::View => "view",
            Scope::Edit => "edit",
        }
    }
}

/// Which of a person's records a request is about. A carer and the person they care for always
/// see each other's names; anything more is shared record by record, by choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    Profile,
    Assessment,
    Plan,
    Budget,
    Reviews,
    EmergencyPlan,
}

impl Record {
    pub const SHAREABLE: [Record; 5] =
        [Record::Assessment, Record::Plan, Record::Budget, Record::Reviews, Record::EmergencyPlan];

    pub fn code(self) -> &'static str {
        match self {
            Record::Profile => "profile",
            Record::Assessment => "assessment",
            Record::Plan => "plan",
            Record::Budget => "budget",
            Record::Reviews => "reviews",
            Record::EmergencyPlan => "emergency_plan",
        }
    }

    pub fn parse(code: &str) -> Option<Record> {
        Record::SHAREABLE.into_iter().find(|r| r.code() == code)
    }
}

/// The actor's ties to other people, as the store records them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relations {
    /// Customers this carer cares for.
    pub cares_for: Vec<i64>,
    /// Carers who care for this customer.
    pub cared_for_by: Vec<i64>,
    /// People this representative acts for, and how far.
    pub represents: Vec<(i64, Scope)>,
    /// People in this practitioner's caseload.
    pub caseload: Vec<i64>,
    /// Records other people share with this actor: (whose, which).
    pub shared_with_me: Vec<(i64, Record)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    View,
    Edit,
}

/// Things a role may do that are not about one person's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capability {
    ManageUsers,
    ReadAuditLog,
    /// The whole audit log, not only one's own actions and one's own people's records.
    ReadWholeAuditLog,
    ViewCaseload,
    LookUpEmergencyPlans,
    ManageDirectory,
    /// Find anyone's account to export or erase their data (UK GDPR requests).
    HandleDataRequests,
    /// Read the messages sent from the contact page and mark them done.
    ReadMessages,
    /// Create teams, set whose intake they receive, put practitioners in them.
    ManageTeams,
    /// See the teams' intake and workload (what to allocate is decided per team, below).
    SeeIntake,
}

/// Whether access to a person's records is allowed, and on what basis (recorded in the audit
/// log when staff read a record).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allowed { basis: Basis },
    Denied,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    OwnRecord,
    CaresFor,
    CaredForBy,
    Represents,
    Caseload,
    /// An admin handling a data rights request (a copy, or erasure).
    DataRequest,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::OwnRecord => "own record",
            Basis::CaresFor => "cares for this person",
            Basis::CaredForBy => "cared for by this person",
            Basis::Represents => "represents this person",
            Basis::Caseload => "in caseload",
            Basis::DataRequest => "data rights request",
        }
    }
}

impl Decision {
    pub fn allowed(self) -> bool {
        matches!(self, Decision::Allowed { .. })
    }
}

impl Actor {
    pub fn may(&self, capability: Capability) -> bool {
        match capability {
            Capability::ManageUsers => self.role == Role::Admin,
            Capability::ReadAuditLog => matches!(self.role, Role::Admin | Role::Practitioner),
            Capability::ReadWholeAuditLog => self.role == Role::Admin,
            Capability::ViewCaseload => self.role == Role::Practitioner,
            Capability::LookUpEmergencyPlans => self.role == Role::Responder,
            Capability::ManageDirectory => self.role == Role::Admin,
            Capability::HandleDataRequests => self.role == Role::Admin,
            Capability::ReadMessages => matches!(self.role, Role::Admin | Role::Practitioner),
            Capability::ManageTeams => self.role == Role::Admin,
            Capability::SeeIntake => matches!(self.role, Role::Admin | Role::Practitioner),
        }
    }

    /// May this actor see a person waiting in intake whose intake goes to the `covering` teams
    /// (empty: no team covers them)? Admins see all of it; a practitioner sees their teams'
    /// intake and everyone no team covers, so nothing waits where no member of staff looks.
    pub fn sees_intake(&self, membership: &Membership, covering: &[i64]) -> bool {
        self.role == Role::Admin || self.may_take_on(membership, covering)
    }

    /// May this practitioner take on a person in these teams' intake themselves?
    pub fn may_take_on(&self, membership: &Membership, covering: &[i64]) -> bool {
        self.role == Role::Practitioner && (covering.is_empty() || covering.iter().any(|t| membership.is_in(*t)))
    }

    /// May this actor allocate (or reallocate, or end the allocation of) a person whose work
    /// belongs to the `teams` given (the teams covering them and their worker's teams)? A
    /// manager of one of them; any manager when no team covers the person.
    pub fn may_allocate(&self, membership: &Membership, teams: &[i64]) -> bool {
        self.role == Role::Practitioner
            && (teams.iter().any(|t| membership.manages(*t)) || (teams.is_empty() && membership.manages_any()))
    }

    /// May this actor read and answer, in the portal, a contact message linked to `about`?
    /// Only the person it is about (carers and cared-for people): staff read every message
    /// through the inbox (`Capability::ReadMessages`), and a message linked to nobody is read
    /// there only.
    pub fn owns_message(&self, about: Option<i64>) -> bool {
        matches!(self.role, Role::Carer | Role::Customer) && about == Some(self.user_id)
    }

    /// May this actor take a copy of everything held about `person_id`? Their own, always;
    /// a practitioner's caseload; anyone for an admin handling a data rights request.
    pub fn may_export_data(&self, relations: &Relations, person_id: i64) -> Decision {
        if self.may(Capability::HandleDataRequests) {
            return Decision::Allowed {
                basis: if person_id == self.user_id { Basis::OwnRecord } else { Basis::DataRequest },
            };
        }
        match self.may_access(relations, person_id, Record::Profile, Access::View) {
            Decision::Allowed { basis: basis @ (Basis::OwnRecord | Basis::Caseload) } => Decision::Allowed { basis },
            _ => Decision::Denied,
        }
    }

    /// May this actor erase `person_id`'s data? Only an admin, and never their own account
    /// (another admin must do it, so nobody can erase their own trail).
    pub fn may_erase_data(&self, person_id: i64) -> bool {
        self.may(Capability::HandleDataRequests) && person_id != self.user_id
    }

    /// May this actor view or change this `record` of `person_id`?
    pub fn may_access(&self, relations: &Relations, person_id: i64, record: Record, access: Access) -> Decision {
        let allow = |basis| Decision::Allowed { basis };
        if person_id == self.user_id {
            return allow(Basis::OwnRecord);
        }
        // Carers and the people they care for see each other's names, and the records the
        // other has chosen to share; changing them stays with the person.
        let shared = access == Access::View
            && (record == Record::Profile || relations.shared_with_me.contains(&(person_id, record)));
        match self.role {
            Role::Carer if relations.cares_for.contains(&person_id) && shared => allow(Basis::CaresFor),
            Role::Customer if relations.cared_for_by.contains(&person_id) && shared => allow(Basis::CaredForBy),
            Role::Representative => match relations.represents.iter().find(|(id, _)| *id == person_id) {
                Some((_, Scope::Edit)) => allow(Basis::Represents),
                Some((_, Scope::View)) if access == Access::View => allow(Basis::Represents),
                _ => Decision::Denied,
            },
            Role::Practitioner if relations.caseload.contains(&person_id) => allow(Basis::Caseload),
            // Admins manage accounts, not care records; responders reach one emergency plan
            // by its card code, never a person's records.
            _ => Decision::Denied,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(user_id: i64, role: Role) -> Actor {
        Actor { user_id, role }
    }

    #[test]
    fn everyone_may_see_and_change_their_own_records() {
        for role in Role::ALL {
            assert!(actor(1, role).may_access(&Relations::default(), 1, Record::Plan, Access::Edit).allowed());
        }
    }

    #[test]
    fn nobody_sees_a_stranger() {
        for role in Role::ALL {
            let decision = actor(1, role).may_access(&Relations::default(), 2, Record::Profile, Access::View);
            assert!(!decision.allowed(), "{role:?}");
            assert!(
                !actor(1, role).may_access(&Relations::default(), 2, Record::Plan, Access::Edit).allowed(),
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_practitioner_works_only_on_their_caseload() {
        let relations = Relations { caseload: vec![7], ..Relations::default() };
        let practitioner = actor(1, Role::Practitioner);
        assert_eq!(
            practitioner.may_access(&relations, 7, Record::Plan, Access::Edit),
            Decision::Allowed { basis: Basis::Caseload }
        );
        assert_eq!(practitioner.may_access(&relations, 8, Record::Plan, Access::View), Decision::Denied);
    }

    #[test]
    fn a_representative_acts_within_their_scope() {
        let relations = Relations { represents: vec![(5, Scope::View), (6, Scope::Edit)], ..Relations::default() };
        let representative = actor(1, Role::Representative);
        assert!(representative.may_access(&relations, 5, Record::Plan, Access::View).allowed());
        assert!(!representative.may_access(&relations, 5, Record::Plan, Access::Edit).allowed());
        assert!(representative.may_access(&relations, 6, Record::Plan, Access::Edit).allowed());
    }

    #[test]
    fn a_carer_sees_what_the_person_they_care_for_shares_and_changes_nothing() {
        let relations = Relations {
            cares_for: vec![3],
            shared_with_me: vec![(3, Record::Plan), (9, Record::Budget)],
            ..Relations::default()
        };
        let carer = actor(1, Role::Carer);
        assert!(carer.may_access(&relations, 3, Record::Profile, Access::View).allowed());
        assert!(carer.may_access(&relations, 3, Record::Plan, Access::View).allowed());
        assert!(!carer.may_access(&relations, 3, Record::Budget, Access::View).allowed());
        assert!(!carer.may_access(&relations, 3, Record::Plan, Access::Edit).allowed());
        // A share from someone no longer linked counts for nothing.
        assert!(!carer.may_access(&relations, 9, Record::Budget, Access::View).allowed());
    }

    #[test]
    fn a_carers_assessment_stays_private_unless_shared() {
        let linked = Relations { cared_for_by: vec![1], ..Relations::default() };
        let customer = actor(3, Role::Customer);
        assert!(!customer.may_access(&linked, 1, Record::Assessment, Access::View).allowed());
        let shared = Relations { shared_with_me: vec![(1, Record::Assessment)], ..linked };
        assert!(customer.may_access(&shared, 1, Record::Assessment, Access::View).allowed());
    }

    #[test]
    fn a_copy_of_someones_data_is_for_them_their_practitioner_or_an_admin() {
        let caseload = Relations { caseload: vec![7], ..Relations::default() };
        assert!(actor(7, Role::Carer).may_export_data(&Relations::default(), 7).allowed());
        assert_eq!(
            actor(1, Role::Practitioner).may_export_data(&caseload, 7),
            Decision::Allowed { basis: Basis::Caseload }
        );
        assert!(!actor(1, Role::Practitioner).may_export_data(&caseload, 8).allowed());
        assert_eq!(
            actor(1, Role::Admin).may_export_data(&Relations::default(), 8),
            Decision::Allowed { basis: Basis::DataRequest }
        );
        let family = Relations { cares_for: vec![3], shared_with_me: vec![(3, Record::Plan)], ..Relations::default() };
        assert!(
            !actor(1, Role::Carer).may_export_data(&family, 3).allowed(),
            "a carer does not get the person's whole record"
        );
        let helper = Relations { represents: vec![(3, Scope::Edit)], ..Relations::default() };
        assert!(!actor(1, Role::Representative).may_export_data(&helper, 3).allowed());
    }

    #[test]
    fn only_an_admin_erases_and_never_their_own_account() {
        assert!(actor(1, Role::Admin).may_erase_data(2));
        assert!(!actor(1, Role::Admin).may_erase_data(1));
        for role in [Role::Carer, Role::Customer, Role::Representative, Role::Practitioner, Role::Responder] {
            assert!(!actor(1, role).may_erase_data(2), "{role:?}");
        }
    }

    #[test]
    fn intake_is_seen_by_the_teams_that_cover_a_person_and_by_everyone_when_none_does() {
        let member = Membership { places: vec![(1, false)] };
        let manager = Membership { places: vec![(2, true)] };
        let practitioner = actor(1, Role::Practitioner);
        assert!(practitioner.sees_intake(&member, &[1]));
        assert!(!practitioner.sees_intake(&member, &[2]));
        assert!(practitioner.sees_intake(&Membership::default(), &[]), "nobody covers them: everyone looks");
        assert!(actor(1, Role::Admin).sees_intake(&Membership::default(), &[2]));
        assert!(!actor(1, Role::Carer).sees_intake(&member, &[]));
        assert!(!practitioner.may_allocate(&member, &[1]), "members take on work; managers allocate it");
        assert!(practitioner.may_allocate(&manager, &[1, 2]));
        assert!(practitioner.may_allocate(&manager, &[]));
        assert!(!practitioner.may_allocate(&manager, &[1]));
        assert!(!actor(1, Role::Admin).may_allocate(&manager, &[2]), "admins manage teams, not casework");
    }

    #[test]
    fn a_message_in_the_portal_is_read_by_the_person_it_is_about_only() {
        assert!(actor(7, Role::Carer).owns_message(Some(7)));
        assert!(actor(7, Role::Customer).owns_message(Some(7)));
        assert!(!actor(7, Role::Carer).owns_message(Some(8)));
        assert!(!actor(7, Role::Carer).owns_message(None), "linked to nobody: the inbox only");
        assert!(!actor(7, Role::Practitioner).owns_message(Some(7)));
        assert!(actor(1, Role::Practitioner).may(Capability::ReadMessages));
        assert!(!actor(1, Role::Responder).may(Capability::ReadMessages));
    }

    #[test]
    fn only_admins_manage_users_and_only_responders_look_up_plans() {
        assert!(actor(1, Role::Admin).may(Capability::ManageUsers));
        assert!(!actor(1, Role::Practitioner).may(Capability::ManageUsers));
        assert!(actor(1, Role::Responder).may(Capability::LookUpEmergencyPlans));
        assert!(!actor(1, Role::Carer).may(Capability::LookUpEmergencyPlans));
    }
}
