//! The structured Care and Support Plan (or carer's Support Plan) the council keeps: the
//! contents the Care Act requires, completed by the practitioner from the person's own plan.
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::date::{date_input, DateProblem};
use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

/// One statutory field of the plan: its form name and its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatutoryField {
    pub name: &'static str,
    pub label: Text,
    pub required: bool,
}

/// The text fields, in the order the Care Act statutory guidance lists them.
pub const FIELDS: [StatutoryField; 8] = [
    StatutoryField { name: "needs", label: Text::RecordPlanNeeds, required: true },
    StatutoryField { name: "eligibility", label: Text::RecordPlanEligibility, required: true },
    StatutoryField { name: "needs_met", label: Text::RecordPlanNeedsMet, required: true },
    StatutoryField { name: "outcomes", label: Text::RecordPlanOutcomes, required: true },
    StatutoryField { name: "advice", label: Text::RecordPlanAdvice, required: true },
    StatutoryField { name: "direct_payment", label: Text::RecordPlanDirectPayment, required: false },
    StatutoryField { name: "carer", label: Text::RecordPlanCarer, required: false },
    StatutoryField { name: "contingency", label: Text::RecordPlanContingency, required: true },
];

pub const FIELD_MAX: usize = 4000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareAndSupportPlan {
    /// Field name → the practitioner's words (empty for an optional field left out).
    pub fields: BTreeMap<String, String>,
    /// The anticipated review date.
    pub review_date: NaiveDate,
}

impl CareAndSupportPlan {
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or_default()
    }

    /// Reads the sign-off form. `today` is when it is signed: the review must come later.
    pub fn parse(form: &BTreeMap<String, String>, today: NaiveDate) -> Result<CareAndSupportPlan, Vec<RecordProblem>> {
        let mut problems = Vec::new();
        let mut fields = BTreeMap::new();
        for field in FIELDS {
            let input = form.get(field.name).map(String::as_str).unwrap_or_default();
            let parsed = if field.required {
                BoundedText::required(input, FIELD_MAX).map(Some)
            } else {
                BoundedText::optional(input, FIELD_MAX)
            };
            match parsed {
                Ok(text) => {
                    fields.insert(field.name.to_owned(), text.map(BoundedText::into_inner).unwrap_or_default());
                }
                Err(problem) => problems.push(RecordProblem::Field(field.name, problem)),
            }
        }
        let review_date = match date_input(form, "review") {
            Ok(date) if date > today => Some(date),
            Ok(_) => {
                problems.push(RecordProblem::ReviewDateNotFuture);
                None
            }
            Err(DateProblem::Missing) => {
                problems.push(RecordProblem::ReviewDateMissing);
                None
            }
            Err(DateProblem::Invalid) => {
                problems.push(RecordProblem::ReviewDateInvalid);
                None
            }
        };
        match review_date {
            Some(review_date) if problems.is_empty() => Ok(CareAndSupportPlan { fields, review_date }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    Field(&'static str, TextProblem),
    ReviewDateMissing,
    ReviewDateInvalid,
    ReviewDateNotFuture,
}

impl Problem for RecordProblem {
    fn field(&self) -> String {
        match self {
            RecordProblem::Field(name, _) => name,
            // The error links to the first box of the GOV.UK date input.
            _ => "review-day",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            // Each message names its part of the plan, so the error summary is not a list of
            // identical lines.
            RecordProblem::Field(name, TextProblem::Missing) => {
                let label = FIELDS.iter().find(|f| f.name == *name).map(|f| locale.text(f.label)).unwrap_or_default();
                locale.fill(Text::RecordPlanFieldMissing, &[("field", label)])
            }
            RecordProblem::Field(_, TextProblem::TooLong { max }) => with_max(locale, Text::DecisionTooLong, *max),
            RecordProblem::ReviewDateMissing => locale.text(Text::RecordPlanReviewMissing).to_owned(),
            RecordProblem::ReviewDateInvalid => locale.text(Text::RecordPlanReviewInvalid).to_owned(),
            RecordProblem::ReviewDateNotFuture => locale.text(Text::RecordPlanReviewPast).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn complete() -> Vec<(&'static str, &'static str)> {
        vec![
            ("needs", "Help with washing and meals"),
            ("eligibility", "Meets the criteria: two outcomes cannot be achieved"),
            ("needs_met", "Home care each morning"),
            ("outcomes", "To stay at home with my wife"),
            ("advice", "Carers FIRST can help with benefits"),
            ("contingency", "The Carers Emergency Response Service plan is in place"),
            ("review-day", "1"),
            ("review-month", "3"),
            ("review-year", "2027"),
        ]
    }

    #[test]
    fn a_complete_plan_parses_with_its_review_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let plan = CareAndSupportPlan::parse(&form(&complete()), today).unwrap();
        assert_eq!(plan.review_date, NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
        assert_eq!(plan.field("direct_payment"), "");
    }

    #[test]
    fn missing_fields_and_impossible_or_past_dates_are_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let problems = CareAndSupportPlan::parse(&form(&[("review-day", "31"), ("review-month", "2"), ("review-year", "2027")]), today).unwrap_err();
        assert!(problems.contains(&RecordProblem::ReviewDateInvalid));
        assert!(problems.contains(&RecordProblem::Field("needs", TextProblem::Missing)));
        assert!(!problems.iter().any(|p| matches!(p, RecordProblem::Field("direct_payment", _))));
        let mut past = complete();
        past.retain(|(k, _)| *k != "review-year");
        past.push(("review-year", "2025"));
        assert_eq!(CareAndSupportPlan::parse(&form(&past), today).unwrap_err(), vec![RecordProblem::ReviewDateNotFuture]);
    }
}
