//! Store faults injected into every server function: the person gets the portal's plain words
//! for a fault, nothing internal leaks, a form posted without JavaScript comes back with what
//! was typed, and once the fault clears the same submission goes through. Every registered
//! server function must have a case here, so a new one cannot be forgotten.

mod advocacy_cases;
mod approval_cases;
mod cases;
mod household;
mod message_cases;
mod routes;
mod team_cases;
mod two_factor_cases;

use crate::helpers::faults::{browser, get, post_form, post_json};
use crate::helpers::{spawn_faulty, FaultSwitches, TestPortal};
use cases::{cases, Case};
use household::{household, Household};
use server::testing::faults::Fault;

/// Server functions that must work whatever the store does with records: they touch only the
/// session (which stays up in these tests), and signing out must never leave someone signed in.
const ALWAYS_WORK: &[&str] = &["/api/account/sign-out", "/api/account/stay-signed-in", "/api/assisted/stop"];

#[tokio::test]
async fn every_server_function_has_a_fault_case() {
    let covered: Vec<&str> = cases(&Household::default()).iter().map(|case| case.path).collect();
    let mut missing: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| !covered.contains(path))
        .collect();
    missing.sort();
    assert!(missing.is_empty(), "add fault cases for these server functions in tests/api/faults/cases.rs: {missing:?}");
}

#[tokio::test]
async fn when_nothing_can_be_read_or_written_every_server_function_answers_plainly() {
    let (portal, switches) = spawn_faulty().await;
    let household = household(&portal).await;
    let mut failed = Vec::new();
    for case in cases(&household) {
        failed.extend(caught(case.path, run(&portal, &switches, &case, Fault::reads_and_writes())).await);
    }
    assert!(failed.is_empty(), "these server functions failed the check: {failed:?}");
}

#[tokio::test]
async fn when_writes_fail_forms_keep_what_was_typed_and_go_through_once_the_fault_clears() {
    let (portal, switches) = spawn_faulty().await;
    let household = household(&portal).await;
    let mut failed = Vec::new();
    for case in cases(&household) {
        failed.extend(
            caught(case.path, async {
                run(&portal, &switches, &case, Fault::writes()).await;
                if case.change {
                    retry(&portal, &case).await;
                }
            })
            .await,
        );
    }
    assert!(failed.is_empty(), "these server functions failed the check: {failed:?}");
}

/// Runs one case to the end; a failed check is returned (and printed) so the others still run.
async fn caught(path: &'static str, case: impl std::future::Future<Output = ()>) -> Option<&'static str> {
    use futures::FutureExt;
    std::panic::AssertUnwindSafe(case).catch_unwind().await.err().map(|_| path)
}

/// One server function under `fault`: by the script, then (for changes) as a plain form.
async fn run(portal: &TestPortal, switches: &FaultSwitches, case: &Case, fault: Fault) {
    switches.store.clear();
    let client = browser(portal, case.who).await;
    let failed_before = switches.store.failures();
    switches.store.set(fault);
    let answer = post_json(portal, &client, case.path, &case.fields).await;
    let reached = switches.store.failures() > failed_before;
    switches.store.clear();
    if ALWAYS_WORK.contains(&case.path) {
        assert!(answer.status < 300, "{}: {} under a fault: {}", case.path, answer.status, answer.body);
        return;
    }
    if !reached {
        let may_pass = fault == Fault::writes() && !case.change;
        assert!(may_pass, "{}: the fault was never reached ({}: {})", case.path, answer.status, answer.body);
        assert!(answer.status < 500, "{}: {} without a fault: {}", case.path, answer.status, answer.body);
        return;
    }
    answer.assert_plain_fault();
    if case.change {
        // A failed save (an autosave too) says so: the script keeps its copy of the answers.
        assert!(answer.body.starts_with(r#"{"kind":"internal""#), "{}: {}", case.path, answer.body);
        without_javascript(portal, switches, &client, case, fault).await;
    }
}

/// The same change posted by a browser without JavaScript: back to the form, which shows the
/// portal's words for a fault and what was typed.
async fn without_javascript(
    portal: &TestPortal,
    switches: &FaultSwitches,
    client: &reqwest::Client,
    case: &Case,
    fault: Fault,
) {
    switches.store.set(fault);
    let answer = post_form(portal, client, case.path, &case.page, &case.fields).await;
    assert_eq!(answer.status, 303, "{}: {}", answer.what, answer.body);
    let back = answer.location().unwrap();
    assert_eq!(back, case.page, "{}: sent somewhere else", answer.what);
    let mut page = get(portal, client, &back).await;
    switches.store.clear();
    if page.status != 200 {
        // The page could not be drawn either (its records, or the audit of a staff read); the
        // refused form waits in the session for the page to be shown once the fault clears.
        page.assert_plain_fault();
        page = get(portal, client, &back).await;
    }
    assert_eq!(page.status, 200, "{}: {}", page.what, page.body);
    assert!(
        page.body.contains("Sorry, there is a problem with the service"),
        "{}: no message: {}",
        page.what,
        page.body
    );
    if let Some(typed) = case.typed {
        assert!(page.body.contains(typed), "{}: {typed:?} was lost: {}", page.what, page.body);
    }
}

/// Once the fault has cleared, the same submission goes through: nothing was half written.
async fn retry(portal: &TestPortal, case: &Case) {
    let client = browser(portal, case.who).await;
    let answer = post_json(portal, &client, case.path, &case.fields).await;
    assert!(answer.status < 300, "{}: after the fault, {}: {}", case.path, answer.status, answer.body);
}

#[tokio::test]
async fn when_even_sessions_fail_pages_and_forms_answer_plainly() {
    let (portal, switches) = spawn_faulty().await;
    let client = browser(&portal, "jo@example.org").await;
    switches.store.set(Fault::everything());
    for page in
        ["/", "/home", "/assessment", "/plan", "/budget", "/reviews", "/emergency", "/family", "/timeline", "/support"]
    {
        let answer = get(&portal, &client, page).await;
        assert!(matches!(answer.status, 200 | 303 | 500 | 503), "{}: {}", answer.what, answer.status);
    }
    let typed = [("section", "important".to_owned()), ("text", "My allotment on Sundays".to_owned())];
    let answer = post_form(&portal, &client, "/api/plan/add", "/plan", &typed).await;
    assert!(matches!(answer.status, 303 | 500 | 503), "{}: {}", answer.what, answer.status);
    let answer = post_json(&portal, &client, "/api/plan/add", &typed).await;
    assert!(answer.status >= 400, "{}: {}", answer.what, answer.status);
}
