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
