use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_signed_off_plan_is_reviewed_six_to_eight_weeks_later_then_after_a_year() {
    let planned = planned_after_sign_off(day(2026, 11, 23));
    assert_eq!(
        planned[0],
        PlannedReview { kind: ReviewKind::First, due_from: day(2027, 1, 4), due_by: day(2027, 1, 18) }
    );
    assert_eq!(planned[1].kind, ReviewKind::Annual);
    assert_eq!(planned[1].due_by, day(2027, 11, 23));
    // A plan signed off on 31 August is reviewed by the end of the next August, not in September.
    assert_eq!(planned_after_sign_off(day(2027, 8, 31))[1].due_by, day(2028, 8, 31));
    assert_eq!(direct_payment_review(day(2027, 1, 31)).due_by, day(2027, 7, 31));
}

#[test]
fn a_planned_review_is_soon_two_weeks_before_its_window_and_overdue_after_it() {
    let first = planned_after_sign_off(day(2026, 11, 23))[0];
    assert_eq!(first.due(day(2026, 12, 20)), Due::Later);
    assert_eq!(first.due(day(2026, 12, 21)), Due::Soon);
    assert_eq!(first.due(day(2027, 1, 18)), Due::Soon);
    assert_eq!(first.due(day(2027, 1, 19)), Due::Overdue);
}

#[test]
fn a_request_needs_a_reason_what_changed_a_way_to_meet_and_how_urgent() {
    let request = ReviewRequest::new("less_able", " I have started a new job ", "telephone", "", "soon").unwrap();
    assert_eq!(request.reason, ReviewReason::LessAble);
    assert_eq!(request.what_changed, "I have started a new job");
    assert_eq!(request.involve, None);
    let problems = ReviewRequest::new("bored", "", "", &"x".repeat(INVOLVE_MAX + 1), "").unwrap_err();
    assert_eq!(
        problems,
        [
            ReviewProblem::Reason,
            ReviewProblem::WhatChanged(TextProblem::Missing),
            ReviewProblem::Method,
            ReviewProblem::Involve(TextProblem::TooLong { max: INVOLVE_MAX }),
            ReviewProblem::Urgency
        ]
    );
}

#[test]
fn a_review_is_arranged_for_today_or_later() {
    let today = day(2026, 11, 23);
    assert_eq!(
        Arrangement::new(Ok(day(2026, 11, 30)), "video", today),
        Ok(Arrangement { on: day(2026, 11, 30), method: ReviewMethod::Video })
    );
    assert_eq!(
        Arrangement::new(Ok(day(2026, 11, 1)), "", today),
        Err(vec![ReviewProblem::DatePast, ReviewProblem::Method])
    );
    assert_eq!(Arrangement::new(Err(DateProblem::Invalid), "video", today), Err(vec![ReviewProblem::DateInvalid]));
}

#[test]
fn support_ends_only_with_written_reasons_and_other_help() {
    assert_eq!(
        OutcomeRecord::new("support_ends", "Needs are now met by family", "", ""),
        Err(vec![ReviewProblem::Reasons(TextProblem::Missing), ReviewProblem::OtherHelp(TextProblem::Missing)])
    );
    let no_change = OutcomeRecord::new("no_change", "Working well", "ignored", "").unwrap();
    assert_eq!((no_change.outcome, no_change.reasons), (ReviewOutcome::NoChange, None));
}
