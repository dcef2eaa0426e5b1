//! The pages every public service owes its users: accessibility statement and privacy notice.
mod page;
pub use page::{AccessibilityPage, PrivacyPage};
