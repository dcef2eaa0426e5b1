//! A review's details as a GOV.UK summary list: what was asked, when it is arranged, and what
//! was found. The person and the practitioner see the same words.
use leptos::prelude::*;

use crate::domain::reviews::ReviewOutcome;
use crate::features::reviews::wire::ReviewView;
use crate::features::reviews::words;
use crate::kit::i18n::{Locale, Text};

fn row(key: String, value: String) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value portal-keep-lines">{value}</dd>
        </div>
    }
}

#[component]
pub fn StatusTag(status: crate::domain::reviews::ReviewStatus, locale: Locale) -> impl IntoView {
    view! { <strong class=words::status_class(status)>{words::status(locale, status)}</strong> }
}

#[component]
pub fn ReviewSummary(review: ReviewView, locale: Locale) -> impl IntoView {
    let t = move |text| locale.text(text).to_owned();
    let mut rows = vec![
        row(t(Text::ReviewStatusLabel), words::status(locale, review.status).to_owned()).into_any(),
        row(t(Text::ReviewKindLabel), words::kind(locale, review.kind).to_owned()).into_any(),
    ];
    if let Some((from, by, _)) = &review.due {
        rows.push(
            row(t(Text::ReviewDueLabel), locale.fill(Text::ReviewDueWindow, &[("from", from), ("by", by)])).into_any(),
        );
    }
    if let Some(request) = &review.request {
        let asked = locale.fill(
            Text::ReviewStaffRequestedBy,
            &[("name", review.requested_by.as_deref().unwrap_or(&review.person_name)), ("date", &review.created_on)],
        );
        rows.push(row(t(Text::ReviewRequestedLabel), asked).into_any());
        rows.push(row(t(Text::ReviewRequestReasonLegend), words::reason(locale, request.reason).to_owned()).into_any());
        rows.push(row(t(Text::ReviewRequestWhatChangedLabel), request.what_changed.clone()).into_any());
        rows.push(row(t(Text::ReviewRequestMethodLegend), words::method(locale, request.method).to_owned()).into_any());
        if let Some(involve) = &request.involve {
            rows.push(row(t(Text::ReviewInvolveLabel), involve.clone()).into_any());
        }
        rows.push(
            row(t(Text::ReviewRequestUrgencyLegend), words::urgency(locale, request.urgency).to_owned()).into_any(),
        );
    }
    if let Some((date, method)) = &review.arranged {
        let arranged =
            locale.fill(Text::ReviewArrangedOn, &[("method", words::method(locale, *method)), ("date", date)]);
        rows.push(row(t(Text::ReviewArrangedLabel), arranged).into_any());
    }
    if let Some(outcome) = &review.outcome {
        rows.push(row(t(Text::ReviewOutcomeLabel), words::outcome(locale, outcome.outcome).to_owned()).into_any());
        rows.push(row(t(Text::ReviewStaffSummaryLabel), outcome.summary.clone()).into_any());
        if outcome.outcome == ReviewOutcome::SupportEnds {
            rows.push(row(t(Text::ReviewStaffReasonsLabel), outcome.reasons.clone().unwrap_or_default()).into_any());
            rows.push(
                row(t(Text::ReviewStaffOtherHelpLabel), outcome.other_help.clone().unwrap_or_default()).into_any(),
            );
        }
    }
    view! { <dl class="govuk-summary-list">{rows}</dl> }
}
