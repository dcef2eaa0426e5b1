//! One folder per capability, named as its domain type: its pages, its server functions
//! (`api.rs`) and the types both sides share.
pub mod account;
pub mod advocacy;
pub mod allocation;
pub mod approvals;
pub mod assessment;
pub mod assisted;
pub mod budget;
pub mod contact;
pub mod data_rights;
pub mod directory;
pub mod emergency;
pub mod family;
pub mod home;
pub mod info;
pub mod mail;
pub mod people;
pub mod plan;
pub mod reviews;
pub mod staff;
pub mod start;
pub mod teams;
pub mod timeline;
pub mod two_factor;
