//! A person's journey with the council in date order: each step of their assessment, plan,
//! budget and reviews, and what comes next.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

choices! {
    Step {
        AssessmentSent = "assessment_sent",
        EligibilityDecided = "eligibility_decided",
        PlanSent = "plan_sent",
        PlanSignedOff = "plan_signed_off",
        BudgetSet = "budget_set",
        DirectPaymentStarts = "direct_payment_starts",
        ReviewPlanned = "review_planned",
        ReviewRequested = "review_requested",
        ReviewArranged = "review_arranged",
        ReviewDone = "review_done",
        WorkerAllocated = "worker_allocated",
    }
}

/// Whether a step has happened, is still to come, or should have happened by now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    Done,
    Upcoming,
    Overdue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub on: NaiveDate,
    pub step: Step,
    pub when: When,
    /// A detail to tell steps of the same kind apart ("version 2", a reference).
    pub detail: String,
    /// The record it is about.
    pub href: String,
}

impl Event {
    /// A step that happened on `on`.
    pub fn done(on: NaiveDate, step: Step, detail: impl Into<String>, href: impl Into<String>) -> Event {
        Event { on, step, when: When::Done, detail: detail.into(), href: href.into() }
    }

    /// A step planned for `on`: upcoming until then, overdue after (unless `done`).
    pub fn planned(
        on: NaiveDate,
        today: NaiveDate,
        step: Step,
        detail: impl Into<String>,
        href: impl Into<String>,
    ) -> Event {
        let when = if on >= today { When::Upcoming } else { When::Overdue };
        Event { on, step, when, detail: detail.into(), href: href.into() }
    }
}

/// The events in date order, and the first one still to happen (overdue ones first).
pub fn arrange(mut events: Vec<Event>) -> (Option<Event>, Vec<Event>) {
    events.sort_by(|a, b| a.on.cmp(&b.on).then(a.step.cmp(&b.step)));
    let next = events
        .iter()
        .find(|e| e.when == When::Overdue)
        .or_else(|| events.iter().find(|e| e.when == When::Upcoming))
        .cloned();
    (next, events)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn steps_are_in_date_order_and_what_is_overdue_comes_next_before_what_is_upcoming() {
        let today = day(20);
        let events = vec![
            Event::planned(day(28), today, Step::ReviewPlanned, "", "/reviews"),
            Event::done(day(2), Step::AssessmentSent, "", "/assessment"),
            Event::planned(day(15), today, Step::ReviewArranged, "", "/reviews/1"),
            Event::done(day(9), Step::EligibilityDecided, "", "/assessment/decision"),
        ];
        let (next, events) = arrange(events);
        assert_eq!(events.iter().map(|e| e.on).collect::<Vec<_>>(), [day(2), day(9), day(15), day(28)]);
        assert_eq!(next.map(|e| (e.step, e.when)), Some((Step::ReviewArranged, When::Overdue)));
        let (next, _) = arrange(vec![Event::planned(day(28), today, Step::ReviewPlanned, "", "/reviews")]);
        assert_eq!(next.map(|e| e.when), Some(When::Upcoming));
        assert_eq!(arrange(vec![Event::done(day(2), Step::PlanSent, "", "/plan")]).0, None);
    }
}
