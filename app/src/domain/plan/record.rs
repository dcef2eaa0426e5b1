//! The structured Care and Support Plan (or carer's Support Plan) the council keeps: the
//! contents the Care Act requires, completed by the practitioner from the person's own plan.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::date::DateProblem;
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

/// The practitioner's words for each text field of `FIELDS` (empty for an optional field left
/// out). Stored inside the record as `{"needs": …, "eligibility": …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatutoryWords {
    pub needs: String,
    pub eligibility: String,
    pub needs_met: String,
    pub outcomes: String,
    pub advice: String,
    pub direct_payment: String,
    pub carer: String,
    pub contingency: String,
}

impl StatutoryWords {
    /// The words of the field named `name` in `FIELDS` (empty for any other name).
    pub fn get(&self, name: &str) -> &str {
        match name {
            "needs" => &self.needs,
            "eligibility" => &self.eligibility,
            "needs_met" => &self.needs_met,
            "outcomes" => &self.outcomes,
            "advice" => &self.advice,
            "direct_payment" => &self.direct_payment,
            "carer" => &self.carer,
            "contingency" => &self.contingency,
            _ => "",
        }
    }

    fn get_mut(&mut self, name: &str) -> Option<&mut String> {
        match name {
            "needs" => Some(&mut self.needs),
            "eligibility" => Some(&mut self.eligibility),
            "needs_met" => Some(&mut self.needs_met),
            "outcomes" => Some(&mut self.outcomes),
            "advice" => Some(&mut self.advice),
            "direct_payment" => Some(&mut self.direct_payment),
            "carer" => Some(&mut self.carer),
            "contingency" => Some(&mut self.contingency),
            _ => None,
        }
    }
}

/// Words by field name, for fixtures and demo data; names not in `FIELDS` are left out.
impl<N: AsRef<str>, W: Into<String>> FromIterator<(N, W)> for StatutoryWords {
    fn from_iter<I: IntoIterator<Item = (N, W)>>(pairs: I) -> Self {
        let mut words = StatutoryWords::default();
        for (name, text) in pairs {
            if let Some(field) = words.get_mut(name.as_ref()) {
                *field = text.into();
            }
        }
        words
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareAndSupportPlan {
    pub fields: StatutoryWords,
    /// The anticipated review date.
    pub review_date: NaiveDate,
}

impl CareAndSupportPlan {
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name)
    }

    /// The record from the words as typed and the review date as read from its three boxes.
    /// `today` is when it is signed: the review must come later.
    pub fn new(
        typed: StatutoryWords,
        review: Result<NaiveDate, DateProblem>,
        today: NaiveDate,
    ) -> Result<CareAndSupportPlan, Vec<RecordProblem>> {
        let mut problems = Vec::new();
        let mut fields = StatutoryWords::default();
        for field in FIELDS {
            match statutory_words(field, typed.get(field.name)) {
                Ok(text) => {
                    if let Some(slot) = fields.get_mut(field.name) {
                        *slot = text;
                    }
                }
                Err(problem) => problems.push(problem),
            }
        }
        match review_date(review, today) {
            Ok(review_date) if problems.is_empty() => Ok(CareAndSupportPlan { fields, review_date }),
            Ok(_) => Err(problems),
            Err(problem) => {
                problems.push(problem);
                Err(problems)
            }
        }
    }
}

/// One field's words: trimmed, within `FIELD_MAX`, and there if the field is required.
pub fn statutory_words(field: StatutoryField, input: &str) -> Result<String, RecordProblem> {
    let checked = if field.required {
        BoundedText::required(input, FIELD_MAX).map(Some)
    } else {
        BoundedText::optional(input, FIELD_MAX)
    };
    checked
        .map(|text| text.map(BoundedText::into_inner).unwrap_or_default())
        .map_err(|problem| RecordProblem::Field(field.name, problem))
}

/// The anticipated review date as read from the form: a real date after `today`.
pub fn review_date(review: Result<NaiveDate, DateProblem>, today: NaiveDate) -> Result<NaiveDate, RecordProblem> {
    match review {
        Ok(date) if date > today => Ok(date),
        Ok(_) => Err(RecordProblem::ReviewDateNotFuture),
        Err(DateProblem::Missing) => Err(RecordProblem::ReviewDateMissing),
        Err(DateProblem::Invalid) => Err(RecordProblem::ReviewDateInvalid),
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
    use crate::domain::date::date_from;

    fn complete() -> StatutoryWords {
        StatutoryWords {
            needs: "Help with washing and meals".into(),
            eligibility: "Meets the criteria: two outcomes cannot be achieved".into(),
            needs_met: "Home care each morning".into(),
            outcomes: "To stay at home with my wife".into(),
            advice: "Carers FIRST can help with benefits".into(),
            contingency: "The Carers Emergency Response Service plan is in place".into(),
            ..StatutoryWords::default()
        }
    }

    #[test]
    fn a_complete_plan_parses_with_its_review_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let plan = CareAndSupportPlan::new(complete(), date_from("1", "3", "2027"), today).unwrap();
        assert_eq!(plan.review_date, NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
        assert_eq!(plan.field("direct_payment"), "");
        assert_eq!(plan.field("needs"), "Help with washing and meals");
    }

    #[test]
    fn missing_fields_and_impossible_or_past_dates_are_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let impossible = date_from("31", "2", "2027");
        let problems = CareAndSupportPlan::new(StatutoryWords::default(), impossible, today).unwrap_err();
        assert!(problems.contains(&RecordProblem::ReviewDateInvalid));
        assert!(problems.contains(&RecordProblem::Field("needs", TextProblem::Missing)));
        assert!(!problems.iter().any(|p| matches!(p, RecordProblem::Field("direct_payment", _))));
        let past = CareAndSupportPlan::new(complete(), date_from("1", "3", "2025"), today).unwrap_err();
        assert_eq!(past, vec![RecordProblem::ReviewDateNotFuture]);
    }

    #[test]
    fn words_are_stored_by_field_name() {
        let words: StatutoryWords = [("needs", "Help at home"), ("not_a_field", "ignored")].into_iter().collect();
        let plan = CareAndSupportPlan { fields: words, review_date: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap() };
        let stored = serde_json::to_value(&plan).unwrap();
        assert_eq!(stored["fields"]["needs"], "Help at home");
        let stored_before = serde_json::json!({"fields": {"needs": "Help at home"}, "review_date": "2027-03-01"});
        let read: CareAndSupportPlan = serde_json::from_value(stored_before).unwrap();
        assert_eq!(read, plan);
    }
}
