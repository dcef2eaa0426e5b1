use std::collections::BTreeMap;

use super::questions::{find_page, next_in_section, pages, previous_in_section, AnswerProblem, LONG_MAX};
use super::*;

fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn each_task_the_carer_does_gets_its_own_willing_and_able_page() {
    let mut answers = Answers::new();
    assert!(pages(&answers).iter().all(|p| p.section != Section::WillingAndAble));
    answers.insert("tasks".into(), "meals,night_care".into());
    let task_pages: Vec<String> =
        pages(&answers).into_iter().filter(|p| p.section == Section::WillingAndAble).map(|p| p.id).collect();
    assert_eq!(task_pages, ["task-meals", "task-night-care"]);
    let page = find_page("task-night-care", &answers).unwrap();
    let ids: Vec<&str> = page.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["task_night_care_often", "task_night_care_willing", "task_night_care_able"]);
}

#[test]
fn continue_stays_within_the_section_and_back_goes_to_the_page_before() {
    let answers = Answers::new();
    assert_eq!(next_in_section("age-band", &answers).unwrap().id, "work");
    assert_eq!(next_in_section("own-health", &answers), None);
    assert_eq!(previous_in_section("work", &answers).unwrap().id, "age-band");
    assert_eq!(previous_in_section("age-band", &answers), None);
}

#[test]
fn a_page_reads_choices_ticks_and_text_and_allows_skipping() {
    let answers = Answers::new();
    let page = find_page("tasks", &answers).unwrap();
    let read = page.read(&form(&[("tasks-meals", "yes"), ("tasks-medication", "yes"), ("tasks-juggling", "yes")]));
    assert_eq!(read.unwrap(), vec![("tasks".to_owned(), "medication,meals".to_owned())]);

    let page = find_page("age-band", &answers).unwrap();
    assert_eq!(page.read(&form(&[])).unwrap(), vec![("age_band".to_owned(), String::new())]);
    assert_eq!(
        page.read(&form(&[("age_band", "42")])).unwrap_err(),
        vec![AnswerProblem::NotAnOption { question: "age_band".into() }]
    );
}

#[test]
fn over_long_text_is_refused_with_the_count() {
    let page = find_page("working", &Answers::new()).unwrap();
    let text = "ż".repeat(LONG_MAX + 5);
    let problems = page.read(&form(&[("working", &text)])).unwrap_err();
    assert_eq!(
        problems,
        vec![AnswerProblem::TooLong { question: "working".into(), max: LONG_MAX, count: LONG_MAX + 5 }]
    );
    // Polish letters count as one character each, as the page counts them.
    assert!(page.read(&form(&[("working", &"ż".repeat(LONG_MAX))])).is_ok());
}

#[test]
fn saved_ticks_come_back_as_ticked_boxes() {
    let page = find_page("tasks", &Answers::new()).unwrap();
    let answers: Answers = [("tasks".to_owned(), "meals,transport".to_owned())].into();
    let values = page.form_values(&answers);
    assert_eq!(values.keys().collect::<Vec<_>>(), ["tasks-meals", "tasks-transport"]);
}

#[test]
fn section_status_follows_the_pages_seen() {
    let mut draft = Draft::default();
    assert_eq!(draft.status(Section::AboutYou), SectionStatus::NotStarted);
    assert_eq!(draft.status(Section::WillingAndAble), SectionStatus::CannotStartYet);
    draft.seen_pages.insert("age-band".into());
    assert_eq!(draft.status(Section::AboutYou), SectionStatus::InProgress);
    assert_eq!(draft.entry_page(Section::AboutYou).unwrap().id, "work");
    draft.seen_pages.extend(["work".to_owned(), "own-health".to_owned()]);
    assert_eq!(draft.status(Section::AboutYou), SectionStatus::Completed);
    // The task list says the same as asking section by section.
    for (section, status, entry) in draft.task_list() {
        assert_eq!(status, draft.status(section));
        assert_eq!(entry, draft.entry_page(section));
    }
}

#[test]
fn the_record_types_each_answer_and_flags_young_carers() {
    let answers: Answers = [
        ("age_band", "16_17"),
        ("tasks", "meals"),
        ("task_meals_willing", "no"),
        ("task_meals_able", "with_help"),
        ("outcome_nutrition_achieve", "with_distress"),
        ("outcome_work_achieve", "with_help"),
        ("outcome_child_achieve", "does_not_apply"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let assessment = Assessment::from_answers(&answers);
    assert!(assessment.is_under_18());
    assert_eq!(
        assessment.tasks,
        vec![CaringTask {
            task: CaringTaskKind::Meals,
            often: None,
            willing: Some(Willingness::No),
            able: Some(Ability::WithHelp)
        }]
    );
    assert_eq!(assessment.outcomes_not_achieved(), vec![CarerOutcome::Nutrition]);
    let mut earlier = answers.clone();
    earlier.insert("task_meals_willing".into(), "yes".into());
    earlier.remove("age_band");
    assert_eq!(assessment.changed_since(&earlier), ["age_band", "task_meals_willing"]);
}

#[test]
fn eligibility_needs_all_three_conditions() {
    let reasons = [
        "Your mother could not manage without you.",
        "You told us your health is fine.",
        "You cannot eat properly because of night care.",
        "Poor nutrition harms your wellbeing.",
    ];
    let eligible =
        EligibilityDecision::new(Some(true), Some(false), vec![CarerOutcome::Nutrition], Some(true), reasons, "")
            .unwrap();
    assert!(eligible.eligible());
    assert_eq!(eligible.outcomes_not_achieved, vec![CarerOutcome::Nutrition]);

    // Not eligible without health or an outcome; then advice is required.
    let problems =
        EligibilityDecision::new(Some(true), Some(false), vec![], Some(true), ["a", "b", "c", "d"], "  ").unwrap_err();
    assert_eq!(problems, vec![DecisionProblem::Advice(crate::domain::text::TextProblem::Missing)]);

    let problems = EligibilityDecision::new(None, None, vec![], None, [""; 4], "").unwrap_err();
    let fields: Vec<String> = problems.iter().map(crate::domain::Problem::field).collect();
    assert_eq!(
        fields,
        [
            "necessary_care",
            "health_at_risk",
            "significant_impact",
            "necessary_care_reason",
            "health_reason",
            "outcomes_reason",
            "impact_reason"
        ]
    );
}

#[test]
fn a_page_is_located_with_the_same_neighbours_as_back_and_continue_find() {
    let answers: Answers = [("tasks".to_owned(), "meals,night_care".to_owned())].into();
    for page in pages(&answers) {
        let found = super::questions::locate(&page.id, &answers).unwrap();
        assert_eq!(found.page, page);
        assert_eq!(found.previous, previous_in_section(&page.id, &answers));
        assert_eq!(found.next, next_in_section(&page.id, &answers));
    }
    assert_eq!(super::questions::locate("task-transport", &answers), None);
}
