//! What the assessment pages and their server functions send each other: the carer's draft and
//! sent versions, the practitioner's queue and record, and the eligibility decision form; and
//! how each stored record reads on the pages.
use serde::{Deserialize, Serialize};

use crate::domain::assessment::eligibility::yes_no;
use crate::domain::assessment::{
    Answers, CarerOutcome, DecisionProblem, EligibilityDecision, QueuedAssessment, RecordedDecision,
    SubmittedAssessment,
};
use crate::kit::i18n::Locale;

/// How many days the council takes to reply to a sent assessment (stated to the carer).
pub const REPLY_DAYS: i64 = 28;

/// `CA-000042`: the reference a carer can quote on the phone.
pub fn reference(version_id: i64) -> String {
    format!("CA-{version_id:06}")
}

/// The carer's assessment: what is saved so far and what they have sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarerAssessment {
    pub answers: Answers,
    pub seen_pages: Vec<String>,
    /// Newest first.
    pub versions: Vec<SentVersion>,
    /// The carer a practitioner is filling it in with (their name), if that is who is asking.
    pub assisting: Option<String>,
}

/// The answers the carer has saved so far, and nothing else: what a question page and
/// "check your answers" show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftAnswers {
    pub answers: Answers,
    /// The carer a practitioner is filling it in with (their name), if that is who is asking.
    pub assisting: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentVersion {
    pub version: i64,
    pub reference: String,
    pub sent_on: String,
    pub reply_by: String,
    pub answers: Answers,
    pub decision: Option<DecisionSeen>,
    /// Who filled it in with the carer, when it was not the carer.
    pub filled_in_by: Option<String>,
    /// Filled in by someone else and not yet confirmed by the carer: its id, to confirm.
    pub to_confirm: Option<i64>,
}

