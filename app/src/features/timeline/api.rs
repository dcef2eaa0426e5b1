//! The person's journey, gathered from their assessment, plan, budget and reviews.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::timeline::{Step, When};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub date: String,
    pub step: Step,
    pub when: When,
    pub detail: String,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineView {
    pub next: Option<EventView>,
    pub events: Vec<EventView>,
}

/// Everything that has happened (and is planned) for the signed-off carer or customer.
#[server(prefix = "/api", endpoint = "timeline/mine")]
pub async fn my_timeline() -> Result<TimelineView, AppError> {
    use crate::domain::account::Role;
    use crate::domain::reviews::{ReviewKind, ReviewStatus};
    use crate::domain::timeline::{arrange, Event};
    use crate::features::reviews::api::reference;
    use crate::backend::cx::{services, signed_in, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    if !matches!(me.role, Role::Carer | Role::Customer) {
        return Err(AppError::NotFound);
    }
    let services = services()?;
    let failed = |e| store_failure(&visitor, "reading the timeline", e);
    let today = services.clock.now().date_naive();
    let locale = visitor.locale;
    let version = |n: i64| locale.fill(Text::PlanVersionNumber, &[("version", &n.to_string())]);
    let mut events = Vec::new();

    if me.role == Role::Carer {
        for sent in services.store.assessment_versions(me.id).await.map_err(failed)? {
            let href = format!("/assessment/versions/{}", sent.version);
            events.push(Event::done(sent.submitted_at.date_naive(), Step::AssessmentSent, version(sent.version), href));
            if let Some(decision) = sent.decision {
                events.push(Event::done(decision.decided_at.date_naive(), Step::EligibilityDecided, "", "/assessment/decision"));
            }
        }
    }
    for plan in services.store.plan_versions(me.id).await.map_err(failed)? {
        let href = format!("/plan/versions/{}", plan.id);
        events.push(Event::done(plan.submitted_at.date_naive(), Step::PlanSent, version(plan.version), href.clone()));
        if let Some(signed) = plan.signed_off_at {
            events.push(Event::done(signed.date_naive(), Step::PlanSignedOff, version(plan.version), href));
        }
    }
    if let Some(budget) = services.store.current_budget(me.id).await.map_err(failed)? {
        events.push(Event::done(budget.set_at.date_naive(), Step::BudgetSet, budget.budget.amount.format(), "/budget"));
        if let Some(dp) = &budget.budget.direct_payment {
            let step = Step::DirectPaymentStarts;
            events.push(if dp.starts_on <= today {
                Event::done(dp.starts_on, step, dp.amount.format(), "/budget")
            } else {
                Event::planned(dp.starts_on, today, step, dp.amount.format(), "/budget")
            });
        }
    }
    for review in services.store.reviews_of(me.id).await.map_err(failed)? {
        let href = format!("/reviews/{}", review.id);
        let detail = crate::features::reviews::words::kind(locale, review.kind).to_owned();
        if review.kind == ReviewKind::Requested {
            events.push(Event::done(review.created_at.date_naive(), Step::ReviewRequested, reference(review.id), href.clone()));
        } else if let (ReviewStatus::Planned, Some((_, by))) = (review.status, review.due) {
            events.push(Event::planned(by, today, Step::ReviewPlanned, detail.clone(), "/reviews"));
        }
        if let Some(arranged) = review.arrangement {
            events.push(match review.status {
                ReviewStatus::Done => Event::done(arranged.on, Step::ReviewArranged, detail.clone(), href.clone()),
                _ => Event::planned(arranged.on, today, Step::ReviewArranged, detail.clone(), href.clone()),
            });
        }
        if let Some(done) = review.done_at {
            events.push(Event::done(done.date_naive(), Step::ReviewDone, detail, href));
        }
    }

    let view = |event: Event| EventView {
        date: locale.long_date(event.on),
        step: event.step,
        when: event.when,
        detail: event.detail,
        href: event.href,
    };
    let (next, events) = arrange(events);
    Ok(TimelineView { next: next.map(view), events: events.into_iter().map(view).collect() })
}

#[cfg(feature = "ssr")]
use crate::kit::i18n::Text;
