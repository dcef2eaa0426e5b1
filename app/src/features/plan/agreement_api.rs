//! Where the agreement's server functions used to live; they are in `api.rs` now. The budget's
//! staff page still reads a plan version through here.
pub use super::api::plan_version;
