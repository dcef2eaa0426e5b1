//! The person's whole journey with the council on one page.
pub mod api;
mod page;

pub use page::TimelinePage;
