//! HL7 FHIR R4 (4.0.1) exports of the council's records, for practitioners to pass to other
//! systems: a signed-off plan as a `Bundle` of a `CarePlan`, its `Goal`s and the `Patient`
//! (`care_plan.rs`), and a sent assessment as a `QuestionnaireResponse` with the `Questionnaire`
//! it answers (`assessment.rs`, `questionnaire.rs`). Pure mappings from the app's records to
//! JSON: no I/O, the time and the portal's address are passed in.
//!
//! Profiles (`meta.profile`) are claimed only where UK Core publishes one for that resource:
//! - `Patient`: UK Core Patient (`https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient`),
//!   an active profile in the released UK Core. It adds no mandatory elements; its NHS number
//!   identifier slice is optional, and the portal does not hold NHS numbers.
//! - `CarePlan`, `Goal`: no released UK Core profile. A UKCore-CarePlan exists only as a 2020
//!   draft in the "assets in development" guide (canonical under `fhir.nhs.uk/R4`, marked "must
//!   not be implemented"); no UKCore-Goal was found. The base R4 resources are used.
//! - `QuestionnaireResponse`: UK Core's STU2 change log resets UKCore-QuestionnaireResponse to
//!   draft and removes it from the release (it waits in the STU3 draft package): not claimed.
//! - `Questionnaire`: not claimed either. That same list names UKCore-QuestionnaireResponse twice,
//!   apparently meaning UKCore-Questionnaire too, so it could not be confirmed as released.
//! - `Bundle`: UK Core has no Bundle profile.
pub mod assessment;
pub mod care_plan;
pub mod export;
pub mod questionnaire;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{json, Value};

use app::kit::i18n::Locale;

/// The media type of FHIR resources in JSON.
pub const MEDIA_TYPE: &str = "application/fhir+json";

/// The UK Core profile for people; the only UK Core profile these exports claim.
pub const UK_CORE_PATIENT: &str = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";

/// The portal's address, under which its identifiers, code systems and questionnaire are named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Portal {
    base: String,
}

impl Portal {
    /// `public_url` is the address people use (`https://carers.council.example`).
    pub fn new(public_url: &str) -> Portal {
        Portal { base: public_url.trim_end_matches('/').to_owned() }
    }

    /// The identifier system for people's portal account numbers.
    pub fn person_system(&self) -> String {
        format!("{}/fhir/person", self.base)
    }

    /// A resource's full URL, `…/fhir/CarePlan/12`: the base `Type/id` references resolve
    /// against within a bundle.
    pub fn full_url(&self, resource_type: &str, id: &str) -> String {
        format!("{}/fhir/{resource_type}/{id}", self.base)
    }

    /// A code system the portal defines (the answers to one of the assessment's questions…).
    pub fn code_system(&self, name: &str) -> String {
        format!("{}/fhir/CodeSystem/{name}", self.base)
    }

    /// An identifier system for one kind of the portal's records.
    pub fn identifier_system(&self, name: &str) -> String {
        format!("{}/fhir/{name}", self.base)
    }
}

/// The `language` of a resource written in this locale (BCP 47).
pub fn language(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "en-GB",
        Locale::Pl => "pl",
    }
}

/// A FHIR `dateTime`/`instant`: to the second, in UTC.
pub fn date_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A FHIR `date`.
pub fn date(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The person as a minimal `Patient`: their name and their portal account number.
pub fn patient(portal: &Portal, person_id: i64, name: &str) -> Value {
    json!({
        "resourceType": "Patient",
        "id": person_id.to_string(),
        "meta": { "profile": [UK_CORE_PATIENT] },
        "identifier": [person_identifier(portal, person_id)],
        "name": [{ "text": name }],
    })
}

/// The person's portal account number as a FHIR `Identifier`.
pub fn person_identifier(portal: &Portal, person_id: i64) -> Value {
    json!({ "use": "usual", "system": portal.person_system(), "value": person_id.to_string() })
}

/// A reference to the person's `Patient` resource in the same bundle.
pub fn patient_reference(person_id: i64, name: &str) -> Value {
    json!({ "reference": format!("Patient/{person_id}"), "type": "Patient", "display": name })
}

/// Words the person or practitioner typed, as a FHIR `string`: FHIR strings may not be empty
/// or only white space, so those become `None` and the element is left out.
pub fn text(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// A resource as indented JSON with `resourceType`, `id` and `meta` first, as FHIR's own
/// examples are written (the other members follow in name order).
pub fn to_json(resource: &Value) -> String {
    let mut out = String::new();
    write_json(resource, 0, &mut out);
    out.push('\n');
    out
}

fn write_json(value: &Value, depth: usize, out: &mut String) {
    let newline = |depth: usize, out: &mut String| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    match value {
        Value::Object(members) if !members.is_empty() => {
            const FIRST: [&str; 3] = ["resourceType", "id", "meta"];
            let first = FIRST.iter().filter(|k| members.contains_key(**k)).map(|k| k.to_string());
            let rest = members.keys().filter(|k| !FIRST.contains(&k.as_str())).cloned();
            out.push('{');
            for (i, key) in first.chain(rest).enumerate() {
                out.push_str(if i == 0 { "" } else { "," });
                newline(depth + 1, out);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                write_json(&members[&key], depth + 1, out);
            }
            newline(depth, out);
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { "," });
                newline(depth + 1, out);
                write_json(item, depth + 1, out);
            }
            newline(depth, out);
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portal_names_things_under_its_public_address() {
        let portal = Portal::new("https://carers.council.example/");
        assert_eq!(portal.person_system(), "https://carers.council.example/fhir/person");
        assert_eq!(portal.full_url("Goal", "12-1"), "https://carers.council.example/fhir/Goal/12-1");
    }

    #[test]
    fn times_are_fhir_instants_and_blank_words_are_left_out() {
        let at = DateTime::parse_from_rfc3339("2026-11-23T10:15:30.123+00:00").unwrap().with_timezone(&Utc);
        assert_eq!(date_time(at), "2026-11-23T10:15:30Z");
        assert_eq!(text("  \n "), None);
        assert_eq!(text(" My garden "), Some("My garden".to_owned()));
    }

    #[test]
    fn json_is_written_with_the_resource_type_first_and_reads_back_the_same() {
        let resource =
            json!({ "status": "active", "id": "7", "resourceType": "Goal", "note": [{ "text": "a \"b\"" }], "x": {} });
        let written = to_json(&resource);
        assert!(written.starts_with("{\n  \"resourceType\": \"Goal\",\n  \"id\": \"7\","), "{written}");
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), resource);
    }
}
