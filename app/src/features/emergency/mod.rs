//! The emergency plan (Carers Emergency Response Service): the carer's plan and card, and the
//! responder's look-up by card code.
pub mod api;
mod card;
#[cfg(feature = "ssr")]
mod page;
mod responder;
pub mod words;

pub use card::CardPage;
pub use page::{CarerPlanNotices, CarersEmergencyPlans, ConfirmBanner, EditEmergencyPlanPage, EmergencyPlanPage};
pub use responder::{LookupResultPage, ResponderPage};
