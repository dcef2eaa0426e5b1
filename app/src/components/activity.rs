//! When this page last heard from the server. Every answer from the server restarts the
//! session's idle clock there, so the timeout warning counts from the latest one.
use std::cell::Cell;

thread_local! {
    static LAST_CONTACT_MS: Cell<f64> = const { Cell::new(0.0) };
}

/// Records that the server has just answered this page.
pub(crate) fn touch() {
    LAST_CONTACT_MS.with(|last| last.set(js_sys::Date::now()));
}

/// Milliseconds since the server last answered this page (since the page loaded, at first).
pub(crate) fn quiet_for_ms() -> f64 {
    LAST_CONTACT_MS.with(|last| {
        if last.get() == 0.0 {
            last.set(js_sys::Date::now());
        }
        js_sys::Date::now() - last.get()
    })
}

/// When the session will end if nothing else is sent, as milliseconds since the epoch.
pub(crate) fn ends_at_ms(idle_ms: f64) -> f64 {
    LAST_CONTACT_MS.with(|last| last.get()) + idle_ms
}
