//! The browser side of the upload form: a preview of the chosen picture, and the file sent with
//! `XMLHttpRequest` so a progress bar can follow it (fetch cannot report upload progress). The
//! server answers it as it answers `PostForm`s: a `Location` when done, field messages (422)
//! when refused, so the page keeps everything else and shows the messages next to the fields.
use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlFormElement, HtmlInputElement, ProgressEvent, XmlHttpRequest};

use super::form_script::{messages, Outcome};

/// Shows the chosen picture under the file input (clips are named by the browser already).
pub(crate) fn preview(input: &HtmlInputElement) {
    let Some(preview) = input.form().and_then(|f| f.query_selector("[data-upload-preview]").ok().flatten()) else {
        return;
    };
    let url = input
        .files()
        .and_then(|files| files.get(0))
        .filter(|file| file.type_().starts_with("image/"))
        .and_then(|file| web_sys::Url::create_object_url_with_blob(&file).ok());
    match url {
        Some(url) => {
            let _ = preview.set_attribute("src", &url);
            let _ = preview.remove_attribute("hidden");
        }
        None => {
            let _ = preview.set_attribute("hidden", "");
        }
    }
}

fn show(element: &Option<Element>, shown: bool) {
    if let Some(element) = element {
        let _ = if shown { element.remove_attribute("hidden") } else { element.set_attribute("hidden", "") };
    }
}

pub(crate) async fn upload(form: &HtmlFormElement) -> Result<Outcome, JsValue> {
    let data = web_sys::FormData::new_with_form(form)?;
    let xhr = XmlHttpRequest::new()?;
    xhr.open("POST", &form.action())?;
    xhr.set_request_header("Accept", "application/json")?;
    let panel = form.query_selector("[data-upload-progress]")?;
    let bar = form.query_selector("progress")?;
    show(&panel, true);
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        if let (true, Some(bar)) = (event.length_computable(), bar.as_ref()) {
            let percent = (event.loaded() * 100.0 / event.total()) as u32;
            let _ = bar.set_attribute("value", &percent.to_string());
        }
    });
    xhr.upload()?.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    // Settles when the request ends, however it ends.
    let ended = Promise::new(&mut |resolve, _| xhr.set_onloadend(Some(&resolve)));
    xhr.send_with_opt_form_data(Some(&data))?;
    JsFuture::from(ended).await?;
    drop(progress);
    crate::components::activity::touch();
    let status = xhr.status()?;
    if !(200..300).contains(&status) {
        show(&panel, false);
    }
    Ok(match status {
        0 => Outcome::Offline,
        200..=299 => Outcome::Done(xhr.get_response_header("Location")?),
        422 => messages(js_sys::JSON::parse(&xhr.response_text()?.unwrap_or_default())?)?,
        _ => Outcome::Fallback,
    })
}
