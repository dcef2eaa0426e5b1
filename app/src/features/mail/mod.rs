//! Emails the portal could not send: the admin's list of those given up on after every try,
//! and sending one again once the mail relay works.
pub mod api;
mod page;
pub mod wire;

pub use page::UndeliveredPage;
