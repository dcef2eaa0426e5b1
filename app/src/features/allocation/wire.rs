//! What the intake and allocation pages show, and the allocation form.
use serde::{Deserialize, Serialize};

use crate::domain::allocation::{Allocate, Allocation, AllocationProblem, IntakeEntry};
use crate::kit::forms::text_form;
use crate::kit::i18n::{Locale, Text};

text_form! {
    /// A manager's allocation as typed: the practitioner's account number and a handover note.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct AllocateForm { practitioner, note }
    parsed by Allocate::parse(practitioner, note) -> Vec<AllocationProblem>;
}

/// One person waiting in intake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeLine {
    pub person_id: i64,
    pub name: String,
    pub role: String,
    /// What they sent, oldest first, each with its date ("Asked for a review, 3 March 2026").
    pub sent: Vec<String>,
    pub waiting_since: String,
    pub due_by: String,
    pub overdue: bool,
    pub had_worker: bool,
    /// The teams whose intake they are in; empty when no team covers them.
    pub teams: Vec<String>,
    /// The visitor may open their allocation page (admins see the queue, not the casework).
    pub may_open: bool,
}

impl IntakeLine {
    pub fn from_entry(entry: &IntakeEntry, teams: Vec<String>, may_open: bool, locale: Locale) -> IntakeLine {
        IntakeLine {
            person_id: entry.person_id,
            name: entry.name.clone(),
            role: entry.role.name(locale).to_owned(),
            sent: sent_words(entry, locale),
            waiting_since: locale.long_date(entry.waiting_since.date_naive()),
            due_by: locale.long_date(entry.due_by),
            overdue: entry.overdue,
            had_worker: entry.had_worker,
            teams,
            may_open,
        }
    }
}

fn sent_words(entry: &IntakeEntry, locale: Locale) -> Vec<String> {
    entry
        .sent
        .iter()
        .map(|(kind, at)| format!("{}, {}", kind.name(locale), locale.long_date(at.date_naive())))
        .collect()
}

/// The intake queue the visitor sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intake {
    pub waiting: Vec<IntakeLine>,
    /// The council's target in working days.
    pub target_days: u32,
}

/// One allocation, as the person's allocation page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationLine {
    pub worker: String,
    /// The worker's account is switched off.
    pub worker_left: bool,
    pub from: String,
    pub until: Option<String>,
    pub by: Option<String>,
    pub note: Option<String>,
}

impl AllocationLine {
    pub fn from_record(allocation: &Allocation, locale: Locale) -> AllocationLine {
        AllocationLine {
            worker: allocation.practitioner_name.clone(),
            worker_left: allocation.practitioner_disabled,
            from: locale.long_date(allocation.started_at.date_naive()),
            until: allocation.ended_at.map(|at| locale.long_date(at.date_naive())),
            by: allocation.started_by.clone(),
            note: allocation.handover_note.clone(),
        }
    }

    /// "Alex Practitioner" or "Alex Practitioner (account switched off)".
    pub fn worker_words(&self, locale: Locale) -> String {
        match self.worker_left {
            true => locale.fill(Text::AllocationWorkerLeft, &[("name", &self.worker)]),
            false => self.worker.clone(),
        }
    }
}

/// A person's allocation page: who they are, what waits, their worker now and before, and
/// what the visitor may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationView {
    pub person_id: i64,
    pub name: String,
    pub role: String,
    /// Where they live, if they said (which teams cover them).
    pub postcode: Option<String>,
    /// In intake: what they sent and since when they wait.
    pub waiting: Option<IntakeLine>,
    /// The open allocation (a leaver's too, shown as needing a new worker).
    pub current: Option<AllocationLine>,
    /// Ended allocations, newest first.
    pub history: Vec<AllocationLine>,
    /// Practitioners the visitor may allocate to (id, name); empty unless they manage a team.
    pub candidates: Vec<(i64, String)>,
    pub may_allocate: bool,
    pub may_take_on: bool,
    pub may_end: bool,
}
