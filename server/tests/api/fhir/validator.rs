//! A small FHIR R4 validator for the tests, driven by HL7's own StructureDefinitions (vendored in
//! `definitions/`, read by `definitions.rs`). For every element of a resource it checks that the
//! path exists in the definition's snapshot, the cardinality (and that repeating elements are
//! JSON arrays, never empty, and single ones are not), that required elements are there, that
//! primitives are the right JSON type and match the type's regular expression, that codes with a
//! required binding are in the value set, and that references are well formed, point at a type
//! the element allows and, inside a bundle, resolve to an entry. It does not evaluate FHIRPath
//! invariants; the few that matter here (ele-1, qrs-1, que-2) are checked by hand.
use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::definitions::{Definitions, Element, Structure};
use super::questionnaire_fit::link_ids;

impl Definitions {
    /// Everything wrong with this resource (an empty list when it is valid).
    pub fn validate(&self, resource: &Value) -> Vec<String> {
        let mut check = Check { definitions: self, problems: Vec::new() };
        check.resource(resource, "");
        if resource["resourceType"] == "Bundle" {
            check.bundle_references(resource);
        }
        check.problems
    }
}

struct Check<'a> {
    definitions: &'a Definitions,
    problems: Vec<String>,
}

impl Check<'_> {
    fn problem(&mut self, location: &str, message: impl std::fmt::Display) {
        self.problems.push(format!("{location}: {message}"));
    }

    fn resource(&mut self, value: &Value, location: &str) {
        let Some(resource_type) = value["resourceType"].as_str() else {
            return self.problem(location, "a resource needs a resourceType");
        };
        let location =
            if location.is_empty() { resource_type.to_owned() } else { format!("{location}({resource_type})") };
        match self.definitions.structures.get(resource_type) {
            Some(structure) if structure.kind == "resource" => {
                self.object(structure, resource_type, value, &location, true);
                if let Some(id) = value["id"].as_str() {
                    // Resource.id is declared as a string; the specification makes it an `id`.
                    self.primitive("id", &Value::String(id.to_owned()), &format!("{location}.id"));
                }
                match resource_type {
                    "QuestionnaireResponse" => self.items_not_under_both(value, &location),
                    "Questionnaire" => self.unique_link_ids(value, &location),
                    _ => {}
                }
            }
            _ => self.problem(&location, format!("no vendored definition for resource type {resource_type}")),
        }
    }

    /// The object at `path` of `structure`: every member known, every required one present.
    fn object(&mut self, structure: &Structure, path: &str, value: &Value, location: &str, is_resource: bool) {
        let Some(members) = value.as_object() else { return self.problem(location, "expected a JSON object") };
        if members.is_empty() || (is_resource && members.len() == 1) {
            self.problem(location, "ele-1: an element must have a value or children");
        }
        let prefix = format!("{path}.");
        let children: Vec<&Element> = structure
            .elements
            .iter()
            .filter(|e| e.path.strip_prefix(&prefix).is_some_and(|rest| !rest.contains('.')))
            .collect();
        for (key, member) in members {
            if is_resource && key == "resourceType" {
                continue;
            }
            match find_child(&children, key) {
                Some((element, type_code)) => {
                    self.member(structure, &element, &type_code, member, &format!("{location}.{key}"))
                }
                None => self.problem(&format!("{location}.{key}"), format!("{path} has no element `{key}`")),
            }
        }
        for element in children.iter().filter(|e| e.min > 0) {
            if !is_present(members, element) {
                self.problem(location, format!("{} is required (min {})", element.path, element.min));
            }
        }
    }

    /// One member: its cardinality, then each value.
    fn member(&mut self, structure: &Structure, element: &Element, type_code: &str, value: &Value, location: &str) {
        let values: Vec<&Value> = match (element.max, value) {
            (Some(1), Value::Array(_)) => {
                return self.problem(location, format!("{} repeats at most once: not an array", element.path))
            }
            (Some(1), value) => vec![value],
            (_, Value::Array(values)) if values.is_empty() => return self.problem(location, "arrays may not be empty"),
            (_, Value::Array(values)) => values.iter().collect(),
            (_, _) => return self.problem(location, format!("{} can repeat: it must be an array", element.path)),
        };
        if let Some(max) = element.max.filter(|max| values.len() > *max) {
            self.problem(location, format!("{} repeats at most {max} times", element.path));
        }
        if values.len() < element.min {
            self.problem(location, format!("{} needs at least {}", element.path, element.min));
        }
        let repeating = value.is_array();
        for (i, value) in values.iter().enumerate() {
            let location = if repeating { format!("{location}[{i}]") } else { location.to_owned() };
            self.typed(structure, element, type_code, value, &location);
        }
    }

    fn typed(&mut self, structure: &Structure, element: &Element, type_code: &str, value: &Value, location: &str) {
        if let Some(target) = &element.content_reference {
            return self.object(structure, target, value, location, false);
        }
        match type_code {
            "BackboneElement" | "Element" => self.object(structure, &element.path, value, location, false),
            "Resource" => self.resource(value, location),
            _ => match self.definitions.structures.get(type_code) {
                Some(datatype) if datatype.kind == "primitive-type" => self.primitive(type_code, value, location),
                Some(datatype) => {
                    self.object(datatype, type_code, value, location, false);
                    if type_code == "Reference" {
                        self.reference(element, value, location);
                    }
                }
                None => self.problem(location, format!("no vendored definition for type {type_code}")),
            },
        }
        if let Some(url) = &element.required_value_set {
            self.binding(url, type_code, value, location);
        }
    }

    fn primitive(&mut self, type_code: &str, value: &Value, location: &str) {
        let text = match (type_code, value) {
            ("boolean", Value::Bool(b)) => b.to_string(),
            ("integer" | "positiveInt" | "unsignedInt", Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            ("decimal", Value::Number(n)) => n.to_string(),
            ("boolean" | "integer" | "positiveInt" | "unsignedInt" | "decimal", other) => {
                return self.problem(
                    location,
                    format!(
                        "a {type_code} must be a JSON {}, not {other}",
                        if type_code == "boolean" { "boolean" } else { "number" }
                    ),
                );
            }
            (_, Value::String(s)) => s.clone(),
            (_, other) => return self.problem(location, format!("a {type_code} must be a JSON string, not {other}")),
        };
        let pattern = self.definitions.structures.get(type_code).and_then(|s| s.pattern.as_ref());
        if let Some(pattern) = pattern {
            if !pattern.is_match(&text) {
                self.problem(location, format!("`{text}` is not a valid {type_code}"));
            }
        }
    }

    fn binding(&mut self, url: &str, type_code: &str, value: &Value, location: &str) {
        let Some(codes) = self.definitions.value_sets.get(url) else {
            return self.problem(location, format!("required binding to {url}, which is not vendored"));
        };
        let known = match type_code {
            "code" => value.as_str().is_some_and(|code| codes.iter().any(|(_, c)| c == code)),
            "Coding" => codes.contains(&(
                value["system"].as_str().unwrap_or_default().to_owned(),
                value["code"].as_str().unwrap_or_default().to_owned(),
            )),
            other => return self.problem(location, format!("required bindings on {other} are not supported")),
        };
        if !known {
            self.problem(location, format!("{value} is not in the value set {url}"));
        }
    }

    /// A reference's form and the types it may point at.
    fn reference(&mut self, element: &Element, value: &Value, location: &str) {
        let allowed: Vec<&String> =
            element.types.iter().filter(|t| t.code == "Reference").flat_map(|t| &t.targets).collect();
        let declared = value["type"].as_str();
        let mut pointed = declared.map(str::to_owned);
        if let Some(reference) = value["reference"].as_str() {
            match reference_type(reference) {
                Some(Some(found)) if !self.definitions.resource_types.contains(&found) => {
                    self.problem(location, format!("`{reference}` names no resource type"));
                }
                Some(Some(found)) => {
                    if declared.is_some_and(|d| d != found) {
                        self.problem(location, format!("type {declared:?} disagrees with `{reference}`"));
                    }
                    pointed = Some(found);
                }
                Some(None) => {}
                None => self.problem(location, format!("`{reference}` is not a well-formed reference")),
            }
        }
        if let Some(pointed) = pointed {
            if !allowed.is_empty() && !allowed.iter().any(|t| *t == "Resource" || **t == pointed) {
                self.problem(location, format!("{} may not refer to a {pointed}", element.path));
            }
        }
    }

    /// Inside a bundle: full URLs unique and agreeing with their resource, and every relative
    /// reference resolving to an entry.
    fn bundle_references(&mut self, bundle: &Value) {
        let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
        let mut full_urls = HashSet::new();
        for (i, entry) in entries.iter().enumerate() {
            let location = format!("Bundle.entry[{i}]");
            let full_url = entry["fullUrl"].as_str().unwrap_or_default();
            if !full_urls.insert(full_url.to_owned()) {
                self.problem(&location, format!("bdl-7: fullUrl {full_url} is used twice"));
            }
            let resource = &entry["resource"];
            let own = format!(
                "{}/{}",
                resource["resourceType"].as_str().unwrap_or_default(),
                resource["id"].as_str().unwrap_or_default()
            );
            if !full_url.ends_with(&format!("/{own}")) {
                self.problem(&location, format!("fullUrl {full_url} disagrees with the resource {own}"));
            }
        }
        for (i, entry) in entries.iter().enumerate() {
            let full_url = entry["fullUrl"].as_str().unwrap_or_default();
            let resource = &entry["resource"];
            let own = format!(
                "{}/{}",
                resource["resourceType"].as_str().unwrap_or_default(),
                resource["id"].as_str().unwrap_or_default()
            );
            let base = full_url.strip_suffix(&own).unwrap_or(full_url);
            let mut references = Vec::new();
            collect_references(resource, &mut references);
            for reference in references {
                if reference.starts_with('#') || reference.contains("://") || reference.starts_with("urn:") {
                    continue;
                }
                if !full_urls.contains(&format!("{base}{reference}")) {
                    self.problem(
                        &format!("Bundle.entry[{i}]"),
                        format!("reference `{reference}` resolves to no entry"),
                    );
                }
            }
        }
    }

    /// qrs-1: an item has nested items or answers with nested items, never both.
    fn items_not_under_both(&mut self, value: &Value, location: &str) {
        for item in value["item"].as_array().into_iter().flatten() {
            let link = item["linkId"].as_str().unwrap_or_default();
            if item.get("item").is_some() && item.get("answer").is_some() {
                self.problem(location, format!("qrs-1: item {link} has both nested items and answers"));
            }
            self.items_not_under_both(item, location);
        }
    }

    /// que-2: linkIds are unique within a questionnaire.
    fn unique_link_ids(&mut self, questionnaire: &Value, location: &str) {
        let mut seen = HashSet::new();
        for link_id in link_ids(questionnaire) {
            if !seen.insert(link_id.clone()) {
                self.problem(location, format!("que-2: linkId {link_id} is used twice"));
            }
        }
    }
}

