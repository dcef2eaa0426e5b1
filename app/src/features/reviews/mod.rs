//! Reviews of a person's plan: the planned ones and the ones they ask for, followed through to
//! their outcome; and the practitioner's list of what is due.
pub mod api;
mod pages;
pub mod wire;
pub mod words;

pub use pages::{RequestReviewPage, ReviewEmailsPage, ReviewPage, ReviewsPage, StaffReviewPage, StaffReviewsPage};
