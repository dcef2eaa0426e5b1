//! HL7's FHIR R4 definitions as the validator reads them: each StructureDefinition's snapshot
//! (element paths, cardinality, types, required bindings) and the codes of the vendored value
//! sets. Read once per test binary from `definitions/` (see `README.md` there).
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

const FHIR_TYPE_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
const REGEX_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/regex";

pub struct Definitions {
    pub(crate) structures: HashMap<String, Structure>,
    /// Value set URL → (system, code) pairs it holds.
    pub(crate) value_sets: HashMap<String, HashSet<(String, String)>>,
    pub(crate) resource_types: HashSet<String>,
}

pub(crate) struct Structure {
    pub(crate) kind: String,
    pub(crate) elements: Vec<Element>,
    /// For primitive types: the whole-value pattern.
    pub(crate) pattern: Option<Regex>,
}

#[derive(Clone, Debug)]
pub(crate) struct Element {
    pub(crate) path: String,
    pub(crate) min: usize,
    /// `None` for `*`.
    pub(crate) max: Option<usize>,
    pub(crate) types: Vec<TypeRef>,
    pub(crate) required_value_set: Option<String>,
    pub(crate) content_reference: Option<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct TypeRef {
    pub(crate) code: String,
    /// Resource types a Reference may point at (`Resource` for any).
    pub(crate) targets: Vec<String>,
}

impl Element {
    /// The element's name under its parent: `status`, `value[x]`.
    pub(crate) fn name(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or_default()
    }
}

/// The definitions, read once per test binary.
pub fn definitions() -> &'static Definitions {
    static DEFINITIONS: OnceLock<Definitions> = OnceLock::new();
    DEFINITIONS.get_or_init(Definitions::load)
}

impl Definitions {
    fn load() -> Definitions {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/fhir/definitions");
        let read = |name: &str| -> Value {
            let text = std::fs::read_to_string(folder.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let mut structures = HashMap::new();
        for entry in std::fs::read_dir(&folder).expect("the definitions folder") {
            let name = entry.expect("a file").file_name().to_string_lossy().into_owned();
            if let Some(type_name) = name.strip_prefix("StructureDefinition-").and_then(|n| n.strip_suffix(".json")) {
                structures.insert(type_name.to_owned(), structure(&read(&name)));
            }
        }
        let terminology = read("terminology.json");
        let resources: Vec<&Value> =
            terminology["entry"].as_array().expect("entries").iter().map(|e| &e["resource"]).collect();
        let mut systems: HashMap<&str, Vec<String>> = HashMap::new();
        for system in resources.iter().filter(|r| r["resourceType"] == "CodeSystem") {
            let mut codes = Vec::new();
            collect_codes(&system["concept"], &mut codes);
            systems.insert(system["url"].as_str().expect("a url"), codes);
        }
        let mut value_sets = HashMap::new();
        for value_set in resources.iter().filter(|r| r["resourceType"] == "ValueSet") {
            let mut codes = HashSet::new();
            for include in value_set["compose"]["include"].as_array().expect("includes") {
                let system = include["system"].as_str().expect("a system");
                assert!(include.get("filter").is_none(), "value set filters are not supported");
                match include["concept"].as_array() {
                    Some(concepts) => codes
                        .extend(concepts.iter().map(|c| (system.to_owned(), c["code"].as_str().unwrap().to_owned()))),
                    None => codes.extend(
                        systems
                            .get(system)
                            .unwrap_or_else(|| panic!("code system {system}"))
                            .iter()
                            .map(|c| (system.to_owned(), c.clone())),
                    ),
                }
            }
            value_sets.insert(value_set["url"].as_str().expect("a url").to_owned(), codes);
        }
        let resource_types =
            value_sets["http://hl7.org/fhir/ValueSet/resource-types"].iter().map(|(_, code)| code.clone()).collect();
        Definitions { structures, value_sets, resource_types }
    }
}

fn collect_codes(concepts: &Value, out: &mut Vec<String>) {
    for concept in concepts.as_array().into_iter().flatten() {
        out.push(concept["code"].as_str().expect("a code").to_owned());
        collect_codes(&concept["concept"], out);
    }
}

fn structure(definition: &Value) -> Structure {
    let kind = definition["kind"].as_str().expect("a kind").to_owned();
    let elements: Vec<Element> = definition["snapshot"]["element"]
        .as_array()
        .expect("a snapshot")
        .iter()
        .map(|element| Element {
            path: element["path"].as_str().expect("a path").to_owned(),
            min: element["min"].as_u64().unwrap_or(0) as usize,
            max: match element["max"].as_str() {
                Some("*") | None => None,
                Some(max) => Some(max.parse().expect("a number")),
            },
            types: element["type"].as_array().into_iter().flatten().map(type_ref).collect(),
            required_value_set: (element["binding"]["strength"] == "required").then(|| {
                let url = element["binding"]["valueSet"].as_str().expect("a value set");
                url.split('|').next().unwrap_or(url).to_owned()
            }),
            content_reference: element["contentReference"].as_str().map(|r| r.trim_start_matches('#').to_owned()),
        })
        .collect();
    let pattern = (kind == "primitive-type").then(|| {
        let value_path = format!("{}.value", definition["type"].as_str().expect("a type"));
        let value =
            definition["snapshot"]["element"].as_array().unwrap().iter().find(|e| e["path"] == value_path.as_str());
        let regex = value.and_then(|v| {
            v["type"][0]["extension"].as_array()?.iter().find(|e| e["url"] == REGEX_EXTENSION)?["valueString"].as_str()
        });
        regex.map(|r| Regex::new(&format!("^(?:{r})$")).expect("the type's pattern compiles"))
    });
    Structure { kind, elements, pattern: pattern.flatten() }
}

fn type_ref(declared: &Value) -> TypeRef {
    let code = declared["code"].as_str().expect("a type code");
    // Element ids, extension URLs and resource ids are declared as FHIRPath strings with their
    // FHIR type in an extension.
    let code = if code.starts_with("http://hl7.org/fhirpath/") {
        declared["extension"]
            .as_array()
            .and_then(|e| e.iter().find(|e| e["url"] == FHIR_TYPE_EXTENSION))
            .and_then(|e| e["valueUrl"].as_str())
            .unwrap_or("string")
    } else {
        code
    };
    let targets = declared["targetProfile"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str()?.rsplit('/').next().map(str::to_owned))
        .collect();
    TypeRef { code: code.to_owned(), targets }
}
