//! The words of the assessment's questions, found by key in the message catalogue
//! (`assessment.questions.<key>.label`, `.hint`, `.options.<code>`). A test checks that every
//! key the catalogue can ask for exists, so nothing is shown as a raw key.
use crate::domain::assessment::questions::{Question, Subject};
use crate::domain::assessment::{Answer, Section, SectionStatus};
use crate::kit::i18n::{Locale, Text};

fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    Text::from_key(key).map(|text| locale.text(text))
}

pub fn label(locale: Locale, question: &Question) -> String {
    lookup(locale, &format!("assessment.questions.{}.label", question.key)).unwrap_or(question.key).to_owned()
}

pub fn hint(locale: Locale, question: &Question) -> Option<String> {
    lookup(locale, &format!("assessment.questions.{}.hint", question.key)).map(str::to_owned)
}

pub fn option(locale: Locale, question: &Question, code: &str) -> String {
    lookup(locale, &format!("assessment.questions.{}.options.{code}", question.key)).unwrap_or(code).to_owned()
}

/// The task or outcome a repeated page is about: its heading.
pub fn subject(locale: Locale, subject: Subject) -> String {
    match subject {
        Subject::Task(task) => lookup(locale, &format!("assessment.questions.tasks.options.{}", task.code())),
        Subject::Outcome(outcome) => lookup(locale, &format!("assessment.outcomes.{}", outcome.code())),
    }
    .unwrap_or_default()
    .to_owned()
}

pub fn section(locale: Locale, section: Section) -> &'static str {
    lookup(locale, &format!("assessment.sections.{}", section.code())).unwrap_or_default()
}

pub fn status(locale: Locale, status: SectionStatus) -> &'static str {
    locale.text(match status {
        SectionStatus::NotStarted => Text::AssessmentStatusNotStarted,
        SectionStatus::InProgress => Text::AssessmentStatusInProgress,
        SectionStatus::Completed => Text::AssessmentStatusCompleted,
        SectionStatus::CannotStartYet => Text::AssessmentStatusCannotStart,
    })
}

/// A saved answer as the carer reads it back ("Not provided" when skipped).
pub fn answer(locale: Locale, question: &Question, answer: Option<&Answer>) -> String {
    match answer.filter(|answer| answer.is_answered()) {
        None => locale.text(Text::AssessmentNotProvided).to_owned(),
        Some(Answer::Choice(code)) => option(locale, question, code),
        Some(Answer::Choices(codes)) => {
            codes.iter().map(|code| option(locale, question, code)).collect::<Vec<_>>().join("; ")
        }
        Some(Answer::Text(words)) => words.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::questions::{pages, Kind};
    use crate::domain::assessment::{Answers, CaringTaskKind};

    fn options(question: &Question) -> &'static [&'static str] {
        match question.kind {
            Kind::Choice(options) | Kind::Choices(options) => options,
            Kind::Short | Kind::Long => &[],
        }
    }

    #[test]
    fn every_question_option_section_and_subject_has_words() {
        let every_task = CaringTaskKind::CODES.iter().map(|code| (*code).to_owned()).collect();
        let answers: Answers = [("tasks".to_owned(), Answer::Choices(every_task))].into_iter().collect();
        for page in pages(&answers) {
            assert!(Text::from_key(&format!("assessment.sections.{}", page.section.code())).is_some());
            for question in &page.questions {
                let key = question.key;
                assert!(Text::from_key(&format!("assessment.questions.{key}.label")).is_some(), "{key}");
                for code in options(question) {
                    assert!(
                        Text::from_key(&format!("assessment.questions.{key}.options.{code}")).is_some(),
                        "{key}.{code}"
                    );
                }
                if let Some(subject) = question.subject {
                    assert!(!super::subject(Locale::En, subject).is_empty(), "{key}");
                }
            }
        }
    }
}
