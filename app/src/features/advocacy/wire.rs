//! The advocacy form as it arrives, and the page's view of what is recorded.
use serde::{Deserialize, Serialize};

use crate::domain::advocacy::{AdvocacyChoice, AdvocacyProblem, AdvocacyRecord};
use crate::kit::forms::text_form;

text_form! {
    /// What the practitioner typed and ticked (an unticked box arrives as nothing).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AdvocacyForm { answer, advocate_name, advocate_email, copy, invite }
    parsed by AdvocacyChoice::parse(answer, advocate_name, advocate_email, copy, invite) -> Vec<AdvocacyProblem>;
}

/// A person's advocacy page: whose, and what is recorded so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvocacyView {
    pub person_id: i64,
    pub name: String,
    pub record: Option<AdvocacyRecord>,
}

impl AdvocacyView {
    /// The form's starting values: what is recorded (the invitation is asked for afresh).
    pub fn form_values(&self) -> std::collections::BTreeMap<String, String> {
        let Some(record) = &self.record else { return Default::default() };
        [
            ("answer", Some(record.answer.code().to_owned())),
            ("advocate_name", record.advocate_name.clone()),
            ("advocate_email", record.advocate_email.clone()),
            ("copy", record.copy_agreed.then(|| "yes".to_owned())),
        ]
        .into_iter()
        .filter_map(|(field, value)| value.map(|v| (field.to_owned(), v)))
        .collect()
    }
}
