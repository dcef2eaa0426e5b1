//! The words of the carer's assessment that have a fixed set of answers: caring tasks, the
//! eight national carer outcomes, and how far each can be achieved.
use serde::{Deserialize, Serialize};

choices! {
    /// The things a carer may do for the person they care for.
    CaringTaskKind {
        PersonalCare = "personal_care",
        Medication = "medication",
        Meals = "meals",
        Housework = "housework",
        EmotionalSupport = "emotional_support",
        Supervision = "supervision",
        NightTimeCare = "night_care",
        FinancesAndPaperwork = "finances",
        TransportAndAppointments = "transport",
    }
}

choices! {
    /// The eight outcomes in the Care Act eligibility regulations for carers.
    CarerOutcome {
        CaringForAChild = "child",
        CaringForOthers = "others",
        HabitableHome = "home",
        Nutrition = "nutrition",
        Relationships = "relationships",
        WorkTrainingEducation = "work",
        LocalFacilities = "facilities",
        Recreation = "recreation",
    }
}

choices! {
    /// Whether the carer can achieve an outcome, in the words of the eligibility test (or that
    /// it does not apply, e.g. caring for a child when they have none).
    OutcomeAchievement {
        Yes = "yes",
        OnlyWithHelp = "with_help",
        OnlyWithDistress = "with_distress",
        OnlyAtRisk = "at_risk",
        No = "no",
        DoesNotApply = "does_not_apply",
    }
}

impl OutcomeAchievement {
    /// "Unable to achieve" in the regulations includes achieving it only with significant
    /// pain, distress or anxiety, or only by endangering someone's health or safety.
    pub fn counts_as_unable(self) -> bool {
        matches!(self, OutcomeAchievement::OnlyWithDistress | OutcomeAchievement::OnlyAtRisk | OutcomeAchievement::No)
    }
}

choices! {
    /// Whether the carer is willing to keep doing a task: never assumed, always asked.
    Willingness { Yes = "yes", NotSure = "not_sure", No = "no" }
}

choices! {
    /// Whether the carer is able to keep doing a task.
    Ability { Yes = "yes", WithHelp = "with_help", No = "no" }
}

choices! {
    /// How often a task is done.
    Frequency { Daily = "daily", SeveralTimesAWeek = "several_weekly", Weekly = "weekly", LessOften = "less_often" }
}

choices! {
    /// The carer's age band: children who care have extra protection.
    AgeBand { Under16 = "under_16", From16To17 = "16_17", From18To24 = "18_24", From25To64 = "25_64", Over65 = "65_plus" }
}

impl AgeBand {
    pub fn is_under_18(self) -> bool {
        matches!(self, AgeBand::Under16 | AgeBand::From16To17)
    }
}

choices! {
    /// Is caring affecting the carer's own health?
    HealthImpact { No = "no", AtRisk = "at_risk", Worse = "worse" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_variant() {
        for task in CaringTaskKind::ALL {
            assert_eq!(CaringTaskKind::parse(task.code()), Some(*task));
        }
        for outcome in CarerOutcome::ALL {
            assert_eq!(CarerOutcome::parse(outcome.code()), Some(*outcome));
        }
        assert_eq!(CarerOutcome::ALL.len(), 8);
        assert_eq!(CaringTaskKind::parse("gardening"), None);
    }

    #[test]
    fn distress_and_risk_count_as_unable_to_achieve() {
        let unable: Vec<_> = OutcomeAchievement::ALL.iter().filter(|a| a.counts_as_unable()).collect();
        assert_eq!(
            unable,
            [&OutcomeAchievement::OnlyWithDistress, &OutcomeAchievement::OnlyAtRisk, &OutcomeAchievement::No]
        );
    }
}
