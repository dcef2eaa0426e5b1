//! Council staff accounts, managed by admins in the app (or by `server create-user`).
pub mod api;
mod page;
pub use page::StaffUsersPage;
