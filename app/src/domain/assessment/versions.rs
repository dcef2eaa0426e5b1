//! The assessment as the store keeps it once sent: a frozen version of the answers, the
//! practitioner's decision on it, and a line in the practitioners' queue.
use chrono::{DateTime, Utc};

use super::{Answers, EligibilityDecision};

/// A carer's assessment as they sent it: a frozen copy of their answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmittedAssessment {
    pub id: i64,
    pub carer_id: i64,
    pub carer_name: String,
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub answers: Answers,
    pub decision: Option<RecordedDecision>,
    /// Who filled it in with the carer, when it was not the carer (a practitioner on the phone).
    pub filled_in_by: Option<String>,
    /// When the carer confirmed a version someone filled in with them.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// The eligibility decision on a version, with who made it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDecision {
    pub decision: EligibilityDecision,
    pub practitioner_id: i64,
    pub decided_at: DateTime<Utc>,
}

/// A line in the practitioners' queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedAssessment {
    pub id: i64,
    pub carer_id: i64,
    pub carer_name: String,
    /// Where the carer lives, if they said: which teams cover them.
    pub postcode: Option<crate::domain::area::Postcode>,
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub under_18: bool,
    /// `Some(eligible)` once decided.
    pub eligible: Option<bool>,
    /// Whether any practitioner has the carer in their caseload.
    pub allocated: bool,
}
