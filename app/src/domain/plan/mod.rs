//! The person's own support plan: its sections in their words, and the contributions (text,
//! pictures, clips) they put in each. The server maps what they write into these sections
//! (`words.rs`); practitioners complete the structured Care and Support Plan from it.
pub mod record;
pub mod words;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::plan::record::CareAndSupportPlan;
use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::Problem;
use crate::kit::i18n::{Locale, Text};

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
        [ContributionKind::Words, ContributionKind::Picture, ContributionKind::Clip]
            .into_iter()
            .find(|k| k.code() == code)
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

/// Something a person put in their plan: words, or a picture or clip kept in the file store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub id: i64,
    pub person_id: i64,
    pub section: PlanSection,
    pub kind: ContributionKind,
    pub body: String,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub file_key: Option<String>,
    pub media_type: Option<String>,
    pub size_bytes: i64,
    pub added_at: DateTime<Utc>,
}

/// The contribution as it is frozen when the plan is sent for agreement.
impl From<Contribution> for SentContribution {
    fn from(c: Contribution) -> SentContribution {
        SentContribution {
            contribution_id: c.id,
            section: c.section,
            kind: c.kind,
            body: c.body,
            caption: c.caption,
            alt_text: c.alt_text,
            media_type: c.media_type,
        }
    }
}

/// A picture or clip to add to a plan, already checked and stored.
pub struct NewFileContribution<'a> {
    pub section: PlanSection,
    pub kind: ContributionKind,
    pub caption: Option<&'a str>,
    pub alt_text: Option<&'a str>,
    pub file_key: &'a str,
    pub media_type: &'a str,
    pub size_bytes: i64,
}

/// A version of a person's plan: what they sent, and once signed off, the statutory record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanVersion {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub contributions: Vec<SentContribution>,
    pub record: Option<CareAndSupportPlan>,
    pub signed_off_by: Option<String>,
    pub signed_off_at: Option<DateTime<Utc>>,
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

/// A change to something already in the plan: new words, or a new caption and description for
/// a picture or clip. Pictures must keep a description for people who cannot see them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionChange {
    /// New words for a words contribution; `None` for a picture or clip.
    pub body: Option<String>,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
}

pub const CAPTION_MAX: usize = 200;
pub const ALT_TEXT_MAX: usize = 500;

impl ContributionChange {
    pub fn parse(
        kind: ContributionKind,
        text: &str,
        caption: &str,
        alt_text: &str,
    ) -> Result<ContributionChange, Vec<PlanProblem>> {
        if kind == ContributionKind::Words {
            return BoundedText::required(text, WrittenContribution::TEXT_MAX)
                .map(|text| ContributionChange { body: Some(text.into_inner()), caption: None, alt_text: None })
                .map_err(|p| vec![PlanProblem::Text(p)]);
        }
        let (caption, alt_text) = FileDescription::parse(kind, caption, alt_text)?;
        Ok(ContributionChange { body: None, caption, alt_text })
    }
}

/// The caption and description of a picture or clip, checked the same way when it is added and
/// when it is changed.
pub struct FileDescription;

impl FileDescription {
    pub fn parse(
        kind: ContributionKind,
        caption: &str,
        alt_text: &str,
    ) -> Result<(Option<String>, Option<String>), Vec<PlanProblem>> {
        let caption = BoundedText::optional(caption, CAPTION_MAX).map_err(PlanProblem::Caption);
        let alt_text = if kind == ContributionKind::Picture {
            BoundedText::required(alt_text, ALT_TEXT_MAX).map(Some)
        } else {
            BoundedText::optional(alt_text, ALT_TEXT_MAX)
        }
        .map_err(PlanProblem::AltText);
        match (caption, alt_text) {
            (Ok(caption), Ok(alt_text)) => {
                Ok((caption.map(BoundedText::into_inner), alt_text.map(BoundedText::into_inner)))
            }
            (caption, alt_text) => Err([alt_text.err(), caption.err()].into_iter().flatten().collect()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanProblem {
    SectionMissing,
    Text(TextProblem),
    OwnWords(TextProblem),
    Caption(TextProblem),
    AltText(TextProblem),
}

impl Problem for PlanProblem {
    fn field(&self) -> String {
        match self {
            PlanProblem::SectionMissing => "section",
            PlanProblem::Text(_) => "text",
            PlanProblem::OwnWords(_) => "words",
            PlanProblem::Caption(_) => "caption",
            PlanProblem::AltText(_) => "alt_text",
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
            PlanProblem::Caption(TextProblem::TooLong { max }) => {
                crate::domain::with_max(locale, Text::PlanErrorsCaptionTooLong, *max)
            }
            PlanProblem::AltText(TextProblem::TooLong { max }) => {
                crate::domain::with_max(locale, Text::PlanErrorsTooLong, *max)
            }
            PlanProblem::AltText(TextProblem::Missing) | PlanProblem::Caption(TextProblem::Missing) => {
                locale.text(Text::PlanErrorsAltMissing).to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests;
