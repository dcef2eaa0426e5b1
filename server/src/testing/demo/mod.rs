//! Demo accounts for `make run` (never in production): one of each role (a trusted assessor
//! from a carers' centre among them), a carer linked to the
//! person they care for (each sharing their plan), a representative for that person, two teams
//! (carers; cared-for people) managed by a team manager who has allocated both to the
//! practitioner; these stay empty for the end-to-end tests. A second
//! household, a year into the journey (`journey.rs`), fills the pages. The passwords are in the
//! README.
mod journey;

use anyhow::Context;
use app::backend::ports::{NewAccount, Passwords, Store, StoreError};
use app::domain::account::Role;
use app::domain::teams::{Covers, TeamRule};
use app::kit::i18n::Locale;
use app::policy::{Record, Scope};
use chrono::Utc;

pub const DEMO_PASSWORD: &str = "demo carer portal";

pub const DEMO_ACCOUNTS: [(&str, &str, Role); 8] = [
    ("carer@example.org", "Sam Carer", Role::Carer),
    ("customer@example.org", "Pat Customer", Role::Customer),
    ("representative@example.org", "Robin Representative", Role::Representative),
    ("practitioner@example.org", "Alex Practitioner", Role::Practitioner),
    ("responder@example.org", "Jo Responder", Role::Responder),
    ("admin@example.org", "Chris Admin", Role::Admin),
    // A practitioner who manages both teams: allocates their intake.
    ("manager@example.org", "Morgan Manager", Role::Practitioner),
    // A carers' centre worker the council trusts to fill in assessments with carers.
    ("assessor@example.org", "Tariq Assessor", Role::TrustedAssessor),
];

/// The demo council's teams: (name, whose intake they receive).
const DEMO_TEAMS: [(&str, Covers); 2] = [("Carers support", Covers::Carers), ("Adult care north", Covers::CaredFor)];

/// Creates the demo accounts that do not exist yet, and their links.
pub async fn load(store: &dyn Store, passwords: &dyn Passwords) -> anyhow::Result<()> {
    let now = Utc::now();
    let hash = passwords.hash(DEMO_PASSWORD).await?;
    let mut ids = Vec::new();
    for (email, name, role) in DEMO_ACCOUNTS {
        let account = NewAccount {
            email,
            display_name: name,
            role,
            password_hash: &hash,
            locale: Locale::En,
            created_by: None,
            postcode: None,
        };
        let id = match store.create_account(account, now).await {
            Ok(id) => id,
            Err(StoreError::Conflict) => {
                store.find_credentials(email).await?.map(|c| c.account.id).ok_or_else(|| anyhow::anyhow!("{email}"))?
            }
            Err(e) => return Err(e.into()),
        };
        ids.push(id);
    }
    let [carer, customer, representative, practitioner, _, _, manager, _] = ids[..] else {
        anyhow::bail!("expected {} demo accounts", DEMO_ACCOUNTS.len());
    };
    store.link_carer(carer, customer, now).await?;
    // Sam shares their plan and emergency plan with Pat; Pat shares their plan with Sam. Sam's
    // own assessment stays private.
    store.set_shares(carer, customer, &[Record::Plan, Record::EmergencyPlan]).await?;
    store.set_shares(customer, carer, &[Record::Plan]).await?;
    store.add_representation(representative, customer, Scope::View, now).await?;
    teams(store, manager, practitioner, now).await.context("the demo teams")?;
    // The manager allocates Sam and Pat to Alex, as they would from the teams' intake.
    for person in [carer, customer] {
        if store.allocations_of(person).await?.is_empty() {
            store.allocate(person, practitioner, manager, None, now).await?;
        }
    }
    journey::load(store, &hash, practitioner, manager, now).await.context("loading the demo household a year in")?;
    tracing::info!("demo accounts are ready (password: {DEMO_PASSWORD:?})");
    Ok(())
}

/// The teams, with the manager managing both and the practitioner in both.
async fn teams(store: &dyn Store, manager: i64, practitioner: i64, now: chrono::DateTime<Utc>) -> anyhow::Result<()> {
    for (name, covers) in DEMO_TEAMS {
        let id = match store.create_team(name, &TeamRule::everywhere(covers), now).await {
            Ok(id) => id,
            Err(StoreError::Conflict) => {
                let teams = store.teams().await?;
                teams.into_iter().find(|t| t.name == name).map(|t| t.id).ok_or_else(|| anyhow::anyhow!("{name}"))?
            }
            Err(e) => return Err(e.into()),
        };
        store.set_team_place(id, manager, Some(true), now).await?;
        store.set_team_place(id, practitioner, Some(false), now).await?;
    }
    Ok(())
}
