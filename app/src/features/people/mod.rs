//! People's records as others see them: the person summary, for the people someone cares for,
//! represents or has in their caseload.
pub mod api;
pub mod data_api;
mod data_page;
mod page;
pub use data_page::{DataRequestsPage, PersonDataPage};
pub use page::PersonPage;
