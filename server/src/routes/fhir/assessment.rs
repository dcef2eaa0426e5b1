//! A sent carer's assessment as a FHIR `QuestionnaireResponse` to the portal's `Questionnaire`:
//! every answered question with its words, grouped by task-list section, the caring tasks and
//! outcomes as nested groups. Questions the carer skipped are left out.
use serde_json::{json, Value};

use app::backend::ports::SubmittedAssessment;
use app::domain::assessment::questions::{Kind, Question};
use app::domain::assessment::Answer;
use app::features::assessment::wire::reference;
use app::features::assessment::words;
use app::kit::i18n::Locale;

use super::questionnaire::{answer_system, is_yes_no, section_link_id, sections, subject_text};
use super::{date_time, language, person_identifier, text, Portal};

/// The response, in the reader's language (the carer's own words are as they wrote them).
pub fn questionnaire_response(portal: &Portal, assessment: &SubmittedAssessment, locale: Locale) -> Value {
    let answers = &assessment.answers;
    let items: Vec<Value> = sections(answers)
        .into_iter()
        .filter_map(|(section, pages)| {
            let mut items = Vec::new();
            for page in &pages {
                let answered: Vec<Value> = page
                    .questions
                    .iter()
                    .filter_map(|q| answered_item(portal, locale, q, answers.get(&q.id)))
                    .collect();
                match page.questions.first().and_then(|q| q.subject) {
                    Some(subject) if !answered.is_empty() => items.push(json!({
                        "linkId": page.id,
                        "text": subject_text(locale, subject),
                        "item": answered,
                    })),
                    Some(_) => {}
                    None => items.extend(answered),
                }
            }
            (!items.is_empty()).then(|| {
                json!({ "linkId": section_link_id(section), "text": words::section(locale, section), "item": items })
            })
        })
        .collect();
    // The carer is both who the answers are about and who gave them; they are named by their
    // portal account number, so the response stands on its own.
    let carer = json!({
        "type": "Patient",
        "identifier": person_identifier(portal, assessment.carer_id),
        "display": assessment.carer_name,
    });
    let mut response = json!({
        "resourceType": "QuestionnaireResponse",
        "id": assessment.id.to_string(),
        "language": language(locale),
        "identifier": { "system": portal.identifier_system("carers-assessment"), "value": reference(assessment.id) },
        "questionnaire": super::questionnaire::url(portal),
        "status": "completed",
        "subject": carer,
        "authored": date_time(assessment.submitted_at),
        "author": carer,
        "source": carer,
    });
    // FHIR arrays are never empty: nothing answered, no items.
    if !items.is_empty() {
        response["item"] = Value::Array(items);
    }
    response
}

/// One question with its answers, or `None` when it was skipped.
fn answered_item(portal: &Portal, locale: Locale, question: &Question, saved: Option<&Answer>) -> Option<Value> {
    let ticked = saved.map(Answer::codes).unwrap_or_default();
    let coding = |code: &str| {
        json!({ "valueCoding": {
            "system": answer_system(portal, question.key),
            "code": code,
            "display": words::option(locale, question, code),
        }})
    };
    let answers: Vec<Value> = match question.kind {
        kind if is_yes_no(kind) => match ticked[..] {
            ["yes"] => vec![json!({ "valueBoolean": true })],
            ["no"] => vec![json!({ "valueBoolean": false })],
            _ => Vec::new(),
        },
        Kind::Choice(options) | Kind::Choices(options) => {
            options.iter().filter(|o| ticked.contains(o)).map(|o| coding(o)).collect()
        }
        Kind::Short | Kind::Long => {
            let words = saved.and_then(Answer::as_str).unwrap_or_default();
            text(words).map(|words| json!({ "valueString": words })).into_iter().collect()
        }
    };
    (!answers.is_empty())
        .then(|| json!({ "linkId": question.id, "text": words::label(locale, question), "answer": answers }))
}
