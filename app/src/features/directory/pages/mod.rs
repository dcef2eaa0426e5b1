//! The directory pages: searching it, the employee carers network, and the admins' pages that
//! keep it up to date.
mod employee_carers;
mod search;
mod staff;

pub use employee_carers::EmployeeCarersPage;
pub use search::SupportPage;
pub use staff::{EditServicePage, StaffSupportPage};
