//! The emergency plan's pages: the carer's plan, its form and card, the responder's look-up,
//! and the notice in the cared-for person's plan.
mod card;
mod edit;
mod notices;
mod plan;
mod responder;
mod words;

pub use card::CardPage;
pub use edit::EditEmergencyPlanPage;
pub use notices::{CarerPlanNotices, CarersEmergencyPlans};
pub use plan::{ConfirmBanner, EmergencyPlanPage};
pub use responder::{LookupResultPage, ResponderPage};
