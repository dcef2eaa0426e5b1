//! The signed-in home page and the audit log page.
mod audit;
mod home;

pub use audit::AuditPage;
pub use home::HomePage;
