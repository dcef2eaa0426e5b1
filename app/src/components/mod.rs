//! Shared UI: the page frame, form fields, the error summary and the islands that enhance them.
mod activity;
mod autosave;
mod choices;
pub mod enhanced_form;
mod error_summary;
pub mod fields;
mod form_script;
pub mod layout;
pub mod password_reveal;
pub mod patterns;
pub mod record_page;
pub mod summary_list;
pub mod table;
pub mod timeout_warning;
mod upload_script;
