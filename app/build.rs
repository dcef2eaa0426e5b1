//! Generates the typed message catalogue (`Text`) from `locales/en/*.toml` and `locales/pl/*.toml`.
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

/// Every message in one language's folder; a key defined in two files is an error.
fn load(dir: &Path) -> BTreeMap<String, String> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut out = BTreeMap::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table = source.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut found = BTreeMap::new();
        flatten("", &table, &mut found);
        for (key, value) in found {
            if out.insert(key.clone(), value).is_some() {
                panic!("{}: `{key}` is already defined in another file", path.display());
            }
        }
    }
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
    let english = load(&dir.join("en"));
    let polish = load(&dir.join("pl"));

    let mut code = String::new();
    code.push_str("/// Every piece of text the portal shows, one variant per key in `locales/en/`.\n");
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
    code.push_str("        }\n    }\n\n    /// The variant for a key built at run time (question catalogues); tests check they exist.\n");
    code.push_str("    pub fn from_key(key: &str) -> Option<Text> {\n        match key {\n");
    for key in english.keys() {
        writeln!(code, "            {key:?} => Some(Text::{}),", variant(key)).unwrap();
    }
    code.push_str(
        "            _ => None,\n        }\n    }\n}\n\nfn english(text: Text) -> &'static str {\n    match text {\n",
    );
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
    code.push_str("    }\n}\n\n/// Keys in `locales/pl/` that English does not have (stale or misspelt).\n");
    code.push_str("pub const POLISH_ONLY_KEYS: &[&str] = &[\n");
    for key in polish.keys().filter(|k| !english.contains_key(*k)) {
        writeln!(code, "    {key:?},").unwrap();
    }
    code.push_str("];\n");

    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("messages.rs");
    fs::write(out, code).unwrap();
}
