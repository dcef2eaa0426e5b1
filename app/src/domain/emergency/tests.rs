use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_part_of_the_plan_may_be_left_for_later() {
    assert_eq!(detail("routines", "  Up at 7  "), Ok(Some("Up at 7".to_owned())));
    assert_eq!(detail("routines", "   "), Ok(None));
    assert_eq!(home_access(""), Ok(None));
    assert_eq!(ContactEntry::new(1, "", " ", "", false), Ok(None));
}

#[test]
fn who_is_cared_for_is_a_name_and_shorter_than_the_rest() {
    let long = "a".repeat(NAME_MAX + 1);
    assert_eq!(detail("cared_for", &long).unwrap_err().kind, Kind::TooLong { max: NAME_MAX });
    assert_eq!(detail("routines", &long), Ok(Some(long.clone())));
}

#[test]
fn a_contact_needs_a_name_and_a_phone_number_people_can_dial() {
    let fields = |problems: Vec<EmergencyProblem>| problems.into_iter().map(|p| p.field).collect::<Vec<_>>();
    assert_eq!(fields(ContactEntry::new(1, "", "", "01632 960 001", false).unwrap_err()), ["contact1_name"]);
    assert_eq!(fields(ContactEntry::new(2, "Jo", "", "call me", false).unwrap_err()), ["contact2_phone"]);
    assert_eq!(fields(ContactEntry::new(3, "", "", "", true).unwrap_err()), ["contact3_name"], "ticked but empty");
    let long = "a".repeat(NAME_MAX + 1);
    assert_eq!(
        fields(ContactEntry::new(1, &long, &long, "", false).unwrap_err()),
        ["contact1_name", "contact1_relationship"]
    );
}

#[test]
fn agreement_is_dated_when_first_ticked_and_kept_after() {
    let entry = |agreed| EmergencyPlanEntry {
        contacts: vec![ContactEntry::new(1, "Jo", "", "+44 7700 900982", agreed).unwrap().unwrap()],
        ..EmergencyPlanEntry::default()
    };
    let first = entry(true).dated(&[], day(2026, 3, 1));
    assert_eq!(first.contacts[0].agreed_on, Some(day(2026, 3, 1)));
    let again = entry(true).dated(&first.contacts, day(2026, 9, 1));
    assert_eq!(again.contacts[0].agreed_on, Some(day(2026, 3, 1)));
    assert_eq!(entry(false).dated(&first.contacts, day(2026, 9, 1)).contacts[0].agreed_on, None);
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
    let contact =
        EmergencyContact { name: "Jo".into(), relationship: "".into(), phone: "01632 960001".into(), agreed_on: None };
    let missing = missing_for_confirmation(&EmergencyDetails::default(), std::slice::from_ref(&contact), false);
    let fields: Vec<_> = missing.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["cared_for", "contact1_agreed", "home_access"]);
    let details = EmergencyDetails { words: DetailWords { cared_for: Some("Pat".into()), ..DetailWords::default() } };
    let agreed = EmergencyContact { agreed_on: Some(day(2026, 1, 1)), ..contact };
    assert!(missing_for_confirmation(&details, &[agreed], true).is_empty());
    assert_eq!(missing_for_confirmation(&details, &[], true)[0].field, "contact1_name");
    let saved_before = EmergencyPlanForm { details, contacts: vec![], home_access: None };
    assert_eq!(saved_before.missing_for_confirmation(true)[0].field, "contact1_name", "the way in saved before counts");
}

#[test]
fn the_words_are_stored_as_before() {
    let details =
        EmergencyDetails { words: DetailWords { routines: Some("Up at 7".into()), ..DetailWords::default() } };
    let stored = serde_json::to_string(&details).unwrap();
    assert_eq!(stored, r#"{"words":{"routines":"Up at 7"}}"#);
    let read: EmergencyDetails = serde_json::from_str(r#"{"words":{"gp":"Dr Ali","routines":"Up at 7"}}"#).unwrap();
    assert_eq!((read.get("gp"), read.get("routines"), read.get("needs")), (Some("Dr Ali"), Some("Up at 7"), None));
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
    let problems = LookupRequest::new("ABC", "other", "").unwrap_err();
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["code", "note"]);
    let request = LookupRequest::new("abcd-efgh-jkmn", "carer_unwell", "").unwrap();
    assert_eq!(request.code.as_str(), "ABCDEFGHJKMN");
    assert_eq!(request.reason, LookupReason::CarerUnwell);
}
