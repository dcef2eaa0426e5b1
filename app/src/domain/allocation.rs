//! Intake and allocation: what people send waits for a worker, and who works with whom.
//!
//! A carer or cared-for person with no worker (never allocated, or their worker has left) is
//! in intake with everything they have sent, from registering on. Their wait counts from the
//! first thing they sent since they last had a worker; past the council's target (in working
//! days) it is flagged to the team.
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::account::Role;
use super::area::Postcode;
use super::text::{BoundedText, TextProblem};
use super::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

choices! {
    /// Something a person sent (or did) that needs a worker.
    Submission {
        Registered = "registered",
        Assessment = "assessment",
        Plan = "plan",
        ReviewRequest = "review_request",
        Message = "message",
    }
}

impl Submission {
    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Submission::Registered => Text::AllocationSentRegistered,
            Submission::Assessment => Text::AllocationSentAssessment,
            Submission::Plan => Text::AllocationSentPlan,
            Submission::ReviewRequest => Text::AllocationSentReviewRequest,
            Submission::Message => Text::AllocationSentMessage,
        })
    }
}

/// One thing sent by a person who has no worker, as the store finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub person_id: i64,
    pub name: String,
    pub role: Role,
    /// Where they live, if they said: which teams cover them.
    pub postcode: Option<Postcode>,
    pub kind: Submission,
    pub at: DateTime<Utc>,
    /// When their last worker stopped (ended, or switched off as a leaver), if they had one.
    pub last_worker_until: Option<DateTime<Utc>>,
}

/// A person in intake: what they sent, since when they have waited, and whether that is past
/// the council's target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeEntry {
    pub person_id: i64,
    pub name: String,
    pub role: Role,
    pub postcode: Option<Postcode>,
    /// Oldest first.
    pub sent: Vec<(Submission, DateTime<Utc>)>,
    pub waiting_since: DateTime<Utc>,
    /// The last day within the target.
    pub due_by: NaiveDate,
    pub overdue: bool,
    /// They had a worker before (who left or stopped).
    pub had_worker: bool,
}

impl IntakeEntry {
    /// Groups what the store found by person, oldest wait first. A person who had a worker
    /// waits from when that worker stopped, or from anything sent after.
    pub fn gather(mut waiting: Vec<Waiting>, today: NaiveDate, target_working_days: u32) -> Vec<IntakeEntry> {
        waiting.sort_by_key(|w| (w.person_id, w.at));
        let mut entries: Vec<IntakeEntry> = Vec::new();
        for w in waiting {
            let since = w.last_worker_until.map_or(w.at, |until| until.max(w.at));
            match entries.last_mut() {
                Some(entry) if entry.person_id == w.person_id => {
                    entry.sent.push((w.kind, w.at));
                    if entry.had_worker {
                        entry.waiting_since = entry.waiting_since.min(since);
                    }
                }
                _ => entries.push(IntakeEntry {
                    person_id: w.person_id,
                    name: w.name,
                    role: w.role,
                    postcode: w.postcode,
                    sent: vec![(w.kind, w.at)],
                    waiting_since: since,
                    due_by: today,
                    overdue: false,
                    had_worker: w.last_worker_until.is_some(),
                }),
            }
        }
        for entry in &mut entries {
            entry.due_by = working_days_after(entry.waiting_since.date_naive(), target_working_days);
            entry.overdue = today > entry.due_by;
        }
        entries.sort_by_key(|e| (e.waiting_since, e.person_id));
        entries
    }
}

