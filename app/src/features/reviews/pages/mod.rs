//! The review pages: the person's (their reviews, asking for one, following it, their email
//! choice) and the practitioner's (what is due, one review to arrange and complete).
mod person;
mod staff;
mod summary;

pub use person::{RequestReviewPage, ReviewEmailsPage, ReviewPage, ReviewsPage};
pub use staff::{StaffReviewPage, StaffReviewsPage};
