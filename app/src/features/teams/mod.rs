//! The council's teams: an admin creates them, sets whose intake each receives and puts
//! practitioners in them (some as managers); each team's page shows its members' workload.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{TeamPage, TeamsPage};
