//! Form parsing: see `checks::check_forms`.
#![no_main]
include!("checks.rs");

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| check_forms(bytes));
