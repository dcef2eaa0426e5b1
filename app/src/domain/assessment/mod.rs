//! The carer's self-assessment: the questions, the answers as a typed record, the versions
//! sent and the practitioner's eligibility decision.
pub mod answers;
pub mod eligibility;
pub mod questions;
pub mod records;
pub mod versions;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use answers::{Answer, Answers, PageAnswers};
pub use eligibility::{DecisionProblem, EligibilityDecision, Reasons};
pub use questions::{Page, Section};
pub use records::{
    Ability, AgeBand, CarerOutcome, CaringTaskKind, Frequency, HealthImpact, OutcomeAchievement, Willingness,
};
pub use versions::{QueuedAssessment, RecordedDecision, SubmittedAssessment};

/// How far the carer has got with a section of the task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Completed,
    /// The willing-and-able section needs the list of tasks first.
    CannotStartYet,
}

/// Where the carer is: what they have answered and which pages they have been through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub answers: Answers,
    pub seen_pages: BTreeSet<String>,
}

impl Draft {
    pub fn status(&self, section: Section) -> SectionStatus {
        self.progress(section, &questions::pages(&self.answers)).0
    }

    /// The first page of a section not yet seen (or its first page), where "start" leads.
    pub fn entry_page(&self, section: Section) -> Option<Page> {
        self.progress(section, &questions::pages(&self.answers)).1
    }

    /// The task list: each section with its status and where "start" leads, from one list of
    /// pages.
    pub fn task_list(&self) -> Vec<(Section, SectionStatus, Option<Page>)> {
        let all = questions::pages(&self.answers);
        Section::ALL
            .iter()
            .map(|&section| {
                let (status, entry) = self.progress(section, &all);
                (section, status, entry)
            })
            .collect()
    }

    fn progress(&self, section: Section, all: &[Page]) -> (SectionStatus, Option<Page>) {
        let pages: Vec<&Page> = all.iter().filter(|p| p.section == section).collect();
        let seen = pages.iter().filter(|p| self.seen_pages.contains(&p.id)).count();
        let status = match seen {
            _ if pages.is_empty() => SectionStatus::CannotStartYet,
            0 => SectionStatus::NotStarted,
            n if n == pages.len() => SectionStatus::Completed,
            _ => SectionStatus::InProgress,
        };
        let entry = pages.iter().find(|p| !self.seen_pages.contains(&p.id)).or(pages.first()).map(|p| (*p).clone());
        (status, entry)
    }
}

/// One caring task with what the carer said about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaringTask {
    pub task: CaringTaskKind,
    pub often: Option<Frequency>,
    pub willing: Option<Willingness>,
    pub able: Option<Ability>,
}

/// One of the eight outcomes with the carer's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeAnswer {
    pub outcome: CarerOutcome,
    pub achievement: Option<OutcomeAchievement>,
    pub how_caring_affects_it: Option<String>,
}

/// A submitted assessment as the council's structured record: the parts the eligibility
/// test looks at are typed; everything else is kept in the carer's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub age_band: Option<AgeBand>,
    pub tasks: Vec<CaringTask>,
    pub health_impact: Option<HealthImpact>,
    pub outcomes: Vec<OutcomeAnswer>,
    pub answers: Answers,
}

impl Assessment {
    pub fn from_answers(answers: &Answers) -> Assessment {
        let get = |id: &str| answers.text(id);
        let tasks = questions::chosen_tasks(answers)
            .into_iter()
            .map(|task| {
                let code = task.code();
                CaringTask {
                    task,
                    often: get(&format!("task_{code}_often")).and_then(Frequency::parse),
                    willing: get(&format!("task_{code}_willing")).and_then(Willingness::parse),
                    able: get(&format!("task_{code}_able")).and_then(Ability::parse),
                }
            })
            .collect();
        let outcomes = CarerOutcome::ALL
            .iter()
            .map(|&outcome| OutcomeAnswer {
                outcome,
                achievement: get(&format!("outcome_{}_achieve", outcome.code())).and_then(OutcomeAchievement::parse),
                how_caring_affects_it: get(&format!("outcome_{}_affect", outcome.code())).map(str::to_owned),
            })
            .collect();
        Assessment {
            age_band: get("age_band").and_then(AgeBand::parse),
            tasks,
            health_impact: get("health_impact").and_then(HealthImpact::parse),
            outcomes,
            answers: answers.clone(),
        }
    }

    /// Carers under 18 are flagged for the practitioner: a young carer must never be relied
    /// on to provide care that reduces the support the cared-for person gets.
    pub fn is_under_18(&self) -> bool {
        self.age_band.is_some_and(AgeBand::is_under_18)
    }

    /// The outcomes the carer says they cannot achieve (in the regulations' sense).
    pub fn outcomes_not_achieved(&self) -> Vec<CarerOutcome> {
        self.outcomes
            .iter()
            .filter(|o| o.achievement.is_some_and(OutcomeAchievement::counts_as_unable))
            .map(|o| o.outcome)
            .collect()
    }

    /// Question ids whose answers differ from an earlier version's.
    pub fn changed_since(&self, earlier: &Answers) -> Vec<String> {
        let ids: BTreeSet<&str> = self.answers.ids().chain(earlier.ids()).collect();
        ids.into_iter().filter(|id| self.answers.get(id) != earlier.get(id)).map(str::to_owned).collect()
    }
}

#[cfg(test)]
pub(crate) mod tests;
