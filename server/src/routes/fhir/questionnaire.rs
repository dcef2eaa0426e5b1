//! The carer's assessment as a FHIR `Questionnaire`: the definition every exported
//! `QuestionnaireResponse` names, served at its canonical URL. One group per task-list section;
//! the willing-and-able questions are asked per caring task (shown only for the tasks chosen)
//! and the outcome questions per outcome, each as a nested group.
use serde_json::{json, Value};

use app::domain::assessment::questions::{pages, Kind, Page, Question, Subject, LONG_MAX, SHORT_MAX};
use app::domain::assessment::{Answer, Answers, CaringTaskKind, Section};
use app::features::assessment::words;
use app::kit::i18n::{Locale, Text};

use super::{language, Portal};

/// The questionnaire's logical id.
pub const ID: &str = "carers-assessment";

/// Its canonical URL (served by the portal, so a receiving system can fetch it).
pub fn url(portal: &Portal) -> String {
    portal.full_url("Questionnaire", ID)
}

/// The `linkId` of a task-list section's group (`section-` keeps it apart from question ids:
/// the emergency section has an `emergency` question).
pub fn section_link_id(section: Section) -> String {
    format!("section-{}", section.code())
}

/// The code system of one question's options: `…/fhir/CodeSystem/carers-assessment-task-often`.
pub fn answer_system(portal: &Portal, question_key: &str) -> String {
    portal.code_system(&format!("{ID}-{}", question_key.replace('_', "-")))
}

/// A yes/no question is answered with a `boolean`.
pub fn is_yes_no(kind: Kind) -> bool {
    matches!(kind, Kind::Choice(["yes", "no"]))
}

/// The pages of each section, in order, for these answers.
pub fn sections(answers: &Answers) -> Vec<(Section, Vec<Page>)> {
    let all = pages(answers);
    Section::ALL
        .into_iter()
        .map(|section| (section, all.iter().filter(|p| p.section == section).cloned().collect::<Vec<_>>()))
        .filter(|(_, pages)| !pages.is_empty())
        .collect()
}

/// The heading of a page asked about one task or outcome.
pub fn subject_text(locale: Locale, subject: Subject) -> String {
    words::subject(locale, subject)
}

/// The whole questionnaire, in the reader's language.
pub fn questionnaire(portal: &Portal, locale: Locale) -> Value {
    // Every caring task, so every task's questions are defined.
    let every_task: Answers =
        [("tasks".to_owned(), Answer::Choices(CaringTaskKind::CODES.iter().map(|c| (*c).to_owned()).collect()))]
            .into_iter()
            .collect();
    let items: Vec<Value> = sections(&every_task)
        .into_iter()
        .map(|(section, pages)| {
            let mut items = Vec::new();
            for page in &pages {
                match page.questions.first().and_then(|q| q.subject) {
                    Some(subject) => items.push(subject_group(portal, locale, page, subject)),
                    None => items.extend(page.questions.iter().map(|q| question_item(portal, locale, q))),
                }
            }
            json!({
                "linkId": section_link_id(section),
                "text": words::section(locale, section),
                "type": "group",
                "item": items,
            })
        })
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "id": ID,
        "url": url(portal),
        "language": language(locale),
        "name": "CarersAssessment",
        "title": locale.text(Text::FhirQuestionnaireTitle),
        "status": "active",
        "subjectType": ["Patient"],
        "description": locale.text(Text::FhirQuestionnaireDescription),
        "item": items,
    })
}

fn subject_group(portal: &Portal, locale: Locale, page: &Page, subject: Subject) -> Value {
    let mut group = json!({
        "linkId": page.id,
        "text": subject_text(locale, subject),
        "type": "group",
        "item": page.questions.iter().map(|q| question_item(portal, locale, q)).collect::<Vec<_>>(),
    });
    if let Subject::Task(task) = subject {
        // Asked only about the tasks the carer said they do.
        group["enableWhen"] = json!([{
            "question": "tasks",
            "operator": "=",
            "answerCoding": { "system": answer_system(portal, "tasks"), "code": task.code() },
        }]);
    }
    group
}

fn question_item(portal: &Portal, locale: Locale, question: &Question) -> Value {
    let label = words::label(locale, question);
    match question.kind {
        kind if is_yes_no(kind) => json!({ "linkId": question.id, "text": label, "type": "boolean" }),
        Kind::Choice(options) | Kind::Choices(options) => json!({
            "linkId": question.id,
            "text": label,
            "type": "choice",
            "repeats": matches!(question.kind, Kind::Choices(_)),
            "answerOption": options.iter().map(|code| json!({
                "valueCoding": {
                    "system": answer_system(portal, question.key),
                    "code": code,
                    "display": words::option(locale, question, code),
                }
            })).collect::<Vec<_>>(),
        }),
        Kind::Short => json!({ "linkId": question.id, "text": label, "type": "string", "maxLength": SHORT_MAX }),
        Kind::Long => json!({ "linkId": question.id, "text": label, "type": "text", "maxLength": LONG_MAX }),
    }
}
