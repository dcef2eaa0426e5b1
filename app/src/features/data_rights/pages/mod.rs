//! Staff pages for data rights requests: a person's information, and the admin's search for a
//! person by email address.
mod person;
mod requests;

pub use person::PersonDataPage;
pub use requests::DataRequestsPage;
