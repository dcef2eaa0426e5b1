//! Reviews of a person's plan: the planned ones (6 to 8 weeks after sign-off, then every year),
//! and the ones a carer or the person cared for asks for at any time. Each moves from planned
//! or received, to arranged (a date and a way of meeting), to done with an outcome. Support can
//! only end with written reasons and information about other help.
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::date::DateProblem;
use crate::domain::teams::Work;
use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

choices! {
    /// Why a review happens: asked for, or planned from the plan's sign-off.
    ReviewKind { Requested = "requested", First = "first", Annual = "annual", DirectPayment = "direct_payment" }
}

choices! {
    /// Why the person asks for a review (the procedure's grounds).
    ReviewReason { NeedsChanged = "needs_changed", NotWorking = "not_working", LessAble = "less_able", Other = "other" }
}

choices! {
    ReviewMethod { FaceToFace = "face_to_face", Telephone = "telephone", Video = "video" }
}

choices! {
    Urgency { Urgent = "urgent", Soon = "soon", Routine = "routine" }
}

choices! {
    ReviewStatus { Planned = "planned", Received = "received", Arranged = "arranged", Done = "done" }
}

choices! {
    ReviewOutcome { NoChange = "no_change", PlanRevised = "plan_revised", NewAssessment = "new_assessment", SupportEnds = "support_ends" }
}

pub const TEXT_MAX: usize = 2000;
pub const INVOLVE_MAX: usize = 500;

/// A review due in a window of dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedReview {
    pub kind: ReviewKind,
    pub due_from: NaiveDate,
    pub due_by: NaiveDate,
}

/// The reviews planned when a plan is signed off: a light-touch one 6 to 8 weeks later, then
/// the annual review a year from sign-off (Lincolnshire's procedure, section 2).
pub fn planned_after_sign_off(signed_off: NaiveDate) -> Vec<PlannedReview> {
    let a_year = signed_off.checked_add_months(Months::new(12)).unwrap_or(signed_off);
    vec![
        PlannedReview {
            kind: ReviewKind::First,
            due_from: signed_off + Days::new(6 * 7),
            due_by: signed_off + Days::new(8 * 7),
        },
        PlannedReview { kind: ReviewKind::Annual, due_from: a_year - Days::new(28), due_by: a_year },
    ]
}

/// A Direct Payment is reviewed within six months of starting.
pub fn direct_payment_review(started: NaiveDate) -> PlannedReview {
    let by = started.checked_add_months(Months::new(6)).unwrap_or(started);
    PlannedReview { kind: ReviewKind::DirectPayment, due_from: by - Days::new(28), due_by: by }
}

/// Whether a planned review is coming up soon (within two weeks) or late.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    Later,
    Soon,
    Overdue,
}

impl PlannedReview {
    pub fn due(&self, today: NaiveDate) -> Due {
        if today > self.due_by {
            Due::Overdue
        } else if today + Days::new(14) >= self.due_from {
            Due::Soon
        } else {
            Due::Later
        }
    }
}

/// A person's request for a review, as they filled it in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRequest {
    pub reason: ReviewReason,
    pub what_changed: String,
    pub method: ReviewMethod,
    pub involve: Option<String>,
    pub urgency: Urgency,
}

impl ReviewRequest {
    /// The request from its answers as typed (codes for the choices): every problem, in the
    /// form's order.
    pub fn new(
        reason: &str,
        what_changed: &str,
        method: &str,
        involve: &str,
        urgency: &str,
    ) -> Result<ReviewRequest, Vec<ReviewProblem>> {
        let reason = ReviewReason::parse(reason).ok_or(ReviewProblem::Reason);
        let what_changed = BoundedText::required(what_changed, TEXT_MAX).map_err(ReviewProblem::WhatChanged);
        let method = ReviewMethod::parse(method).ok_or(ReviewProblem::Method);
        let involve = BoundedText::optional(involve, INVOLVE_MAX).map_err(ReviewProblem::Involve);
        let urgency = Urgency::parse(urgency).ok_or(ReviewProblem::Urgency);
        match (reason, what_changed, method, involve, urgency) {
            (Ok(reason), Ok(what_changed), Ok(method), Ok(involve), Ok(urgency)) => Ok(ReviewRequest {
                reason,
                what_changed: what_changed.into_inner(),
                method,
                involve: involve.map(BoundedText::into_inner),
                urgency,
            }),
            (reason, what_changed, method, involve, urgency) => {
                Err([reason.err(), what_changed.err(), method.err(), involve.err(), urgency.err()]
                    .into_iter()
                    .flatten()
                    .collect())
            }
        }
    }
}

