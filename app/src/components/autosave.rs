//! Saving as the person types, for forms marked `data-autosave="<key>"` (the assessment's
//! question pages). What they type is first written to this device's storage, so a reload, a
//! closed tab or a lost connection loses nothing; a moment later it is sent to the server with
//! `intent=stay`. Only when the server has it is the device's copy removed. If the page is
//! opened again with a copy the server never got, the copy is put back into the form.
//!
//! The copy is kept under the signed-in person's id and the page, and only until it is saved.
use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

use super::form_script::{self, Outcome};

/// How long after the last keystroke the answers are sent.
const QUIET_MS: i32 = 1200;

thread_local! {
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(form: &HtmlFormElement) -> Option<String> {
    form.get_attribute("data-autosave").map(|k| format!("portal-draft:{k}"))
}

/// The form's fields as URL-encoded text (what the browser would send).
fn encode(form: &HtmlFormElement) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    Some(web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?.to_string().into())
}

fn set_status(form: &HtmlFormElement, words_attribute: &str, time: Option<&str>) {
    let Ok(Some(status)) = form.query_selector("[data-autosave-status]") else { return };
    let text = form.get_attribute(words_attribute).unwrap_or_default();
    let text = match time {
        Some(time) => text.replace("{time}", time),
        None => text,
    };
    status.set_text_content(Some(&text));
}

/// The person changed something: keep it on the device now, send it when they pause.
pub(crate) fn changed(form: HtmlFormElement) {
    let (Some(key), Some(body), Some(storage)) = (key(&form), encode(&form), storage()) else { return };
    let _ = storage.set_item(&key, &body);
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    let later = Closure::once_into_js(move || {
        if GENERATION.with(Cell::get) == generation {
            leptos::task::spawn_local(save(form));
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), QUIET_MS);
    }
}

/// Sends the form in place; on success forgets the device's copy.
pub(crate) async fn save(form: HtmlFormElement) {
    let pressed = ("intent".to_owned(), "stay".to_owned());
    match form_script::send(&form, Some(&pressed)).await {
        Ok(Outcome::Done(_)) => {
            forget(&form);
            let now = js_sys::Date::new_0();
            let time = format!("{:02}:{:02}", now.get_hours(), now.get_minutes());
            set_status(&form, "data-autosave-saved", Some(&time));
        }
        Ok(Outcome::Invalid(messages)) => form_script::show_field_errors(&form, &messages),
        Ok(Outcome::Fallback) => set_status(&form, "data-autosave-signed-out", None),
        Ok(Outcome::Offline) | Err(_) => set_status(&form, "data-autosave-offline", None),
    }
}

/// The server has everything: the device's copy is no longer needed.
pub(crate) fn forget(form: &HtmlFormElement) {
    if let (Some(key), Some(storage)) = (key(form), storage()) {
        let _ = storage.remove_item(&key);
    }
}

/// On opening the page: puts back a copy the server never received, and sends it.
pub(crate) fn restore(form: HtmlFormElement) {
    let (Some(key), Some(storage)) = (key(&form), storage()) else { return };
    let Ok(Some(saved)) = storage.get_item(&key) else { return };
    let Ok(values) = web_sys::UrlSearchParams::new_with_str(&saved) else { return };
    let Ok(controls) = form.query_selector_all("input[name], textarea[name]") else { return };
    for i in 0..controls.length() {
        let Some(element) = controls.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let name = element.get_attribute("name").unwrap_or_default();
        if let Some(textarea) = element.dyn_ref::<HtmlTextAreaElement>() {
            textarea.set_value(&values.get(&name).unwrap_or_default());
        } else if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "radio" => input.set_checked(values.get(&name).as_deref() == Some(input.value().as_str())),
                "checkbox" => input.set_checked(values.has(&name)),
                "hidden" | "submit" => {}
                _ => input.set_value(&values.get(&name).unwrap_or_default()),
            }
        }
    }
    set_status(&form, "data-autosave-restored", None);
    leptos::task::spawn_local(save(form));
}
