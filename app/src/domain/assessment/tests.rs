use super::questions::{
    find_page, kind_of, next_in_section, pages, previous_in_section, AnswerProblem, Kind, LONG_MAX,
};
use super::*;

/// The fields a decision with nothing filled in is refused on, in the order their messages
/// are listed (the form's conversion gives the same).
pub(crate) const BLANK_DECISION_FIELDS: [&str; 7] = [
    "necessary_care",
    "health_at_risk",
    "significant_impact",
    "necessary_care_reason",
    "health_reason",
    "outcomes_reason",
    "impact_reason",
];

/// A posted form: its fields, name and value, as the browser sends them.
fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Answers as stored: question id → the stored string.
fn stored(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_stored(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn codes(codes: &[&str]) -> Answer {
    Answer::Choices(codes.iter().map(|code| (*code).to_owned()).collect())
}

#[test]
fn each_task_the_carer_does_gets_its_own_willing_and_able_page() {
    let mut answers = Answers::new();
    assert!(pages(&answers).iter().all(|p| p.section != Section::WillingAndAble));
    answers.insert("tasks", codes(&["meals", "night_care"]));
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
    let read = read.unwrap();
    assert_eq!(read.page(), "tasks");
    // The catalogue's order, whatever order the boxes were posted in; unknown boxes ignored.
    assert_eq!(read.iter().collect::<Vec<_>>(), [("tasks", Some(&codes(&["medication", "meals"])))]);

    let page = find_page("age-band", &answers).unwrap();
    assert_eq!(page.read(&form(&[])).unwrap().iter().collect::<Vec<_>>(), [("age_band", None)]);
    let read = page.read(&form(&[("age_band", "16_17")])).unwrap();
    assert_eq!(read.get("age_band"), Some(&Answer::Choice("16_17".into())));
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
    let answers = stored(&[("tasks", "meals,transport")]);
    let values = page.form_values(&answers);
    let names: Vec<&str> = values.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["tasks-meals", "tasks-transport"]);
    // Read back, the ticked boxes are the answer saved.
    assert_eq!(page.read(&values).unwrap().get("tasks"), answers.get("tasks"));
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
    let answers = stored(&[
        ("age_band", "16_17"),
        ("tasks", "meals"),
        ("task_meals_willing", "no"),
        ("task_meals_able", "with_help"),
        ("outcome_nutrition_achieve", "with_distress"),
        ("outcome_work_achieve", "with_help"),
        ("outcome_child_achieve", "does_not_apply"),
    ]);
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
    earlier.insert("task_meals_willing", Answer::Choice("yes".into()));
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
    assert_eq!(fields, BLANK_DECISION_FIELDS);
}

#[test]
fn a_page_is_located_with_the_same_neighbours_as_back_and_continue_find() {
    let answers = stored(&[("tasks", "meals,night_care")]);
    for page in pages(&answers) {
        let found = super::questions::locate(&page.id, &answers).unwrap();
        assert_eq!(found.page, page);
        assert_eq!(found.previous, previous_in_section(&page.id, &answers));
        assert_eq!(found.next, next_in_section(&page.id, &answers));
    }
    assert_eq!(super::questions::locate("task-transport", &answers), None);
}

#[test]
fn stored_answers_read_as_their_questions_kinds_and_are_written_back_byte_for_byte() {
    // A sent version's JSON as it has always been stored: strings, ticked boxes joined by ','.
    let json =
        r#"{"age_band":"25_64","beyond_caring":"Swimming, again","hours":"","tasks":"meals,night_care","work":""}"#;
    let answers: Answers = serde_json::from_str(json).unwrap();
    assert_eq!(answers.get("age_band"), Some(&Answer::Choice("25_64".into())));
    assert_eq!(answers.get("tasks"), Some(&codes(&["meals", "night_care"])));
    // A comma in the carer's own words is not a list.
    assert_eq!(answers.get("beyond_caring"), Some(&Answer::Text("Swimming, again".into())));
    // Empty answers are kept as stored, but are no answer.
    assert_eq!((answers.len(), answers.get("hours"), answers.get("work")), (5, None, None));
    assert_eq!(serde_json::to_string(&answers).unwrap(), json);
}

#[test]
fn a_ticked_answer_survives_the_store() {
    let page = find_page("work", &Answers::new()).unwrap();
    let read = page.read(&form(&[("work-studying", "yes"), ("work-part_time", "yes")])).unwrap();
    let mut answers = Answers::new();
    answers.apply(&read);
    // As a draft's rows store it, and as a sent version's JSON does.
    let rows: Vec<(String, String)> = answers.stored().map(|(id, value)| (id.to_owned(), value.into_owned())).collect();
    assert_eq!(rows, [("work".to_owned(), "part_time,studying".to_owned())]);
    assert_eq!(Answers::from_stored(rows), answers);
    let json = serde_json::to_string(&answers).unwrap();
    assert_eq!(json, r#"{"work":"part_time,studying"}"#);
    assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
    assert_eq!(answers.codes("work"), ["part_time", "studying"]);
    // Unticking every box removes the answer.
    answers.apply(&page.read(&form(&[])).unwrap());
    assert!(answers.is_empty());
}

#[test]
fn answers_to_questions_the_catalogue_does_not_ask_are_kept_as_text() {
    assert_eq!(kind_of("tasks"), Some(Kind::Choices(CaringTaskKind::CODES)));
    assert_eq!(kind_of("task_night_care_able"), Some(Kind::Choice(Ability::CODES)));
    assert_eq!(kind_of("retired_question"), None);
    let json = r#"{"retired_question":"a,b","task_juggling_often":"daily"}"#;
    let answers: Answers = serde_json::from_str(json).unwrap();
    assert_eq!(answers.text("retired_question"), Some("a,b"));
    assert_eq!(answers.text("task_juggling_often"), Some("daily"));
    assert_eq!(serde_json::to_string(&answers).unwrap(), json);
}

#[test]
fn a_page_reads_posted_pairs_and_leaves_other_fields_alone() {
    let answers = stored(&[("tasks", "meals")]);
    let page = find_page("outcome-work", &answers).unwrap();
    let posted = form(&[
        ("page", "outcome-work"),
        ("intent", "continue"),
        ("outcome_work_achieve", "with_help"),
        ("outcome_work_affect", "  Three days a week now.  "),
        ("working", "not on this page"),
    ]);
    let read = page.read(&posted).unwrap();
    assert_eq!(
        read.iter().collect::<Vec<_>>(),
        [
            ("outcome_work_achieve", Some(&Answer::Choice("with_help".into()))),
            ("outcome_work_affect", Some(&Answer::Text("Three days a week now.".into()))),
        ]
    );
    // Blank words are no answer: saving them removes what was there.
    let read = page.read(&form(&[("outcome_work_affect", "   ")])).unwrap();
    assert_eq!(read.get("outcome_work_affect"), None);
    let mut saved = stored(&[("outcome_work_affect", "Before"), ("tasks", "meals")]);
    saved.apply(&read);
    assert_eq!(saved, stored(&[("tasks", "meals")]));
}
