//! Generates the typed message catalogue (`Text`) from `locales/en.toml` and `locales/pl.toml`.
//!
//! English is the reference: every English key becomes a `Text` variant, so a typo in a key is a
//! compile error. Polish entries that are missing are generated as `None` and listed, so the
//! `every_key_is_translated` test fails instead of a page silently showing English.
use std::{collections::BTreeMap, env, fmt::Write as _, fs, path::Path};

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::String(text) => {
                out.insert(full, text.clone());
            }
            toml::Value::Table(inner) => flatten(&full, inner, out),
            other => panic!("{full}: messages must be strings, found {other}"),
        }
    }
}

fn load(path: &Path) -> BTreeMap<String, String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table = source.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeMap::new();
    flatten("", &table, &mut out);
    out
}

fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    let english = load(&dir.join("en.toml"));
    let polish = load(&dir.join("pl.toml"));

    let mut code = String::new();
    code.push_str("/// Every piece of text the portal shows, one variant per key in `locales/en.toml`.\n");
    code.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Text {\n");
    for key in english.keys() {
        writeln!(code, "    /// `{key}`\n    {},", variant(key)).unwrap();
    }
    code.push_str("}\n\nimpl Text {\n    pub const ALL: &'static [Text] = &[\n");
    for key in english.keys() {
        writeln!(code, "        Text::{},", variant(key)).unwrap();
    }
    code.push_str("    ];\n\n    pub fn key(self) -> &'static str {\n        match self {\n");
    for key in english.keys() {
        writeln!(code, "            Text::{} => {key:?},", variant(key)).unwrap();
    }
    code.push_str("        }\n    }\n}\n\nfn english(text: Text) -> &'static str {\n    match text {\n");
    for (key, value) in &english {
        writeln!(code, "        Text::{} => {value:?},", variant(key)).unwrap();
    }
    code.push_str("    }\n}\n\nfn polish(text: Text) -> Option<&'static str> {\n    match text {\n");
    for key in english.keys() {
        match polish.get(key) {
            Some(value) => writeln!(code, "        Text::{} => Some({value:?}),", variant(key)).unwrap(),
            None => writeln!(code, "        Text::{} => None,", variant(key)).unwrap(),
        }
    }
    code.push_str("    }\n}\n\n/// Keys in `pl.toml` that English does not have (stale or misspelt).\n");
    code.push_str("pub const POLISH_ONLY_KEYS: &[&str] = &[\n");
    for key in polish.keys().filter(|k| !english.contains_key(*k)) {
        writeln!(code, "    {key:?},").unwrap();
    }
    code.push_str("];\n");

    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("messages.rs");
    fs::write(out, code).unwrap();
}
