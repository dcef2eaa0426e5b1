//! Finding local support: the directory (searchable without an account or JavaScript), the
//! employee carers network page, and the staff pages that keep the directory up to date.
pub mod api;
mod pages;
pub mod wire;
pub mod words;

pub use pages::{EditServicePage, EmployeeCarersPage, StaffSupportPage, SupportPage};
