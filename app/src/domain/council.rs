//! The council that runs the portal, as configured.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The emergency response service's 24-hour number, printed on emergency cards.
    pub emergency_phone: String,
    /// How many working days what a person sends may wait in a team's intake before it is
    /// flagged as overdue.
    pub intake_target_days: u32,
    /// New accounts one address may register in an hour (a carers' centre or library where
    /// many people register from one address needs more).
    pub registrations_per_hour: u32,
}
