//! The timeline as the page shows it: dates already in the reader's language.
use serde::{Deserialize, Serialize};

use crate::domain::timeline::{Step, When};

/// One step of the journey, with a link to its record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub date: String,
    pub step: Step,
    pub when: When,
    pub detail: String,
    pub href: String,
}

/// What happens next, and every step in date order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineView {
    pub next: Option<EventView>,
    pub events: Vec<EventView>,
}