impl SentVersion {
    /// The version as the carer's own pages show it, dates in `locale`.
    pub fn from_record(sent: SubmittedAssessment, locale: Locale) -> SentVersion {
        SentVersion {
            version: sent.version,
            reference: reference(sent.id),
            sent_on: locale.long_date(sent.submitted_at.date_naive()),
            reply_by: locale.long_date((sent.submitted_at + chrono::Duration::days(REPLY_DAYS)).date_naive()),
            answers: sent.answers,
            decision: sent.decision.map(|d| DecisionSeen::from_record(d, locale)),
            to_confirm: (sent.filled_in_by.is_some() && sent.confirmed_at.is_none()).then_some(sent.id),
            filled_in_by: sent.filled_in_by,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSeen {
    pub decision: EligibilityDecision,
    pub decided_on: String,
}

impl DecisionSeen {
    pub fn from_record(recorded: RecordedDecision, locale: Locale) -> DecisionSeen {
        DecisionSeen { decision: recorded.decision, decided_on: locale.long_date(recorded.decided_at.date_naive()) }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueLine {
    pub id: i64,
    pub carer_id: i64,
    pub carer_name: String,
    pub reference: String,
    pub sent_on: String,
    pub under_18: bool,
    pub eligible: Option<bool>,
}

impl QueueLine {
    pub fn from_record(queued: &QueuedAssessment, locale: Locale) -> QueueLine {
        QueueLine {
            id: queued.id,
            carer_id: queued.carer_id,
            carer_name: queued.carer_name.clone(),
            reference: reference(queued.id),
            sent_on: locale.long_date(queued.submitted_at.date_naive()),
            under_18: queued.under_18,
            eligible: queued.eligible,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Carers in the practitioner's caseload.
    pub mine: Vec<QueueLine>,
    /// Carers nobody has been allocated to yet (latest version each).
    pub unallocated: Vec<QueueLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructuredAssessment {
    pub id: i64,
    pub reference: String,
    pub carer_name: String,
    pub version: i64,
    pub sent_on: String,
    pub answers: Answers,
    /// The answers of the version before, if there is one.
    pub previous: Option<Answers>,
    pub decision: Option<DecisionSeen>,
    /// Who filled it in with the carer, when it was not the carer.
    pub filled_in_by: Option<String>,
}

impl StructuredAssessment {
    /// The version as the practitioner's record shows it, with the answers of the one before.
    pub fn from_record(sent: SubmittedAssessment, previous: Option<Answers>, locale: Locale) -> StructuredAssessment {
        StructuredAssessment {
            id: sent.id,
            reference: reference(sent.id),
            carer_name: sent.carer_name,
            version: sent.version,
            sent_on: locale.long_date(sent.submitted_at.date_naive()),
            answers: sent.answers,
            previous,
            decision: sent.decision.map(|d| DecisionSeen::from_record(d, locale)),
            filled_in_by: sent.filled_in_by,
        }
    }
}

/// The eligibility decision form as posted: three yes/no radios, a reason for each part of the
/// test, a box for each of the eight outcomes (a ticked box posts `yes`) and the advice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub necessary_care: String,
    pub necessary_care_reason: String,
    pub health_at_risk: String,
    pub health_reason: String,
    #[serde(rename = "outcomes-child")]
    pub outcomes_child: String,
    #[serde(rename = "outcomes-others")]
    pub outcomes_others: String,
    #[serde(rename = "outcomes-home")]
    pub outcomes_home: String,
    #[serde(rename = "outcomes-nutrition")]
    pub outcomes_nutrition: String,
    #[serde(rename = "outcomes-relationships")]
    pub outcomes_relationships: String,
    #[serde(rename = "outcomes-work")]
    pub outcomes_work: String,
    #[serde(rename = "outcomes-facilities")]
    pub outcomes_facilities: String,
    #[serde(rename = "outcomes-recreation")]
    pub outcomes_recreation: String,
    pub outcomes_reason: String,
    pub significant_impact: String,
    pub impact_reason: String,
    pub advice: String,
}

impl DecisionForm {
    /// Whether the box for `outcome` was ticked.
    pub fn ticked(&self, outcome: CarerOutcome) -> bool {
        let value = match outcome {
            CarerOutcome::CaringForAChild => &self.outcomes_child,
            CarerOutcome::CaringForOthers => &self.outcomes_others,
            CarerOutcome::HabitableHome => &self.outcomes_home,
            CarerOutcome::Nutrition => &self.outcomes_nutrition,
            CarerOutcome::Relationships => &self.outcomes_relationships,
            CarerOutcome::WorkTrainingEducation => &self.outcomes_work,
            CarerOutcome::LocalFacilities => &self.outcomes_facilities,
            CarerOutcome::Recreation => &self.outcomes_recreation,
        };
        !value.is_empty()
    }
}

impl TryFrom<DecisionForm> for EligibilityDecision {
    type Error = Vec<DecisionProblem>;

    fn try_from(form: DecisionForm) -> Result<Self, Self::Error> {
        let outcomes = CarerOutcome::ALL.iter().copied().filter(|o| form.ticked(*o)).collect();
        EligibilityDecision::new(
            yes_no(&form.necessary_care),
            yes_no(&form.health_at_risk),
            outcomes,
            yes_no(&form.significant_impact),
            [&form.necessary_care_reason, &form.health_reason, &form.outcomes_reason, &form.impact_reason],
            &form.advice,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decision_form_reads_ticked_outcomes_and_keeps_every_problem() {
        let form = DecisionForm {
            necessary_care: "yes".into(),
            health_at_risk: "no".into(),
            outcomes_nutrition: "yes".into(),
            significant_impact: "yes".into(),
            necessary_care_reason: "Your mother could not manage without you.".into(),
            health_reason: "You told us your health is fine.".into(),
            outcomes_reason: "You cannot eat properly because of night care.".into(),
            impact_reason: "Poor nutrition harms your wellbeing.".into(),
            ..DecisionForm::default()
        };
        let decision = EligibilityDecision::try_from(form).unwrap();
        assert!(decision.eligible());
        assert_eq!(decision.outcomes_not_achieved, vec![CarerOutcome::Nutrition]);

        let problems = EligibilityDecision::try_from(DecisionForm::default()).unwrap_err();
        let fields: Vec<String> = problems.iter().map(crate::domain::Problem::field).collect();
        assert_eq!(fields, crate::domain::assessment::tests::BLANK_DECISION_FIELDS);
    }
}