/// When and how the practitioner will review the plan with the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrangement {
    pub on: NaiveDate,
    pub method: ReviewMethod,
}

impl Arrangement {
    /// An arrangement for the date read from the form (today or later) and a way of meeting's
    /// code.
    pub fn new(
        on: Result<NaiveDate, DateProblem>,
        method: &str,
        today: NaiveDate,
    ) -> Result<Arrangement, Vec<ReviewProblem>> {
        let on = match on {
            Ok(date) if date >= today => Ok(date),
            Ok(_) => Err(ReviewProblem::DatePast),
            Err(DateProblem::Missing) => Err(ReviewProblem::DateMissing),
            Err(DateProblem::Invalid) => Err(ReviewProblem::DateInvalid),
        };
        let method = ReviewMethod::parse(method).ok_or(ReviewProblem::Method);
        match (on, method) {
            (Ok(on), Ok(method)) => Ok(Arrangement { on, method }),
            (on, method) => Err([on.err(), method.err()].into_iter().flatten().collect()),
        }
    }
}

/// What the review found. Ending support needs the reasons in writing and what other help
/// there is, including arranging and paying for care oneself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeRecord {
    pub outcome: ReviewOutcome,
    pub summary: String,
    pub reasons: Option<String>,
    pub other_help: Option<String>,
}

impl OutcomeRecord {
    /// The outcome from its code and the words written; the reasons and the other help count
    /// only when support ends.
    pub fn new(
        outcome: &str,
        summary: &str,
        reasons: &str,
        other_help: &str,
    ) -> Result<OutcomeRecord, Vec<ReviewProblem>> {
        let outcome = ReviewOutcome::parse(outcome).ok_or(ReviewProblem::Outcome);
        let summary = BoundedText::required(summary, TEXT_MAX).map_err(ReviewProblem::Summary);
        let ending = outcome == Ok(ReviewOutcome::SupportEnds);
        let when_ending = |text: &str, problem: fn(TextProblem) -> ReviewProblem| {
            if ending {
                BoundedText::required(text, TEXT_MAX).map(Some).map_err(problem)
            } else {
                Ok(None)
            }
        };
        let reasons = when_ending(reasons, ReviewProblem::Reasons);
        let other_help = when_ending(other_help, ReviewProblem::OtherHelp);
        match (outcome, summary, reasons, other_help) {
            (Ok(outcome), Ok(summary), Ok(reasons), Ok(other_help)) => Ok(OutcomeRecord {
                outcome,
                summary: summary.into_inner(),
                reasons: reasons.map(BoundedText::into_inner),
                other_help: other_help.map(BoundedText::into_inner),
            }),
            (outcome, summary, reasons, other_help) => {
                Err([outcome.err(), summary.err(), reasons.err(), other_help.err()].into_iter().flatten().collect())
            }
        }
    }
}

/// A review of a person's plan, as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub kind: ReviewKind,
    pub status: ReviewStatus,
    /// The window a planned review is due in.
    pub due: Option<(NaiveDate, NaiveDate)>,
    pub request: Option<ReviewRequest>,
    pub requested_by: Option<String>,
    pub arrangement: Option<Arrangement>,
    pub outcome: Option<OutcomeRecord>,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

