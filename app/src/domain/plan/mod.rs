//! The person's own support plan: its sections in their words, and the contributions (text,
//! pictures, clips) they put in each. The server maps what they write into these sections
//! (`words.rs`); practitioners complete the structured Care and Support Plan from it.
pub mod record;
pub mod words;

use serde::{Deserialize, Serialize};

use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::Problem;
use crate::i18n::{Locale, Text};

/// The good-practice sections of a Care and Support Plan, in the person's words
/// (Lincolnshire's procedure, section 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlanSection {
    AboutMe,
    ImportantToMe,
    Working,
    NotWorking,
    WantToAchieve,
    Risks,
    WhoCares,
    Contingency,
}

impl PlanSection {
    pub const ALL: [PlanSection; 8] = [
        PlanSection::AboutMe,
        PlanSection::ImportantToMe,
        PlanSection::Working,
        PlanSection::NotWorking,
        PlanSection::WantToAchieve,
        PlanSection::Risks,
        PlanSection::WhoCares,
        PlanSection::Contingency,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PlanSection::AboutMe => "about_me",
            PlanSection::ImportantToMe => "important",
            PlanSection::Working => "working",
            PlanSection::NotWorking => "not_working",
            PlanSection::WantToAchieve => "achieve",
            PlanSection::Risks => "risks",
            PlanSection::WhoCares => "who_cares",
            PlanSection::Contingency => "contingency",
        }
    }

    pub fn parse(code: &str) -> Option<PlanSection> {
        PlanSection::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn title(self, locale: Locale) -> &'static str {
        locale.text(match self {
            PlanSection::AboutMe => Text::PlanSectionsAboutMe,
            PlanSection::ImportantToMe => Text::PlanSectionsImportant,
            PlanSection::Working => Text::PlanSectionsWorking,
            PlanSection::NotWorking => Text::PlanSectionsNotWorking,
            PlanSection::WantToAchieve => Text::PlanSectionsAchieve,
            PlanSection::Risks => Text::PlanSectionsRisks,
            PlanSection::WhoCares => Text::PlanSectionsWhoCares,
            PlanSection::Contingency => Text::PlanSectionsContingency,
        })
    }

    /// What belongs here, in the procedure's words (shown as the section's hint).
    pub fn hint(self, locale: Locale) -> &'static str {
        locale.text(match self {
            PlanSection::AboutMe => Text::PlanHintsAboutMe,
            PlanSection::ImportantToMe => Text::PlanHintsImportant,
            PlanSection::Working => Text::PlanHintsWorking,
            PlanSection::NotWorking => Text::PlanHintsNotWorking,
            PlanSection::WantToAchieve => Text::PlanHintsAchieve,
            PlanSection::Risks => Text::PlanHintsRisks,
            PlanSection::WhoCares => Text::PlanHintsWhoCares,
            PlanSection::Contingency => Text::PlanHintsContingency,
        })
    }
}

/// What a contribution is. Pictures and clips are files; words are kept in the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContributionKind {
    Words,
    Picture,
    Clip,
}

impl ContributionKind {
    pub fn code(self) -> &'static str {
        match self {
            ContributionKind::Words => "text",
            ContributionKind::Picture => "picture",
            ContributionKind::Clip => "clip",
        }
    }

    pub fn parse(code: &str) -> Option<ContributionKind> {
        [ContributionKind::Words, ContributionKind::Picture, ContributionKind::Clip].into_iter().find(|k| k.code() == code)
    }
}

/// A contribution as it stood when the plan was sent for agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentContribution {
    pub contribution_id: i64,
    pub section: PlanSection,
    pub kind: ContributionKind,
    pub body: String,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub media_type: Option<String>,
}

/// Some words for the plan, as the person typed them into a section.
#[derive(Debug)]
pub struct WrittenContribution {
    pub section: PlanSection,
    pub text: BoundedText,
}

impl WrittenContribution {
    pub const TEXT_MAX: usize = 5000;

    pub fn parse(section: &str, text: &str) -> Result<WrittenContribution, Vec<PlanProblem>> {
        let section = PlanSection::parse(section);
        let text = BoundedText::required(text, Self::TEXT_MAX);
        match (section, text) {
            (Some(section), Ok(text)) => Ok(WrittenContribution { section, text }),
            (section, text) => {
                let mut problems = Vec::new();
                if section.is_none() {
                    problems.push(PlanProblem::SectionMissing);
                }
                if let Err(problem) = text {
                    problems.push(PlanProblem::Text(problem));
                }
                Err(problems)
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanProblem {
    SectionMissing,
    Text(TextProblem),
    OwnWords(TextProblem),
}

impl Problem for PlanProblem {
    fn field(&self) -> String {
        match self {
            PlanProblem::SectionMissing => "section",
            PlanProblem::Text(_) => "text",
            PlanProblem::OwnWords(_) => "words",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            PlanProblem::SectionMissing => locale.text(Text::PlanErrorsSection).to_owned(),
            PlanProblem::Text(TextProblem::Missing) | PlanProblem::OwnWords(TextProblem::Missing) => {
                locale.text(Text::PlanErrorsTextMissing).to_owned()
            }
            PlanProblem::Text(TextProblem::TooLong { max }) | PlanProblem::OwnWords(TextProblem::TooLong { max }) => {
                crate::domain::with_max(locale, Text::PlanErrorsTooLong, *max)
            }
        }
    }
}

#[cfg(test)]
mod tests;