/// The day `days` working days (Monday to Friday) after `start`. Bank holidays are not known to
/// the portal, so they count as working days: the flag comes a day early, never late.
pub fn working_days_after(start: NaiveDate, days: u32) -> NaiveDate {
    let mut day = start;
    let mut left = days;
    while left > 0 {
        day = day + Days::new(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// One allocation of a worker to a person, open or ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    pub practitioner_id: i64,
    pub practitioner_name: String,
    /// The worker's account is switched off (a leaver): the person needs a new worker.
    pub practitioner_disabled: bool,
    pub started_at: DateTime<Utc>,
    pub started_by: Option<String>,
    pub handover_note: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl Allocation {
    /// An allocation that still gives the person a worker.
    pub fn is_live(&self) -> bool {
        self.ended_at.is_none() && !self.practitioner_disabled
    }
}

/// A manager's allocation as typed: who, and what the new worker should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocate {
    pub practitioner_id: i64,
    pub handover_note: Option<BoundedText>,
}

impl Allocate {
    pub const NOTE_MAX: usize = 2000;

    pub fn parse(practitioner: &str, note: &str) -> Result<Allocate, Vec<AllocationProblem>> {
        let mut problems = Vec::new();
        let practitioner_id = practitioner.trim().parse::<i64>().ok().filter(|id| *id > 0);
        if practitioner_id.is_none() {
            problems.push(AllocationProblem::WorkerMissing);
        }
        let handover_note = BoundedText::optional(note, Self::NOTE_MAX)
            .map_err(|p| match p {
                TextProblem::Missing | TextProblem::TooLong { .. } => problems.push(AllocationProblem::NoteTooLong),
            })
            .ok()
            .flatten();
        match practitioner_id {
            Some(practitioner_id) if problems.is_empty() => Ok(Allocate { practitioner_id, handover_note }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AllocationProblem {
    WorkerMissing,
    /// The chosen worker is not one this manager may allocate to (not in a team that covers
    /// the person, switched off, or the person's worker already).
    WorkerNotAvailable,
    NoteTooLong,
}

impl Problem for AllocationProblem {
    fn field(&self) -> String {
        match self {
            AllocationProblem::WorkerMissing | AllocationProblem::WorkerNotAvailable => "practitioner",
            AllocationProblem::NoteTooLong => "note",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            AllocationProblem::WorkerMissing => locale.text(Text::AllocationWorkerMissing).to_owned(),
            AllocationProblem::WorkerNotAvailable => locale.text(Text::AllocationWorkerNotAvailable).to_owned(),
            AllocationProblem::NoteTooLong => with_max(locale, Text::AllocationNoteTooLong, Allocate::NOTE_MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap()
    }

    fn waiting(person_id: i64, kind: Submission, d: u32, last_worker_until: Option<u32>) -> Waiting {
        Waiting {
            person_id,
            name: format!("Person {person_id}"),
            role: Role::Carer,
            postcode: None,
            kind,
            at: at(d),
            last_worker_until: last_worker_until.map(at),
        }
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2 March 2026 is a Monday.
        assert_eq!(working_days_after(day(2), 5), day(9));
        assert_eq!(working_days_after(day(6), 1), day(9), "Friday to Monday");
        assert_eq!(working_days_after(day(7), 5), day(13), "from a Saturday");
        assert_eq!(working_days_after(day(2), 0), day(2));
    }

    #[test]
    fn intake_is_one_entry_a_person_oldest_wait_first_flagged_past_the_target() {
        let found = vec![
            waiting(2, Submission::Registered, 9, None),
            waiting(1, Submission::ReviewRequest, 5, None),
            waiting(1, Submission::Registered, 2, None),
        ];
        let entries = IntakeEntry::gather(found, day(10), 5);
        assert_eq!(entries.iter().map(|e| e.person_id).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(
            entries[0].sent.iter().map(|s| s.0).collect::<Vec<_>>(),
            [Submission::Registered, Submission::ReviewRequest]
        );
        assert_eq!((entries[0].due_by, entries[0].overdue), (day(9), true));
        assert!(!entries[1].overdue);
    }

    #[test]
    fn after_a_worker_stops_the_wait_counts_from_then() {
        let entries = IntakeEntry::gather(vec![waiting(1, Submission::Registered, 2, Some(16))], day(20), 5);
        assert!(entries[0].had_worker);
        assert_eq!(entries[0].waiting_since, at(16));
        assert!(!entries[0].overdue);
    }

    #[test]
    fn an_allocation_needs_a_worker_and_a_note_within_its_limit() {
        assert_eq!(Allocate::parse("", "").unwrap_err(), vec![AllocationProblem::WorkerMissing]);
        assert_eq!(Allocate::parse("7", &"x".repeat(2001)).unwrap_err(), vec![AllocationProblem::NoteTooLong]);
        let ok = Allocate::parse("7", "  Prefers calls after 3pm  ").unwrap();
        assert_eq!((ok.practitioner_id, ok.handover_note.unwrap().as_str()), (7, "Prefers calls after 3pm"));
    }
}
