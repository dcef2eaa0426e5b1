//! The council that runs the portal, as configured.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The emergency response service's 24-hour number, printed on emergency cards.
    pub emergency_phone: String,
}
