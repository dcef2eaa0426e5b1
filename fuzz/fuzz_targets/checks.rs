// The checks the fuzz targets run, shared with the regression tests that replay what the
// fuzzer found (server/tests/fuzz_regressions.rs `include!`s this file), so both run the same
// code. Neither may panic, run away with memory or time; refusals are fine.

/// Any bytes sent as a picture or clip: the type is decided from the bytes, and whatever the
/// sniffer takes for a picture goes through the whole picture pipeline.
pub fn check_upload(bytes: &[u8]) {
    if server::files::pipeline::sniff(bytes).is_ok() {
        let _ = server::files::pipeline::make_safe(bytes);
    }
}

/// Any URL-encoded body posted to any form: every form parser reads it, and every page of the
/// assessment reads it as its answers. Any text: the own-words mapping, money, card codes and
/// a refused form kept in the session.
pub fn check_forms(bytes: &[u8]) {
    use std::collections::BTreeMap;

    use app::domain::assessment::questions::pages;
    use app::domain::assessment::{Answers, EligibilityDecision};
    use app::domain::budget::{PersonalBudget, Spend};
    use app::domain::directory::ServiceEntry;
    use app::domain::emergency::{CardCode, EmergencyPlanForm, LookupRequest};
    use app::domain::family::HelperInvitation;
    use app::domain::money::Money;
    use app::domain::plan::record::CareAndSupportPlan;
    use app::domain::plan::words::propose_sections;
    use app::domain::reviews::{Arrangement, OutcomeRecord, ReviewRequest};

    let form: BTreeMap<String, String> = form_urlencoded::parse(bytes).into_owned().collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let _ = Spend::parse(&form, today);
    let _ = PersonalBudget::parse(&form);
    let _ = ReviewRequest::parse(&form);
    let _ = Arrangement::parse(&form, today);
    let _ = OutcomeRecord::parse(&form);
    let _ = EmergencyPlanForm::parse(&form, &[], today);
    let _ = LookupRequest::parse(&form);
    let _ = EligibilityDecision::parse(&form);
    let _ = CareAndSupportPlan::parse(&form, today);
    let _ = ServiceEntry::parse(&form);
    let _ = HelperInvitation::parse(&form);
    // The pages shown depend on earlier answers (the caring tasks chosen): read the form as
    // the answers so far, then as each page's new answers.
    let answers: Answers = form.clone();
    for page in pages(&answers) {
        let _ = page.read(&form);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = propose_sections(text);
        let _ = Money::parse(text);
        let _ = CardCode::parse(text);
        let _ = serde_json::from_str::<app::kit::forms::FormFlash>(text);
    }
}
