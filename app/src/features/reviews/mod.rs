//! Reviews of a person's plan: the planned ones and the ones they ask for, followed through to
//! their outcome; and the practitioner's list of what is due.
pub mod api;
#[cfg(feature = "ssr")]
mod page;
mod staff_page;
mod summary;
pub mod words;

pub use page::{RequestReviewPage, ReviewEmailsPage, ReviewPage, ReviewsPage};
pub use staff_page::{StaffReviewPage, StaffReviewsPage};
