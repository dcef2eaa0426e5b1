//! For tests and demonstrations only, behind features so a production build has neither:
//! fault injection (`test-support`) and the demo accounts and records (`demo`, which `make run`
//! and the end-to-end tests build with).
#[cfg(feature = "demo")]
pub mod demo;
#[cfg(feature = "test-support")]
pub mod faults;

use app::backend::ports::{Passwords, Store};

/// Loads the demo accounts and records (`PORTAL_DEMO_DATA=true`).
#[cfg(feature = "demo")]
pub async fn load_demo(store: &dyn Store, passwords: &dyn Passwords) -> anyhow::Result<()> {
    use anyhow::Context;
    demo::load(store, passwords).await.context("loading the demo accounts")
}

/// A production build has no demo data to load: say so rather than start without it.
#[cfg(not(feature = "demo"))]
pub async fn load_demo(_store: &dyn Store, _passwords: &dyn Passwords) -> anyhow::Result<()> {
    anyhow::bail!("PORTAL_DEMO_DATA is set, but this build has no demo data (build the server with --features demo)")
}
