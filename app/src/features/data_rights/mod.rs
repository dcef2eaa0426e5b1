//! Data rights (UK GDPR): a person's copy of everything held about them, staff copies for their
//! caseload, and an admin's erasure under the retention rules.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{DataRequestsPage, PersonDataPage};
