//! What the data rights pages show: the person whose data a staff member is handling.
use serde::{Deserialize, Serialize};

use crate::features::people::wire::PersonSummary;

/// The person whose data a staff member is handling, and what they may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataRightsView {
    pub person: PersonSummary,
    pub may_erase: bool,
}