/// The element a JSON member name stands for, with the type it takes (`valueString` →
/// `value[x]` as a `string`).
fn find_child(children: &[&Element], key: &str) -> Option<(Element, String)> {
    for element in children {
        let name = element.name();
        if let Some(base) = name.strip_suffix("[x]") {
            let Some(suffix) = key.strip_prefix(base) else { continue };
            if let Some(found) = element.types.iter().find(|t| capitalised(&t.code) == suffix) {
                return Some(((*element).clone(), found.code.clone()));
            }
        } else if name == key {
            let code = element.types.first().map(|t| t.code.clone()).unwrap_or_default();
            return Some(((*element).clone(), code));
        }
    }
    None
}

fn is_present(members: &Map<String, Value>, element: &Element) -> bool {
    let name = element.name();
    match name.strip_suffix("[x]") {
        Some(base) => members.keys().any(|k| k.starts_with(base) && k.len() > base.len()),
        None => members.contains_key(name),
    }
}

fn capitalised(code: &str) -> String {
    let mut chars = code.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `Some(Some(type))` for `Type/id` (relative or absolute), `Some(None)` for a contained
/// (`#id`) or `urn:` reference, `None` when it is not a reference at all.
fn reference_type(reference: &str) -> Option<Option<String>> {
    static FORM: OnceLock<Regex> = OnceLock::new();
    let form = FORM.get_or_init(|| {
        Regex::new(r"^(?:https?://[^\s/]+(?:/[^\s/]+)*/)?([A-Z][A-Za-z]+)/([A-Za-z0-9\-\.]{1,64})(?:/_history/[A-Za-z0-9\-\.]{1,64})?$").unwrap()
    });
    if let Some(id) = reference.strip_prefix('#') {
        return (!id.is_empty()).then_some(None);
    }
    if reference.starts_with("urn:uuid:") || reference.starts_with("urn:oid:") {
        return Some(None);
    }
    form.captures(reference).map(|c| Some(c[1].to_owned()))
}

fn collect_references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                match (key.as_str(), member) {
                    ("reference", Value::String(reference)) => out.push(reference.clone()),
                    _ => collect_references(member, out),
                }
            }
        }
        Value::Array(values) => values.iter().for_each(|v| collect_references(v, out)),
        _ => {}
    }
}
