//! Work done after or beside a request: the emails people are sent about their reviews and
//! their emergency plan, the reminders start-up schedules, and the queue every email goes
//! through.
pub mod emergency;
pub mod mail;
pub mod reviews;
