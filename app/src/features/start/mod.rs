//! The start page: what the portal is for and the rights it helps people use.
mod pages;

pub use pages::StartPage;
