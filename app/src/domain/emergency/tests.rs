use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;

fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_plan_can_be_saved_with_anything_missing() {
    let plan = EmergencyPlanForm::parse(&form(&[("routines", "  Up at 7  ")]), &[], day(2026, 3, 1)).unwrap();
    assert_eq!(plan.details.get("routines"), Some("Up at 7"));
    assert!(plan.contacts.is_empty());
    assert_eq!(plan.home_access, None);
}

#[test]
fn a_contact_needs_a_name_and_a_phone_number_people_can_dial() {
    let problems =
        EmergencyPlanForm::parse(&form(&[("contact1_phone", "01632 960 001"), ("contact2_name", "Jo"), ("contact2_phone", "call me")]), &[], day(2026, 3, 1))
            .unwrap_err();
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["contact1_name", "contact2_phone"]);
}

#[test]
fn agreement_is_dated_when_first_ticked_and_kept_after() {
    let fields = form(&[("contact1_name", "Jo"), ("contact1_phone", "+44 7700 900982"), ("contact1_agreed", "yes")]);
    let first = EmergencyPlanForm::parse(&fields, &[], day(2026, 3, 1)).unwrap();
    assert_eq!(first.contacts[0].agreed_on, Some(day(2026, 3, 1)));
    let again = EmergencyPlanForm::parse(&fields, &first.contacts, day(2026, 9, 1)).unwrap();
    assert_eq!(again.contacts[0].agreed_on, Some(day(2026, 3, 1)));
    let unticked = form(&[("contact1_name", "Jo"), ("contact1_phone", "+44 7700 900982")]);
    assert_eq!(EmergencyPlanForm::parse(&unticked, &first.contacts, day(2026, 9, 1)).unwrap().contacts[0].agreed_on, None);
}

#[test]
fn phone_numbers() {
    for good in ["01632 960001", "+44 (0)1632 960 001", "07700-900-982"] {
        assert!(is_phone_number(good), "{good}");
    }
    for bad in ["", "12345", "01632 960001 ext 4", "++441632960001", "0163296000100000001"] {
        assert!(!is_phone_number(bad), "{bad}");
    }
}

#[test]
fn confirming_needs_who_is_cared_for_an_agreed_contact_and_the_way_in() {
    let contact = EmergencyContact { name: "Jo".into(), relationship: "".into(), phone: "01632 960001".into(), agreed_on: None };
    let missing = missing_for_confirmation(&EmergencyDetails::default(), &[contact.clone()], false);
    let fields: Vec<_> = missing.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["cared_for", "contact1_agreed", "home_access"]);
    let details = EmergencyDetails { words: [("cared_for".to_string(), "Pat".to_string())].into() };
    let agreed = EmergencyContact { agreed_on: Some(day(2026, 1, 1)), ..contact };
    assert!(missing_for_confirmation(&details, &[agreed], true).is_empty());
    assert_eq!(missing_for_confirmation(&details, &[], true)[0].field, "contact1_name");
}

#[test]
fn a_plan_is_confirmed_every_year() {
    assert_eq!(freshness(None, day(2026, 1, 1)), Freshness::NotConfirmed);
    assert_eq!(freshness(Some(day(2026, 1, 10)), day(2026, 6, 1)), Freshness::Current { due: day(2027, 1, 10) });
    assert_eq!(freshness(Some(day(2026, 1, 10)), day(2026, 12, 15)), Freshness::DueSoon { due: day(2027, 1, 10) });
    assert_eq!(freshness(Some(day(2026, 1, 10)), day(2027, 1, 11)), Freshness::Overdue { due: day(2027, 1, 10) });
    assert!(!freshness(Some(day(2026, 1, 10)), day(2026, 6, 1)).needs_attention());
}

#[test]
fn a_look_up_needs_a_well_formed_code_and_a_reason() {
    let problems = LookupRequest::parse(&form(&[("code", "ABC"), ("reason", "other")])).unwrap_err();
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["code", "note"]);
    let request = LookupRequest::parse(&form(&[("code", "abcd-efgh-jkmn"), ("reason", "carer_unwell")])).unwrap();
    assert_eq!(request.code.as_str(), "ABCDEFGHJKMN");
    assert_eq!(request.reason, LookupReason::CarerUnwell);
}
