//! Demo accounts for `make run` (never in production): one of each role, a carer linked to the
//! person they care for (each sharing their plan), a representative for that person, and a
//! practitioner with both in their caseload; these stay empty for the end-to-end tests. A second
//! household, a year into the journey (`journey.rs`), fills the pages. The passwords are in the
//! README.
mod journey;

use anyhow::Context;
use app::backend::ports::{NewAccount, Passwords, Store, StoreError};
use app::domain::account::Role;
use app::kit::i18n::Locale;
use app::policy::{Record, Scope};
use chrono::Utc;

pub const DEMO_PASSWORD: &str = "demo carer portal";

pub const DEMO_ACCOUNTS: [(&str, &str, Role); 6] = [
    ("carer@example.org", "Sam Carer", Role::Carer),
    ("customer@example.org", "Pat Customer", Role::Customer),
    ("representative@example.org", "Robin Representative", Role::Representative),
    ("practitioner@example.org", "Alex Practitioner", Role::Practitioner),
    ("responder@example.org", "Jo Responder", Role::Responder),
    ("admin@example.org", "Chris Admin", Role::Admin),
];

/// Creates the demo accounts that do not exist yet, and their links.
pub async fn load(store: &dyn Store, passwords: &dyn Passwords) -> anyhow::Result<()> {
    let now = Utc::now();
    let hash = passwords.hash(DEMO_PASSWORD).await?;
    let mut ids = Vec::new();
    for (email, name, role) in DEMO_ACCOUNTS {
        let account = NewAccount { email, display_name: name, role, password_hash: &hash, locale: Locale::En };
        let id = match store.create_account(account, now).await {
            Ok(id) => id,
            Err(StoreError::Conflict) => {
                store.find_credentials(email).await?.map(|c| c.account.id).ok_or_else(|| anyhow::anyhow!("{email}"))?
            }
            Err(e) => return Err(e.into()),
        };
        ids.push(id);
    }
    let [carer, customer, representative, practitioner, _, _] = ids[..] else {
        anyhow::bail!("expected {} demo accounts", DEMO_ACCOUNTS.len());
    };
    store.link_carer(carer, customer, now).await?;
    // Sam shares their plan and emergency plan with Pat; Pat shares their plan with Sam. Sam's
    // own assessment stays private.
    store.set_shares(carer, customer, &[Record::Plan, Record::EmergencyPlan]).await?;
    store.set_shares(customer, carer, &[Record::Plan]).await?;
    store.add_representation(representative, customer, Scope::View, now).await?;
    store.add_to_caseload(practitioner, carer, now).await?;
    store.add_to_caseload(practitioner, customer, now).await?;
    journey::load(store, &hash, practitioner, now).await.context("loading the demo household a year in")?;
    tracing::info!("demo accounts are ready (password: {DEMO_PASSWORD:?})");
    Ok(())
}
