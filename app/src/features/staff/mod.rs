//! Council staff accounts, managed by admins in the app (or by `server create-user`).
pub mod api;
mod pages;
pub mod wire;

pub use pages::{StaffMemberPage, StaffUsersPage};
