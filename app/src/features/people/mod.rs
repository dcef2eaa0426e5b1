//! People's records as others see them: the person summary, for the people someone cares for,
//! represents or has in their caseload.
pub mod api;
mod pages;
pub mod wire;

pub use pages::PersonPage;
