//! Where the built stylesheet, script and wasm are. cargo-leptos names them after a hash of
//! their contents (`hash-files`), so browsers may keep them for a year and a new build is
//! fetched at once; it lists the hashes in `hash.txt` next to the server binary.
use std::sync::OnceLock;

/// The stylesheet's address, `/pkg/carer_portal.<hash>.css` (without the hash when the build
/// did not hash its files, as in `cargo test`).
pub fn stylesheet_href() -> &'static str {
    static HREF: OnceLock<String> = OnceLock::new();
    HREF.get_or_init(|| match hash_of("css") {
        Some(hash) => format!("/pkg/carer_portal.{hash}.css"),
        None => "/pkg/carer_portal.css".to_owned(),
    })
}

/// The hash cargo-leptos recorded for one kind of built file (`css`, `js` or `wasm`), if the
/// build hashed them.
pub fn hash_of(kind: &str) -> Option<String> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim() == kind)
        .map(|(_, hash)| hash.trim().to_owned())
}

/// The built script's or wasm's file name without its extension, `carer_portal.<hash>`.
fn built_name(kind: &'static str) -> &'static str {
    static JS: OnceLock<String> = OnceLock::new();
    static WASM: OnceLock<String> = OnceLock::new();
    let cell = if kind == "js" { &JS } else { &WASM };
    cell.get_or_init(|| match hash_of(kind) {
        Some(hash) => format!("carer_portal.{hash}"),
        None => "carer_portal".to_owned(),
    })
}

/// The islands' loader (`public/islands.js`, a module, so it never blocks the page), for pages
/// that have an island: it fetches the script and wasm once the page is idle. There are no
/// preload hints for them: fetched early, the 60 KB of wasm shares the first seconds of a slow
/// connection with what the page needs to show. Pages without an island load none of it.
#[leptos::component]
pub fn IslandScripts() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let (js, wasm) = (built_name("js"), built_name("wasm"));
    view! {
        <script type="module" src=format!("/islands.js?js={js}&wasm={wasm}") nonce=leptos::nonce::use_nonce()></script>
    }
}
