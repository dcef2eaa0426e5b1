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

/// Any URL-encoded body posted to any form: every typed form reads it (missing fields empty,
/// others ignored, as its server function would) and becomes its domain type or its problems,
/// and every page of the assessment reads it as its answers. Any text: the own-words mapping,
/// money, card codes and a refused form kept in the session.
pub fn check_forms(bytes: &[u8]) {
    use std::collections::BTreeMap;

    use app::domain::account::{PasswordReset, Registration, SignIn, StaffInvitation};
    use app::domain::assessment::questions::pages;
    use app::domain::assessment::{Answers, EligibilityDecision};
    use app::domain::budget::PersonalBudget;
    use app::domain::contact::ContactMessage;
    use app::domain::directory::ServiceEntry;
    use app::domain::emergency::{CardCode, EmergencyPlanEntry, LookupRequest};
    use app::domain::family::HelperInvitation;
    use app::domain::money::Money;
    use app::domain::plan::words::propose_sections;
    use app::domain::plan::WrittenContribution;
    use app::domain::reviews::{OutcomeRecord, ReviewRequest};
    use app::domain::text::EmailAddress;
    use app::features::{account, assessment, budget, contact, directory, emergency, family, plan, reviews, staff};

    let posted: Vec<(String, String)> = form_urlencoded::parse(bytes).into_owned().collect();
    let form: BTreeMap<String, String> = posted.iter().cloned().collect();
    let value = serde_json::to_value(&form).unwrap_or_default();
    fn typed<F: serde::de::DeserializeOwned + Default>(value: &serde_json::Value) -> F {
        serde_json::from_value(value.clone()).unwrap_or_default()
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let _ = Registration::try_from(typed::<account::wire::RegisterForm>(&value));
    let _ = SignIn::try_from(typed::<account::wire::SignInForm>(&value));
    let _ = EmailAddress::try_from(typed::<account::wire::ResetRequestForm>(&value));
    let _ = PasswordReset::try_from(typed::<account::wire::ResetPasswordForm>(&value));
    let _ = StaffInvitation::try_from(typed::<staff::wire::StaffUserForm>(&value));
    let _ = ContactMessage::try_from(typed::<contact::wire::ContactForm>(&value));
    let _ = EligibilityDecision::try_from(typed::<assessment::wire::DecisionForm>(&value));
    let _ = PersonalBudget::try_from(typed::<budget::wire::SetBudgetForm>(&value));
    let _ = typed::<budget::wire::SpendForm>(&value).into_spend(today);
    let _ = ReviewRequest::try_from(typed::<reviews::wire::RequestReviewForm>(&value));
    let _ = typed::<reviews::wire::ArrangeReviewForm>(&value).into_arrangement(today);
    let _ = OutcomeRecord::try_from(typed::<reviews::wire::ReviewOutcomeForm>(&value));
    let _ = EmergencyPlanEntry::try_from(typed::<emergency::wire::EmergencyPlanFields>(&value))
        .map(|entry| entry.dated(&[], today));
    let _ = LookupRequest::try_from(typed::<emergency::wire::LookupForm>(&value));
    let _ = WrittenContribution::try_from(typed::<plan::wire::AddWordsForm>(&value));
    let _ = typed::<plan::wire::SignOffForm>(&value).into_record(today);
    let _ = ServiceEntry::try_from(typed::<directory::wire::ServiceForm>(&value));
    let _ = HelperInvitation::try_from(typed::<family::wire::HelperForm>(&value));
    // The pages shown depend on earlier answers (the caring tasks chosen): read the form as
    // the answers so far (as if stored: they are stored again exactly as they were), then as
    // each page's new answers.
    let answers = Answers::from_stored(form);
    assert_eq!(serde_json::to_value(&answers).ok(), Some(value), "stored answers are kept as they were");
    for page in pages(&answers) {
        let _ = page.read(&posted);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = propose_sections(text);
        let _ = Money::parse(text);
        let _ = CardCode::parse(text);
        let _ = serde_json::from_str::<app::kit::forms::FormFlash>(text);
    }
}
