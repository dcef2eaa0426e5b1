//! The emergency plan (Carers Emergency Response Service): the carer's plan and card, and the
//! responder's look-up by card code.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{
    CardPage, CarerPlanNotices, CarersEmergencyPlans, ConfirmBanner, EditEmergencyPlanPage, EmergencyPlanPage,
    LookupResultPage, ResponderPage,
};
