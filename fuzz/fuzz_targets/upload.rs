//! Uploads: see `checks::check_upload`.
#![no_main]
include!("checks.rs");

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| check_upload(bytes));
