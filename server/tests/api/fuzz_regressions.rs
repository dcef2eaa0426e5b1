//! Replays through the fuzz targets' own checks every input the fuzzers have found to crash
//! (`fuzz/regressions/<target>/`) and their seed inputs (`fuzz/seeds/<target>/`), so a crash
//! found once stays fixed. `scripts/fuzz.sh` (make fuzz) runs the fuzzers themselves.
use std::path::{Path, PathBuf};

include!("../../../fuzz/fuzz_targets/checks.rs");

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut found = Vec::new();
    for folder in ["regressions", "seeds"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            found.push((path, bytes));
        }
    }
    found.sort();
    found
}

#[test]
fn uploads_the_fuzzer_found_are_refused_or_made_safe_without_a_panic() {
    let inputs = inputs("upload");
    assert!(inputs.len() >= 5, "the upload seeds are missing");
    for (path, bytes) in inputs {
        let started = std::time::Instant::now();
        check_upload(&bytes);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
    }
}

#[test]
fn forms_the_fuzzer_found_are_read_or_refused_without_a_panic() {
    let inputs = inputs("forms");
    assert!(inputs.len() >= 5, "the form seeds are missing");
    for (_, bytes) in inputs {
        check_forms(&bytes);
    }
}
