//! Who may do what. Written once here and called by every server function, so a rule cannot
//! be forgotten in one place. Records a person may not see are reported as "not found".
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::council::StaffSignIn;
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
    /// Carers whose record this actor started and who have not yet taken it over.
    pub started_for: Vec<i64>,
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
    /// Start a record for a carer with no account or email, and fill in the assessment with
    /// them: practitioners and trusted assessors.
    StartAssistedRecords,
    /// See the emails the portal could not send after every try, and send them again.
    ManageMail,
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
    /// A trusted assessor who started this carer's record, until the carer takes it over.
    StartedRecord,
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
            Basis::StartedRecord => "started their record",
            Basis::DataRequest => "data rights request",
        }
    }
}

impl Decision {
    pub fn allowed(self) -> bool {
        matches!(self, Decision::Allowed { .. })
    }
}

/// How someone proves who they are when signing in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInMethod {
    /// Email address and password (then a code, for anyone with two-factor on).
    Password,
    /// The council's identity provider (OpenID Connect): council staff only.
    Council,
}

/// May an account with `role` sign in this way? The council's sign-in is for staff accounts an
/// admin made (it never creates one); once the council switches staff passwords off,
/// practitioners and admins sign in only through it. Trusted assessors and responders, who may
/// work outside the council, keep their passwords with two-factor.
pub fn may_sign_in(role: Role, method: SignInMethod, staff: StaffSignIn) -> bool {
    match method {
        SignInMethod::Council => staff.through_council && role.is_staff(),
        SignInMethod::Password => !(staff.passwords_off && matches!(role, Role::Practitioner | Role::Admin)),
    }
}

/// Must someone signed in this way set up two-factor sign-in before anything else? Staff who
/// signed in with a password alone (no code: they have not set it up) must; a code after the
/// password, or the council's sign-in (whose provider has its own), is a second factor.
pub fn must_set_up_two_factor(role: Role, second_factor: bool) -> bool {
    role.is_staff() && !second_factor
}

/// Erasing an admin's information or switching their account off needs a second admin: one
/// admin asks, another approves.
pub fn needs_second_admin(subject: Role) -> bool {
    subject == Role::Admin
}

impl Actor {
    /// May this actor approve what `asked_by` asked for about `subject_id`? An admin who is
    /// neither.
    pub fn may_approve(&self, asked_by: i64, subject_id: i64) -> bool {
        self.role == Role::Admin && self.user_id != asked_by && self.user_id != subject_id
    }

    pub fn may(&self, capability: Capability) -> bool {
        match capability {
            Capability::ManageUsers => self.role == Role::Admin,
            Capability::ReadAuditLog => matches!(self.role, Role::Admin | Role::Practitioner),
            Capability::ReadWholeAuditLog => self.role == Role::Admin,
            Capability::ViewCaseload => self.role == Role::Practitioner,
            Capability::LookUpEmergencyPlans => self.role == Role::Responder,
            Capability::ManageDirectory => self.role == Role::Admin,
            Capability::HandleDataRequests => self.role == Role::Admin,
            Capability::ManageMail => self.role == Role::Admin,
            Capability::ReadMessages => matches!(self.role, Role::Admin | Role::Practitioner),
            Capability::ManageTeams => self.role == Role::Admin,
            Capability::SeeIntake => matches!(self.role, Role::Admin | Role::Practitioner),
            Capability::StartAssistedRecords => matches!(self.role, Role::Practitioner | Role::TrustedAssessor),
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
            // A trusted assessor fills in the self-assessment; the council decides it, and
            // everything else stays with the council and the carer.
            Role::TrustedAssessor
                if relations.started_for.contains(&person_id)
                    && matches!(record, Record::Profile | Record::Assessment) =>
            {
                allow(Basis::StartedRecord)
            }
            // Admins manage accounts, not care records; responders reach one emergency plan
            // by its card code, never a person's records.
            _ => Decision::Denied,
        }
    }
}

#[cfg(test)]
mod tests;
