//! What the staff accounts page and its server functions send each other: a staff member as
//! the list shows them, and the form that adds one.
use serde::{Deserialize, Serialize};

use crate::domain::account::{Account, AccountProblem, Role, StaffInvitation};
use crate::features::approvals::wire::ApprovalView;
use crate::kit::forms::text_form;
use crate::kit::i18n::Locale;

/// A staff account as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub added_on: String,
    /// When an admin switched the account off (a leaver), in the reader's language.
    pub switched_off_on: Option<String>,
    /// The people in the account's caseload: for a leaver, the people needing a new worker.
    pub caseload: usize,
    /// Two-factor sign-in is on (read for the account's own page only).
    pub two_factor: bool,
    /// Switching an admin's account off, asked for and waiting for a second admin (read for the
    /// account's own page only).
    pub pending_switch_off: Option<ApprovalView>,
}

impl StaffMember {
    /// The account as the admin's pages show it, dates in the reader's language.
    pub fn from_account(account: Account, caseload: usize, locale: Locale) -> StaffMember {
        StaffMember {
            id: account.id,
            name: account.display_name,
            email: account.email,
            role: account.role,
            added_on: account.created_at.format("%Y-%m-%d").to_string(),
            switched_off_on: account.disabled_at.map(|at| locale.long_date(at.date_naive())),
            caseload,
            two_factor: false,
            pending_switch_off: None,
        }
    }
}

text_form! {
    /// "Add a staff member": their name, email and role.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct StaffUserForm { name, email, role }
    parsed by StaffInvitation::parse(name, email, role) -> Vec<AccountProblem>;
}
