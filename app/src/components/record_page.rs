//! The frame of every page for signed-in people and of every page that loads what it shows: a
//! signed-in person's own records, or one record named in its path (`/plan/versions/:id`,
//! `/staff/reviews/:id`…), so each such page says only what it loads and how it shows it.
use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::components::layout::{load_failed, signed_in_visitor, NotFound};
use crate::error::AppError;
use crate::kit::visitor::Visitor;

/// Loads the record whose id is in the path with `load` and shows it with `show`.
///
/// Only for signed-in visitors: anyone else is sent to sign in, and back here afterwards. An id
/// that is not a number, a record that is not there or not theirs to see, or one `show` turns
/// down (`None`, e.g. a plan version already signed off, on its sign-off page) is "page not
/// found", always the same; a fault is the service-problem page with its reference.
pub fn record_page<T, Fut, V>(
    load: impl FnOnce(i64) -> Fut,
    show: impl FnOnce(T) -> Option<V> + Send + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    signed_in(|_| {
        let Some(id) = use_params_map().with_untracked(|p| p.get("id")).and_then(|v| v.parse::<i64>().ok()) else {
            return NotFound().into_any();
        };
        loaded(load(id), move |record| match show(record) {
            Some(shown) => shown.into_any(),
            None => NotFound().into_any(),
        })
    })
}

/// A page for signed-in visitors, drawn by `show` with who is asking: anyone else is sent to
/// sign in, and back here afterwards.
pub fn signed_in<V: IntoView + 'static>(show: impl FnOnce(Visitor) -> V) -> AnyView {
    match signed_in_visitor() {
        Some(visitor) => show(visitor).into_any(),
        None => ().into_any(),
    }
}

/// A page for signed-in visitors showing what `load` finds with `show`: anyone else is sent to
/// sign in, and back here afterwards.
pub fn signed_in_page<T, Fut, V>(load: impl FnOnce() -> Fut, show: impl FnOnce(T) -> V + Send + 'static) -> AnyView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    signed_in(|_| loaded(load(), show))
}

/// Waits for `load` and shows what it found with `show`. What cannot be loaded is "page not
/// found", or the service-problem page with its reference for a fault (see `load_failed`).
pub fn loaded<T, V>(
    load: impl Future<Output = Result<T, AppError>> + Send + 'static,
    show: impl FnOnce(T) -> V + Send + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Await future=load let:found>
            {match found.clone() {
                Ok(found) => show(found).into_any(),
                Err(error) => load_failed(error),
            }}
        </Await>
    }
    .into_any()
}
