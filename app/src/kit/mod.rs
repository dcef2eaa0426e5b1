//! What every page and server function uses: the two languages, forms that keep what was typed,
//! who is visiting, and the built assets' names.
pub mod assets;
pub mod forms;
pub mod i18n;
pub mod page;
pub mod visitor;
