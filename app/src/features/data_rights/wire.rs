//! What the data rights pages show: the person whose data a staff member is handling.
use serde::{Deserialize, Serialize};

use crate::features::approvals::wire::ApprovalView;
use crate::features::people::wire::PersonSummary;

/// The person whose data a staff member is handling, and what they may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataRightsView {
    pub person: PersonSummary,
    pub may_erase: bool,
    /// An admin's information: erasing it needs a second admin's approval.
    pub needs_second_admin: bool,
    /// An erasure asked for and waiting for a second admin.
    pub pending_erasure: Option<ApprovalView>,
}
