//! (server side) This request's session as server functions see it: who is signed in, the
//! refused form waiting to be shown, and the changes to make once the response is ready. The
//! server's session middleware creates it and applies the changes.
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::backend::ports::SessionRecord;
use crate::kit::forms::FormFlash;

/// Changes a request asked for, applied by the middleware after the handler has run.
#[derive(Debug, Default)]
pub struct SessionChanges {
    /// `Some(None)` clears the refused form; `Some(Some(f))` keeps `f`.
    pub flash: Option<Option<FormFlash>>,
    /// `Some(user)` starts a new session (a new token) for `user`, or signed out for `None`.
    pub renew: Option<Option<i64>>,
    /// The person proved a second factor: the renewed session (or this one) records it.
    pub second_factor: bool,
}

/// How recent a sign-in must be for what cannot be undone or lets someone in: erasure, copies
/// of people's data, adding staff and switching their accounts on or off.
pub const FRESH_SIGN_IN: chrono::Duration = chrono::Duration::minutes(10);

#[derive(Clone, Debug)]
pub struct SessionHandle {
    record: Option<SessionRecord>,
    timed_out_user: Option<i64>,
    changes: Arc<Mutex<SessionChanges>>,
}

impl SessionHandle {
    pub fn new(record: Option<SessionRecord>, timed_out_user: Option<i64>) -> SessionHandle {
        SessionHandle { record, timed_out_user, changes: Arc::default() }
    }

    pub fn record(&self) -> Option<&SessionRecord> {
        self.record.as_ref()
    }

    pub fn user_id(&self) -> Option<i64> {
        self.record.as_ref().and_then(|r| r.user_id)
    }

    /// Someone signed in to this session within `FRESH_SIGN_IN` of `now` (a session begins at
    /// each sign-in).
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        self.record.as_ref().is_some_and(|record| now - record.created_at <= FRESH_SIGN_IN)
    }

    /// The person whose session ran out just before this request, if any.
    pub fn timed_out_user(&self) -> Option<i64> {
        self.timed_out_user
    }

    /// The refused form waiting to be shown again, if any.
    pub fn flash(&self) -> Option<FormFlash> {
        self.record.as_ref().and_then(|r| r.flash.clone())
    }

    pub fn set_flash(&self, flash: Option<FormFlash>) {
        self.lock().flash = Some(flash);
    }

    /// Starts a fresh session (a new token, so a planted or stolen one is useless) for
    /// `user_id`, or a signed-out one for `None`. A refused form waiting to be shown is kept.
    pub fn renew(&self, user_id: Option<i64>) {
        self.lock().renew = Some(user_id);
    }

    /// As `renew`, for someone who has just proved a second factor as well as who they are (a
    /// code after their password, or the council's sign-in).
    pub fn renew_with_second_factor(&self, user_id: i64) {
        let mut changes = self.lock();
        changes.renew = Some(Some(user_id));
        changes.second_factor = true;
    }

    /// Records that this session's person has just proved a second factor (setting it up).
    pub fn confirm_second_factor(&self) {
        self.lock().second_factor = true;
    }

    pub fn take_changes(&self) -> SessionChanges {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SessionChanges> {
        // A panic while holding this lock cannot leave the changes half-made: recover them.
        self.changes.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
