//! A review's details as a GOV.UK summary list: what was asked, when it is arranged, and what
//! was found. The person and the practitioner see the same words.
use leptos::prelude::*;

use crate::components::summary_list::SummaryList;
use crate::domain::reviews::ReviewOutcome;
use crate::features::reviews::wire::ReviewView;
use crate::features::reviews::words;
use crate::kit::i18n::{Locale, Text};

#[component]
pub fn StatusTag(status: crate::domain::reviews::ReviewStatus, locale: Locale) -> impl IntoView {
    view! { <strong class=words::status_class(status)>{words::status(locale, status)}</strong> }
}

#[component]
pub fn ReviewSummary(review: ReviewView, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let mut rows = vec![
        (t(Text::ReviewStatusLabel), words::status(locale, review.status).to_owned()),
        (t(Text::ReviewKindLabel), words::kind(locale, review.kind).to_owned()),
    ];
    if let Some((from, by, _)) = &review.due {
        rows.push((t(Text::ReviewDueLabel), locale.fill(Text::ReviewDueWindow, &[("from", from), ("by", by)])));
    }
    if let Some(request) = &review.request {
        let asked = locale.fill(
            Text::ReviewStaffRequestedBy,
            &[("name", review.requested_by.as_deref().unwrap_or(&review.person_name)), ("date", &review.created_on)],
        );
        rows.push((t(Text::ReviewRequestedLabel), asked));
        rows.push((t(Text::ReviewRequestReasonLegend), words::reason(locale, request.reason).to_owned()));
        rows.push((t(Text::ReviewRequestWhatChangedLabel), request.what_changed.clone()));
        rows.push((t(Text::ReviewRequestMethodLegend), words::method(locale, request.method).to_owned()));
        if let Some(involve) = &request.involve {
            rows.push((t(Text::ReviewInvolveLabel), involve.clone()));
        }
        rows.push((t(Text::ReviewRequestUrgencyLegend), words::urgency(locale, request.urgency).to_owned()));
    }
    if let Some((date, method)) = &review.arranged {
        let arranged =
            locale.fill(Text::ReviewArrangedOn, &[("method", words::method(locale, *method)), ("date", date)]);
        rows.push((t(Text::ReviewArrangedLabel), arranged));
    }
    if let Some(outcome) = &review.outcome {
        rows.push((t(Text::ReviewOutcomeLabel), words::outcome(locale, outcome.outcome).to_owned()));
        rows.push((t(Text::ReviewStaffSummaryLabel), outcome.summary.clone()));
        if outcome.outcome == ReviewOutcome::SupportEnds {
            rows.push((t(Text::ReviewStaffReasonsLabel), outcome.reasons.clone().unwrap_or_default()));
            rows.push((t(Text::ReviewStaffOtherHelpLabel), outcome.other_help.clone().unwrap_or_default()));
        }
    }
    view! { <SummaryList rows /> }
}
