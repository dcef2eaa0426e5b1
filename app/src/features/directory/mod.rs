//! Finding local support: the directory (searchable without an account or JavaScript), the
//! employee carers network page, and the staff pages that keep the directory up to date.
pub mod api;
mod page;
mod staff_page;
pub mod words;

pub use page::{EmployeeCarersPage, SupportPage};
pub use staff_page::{EditServicePage, StaffSupportPage};
