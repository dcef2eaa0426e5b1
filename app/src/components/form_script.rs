//! The browser side of `PostForm`: posts a form with `fetch` and draws the server's messages
//! into the page exactly as the server renders them (see `fields.rs`). Uses the browser's own
//! JSON parser rather than serde, to keep the wasm small.
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlFormElement, RequestInit, Response};

/// Field name → message, as the server sent them.
type Messages = Vec<(String, String)>;

/// What happened to a submission sent with `fetch`.
pub(crate) enum Outcome {
    /// Accepted: go where the server says (or reload to show the saved state).
    Done(Option<String>),
    /// Refused field by field: show the messages.
    Invalid(Messages),
    /// Anything else: let the browser post the form itself, so the server answers as it
    /// would without JavaScript (sign-in prompt, plain error message, kept values).
    Fallback,
    /// No connection: keep everything on the page and say so.
    Offline,
}

/// The words the script needs, rendered by the server into the form's `data-*` attributes.
struct Words {
    summary_title: String,
    error_prefix: String,
    offline: String,
}

impl Words {
    fn from(form: &HtmlFormElement) -> Words {
        let read = |name| form.get_attribute(name).unwrap_or_default();
        Words {
            summary_title: read("data-summary-title"),
            error_prefix: read("data-error-prefix"),
            offline: read("data-offline"),
        }
    }
}

pub(crate) async fn submit(form: HtmlFormElement, pressed: Option<(String, String)>) {
    let sent = if form.enctype() == "multipart/form-data" {
        super::upload_script::upload(&form).await
    } else {
        send(&form, pressed.as_ref()).await
    };
    let outcome = sent.unwrap_or(Outcome::Offline);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let words = Words::from(&form);
    match outcome {
        Outcome::Done(location) => {
            crate::components::autosave::forget(&form);
            if let Some(here) = document.location() {
                let _ = match location {
                    Some(to) => here.assign(&to),
                    None => here.reload(),
                };
            }
        }
        Outcome::Invalid(fields) => show_errors(&document, &form, &fields, &words),
        Outcome::Fallback => fallback(&form, pressed),
        Outcome::Offline => show_summary(&document, &form, &[(String::new(), words.offline.clone())], &words),
    }
}

/// Lets the browser post the form itself, with the pressed button's value as a hidden field
/// (`form.submit()` would leave it out).
fn fallback(form: &HtmlFormElement, pressed: Option<(String, String)>) {
    if let (Some((name, value)), Some(document)) = (pressed, web_sys::window().and_then(|w| w.document())) {
        if let Ok(input) = document.create_element("input") {
            let _ = input.set_attribute("type", "hidden");
            let _ = input.set_attribute("name", &name);
            let _ = input.set_attribute("value", &value);
            let _ = form.append_child(&input);
        }
    }
    form.submit().unwrap_or_default();
}

pub(crate) async fn send(form: &HtmlFormElement, pressed: Option<&(String, String)>) -> Result<Outcome, JsValue> {
    let data = web_sys::FormData::new_with_form(form)?;
    if let Some((name, value)) = pressed {
        data.append_with_str(name, value)?;
    }
    let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)?;
    let headers = web_sys::Headers::new()?;
    headers.set("Content-Type", "application/x-www-form-urlencoded")?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body.to_string().into());
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init)).await?.dyn_into()?;
    crate::components::activity::touch();
    if response.ok() {
        return Ok(Outcome::Done(response.headers().get("Location")?));
    }
    if response.status() != 422 {
        return Ok(Outcome::Fallback);
    }
    messages(JsFuture::from(response.json()?).await?)
}

/// A 422 is always `AppError::Validation`: `{"kind":"validation","fields":{name: message}}`.
pub(crate) fn messages(json: JsValue) -> Result<Outcome, JsValue> {
    let fields = js_sys::Reflect::get(&json, &JsValue::from_str("fields"))?;
    let Some(fields) = fields.dyn_ref::<js_sys::Object>() else { return Ok(Outcome::Fallback) };
    let messages = js_sys::Object::entries(fields)
        .iter()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    Ok(Outcome::Invalid(messages))
}

/// Posts an empty form to a server function; the status, or `None` without a connection.
pub(crate) async fn post_empty(action: &str) -> Option<u16> {
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Content-Type", "application/x-www-form-urlencoded").ok()?;
    headers.set("Accept", "application/json").ok()?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&"".into());
    let window = web_sys::window()?;
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(action, &init)).await.ok()?.dyn_into().ok()?;
    if response.ok() {
        crate::components::activity::touch();
    }
    Some(response.status())
}

