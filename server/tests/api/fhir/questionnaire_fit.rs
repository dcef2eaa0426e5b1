//! Whether a QuestionnaireResponse answers its Questionnaire: the items it has, where, with
//! what words, and answers of the right type.
use serde_json::Value;

/// Every linkId in a questionnaire or response, in order.
pub fn link_ids(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for item in value["item"].as_array().into_iter().flatten() {
        out.extend(item["linkId"].as_str().map(str::to_owned));
        out.extend(link_ids(item));
        for answer in item["answer"].as_array().into_iter().flatten() {
            out.extend(link_ids(answer));
        }
    }
    out
}

/// Checks a response against the questionnaire it names: every item is one the questionnaire
/// defines, at the same place, with its text, and each answer is of the item's type (a choice
/// answered with one of its options).
pub fn answers_fit(response: &Value, questionnaire: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if response["questionnaire"] != questionnaire["url"] {
        problems.push(format!("the response names {} not {}", response["questionnaire"], questionnaire["url"]));
    }
    fit_items(&response["item"], &questionnaire["item"], &mut problems);
    problems
}

fn fit_items(answered: &Value, defined: &Value, problems: &mut Vec<String>) {
    for item in answered.as_array().into_iter().flatten() {
        let link = item["linkId"].as_str().unwrap_or_default();
        let Some(definition) = defined.as_array().into_iter().flatten().find(|d| d["linkId"] == link) else {
            problems.push(format!("{link}: not defined by the questionnaire at this place"));
            continue;
        };
        if item["text"] != definition["text"] {
            problems
                .push(format!("{link}: text {} differs from the questionnaire's {}", item["text"], definition["text"]));
        }
        let answers = item["answer"].as_array().cloned().unwrap_or_default();
        if answers.len() > 1 && definition["repeats"] != true {
            problems.push(format!("{link}: several answers to a question that does not repeat"));
        }
        for answer in &answers {
            let fits = match definition["type"].as_str().unwrap_or_default() {
                "boolean" => answer["valueBoolean"].is_boolean(),
                "string" | "text" => answer["valueString"].is_string(),
                "integer" => answer["valueInteger"].is_i64(),
                "choice" => definition["answerOption"].as_array().into_iter().flatten().any(|option| {
                    option["valueCoding"]["system"] == answer["valueCoding"]["system"]
                        && option["valueCoding"]["code"] == answer["valueCoding"]["code"]
                }),
                _ => false,
            };
            if !fits {
                problems.push(format!("{link}: answer {answer} does not fit a {} question", definition["type"]));
            }
        }
        fit_items(&item["item"], &definition["item"], problems);
    }
}
