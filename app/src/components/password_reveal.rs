//! The island behind the GOV.UK password input's "Show" button. Without JavaScript the button
//! stays hidden and the field is an ordinary password field.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[island]
pub fn PasswordReveal(children: Children) -> impl IntoView {
    let wrapper = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(button) = wrapper.get().and_then(|w| w.query_selector("button[data-show]").ok().flatten()) {
            let _ = button.remove_attribute("hidden");
        }
    });
    let on_click = move |event: web_sys::MouseEvent| {
        let Some(button) =
            event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|e| e.has_attribute("data-show"))
        else {
            return;
        };
        let Some(wrapper) = wrapper.get() else { return };
        let Some(input) = wrapper.query_selector("input").ok().flatten() else { return };
        let showing = input.get_attribute("type").as_deref() == Some("text");
        let (kind, text, label) = if showing {
            ("password", "data-show", "data-show-label")
        } else {
            ("text", "data-hide", "data-hide-label")
        };
        let _ = input.set_attribute("type", kind);
        button.set_text_content(button.get_attribute(text).as_deref());
        if let Some(label) = button.get_attribute(label) {
            let _ = button.set_attribute("aria-label", &label);
        }
    };
    view! {
        <div on:click=on_click node_ref=wrapper>
            {children()}
        </div>
    }
}
