//! The frame of every page about one record named in its path (`/plan/versions/:id`,
//! `/staff/reviews/:id`…), so each such page says only what it loads and how it shows it.
use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::components::layout::{load_failed, needs_sign_in, NotFound};
use crate::error::AppError;
use crate::kit::visitor::use_visitor;

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
    let visitor = use_visitor();
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let Some(id) = use_params_map().with_untracked(|p| p.get("id")).and_then(|v| v.parse::<i64>().ok()) else {
        return NotFound().into_any();
    };
    view! {
        <Await future=load(id) let:found>
            {match found.clone() {
                Ok(record) => {
                    match show(record) {
                        Some(shown) => shown.into_any(),
                        None => NotFound().into_any(),
                    }
                }
                Err(error) => load_failed(error),
            }}
        </Await>
    }
    .into_any()
}
