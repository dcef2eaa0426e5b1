//! The fault case of a second admin approving: one admin (Ada) has asked to switch another
//! admin's account (Bo's) off, and the demo admin approves it.
use app::domain::account::Role;
use app::domain::approvals::TwoAdminAction;
use chrono::Utc;
use server::testing::demo::DEMO_PASSWORD;

use super::cases::{change, Case};
use super::household::{Household, ADMIN};
use crate::helpers::TestPortal;

/// Bo's account, waiting to be switched off.
pub async fn set_up(portal: &TestPortal) -> i64 {
    let ada = portal.add_account("ada.admin@example.org", Role::Admin, DEMO_PASSWORD).await;
    let bo = portal.add_account("bo.admin@example.org", Role::Admin, DEMO_PASSWORD).await;
    portal.store.ask_approval(TwoAdminAction::SwitchOff, bo, ada, "", Utc::now()).await.unwrap();
    bo
}

pub fn approvals(h: &Household) -> Vec<Case> {
    let bo = h.approval_subject.to_string();
    vec![change(
        "/api/approvals/approve",
        ADMIN,
        format!("/staff/users/{bo}"),
        &[("action", "switch off"), ("subject_id", &bo)],
    )]
}