impl Review {
    /// How near a planned review is due (`None` for a requested one).
    pub fn due_on(&self, today: NaiveDate) -> Option<Due> {
        self.due.map(|(due_from, due_by)| PlannedReview { kind: self.kind, due_from, due_by }.due(today))
    }

    /// The worker's open work it makes today, if any: a request not yet arranged, a planned
    /// review due soon or overdue, or an arranged review still to hold (overdue once past its
    /// window). A team's workload counts it and the practitioner's "reviews due" lists it, so
    /// both say the same.
    pub fn work(&self, today: NaiveDate) -> Option<Work> {
        match (self.kind, self.status, self.due_on(today)) {
            (ReviewKind::Requested, ReviewStatus::Received, _) => Some(Work::Request),
            (_, ReviewStatus::Planned | ReviewStatus::Arranged, Some(Due::Overdue)) => Some(Work::ReviewOverdue),
            (_, ReviewStatus::Planned, Some(Due::Soon)) | (_, ReviewStatus::Arranged, _) => Some(Work::ReviewDue),
            _ => None,
        }
    }
}

/// The reference a person can quote for a review, e.g. `RV-000042`.
pub fn reference(id: i64) -> String {
    format!("RV-{id:06}")
}

impl ReviewMethod {
    /// The way of meeting in the reader's language (the pages and the review emails say it).
    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            ReviewMethod::FaceToFace => Text::ReviewMethodsFaceToFace,
            ReviewMethod::Telephone => Text::ReviewMethodsTelephone,
            ReviewMethod::Video => Text::ReviewMethodsVideo,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewProblem {
    Reason,
    WhatChanged(TextProblem),
    Method,
    Involve(TextProblem),
    Urgency,
    DateMissing,
    DateInvalid,
    DatePast,
    Outcome,
    Summary(TextProblem),
    Reasons(TextProblem),
    OtherHelp(TextProblem),
}

impl Problem for ReviewProblem {
    fn field(&self) -> String {
        match self {
            ReviewProblem::Reason => "reason",
            ReviewProblem::WhatChanged(_) => "what_changed",
            ReviewProblem::Method => "method",
            ReviewProblem::Involve(_) => "involve",
            ReviewProblem::Urgency => "urgency",
            ReviewProblem::DateMissing | ReviewProblem::DateInvalid | ReviewProblem::DatePast => "arranged-day",
            ReviewProblem::Outcome => "outcome",
            ReviewProblem::Summary(_) => "summary",
            ReviewProblem::Reasons(_) => "reasons",
            ReviewProblem::OtherHelp(_) => "other_help",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            ReviewProblem::WhatChanged(TextProblem::TooLong { max })
            | ReviewProblem::Involve(TextProblem::TooLong { max })
            | ReviewProblem::Summary(TextProblem::TooLong { max })
            | ReviewProblem::Reasons(TextProblem::TooLong { max })
            | ReviewProblem::OtherHelp(TextProblem::TooLong { max }) => {
                return with_max(locale, Text::ReviewErrorsTooLong, *max)
            }
            ReviewProblem::Reason => Text::ReviewErrorsReason,
            ReviewProblem::WhatChanged(_) => Text::ReviewErrorsWhatChanged,
            ReviewProblem::Method => Text::ReviewErrorsMethod,
            ReviewProblem::Involve(_) => Text::ReviewErrorsTooLong,
            ReviewProblem::Urgency => Text::ReviewErrorsUrgency,
            ReviewProblem::DateMissing => Text::ReviewErrorsDateMissing,
            ReviewProblem::DateInvalid => Text::ReviewErrorsDateInvalid,
            ReviewProblem::DatePast => Text::ReviewErrorsDatePast,
            ReviewProblem::Outcome => Text::ReviewErrorsOutcome,
            ReviewProblem::Summary(_) => Text::ReviewErrorsSummary,
            ReviewProblem::Reasons(_) => Text::ReviewErrorsReasons,
            ReviewProblem::OtherHelp(_) => Text::ReviewErrorsOtherHelp,
        };
        locale.text(text).to_owned()
    }
}

#[cfg(test)]
mod tests;
