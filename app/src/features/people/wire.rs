//! A person as the people pages (and the data rights pages) show them.
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;

/// A person, as shown to someone allowed to see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
}
