//! What the plan's pages and its server functions send each other: the person's contributions,
//! their own words split into parts, a version sent for agreement, and the forms with the
//! conversions that turn them into the domain's types.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::date::date_from;
use crate::domain::plan::record::{CareAndSupportPlan, RecordProblem, StatutoryWords};
use crate::domain::plan::words::ProposedPart;
use crate::domain::plan::{
    ContributionChange, ContributionKind, PlanProblem, PlanVersion, SentContribution, WrittenContribution,
};
use crate::features::emergency::wire::CarerPlanNotice;
use crate::kit::forms::text_form;
use crate::kit::i18n::Locale;

/// Something in the person's plan, as their page shows it: what it would be sent for agreement
/// as (its id, to change, move or remove it, and what it says or shows).
pub type PlanItem = SentContribution;

/// The long text the person is mapping into sections, and the part proposed for each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnWords {
    pub words: String,
    pub parts: Vec<ProposedPart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersionView {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub version: i64,
    pub sent_on: String,
    pub contributions: Vec<SentContribution>,
    pub record: Option<CareAndSupportPlan>,
    pub review_on: Option<String>,
    /// "Signed off by … on …", once it is.
    pub signed_off: Option<(String, String)>,
    /// The person's carers' emergency plans, highlighted in their plan as the procedure asks.
    pub carers_plans: Vec<CarerPlanNotice>,
}

impl PlanVersionView {
    /// The version as its pages show it, without the carers' emergency plans (the version page
    /// adds those).
    pub fn from_record(version: PlanVersion, locale: Locale) -> PlanVersionView {
        PlanVersionView {
            id: version.id,
            person_id: version.person_id,
            person_name: version.person_name,
            version: version.version,
            sent_on: locale.long_date(version.submitted_at.date_naive()),
            review_on: version.record.as_ref().map(|r| locale.long_date(r.review_date)),
            contributions: version.contributions,
            record: version.record,
            signed_off: version
                .signed_off_by
                .zip(version.signed_off_at)
                .map(|(who, when)| (who, locale.long_date(when.date_naive()))),
            carers_plans: Vec::new(),
        }
    }
}

text_form! {
    /// Words to add to the plan: the section's code and the text.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AddWordsForm { section, text }
    parsed by WrittenContribution::parse(section, text) -> Vec<PlanProblem>;
}

/// A change to something in the plan: new words, or a new caption and description. Which of
/// them count depends on what the item is, which the form does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeItemForm {
    pub text: String,
    pub caption: String,
    pub alt_text: String,
}

impl ChangeItemForm {
    /// The change for an item of `kind` (words, picture or clip).
    pub fn into_change(self, kind: ContributionKind) -> Result<ContributionChange, Vec<PlanProblem>> {
        ContributionChange::parse(kind, &self.text, &self.caption, &self.alt_text)
    }
}

/// The practitioner's sign-off form: the statutory fields (named as in `record::FIELDS`) and
/// the anticipated review date's three boxes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOffForm {
    pub needs: String,
    pub eligibility: String,
    pub needs_met: String,
    pub outcomes: String,
    pub advice: String,
    pub direct_payment: String,
    pub carer: String,
    pub contingency: String,
    #[serde(rename = "review-day")]
    pub review_day: String,
    #[serde(rename = "review-month")]
    pub review_month: String,
    #[serde(rename = "review-year")]
    pub review_year: String,
}

impl SignOffForm {
    /// The statutory record, signed `today`: the review must come later.
    pub fn into_record(self, today: NaiveDate) -> Result<CareAndSupportPlan, Vec<RecordProblem>> {
        let review = date_from(&self.review_day, &self.review_month, &self.review_year);
        let typed = StatutoryWords {
            needs: self.needs,
            eligibility: self.eligibility,
            needs_met: self.needs_met,
            outcomes: self.outcomes,
            advice: self.advice,
            direct_payment: self.direct_payment,
            carer: self.carer,
            contingency: self.contingency,
        };
        CareAndSupportPlan::new(typed, review, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::PlanSection;
    use crate::domain::text::TextProblem;

    #[test]
    fn words_need_a_section_they_can_go_in() {
        let form = AddWordsForm { section: "important".into(), text: " My garden ".into() };
        let written = WrittenContribution::try_from(form).unwrap();
        assert_eq!((written.section, written.text.as_str()), (PlanSection::ImportantToMe, "My garden"));
        let problems = WrittenContribution::try_from(AddWordsForm::default()).unwrap_err();
        assert_eq!(problems, [PlanProblem::SectionMissing, PlanProblem::Text(TextProblem::Missing)]);
    }

    #[test]
    fn a_sign_off_reads_the_review_date_from_its_three_boxes() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let form = SignOffForm {
            needs: "Help with washing".into(),
            eligibility: "Eligible".into(),
            needs_met: "Home care".into(),
            outcomes: "Stay at home".into(),
            advice: "Carers FIRST".into(),
            contingency: "CERS plan".into(),
            review_day: "1".into(),
            review_month: "3".into(),
            review_year: "2027".into(),
            ..SignOffForm::default()
        };
        let record = form.clone().into_record(today).unwrap();
        assert_eq!(record.review_date, NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
        assert_eq!(record.field("outcomes"), "Stay at home");
        let undated = SignOffForm { review_year: String::new(), ..form };
        assert_eq!(undated.into_record(today).unwrap_err(), [RecordProblem::ReviewDateInvalid]);
    }
}
