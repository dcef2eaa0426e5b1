//! The pages every public service owes its users: accessibility statement and privacy notice.
mod pages;

pub use pages::{AccessibilityPage, PrivacyPage};
