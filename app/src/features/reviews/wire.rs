//! What the review pages and their server functions send each other: a review as the pages
//! show it, the people whose plan the signed-in person may ask to have reviewed, and the three
//! forms (asking for a review, arranging it, recording its outcome) with the conversions that
//! turn them into the domain's types.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::date::date_from;
use crate::domain::reviews::{
    Arrangement, Due, OutcomeRecord, PlannedReview, Review, ReviewKind, ReviewMethod, ReviewProblem, ReviewRequest,
    ReviewStatus,
};
use crate::kit::forms::text_form;
use crate::kit::i18n::Locale;

/// A review as the pages show it, dates already in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i64,
    pub reference: String,
    pub person_id: i64,
    pub person_name: String,
    pub kind: ReviewKind,
    pub status: ReviewStatus,
    /// The window a planned review is due in, and how near it is.
    pub due: Option<(String, String, Due)>,
    pub request: Option<ReviewRequest>,
    pub requested_by: Option<String>,
    pub created_on: String,
    pub arranged: Option<(String, ReviewMethod)>,
    pub outcome: Option<OutcomeRecord>,
    pub done_on: Option<String>,
}

/// Pages and server functions quote it.
pub use crate::domain::reviews::reference;

impl ReviewView {
    /// The review as the pages show it, dates in `locale` and how near a planned one is due.
    pub fn from_record(review: Review, locale: Locale, today: NaiveDate) -> ReviewView {
        ReviewView {
            id: review.id,
            reference: reference(review.id),
            person_id: review.person_id,
            person_name: review.person_name,
            kind: review.kind,
            status: review.status,
            due: review.due.map(|(from, by)| {
                let due = PlannedReview { kind: review.kind, due_from: from, due_by: by }.due(today);
                (locale.long_date(from), locale.long_date(by), due)
            }),
            request: review.request,
            requested_by: review.requested_by,
            created_on: locale.long_date(review.created_at.date_naive()),
            arranged: review.arrangement.map(|a| (locale.long_date(a.on), a.method)),
            outcome: review.outcome,
            done_on: review.done_at.map(|d| locale.long_date(d.date_naive())),
        }
    }
}

/// Someone whose plan the signed-in person may ask to have reviewed: themselves (a carer or a
/// customer), or the people a representative acts for with permission to change things.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSubject {
    pub id: i64,
    pub name: String,
}

/// A request for a review as posted. `person` names whose plan it is (a representative says;
/// a carer or customer leaves it out, or names themselves).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestReviewForm {
    pub person: String,
    pub reason: String,
    pub what_changed: String,
    pub method: String,
    pub involve: String,
    pub urgency: String,
}

impl RequestReviewForm {
    /// The person named in the form, if a number was sent.
    pub fn person(&self) -> Option<i64> {
        self.person.parse().ok()
    }
}

impl TryFrom<RequestReviewForm> for ReviewRequest {
    type Error = Vec<ReviewProblem>;

    fn try_from(form: RequestReviewForm) -> Result<Self, Self::Error> {
        ReviewRequest::new(&form.reason, &form.what_changed, &form.method, &form.involve, &form.urgency)
    }
}

/// The practitioner's arrangement as posted: the date input's three boxes and a way of meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArrangeReviewForm {
    #[serde(rename = "arranged-day")]
    pub arranged_day: String,
    #[serde(rename = "arranged-month")]
    pub arranged_month: String,
    #[serde(rename = "arranged-year")]
    pub arranged_year: String,
    pub method: String,
}

impl ArrangeReviewForm {
    /// The arrangement, for a date `today` or later.
    pub fn into_arrangement(self, today: NaiveDate) -> Result<Arrangement, Vec<ReviewProblem>> {
        let on = date_from(&self.arranged_day, &self.arranged_month, &self.arranged_year);
        Arrangement::new(on, &self.method, today)
    }
}

text_form! {
    /// A review's outcome as posted. The reasons and other help count only when support ends.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ReviewOutcomeForm { outcome, summary, reasons, other_help }
    parsed by OutcomeRecord::new(outcome, summary, reasons, other_help) -> Vec<ReviewProblem>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reviews::ReviewReason;
    use crate::domain::text::TextProblem;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_request_is_read_from_its_fields_and_names_whose_plan_it_is() {
        let form = RequestReviewForm {
            person: "7".into(),
            reason: "less_able".into(),
            what_changed: " I have started a new job ".into(),
            method: "telephone".into(),
            urgency: "soon".into(),
            ..RequestReviewForm::default()
        };
        assert_eq!(form.person(), Some(7));
        let request = ReviewRequest::try_from(form).unwrap();
        assert_eq!(
            (request.reason, request.what_changed.as_str()),
            (ReviewReason::LessAble, "I have started a new job")
        );
        assert_eq!(RequestReviewForm::default().person(), None);
        let problems = ReviewRequest::try_from(RequestReviewForm::default()).unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
    }

    #[test]
    fn an_arrangement_reads_the_date_from_its_three_boxes() {
        let today = day(2026, 11, 23);
        let form = |d: &str, m: &str, y: &str, method: &str| ArrangeReviewForm {
            arranged_day: d.into(),
            arranged_month: m.into(),
            arranged_year: y.into(),
            method: method.into(),
        };
        assert_eq!(
            form("30", "11", "2026", "video").into_arrangement(today),
            Ok(Arrangement { on: day(2026, 11, 30), method: ReviewMethod::Video })
        );
        assert_eq!(
            form("1", "11", "2026", "").into_arrangement(today),
            Err(vec![ReviewProblem::DatePast, ReviewProblem::Method])
        );
        assert_eq!(form("", "", "", "video").into_arrangement(today), Err(vec![ReviewProblem::DateMissing]));
        assert_eq!(form("31", "2", "2027", "video").into_arrangement(today), Err(vec![ReviewProblem::DateInvalid]));
    }

    #[test]
    fn an_outcome_ending_support_needs_its_reasons_and_other_help() {
        let form = ReviewOutcomeForm {
            outcome: "support_ends".into(),
            summary: "Met by family".into(),
            ..ReviewOutcomeForm::default()
        };
        assert_eq!(
            OutcomeRecord::try_from(form),
            Err(vec![ReviewProblem::Reasons(TextProblem::Missing), ReviewProblem::OtherHelp(TextProblem::Missing)])
        );
    }
}
