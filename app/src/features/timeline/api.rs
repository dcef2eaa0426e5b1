//! The person's journey, gathered from their assessment, plan, budget and reviews.
use leptos::prelude::*;

use super::wire::TimelineView;
use crate::error::AppError;

/// Everything that has happened (and is planned) for the signed-in carer or customer.
#[server(prefix = "/api", endpoint = "timeline/mine")]
pub async fn my_timeline() -> Result<TimelineView, AppError> {
    use super::wire::EventView;
    use crate::backend::cx::Cx;
    use crate::domain::account::Role;
    use crate::domain::reviews::{ReviewKind, ReviewStatus};
    use crate::domain::timeline::{arrange, Event, Step};
    use crate::features::reviews::wire::reference;
    use crate::features::reviews::words;
    use crate::kit::i18n::Text;

    let cx = Cx::plan_holder()?;
    let me = cx.me().id;
    let (today, locale) = (cx.today(), cx.locale());
    let version = |n: i64| locale.fill(Text::PlanVersionNumber, &[("version", &n.to_string())]);
    let mut events = Vec::new();

    if cx.me().role == Role::Carer {
        for sent in cx.store().assessment_versions(me).await? {
            let href = format!("/assessment/versions/{}", sent.version);
            events.push(Event::done(sent.submitted_at.date_naive(), Step::AssessmentSent, version(sent.version), href));
            if let Some(decision) = sent.decision {
                events.push(Event::done(
                    decision.decided_at.date_naive(),
                    Step::EligibilityDecided,
                    "",
                    "/assessment/decision",
                ));
            }
        }
    }
    for plan in cx.store().plan_versions(me).await? {
        let href = format!("/plan/versions/{}", plan.id);
        events.push(Event::done(plan.submitted_at.date_naive(), Step::PlanSent, version(plan.version), href.clone()));
        if let Some(signed) = plan.signed_off_at {
            events.push(Event::done(signed.date_naive(), Step::PlanSignedOff, version(plan.version), href));
        }
    }
    if let Some(budget) = cx.store().current_budget(me).await? {
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
    for review in cx.store().reviews_of(me).await? {
        let href = format!("/reviews/{}", review.id);
        let detail = words::kind(locale, review.kind).to_owned();
        if review.kind == ReviewKind::Requested {
            events.push(Event::done(
                review.created_at.date_naive(),
                Step::ReviewRequested,
                reference(review.id),
                href.clone(),
            ));
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

    for allocation in cx.store().allocations_of(me).await? {
        let on = allocation.started_at.date_naive();
        events.push(Event::done(on, Step::WorkerAllocated, allocation.practitioner_name, "/home"));
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
