use super::words::{propose_sections, Because};
use super::*;

#[test]
fn each_paragraph_goes_where_its_words_point() {
    let text = "I live with my husband in Sleaford and worked as a nurse.\n\n\
                My faith and my dog matter most to me.\n\n\
                I struggle at night and I am worried about money.\n\n\
                I would like a break once a week.\n\n\
                If my husband is taken ill, my sister can come.";
    let sections: Vec<PlanSection> = propose_sections(text).iter().map(|p| p.section).collect();
    assert_eq!(
        sections,
        [
            PlanSection::AboutMe,
            PlanSection::ImportantToMe,
            PlanSection::NotWorking,
            PlanSection::WantToAchieve,
            PlanSection::Contingency
        ]
    );
}

#[test]
fn a_heading_wins_over_clue_words() {
    let parts = propose_sections("What is working: I struggle less since the day centre.\n\nRisks: none");
    assert_eq!(parts[0].section, PlanSection::Working);
    assert_eq!(parts[0].because, Because::Heading);
    assert_eq!(parts[1].section, PlanSection::Risks);
}

#[test]
fn one_long_paragraph_is_split_into_sentences() {
    let parts = propose_sections("My family is everything. Falls on the stairs are a real risk! Who will help?");
    let sections: Vec<PlanSection> = parts.iter().map(|p| p.section).collect();
    assert_eq!(sections, [PlanSection::ImportantToMe, PlanSection::Risks, PlanSection::WhoCares]);
    assert_eq!(parts[1].because, Because::Words(vec!["risk".into(), "falls".into()]));
}

#[test]
fn clue_words_must_start_a_word_and_text_without_clues_is_flagged() {
    // "catalogue" is not "cat"; "petrol" is not "pet".
    let parts = propose_sections("The catalogue came with petrol prices.");
    assert_eq!(parts[0].because, Because::NoClue);
    assert_eq!(parts[0].section, PlanSection::AboutMe);
    assert!(propose_sections("  \n\n  ").is_empty());
}

#[test]
fn polish_text_is_mapped_too() {
    let parts = propose_sections("Rodzina jest dla mnie najważniejsza.\n\nBoję się, że upadnę w łazience.");
    assert_eq!(parts[0].section, PlanSection::ImportantToMe);
    assert_eq!(parts[1].section, PlanSection::Risks);
}

#[test]
fn written_contributions_need_a_section_and_words() {
    assert!(WrittenContribution::parse("important", "My garden").is_ok());
    assert_eq!(
        WrittenContribution::parse("garden", "  ").unwrap_err(),
        vec![PlanProblem::SectionMissing, PlanProblem::Text(TextProblem::Missing)]
    );
}

#[test]
fn a_picture_keeps_a_description_when_it_is_changed() {
    let changed =
        ContributionChange::parse(ContributionKind::Picture, "", " Sundays ", "Mum and me at the beach").unwrap();
    assert_eq!(changed.body, None);
    assert_eq!(changed.caption.as_deref(), Some("Sundays"));
    assert_eq!(changed.alt_text.as_deref(), Some("Mum and me at the beach"));
    let refused =
        ContributionChange::parse(ContributionKind::Picture, "", &"x".repeat(CAPTION_MAX + 1), " ").unwrap_err();
    assert_eq!(
        refused,
        [PlanProblem::AltText(TextProblem::Missing), PlanProblem::Caption(TextProblem::TooLong { max: CAPTION_MAX })]
    );
}

#[test]
fn a_clip_needs_no_description_and_words_need_words() {
    let clip = ContributionChange::parse(ContributionKind::Clip, "", "", "").unwrap();
    assert_eq!((clip.caption, clip.alt_text), (None, None));
    let words = ContributionChange::parse(ContributionKind::Words, "  My allotment  ", "ignored", "ignored").unwrap();
    assert_eq!((words.body.as_deref(), words.caption), (Some("My allotment"), None));
    assert_eq!(
        ContributionChange::parse(ContributionKind::Words, " ", "", "").unwrap_err(),
        [PlanProblem::Text(TextProblem::Missing)]
    );
}
