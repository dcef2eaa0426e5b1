//! The intake queue and one person's allocation page.
mod intake;
mod person;

pub use intake::IntakePage;
pub use person::AllocationPage;
