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
    /// How council staff sign in.
    pub staff_sign_in: StaffSignIn,
}

/// How council staff sign in, as configured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSignIn {
    /// Through the council's identity provider (OpenID Connect) as well.
    pub through_council: bool,
    /// Practitioners and admins may not use a password (only the council's sign-in).
    pub passwords_off: bool,
}
