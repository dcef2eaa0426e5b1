//! The words for each review kind, status, reason, way of meeting, urgency and outcome.
use crate::domain::reviews::{ReviewKind, ReviewMethod, ReviewOutcome, ReviewReason, ReviewStatus, Urgency};
use crate::kit::i18n::{Locale, Text};

pub fn kind(locale: Locale, kind: ReviewKind) -> &'static str {
    locale.text(match kind {
        ReviewKind::Requested => Text::ReviewKindsRequested,
        ReviewKind::First => Text::ReviewKindsFirst,
        ReviewKind::Annual => Text::ReviewKindsAnnual,
        ReviewKind::DirectPayment => Text::ReviewKindsDirectPayment,
    })
}

pub fn status(locale: Locale, status: ReviewStatus) -> &'static str {
    locale.text(match status {
        ReviewStatus::Planned => Text::ReviewStatusesPlanned,
        ReviewStatus::Received => Text::ReviewStatusesReceived,
        ReviewStatus::Arranged => Text::ReviewStatusesArranged,
        ReviewStatus::Done => Text::ReviewStatusesDone,
    })
}

/// The GOV.UK tag colour for a status.
pub fn status_class(status: ReviewStatus) -> &'static str {
    match status {
        ReviewStatus::Planned => "govuk-tag govuk-tag--grey",
        ReviewStatus::Received => "govuk-tag govuk-tag--blue",
        ReviewStatus::Arranged => "govuk-tag govuk-tag--yellow",
        ReviewStatus::Done => "govuk-tag govuk-tag--green",
    }
}

pub fn reason(locale: Locale, reason: ReviewReason) -> &'static str {
    locale.text(match reason {
        ReviewReason::NeedsChanged => Text::ReviewReasonsNeedsChanged,
        ReviewReason::NotWorking => Text::ReviewReasonsNotWorking,
        ReviewReason::LessAble => Text::ReviewReasonsLessAble,
        ReviewReason::Other => Text::ReviewReasonsOther,
    })
}

pub fn method(locale: Locale, method: ReviewMethod) -> &'static str {
    method.name(locale)
}

pub fn urgency(locale: Locale, urgency: Urgency) -> &'static str {
    locale.text(match urgency {
        Urgency::Urgent => Text::ReviewUrgenciesUrgent,
        Urgency::Soon => Text::ReviewUrgenciesSoon,
        Urgency::Routine => Text::ReviewUrgenciesRoutine,
    })
}

pub fn outcome(locale: Locale, outcome: ReviewOutcome) -> &'static str {
    locale.text(match outcome {
        ReviewOutcome::NoChange => Text::ReviewOutcomesNoChange,
        ReviewOutcome::PlanRevised => Text::ReviewOutcomesPlanRevised,
        ReviewOutcome::NewAssessment => Text::ReviewOutcomesNewAssessment,
        ReviewOutcome::SupportEnds => Text::ReviewOutcomesSupportEnds,
    })
}

/// Radio options: each code with its words.
pub fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    words: impl Fn(T) -> &'static str,
) -> Vec<(&'static str, String)> {
    all.iter().map(|&item| (code(item), words(item).to_owned())).collect()
}
