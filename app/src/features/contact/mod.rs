//! The contact page: how to reach the council, and a message form.
pub mod api;
mod page;
pub use page::{ContactPage, SentPage};
