//! Work done after or beside a request: the emails people are sent about their reviews and
//! their emergency plan, and the reminders start-up schedules.
pub mod emergency;
pub mod reviews;
