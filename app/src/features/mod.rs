//! One folder per capability: its pages (`page.rs`) and its server functions (`api.rs`).
pub mod account;
pub mod assessment;
pub mod budget;
pub mod contact;
pub mod emergency;
pub mod family;
pub mod home;
pub mod people;
pub mod plan;
pub mod reviews;
pub mod staff;
pub mod support;
pub mod timeline;
pub mod info;
pub mod start;
