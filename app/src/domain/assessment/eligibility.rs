//! The practitioner's eligibility decision, recorded against the Care Act test for carers:
//! the needs arise from providing necessary care; because of them the carer's health is
//! deteriorating or at risk, or they cannot achieve one or more of the eight outcomes; and as
//! a result there is, or is likely to be, a significant impact on their wellbeing.
use serde::{Deserialize, Serialize};

use super::records::CarerOutcome;
use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityDecision {
    pub needs_from_necessary_care: bool,
    pub health_at_risk: bool,
    pub outcomes_not_achieved: Vec<CarerOutcome>,
    pub significant_impact: bool,
    /// Why, for each part of the test, in plain words the carer will read.
    pub reasons: Reasons,
    /// Information and advice on meeting or preventing the needs the carer does have
    /// (required when they are not eligible).
    pub advice: String,
}

impl EligibilityDecision {
    pub const TEXT_MAX: usize = 4000;

    /// The test itself: all three conditions, the second met by health or by any outcome.
    pub fn eligible(&self) -> bool {
        self.needs_from_necessary_care
            && (self.health_at_risk || !self.outcomes_not_achieved.is_empty())
            && self.significant_impact
    }

    /// The decision as the practitioner gave it: each yes/no must be answered (`None` when it
    /// was not), every reason is required (in `Reasons::FIELDS` order), and advice is required
    /// when the carer is not eligible.
    pub fn new(
        necessary_care: Option<bool>,
        health_at_risk: Option<bool>,
        outcomes_not_achieved: Vec<CarerOutcome>,
        significant_impact: Option<bool>,
        reasons: [&str; 4],
        advice: &str,
    ) -> Result<EligibilityDecision, Vec<DecisionProblem>> {
        let mut problems = Vec::new();
        let mut answered = |field: &'static str, answer: Option<bool>| {
            if answer.is_none() {
                problems.push(DecisionProblem::Unanswered(field));
            }
            answer
        };
        let necessary = answered("necessary_care", necessary_care);
        let health = answered("health_at_risk", health_at_risk);
        let impact = answered("significant_impact", significant_impact);
        let mut given = Reasons::FIELDS.into_iter().zip(reasons).map(|(field, text)| {
            match BoundedText::required(text, Self::TEXT_MAX) {
                Ok(reason) => Some(reason.into_inner()),
                Err(problem) => {
                    problems.push(DecisionProblem::Reason(field, problem));
                    None
                }
            }
        });
        let reasons =
            match (given.next().flatten(), given.next().flatten(), given.next().flatten(), given.next().flatten()) {
                (Some(necessary_care), Some(health), Some(outcomes), Some(impact)) => {
                    Some(Reasons { necessary_care, health, outcomes, impact })
                }
                _ => None,
            };
        let advice = advice.trim().to_owned();
        if advice.chars().count() > Self::TEXT_MAX {
            problems.push(DecisionProblem::Advice(TextProblem::TooLong { max: Self::TEXT_MAX }));
        }
        let (Some(necessary), Some(health), Some(impact), Some(reasons)) = (necessary, health, impact, reasons) else {
            return Err(problems);
        };
        let decision = EligibilityDecision {
            needs_from_necessary_care: necessary,
            health_at_risk: health,
            outcomes_not_achieved,
            significant_impact: impact,
            reasons,
            advice,
        };
        if !decision.eligible() && decision.advice.is_empty() {
            problems.push(DecisionProblem::Advice(TextProblem::Missing));
        }
        if problems.is_empty() {
            Ok(decision)
        } else {
            Err(problems)
        }
    }
}

/// A yes-or-no radio as posted: `yes`, `no`, or unanswered.
pub fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The practitioner's reasons, one for each part of the test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasons {
    pub necessary_care: String,
    pub health: String,
    pub outcomes: String,
    pub impact: String,
}

impl Reasons {
    /// The form fields, in the order they appear.
    pub const FIELDS: [&'static str; 4] =
        ["necessary_care_reason", "health_reason", "outcomes_reason", "impact_reason"];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionProblem {
    Unanswered(&'static str),
    Reason(&'static str, TextProblem),
    Advice(TextProblem),
}

impl Problem for DecisionProblem {
    fn field(&self) -> String {
        match self {
            DecisionProblem::Unanswered(field) => field,
            DecisionProblem::Reason(field, _) => field,
            DecisionProblem::Advice(_) => "advice",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            DecisionProblem::Unanswered("necessary_care") => locale.text(Text::DecisionNecessaryCareMissing).to_owned(),
            DecisionProblem::Unanswered("health_at_risk") => locale.text(Text::DecisionHealthMissing).to_owned(),
            DecisionProblem::Unanswered(_) => locale.text(Text::DecisionImpactMissing).to_owned(),
            DecisionProblem::Reason(_, TextProblem::Missing) => locale.text(Text::DecisionReasonsMissing).to_owned(),
            DecisionProblem::Advice(TextProblem::Missing) => locale.text(Text::DecisionAdviceMissing).to_owned(),
            DecisionProblem::Reason(_, TextProblem::TooLong { max })
            | DecisionProblem::Advice(TextProblem::TooLong { max }) => with_max(locale, Text::DecisionTooLong, *max),
        }
    }
}
