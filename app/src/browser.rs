//! The browser entry point: wakes up the islands on the page and nothing else.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
