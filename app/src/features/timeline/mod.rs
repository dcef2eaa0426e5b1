//! The person's whole journey with the council on one page.
pub mod api;
mod pages;
pub mod wire;

pub use pages::TimelinePage;
