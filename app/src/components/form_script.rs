//! The browser side of `EnhancedForm`: posts a form with `fetch` and draws the server's
//! messages into the page exactly as the server renders them (see `fields.rs`).
use std::collections::BTreeMap;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlFormElement, RequestInit, Response};

use super::enhanced_form::FormWords;
use crate::error::AppError;

/// What happened to a submission sent with `fetch`.
enum Outcome {
    /// Accepted: go where the server says (or reload to show the saved state).
    Done(Option<String>),
    /// Refused field by field: show the messages.
    Invalid(BTreeMap<String, String>),
    /// Anything else: let the browser post the form itself, so the server answers as it
    /// would without JavaScript (sign-in prompt, plain error message, kept values).
    Fallback,
    /// No connection: keep everything on the page and say so.
    Offline,
}

pub(crate) async fn submit(form: HtmlFormElement, action: &str, words: &FormWords) {
    let outcome = send(&form, action).await.unwrap_or(Outcome::Offline);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    match outcome {
        Outcome::Done(location) => {
            let location_api = document.location();
            if let Some(location_api) = location_api {
                let _ = match location {
                    Some(to) => location_api.assign(&to),
                    None => location_api.reload(),
                };
            }
        }
        Outcome::Invalid(fields) => show_errors(&document, &form, &fields, words),
        Outcome::Fallback => form.submit().unwrap_or_default(),
        Outcome::Offline => show_summary(&document, &[(String::new(), words.offline.clone())], words),
    }
}

async fn send(form: &HtmlFormElement, action: &str) -> Result<Outcome, JsValue> {
    let data = web_sys::FormData::new_with_form(form)?;
    let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)?;
    let headers = web_sys::Headers::new()?;
    headers.set("Content-Type", "application/x-www-form-urlencoded")?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body.to_string().into());
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(action, &init)).await?.dyn_into()?;
    if response.ok() {
        return Ok(Outcome::Done(response.headers().get("Location")?));
    }
    if response.status() != 422 {
        return Ok(Outcome::Fallback);
    }
    let text = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
    Ok(match serde_json::from_str::<AppError>(&text) {
        Ok(AppError::Validation { fields }) => Outcome::Invalid(fields),
        _ => Outcome::Fallback,
    })
}

fn show_errors(document: &Document, form: &HtmlFormElement, fields: &BTreeMap<String, String>, words: &FormWords) {
    let groups = form.query_selector_all("[data-field]").ok();
    for i in 0..groups.as_ref().map_or(0, |g| g.length()) {
        let Some(group) = groups.as_ref().and_then(|g| g.item(i)).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let field = group.get_attribute("data-field").unwrap_or_default();
        mark_field(document, &group, &field, fields.get(&field), words);
    }
    let listed: Vec<(String, String)> = fields.iter().map(|(f, m)| (f.clone(), m.clone())).collect();
    show_summary(document, &listed, words);
}

/// Puts a field group into (or out of) its error state, as `fields.rs` renders it.
fn mark_field(document: &Document, group: &Element, field: &str, message: Option<&String>, words: &FormWords) {
    let classes = group.class_list();
    if let Ok(Some(old)) = group.query_selector(".govuk-error-message") {
        old.remove();
    }
    let control = group.query_selector("[data-control]").ok().flatten();
    let hint_id = format!("{field}-hint");
    let has_hint = group.query_selector(&format!("#{hint_id}")).ok().flatten().is_some();
    let error_id = format!("{field}-error");
    let mut described: Vec<&str> = Vec::new();
    if has_hint {
        described.push(&hint_id);
    }
    match message {
        Some(message) => {
            let _ = classes.add_1("govuk-form-group--error");
            if let (Ok(p), Ok(span)) = (document.create_element("p"), document.create_element("span")) {
                p.set_class_name("govuk-error-message");
                p.set_id(&error_id);
                span.set_class_name("govuk-visually-hidden");
                span.set_text_content(Some(&format!("{}:", words.error_prefix)));
                let _ = p.append_child(&span);
                let _ = p.append_with_str_1(&format!(" {message}"));
                if let Some(control) = &control {
                    let _ = group.insert_before(&p, Some(control));
                }
            }
            described.push(&error_id);
        }
        None => {
            let _ = classes.remove_1("govuk-form-group--error");
        }
    }
    if let Some(control) = control {
        if let Some(error_class) = control.get_attribute("data-error-class") {
            let input = control.query_selector("input, textarea, select").ok().flatten().unwrap_or(control.clone());
            let _ = input.class_list().toggle_with_force(&error_class, message.is_some());
            let input = group.query_selector(&format!("#{field}")).ok().flatten().unwrap_or(input);
            if described.is_empty() {
                let _ = input.remove_attribute("aria-describedby");
            } else {
                let _ = input.set_attribute("aria-describedby", &described.join(" "));
            }
        }
    }
}

/// Fills the page's error summary (GOV.UK pattern) and moves focus to it.
fn show_summary(document: &Document, items: &[(String, String)], words: &FormWords) {
    let Ok(Some(slot)) = document.query_selector("[data-error-summary]") else { return };
    slot.set_inner_html("");
    let build = || -> Result<Element, JsValue> {
        let summary = document.create_element("div")?;
        summary.set_class_name("govuk-error-summary");
        let alert = document.create_element("div")?;
        alert.set_attribute("role", "alert")?;
        let title = document.create_element("h2")?;
        title.set_class_name("govuk-error-summary__title");
        title.set_text_content(Some(&words.summary_title));
        let body = document.create_element("div")?;
        body.set_class_name("govuk-error-summary__body");
        let list = document.create_element("ul")?;
        list.set_class_name("govuk-list govuk-error-summary__list");
        for (field, message) in items {
            let item = document.create_element("li")?;
            if field.is_empty() {
                item.set_text_content(Some(message));
            } else {
                let link = document.create_element("a")?;
                link.set_attribute("href", &format!("#{field}"))?;
                link.set_text_content(Some(message));
                item.append_child(&link)?;
            }
            list.append_child(&item)?;
        }
        body.append_child(&list)?;
        alert.append_child(&title)?;
        alert.append_child(&body)?;
        summary.append_child(&alert)?;
        Ok(summary)
    };
    if let Ok(summary) = build() {
        let _ = slot.append_child(&summary);
    }
    let prefix = format!("{}: ", words.error_prefix);
    let title = document.title();
    if !title.starts_with(&prefix) {
        document.set_title(&format!("{prefix}{title}"));
    }
    if let Ok(slot) = slot.dyn_into::<web_sys::HtmlElement>() {
        let _ = slot.focus();
    }
}
