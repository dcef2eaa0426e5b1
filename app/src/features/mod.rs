//! One folder per capability: its pages (`page.rs`) and its server functions (`api.rs`).
pub mod contact;
pub mod info;
pub mod start;