/// The GOV.UK character count: how many characters are left (or too many), as they type.
pub(crate) fn count_characters(textarea: &web_sys::HtmlTextAreaElement) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("[data-count-for=\"{}\"]", textarea.id());
    let Ok(Some(message)) = document.query_selector(&selector) else { return };
    let max: i64 = message.get_attribute("data-max").and_then(|m| m.parse().ok()).unwrap_or(0);
    // Characters as people count them (and as the server does), not UTF-16 units.
    let used = textarea.value().chars().count() as i64;
    let (template, n, over) = match used - max {
        1 => ("data-over-one", 1, true),
        extra if extra > 0 => ("data-over", extra, true),
        -1 => ("data-remaining-one", 1, false),
        short => ("data-remaining", -short, false),
    };
    let text = message.get_attribute(template).unwrap_or_default().replace("{n}", &n.to_string());
    message.set_text_content(Some(&text));
    let _ = message.class_list().toggle_with_force("govuk-error-message", over);
}

/// Shows the server's messages for a form sent in the background (an autosave).
pub(crate) fn show_field_errors(form: &HtmlFormElement, fields: &Messages) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        show_errors(&document, form, fields, &Words::from(form));
    }
}

fn show_errors(document: &Document, form: &HtmlFormElement, fields: &Messages, words: &Words) {
    let message_for = |field: &str| fields.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str());
    // The summary lists problems in the order the fields appear on the page.
    let mut listed: Messages = Vec::new();
    if let Ok(groups) = form.query_selector_all("[data-field]") {
        for i in 0..groups.length() {
            let Some(group) = groups.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let field = group.get_attribute("data-field").unwrap_or_default();
            let message = message_for(&field);
            mark_field(document, &group, &field, message, words);
            if let Some(message) = message {
                listed.push((field, message.to_owned()));
            }
        }
    }
    for (field, message) in fields {
        if !listed.iter().any(|(f, _)| f == field) {
            listed.push((String::new(), message.clone()));
        }
    }
    show_summary(document, form, &listed, words);
}

/// Puts a field group into (or out of) its error state, as `fields.rs` renders it.
fn mark_field(document: &Document, group: &Element, field: &str, message: Option<&str>, words: &Words) {
    if let Ok(Some(old)) = group.query_selector(".govuk-error-message") {
        old.remove();
    }
    let control = group.query_selector("[data-control]").ok().flatten();
    let hint_id = format!("{field}-hint");
    let error_id = format!("{field}-error");
    let mut described = Vec::new();
    if document.get_element_by_id(&hint_id).is_some() {
        described.push(hint_id.as_str());
    }
    let _ = group.class_list().toggle_with_force("govuk-form-group--error", message.is_some());
    if let Some(message) = message {
        if let (Ok(p), Ok(span)) = (document.create_element("p"), document.create_element("span")) {
            p.set_class_name("govuk-error-message");
            p.set_id(&error_id);
            span.set_class_name("govuk-visually-hidden");
            span.set_text_content(Some(&format!("{}: ", words.error_prefix)));
            let _ = p.append_child(&span);
            let _ = p.append_with_str_1(message);
            // The control may sit deeper than the group (inside a fieldset or an island).
            if let Some(parent) = control.as_ref().and_then(|c| c.parent_node()) {
                let _ = parent.insert_before(&p, control.as_ref().map(|c| c.as_ref()));
            }
        }
        described.push(&error_id);
    }
    let Some(control) = control else { return };
    let input = control.query_selector("input, textarea, select").ok().flatten().unwrap_or_else(|| control.clone());
    if let Some(error_class) = control.get_attribute("data-error-class") {
        let _ = input.class_list().toggle_with_force(&error_class, message.is_some());
    }
    if described.is_empty() {
        let _ = input.remove_attribute("aria-describedby");
    } else {
        let _ = input.set_attribute("aria-describedby", &described.join(" "));
    }
}

/// Fills the form's error summary (GOV.UK pattern) and moves focus to it. A page with several
/// forms has a summary for each, marked with the form's action.
fn show_summary(document: &Document, form: &HtmlFormElement, items: &[(String, String)], words: &Words) {
    let own = format!("[data-error-summary=\"{}\"]", form.get_attribute("action").unwrap_or_default());
    let found = document
        .query_selector(&own)
        .ok()
        .flatten()
        .or_else(|| document.query_selector("[data-error-summary]").ok().flatten());
    let Some(slot) = found else { return };
    slot.set_inner_html("");
    let build = || -> Result<Element, JsValue> {
        let element = |tag: &str, class: &str| -> Result<Element, JsValue> {
            let element = document.create_element(tag)?;
            if !class.is_empty() {
                element.set_class_name(class);
            }
            Ok(element)
        };
        let summary = element("div", "govuk-error-summary")?;
        let alert = element("div", "")?;
        alert.set_attribute("role", "alert")?;
        let title = element("h2", "govuk-error-summary__title")?;
        title.set_text_content(Some(&words.summary_title));
        let body = element("div", "govuk-error-summary__body")?;
        let list = element("ul", "govuk-list govuk-error-summary__list")?;
        for (field, message) in items {
            let item = element("li", "")?;
            if field.is_empty() {
                item.set_text_content(Some(message));
            } else {
                let link = element("a", "")?;
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
