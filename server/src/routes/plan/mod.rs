//! The plan's plain routes: the PDF copy of a version, and the pictures and clips in a plan
//! (uploaded with or without JavaScript, served only to people allowed to see the plan).
#[cfg(feature = "pdf")]
pub mod copy;
pub mod files;
