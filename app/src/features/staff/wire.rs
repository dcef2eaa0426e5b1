//! What the staff accounts page and its server functions send each other: a staff member as
//! the list shows them, and the form that adds one.
use serde::{Deserialize, Serialize};

use crate::domain::account::{AccountProblem, Role, StaffInvitation};

/// A staff account as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub added_on: String,
}

/// "Add a staff member": their name, email and role.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffUserForm {
    pub name: String,
    pub email: String,
    pub role: String,
}

impl TryFrom<StaffUserForm> for StaffInvitation {
    type Error = Vec<AccountProblem>;

    fn try_from(form: StaffUserForm) -> Result<Self, Self::Error> {
        StaffInvitation::parse(&form.name, &form.email, &form.role)
    }
}
