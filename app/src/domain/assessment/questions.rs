//! The self-assessment's questions: which sections there are, which page asks what, and how
//! an answer typed into a page becomes a stored answer (or a message saying what to fix).
//!
//! Every question may be left unanswered: carers fill in as much as is useful to them. The
//! words (labels, hints, options) live in `locales/*/assessment.toml` under
//! `assessment.questions.<key>`; a test checks that each one exists.
use super::answers::{Answer, Answers, PageAnswers};
use super::records::{
    Ability, AgeBand, CarerOutcome, CaringTaskKind, Frequency, HealthImpact, OutcomeAchievement, Willingness,
};

/// The task list's sections, in the order the carer sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    AboutYou,
    PersonCaredFor,
    CaringRole,
    WillingAndAble,
    Health,
    Outcomes,
    YourViews,
    Emergency,
    BeyondCaring,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::AboutYou,
        Section::PersonCaredFor,
        Section::CaringRole,
        Section::WillingAndAble,
        Section::Health,
        Section::Outcomes,
        Section::YourViews,
        Section::Emergency,
        Section::BeyondCaring,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::AboutYou => "about_you",
            Section::PersonCaredFor => "cared_for",
            Section::CaringRole => "caring_role",
            Section::WillingAndAble => "willing_able",
            Section::Health => "health",
            Section::Outcomes => "outcomes",
            Section::YourViews => "your_views",
            Section::Emergency => "emergency",
            Section::BeyondCaring => "beyond_caring",
        }
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of these options (radios).
    Choice(&'static [&'static str]),
    /// Any of these options (checkboxes).
    Choices(&'static [&'static str]),
    /// A line of text, up to `SHORT_MAX` characters.
    Short,
    /// Their own words, up to `LONG_MAX` characters.
    Long,
}

pub const SHORT_MAX: usize = 200;
pub const LONG_MAX: usize = 2000;

const YES_NO: &[&str] = &["yes", "no"];
const RELATIONSHIPS: &[&str] = &["partner", "parent", "child", "sibling", "other_relative", "friend", "other"];
const WORK: &[&str] = &["full_time", "part_time", "studying", "looking", "retired", "none"];
const HOURS: &[&str] = &["under_20", "20_to_34", "35_to_49", "50_plus"];

/// One question on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The answer's id, also the form field's name (`task_meals_willing`).
    pub id: String,
    /// Where its words are: `assessment.questions.<key>`.
    pub key: &'static str,
    pub kind: Kind,
    /// The task or outcome a repeated question is about, for its `{subject}` placeholder.
    pub subject: Option<Subject>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Task(CaringTaskKind),
    Outcome(CarerOutcome),
}

/// One page of questions (GOV.UK question pages: usually one question each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub id: String,
    pub section: Section,
    pub questions: Vec<Question>,
}

fn question(id: &str, key: &'static str, kind: Kind) -> Question {
    Question { id: id.to_owned(), key, kind, subject: None }
}

fn single(section: Section, id: &'static str, kind: Kind) -> Page {
    Page { id: id.replace('_', "-"), section, questions: vec![question(id, id, kind)] }
}

/// The tasks the carer said they do, in the catalogue's order.
pub fn chosen_tasks(answers: &Answers) -> Vec<CaringTaskKind> {
    let chosen = answers.codes("tasks");
    CaringTaskKind::ALL.iter().copied().filter(|t| chosen.contains(&t.code())).collect()
}

fn task_page(task: CaringTaskKind) -> Page {
    let code = task.code();
    let ask = |what: &str, key: &'static str, kind: Kind| Question {
        id: format!("task_{code}_{what}"),
        key,
        kind,
        subject: Some(Subject::Task(task)),
    };
    Page {
        id: format!("task-{}", code.replace('_', "-")),
        section: Section::WillingAndAble,
        questions: vec![
            ask("often", "task_often", Kind::Choice(Frequency::CODES)),
            ask("willing", "task_willing", Kind::Choice(Willingness::CODES)),
            ask("able", "task_able", Kind::Choice(Ability::CODES)),
        ],
    }
}

fn outcome_page(outcome: CarerOutcome) -> Page {
    let code = outcome.code();
    let ask = |what: &str, key: &'static str, kind: Kind| Question {
        id: format!("outcome_{code}_{what}"),
        key,
        kind,
        subject: Some(Subject::Outcome(outcome)),
    };
    Page {
        id: format!("outcome-{code}"),
        section: Section::Outcomes,
        questions: vec![
            ask("achieve", "outcome_achieve", Kind::Choice(OutcomeAchievement::CODES)),
            ask("affect", "outcome_affect", Kind::Long),
        ],
    }
}

/// Every page in order. The willing-and-able pages follow the tasks the carer chose.
pub fn pages(answers: &Answers) -> Vec<Page> {
    pages_for(chosen_tasks(answers))
}

/// Every question the assessment can ask, whichever tasks are chosen.
pub fn every_question() -> Vec<Question> {
    pages_for(CaringTaskKind::ALL.iter().copied()).into_iter().flat_map(|page| page.questions).collect()
}

/// How the question with this id is answered; `None` for an id the assessment does not ask.
pub fn kind_of(id: &str) -> Option<Kind> {
    every_question().into_iter().find(|q| q.id == id).map(|q| q.kind)
}

/// Every page in order, with a willing-and-able page for each of these tasks.
fn pages_for(tasks: impl IntoIterator<Item = CaringTaskKind>) -> Vec<Page> {
    use Section::*;
    let mut pages = vec![
        single(AboutYou, "age_band", Kind::Choice(AgeBand::CODES)),
        single(AboutYou, "work", Kind::Choices(WORK)),
        single(AboutYou, "own_health", Kind::Long),
        single(PersonCaredFor, "relationship", Kind::Choice(RELATIONSHIPS)),
        single(PersonCaredFor, "their_needs", Kind::Long),
        single(PersonCaredFor, "live_together", Kind::Choice(YES_NO)),
        single(CaringRole, "tasks", Kind::Choices(CaringTaskKind::CODES)),
        single(CaringRole, "hours", Kind::Choice(HOURS)),
        single(CaringRole, "caring_since", Kind::Short),
    ];
    pages.extend(tasks.into_iter().map(task_page));
    pages.push(single(Health, "health_impact", Kind::Choice(HealthImpact::CODES)));
    pages.push(single(Health, "health_details", Kind::Long));
    pages.extend(CarerOutcome::ALL.iter().copied().map(outcome_page));
    pages.push(single(YourViews, "working", Kind::Long));
    pages.push(single(YourViews, "not_working", Kind::Long));
    pages.push(single(YourViews, "want_to_achieve", Kind::Long));
    pages.push(single(Emergency, "emergency", Kind::Long));
    pages.push(single(BeyondCaring, "beyond_caring", Kind::Long));
    pages
}

/// The page with this id, if it exists for these answers.
pub fn find_page(id: &str, answers: &Answers) -> Option<Page> {
    pages(answers).into_iter().find(|p| p.id == id)
}

/// The page after `id` in the same section, if any ("Continue" goes there, else to the list).
pub fn next_in_section(id: &str, answers: &Answers) -> Option<Page> {
    let all = pages(answers);
    let at = all.iter().position(|p| p.id == id)?;
    all.get(at + 1).filter(|next| next.section == all[at].section).cloned()
}

/// The page before `id` in the same section (for the back link).
pub fn previous_in_section(id: &str, answers: &Answers) -> Option<Page> {
    let all = pages(answers);
    let at = all.iter().position(|p| p.id == id)?;
    at.checked_sub(1).and_then(|i| all.get(i)).filter(|before| before.section == all[at].section).cloned()
}

/// A page with its neighbours in the same section: where "Back" and "Continue" lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageInSection {
    pub page: Page,
    pub previous: Option<Page>,
    pub next: Option<Page>,
}

/// The page with this id and its neighbours, from one list of pages. Saving a page never
/// changes its own section's pages (choosing tasks adds pages to the next section only), so
/// the answers before a save lead to the same next page as the answers after it.
pub fn locate(id: &str, answers: &Answers) -> Option<PageInSection> {
    let mut all = pages(answers);
    let at = all.iter().position(|p| p.id == id)?;
    let section = all[at].section;
    let next = all.get(at + 1).filter(|next| next.section == section).cloned();
    let previous = at.checked_sub(1).and_then(|i| all.get(i)).filter(|before| before.section == section).cloned();
    Some(PageInSection { page: all.swap_remove(at), previous, next })
}

/// Something wrong with one answer. Only over-long text can really happen from the portal's
/// own pages; the others come from hand-made requests and are refused all the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    TooLong { question: String, max: usize, count: usize },
    NotAnOption { question: String },
}

impl Page {
    /// Reads this page's fields from the posted form (name, value pairs; a ticked box is posted
    /// under [`checkbox_name`]) into its answers to store, or every problem with them.
    pub fn read(&self, posted: &[(String, String)]) -> Result<PageAnswers, Vec<AnswerProblem>> {
        let field = |name: &str| posted.iter().find(|(posted, _)| posted == name).map(|(_, value)| value.as_str());
        let mut answers = Vec::new();
        let mut problems = Vec::new();
        for question in &self.questions {
            let id = &question.id;
            let raw = field(id).unwrap_or_default();
            let answer = match question.kind {
                Kind::Choice(_) if raw.is_empty() => None,
                Kind::Choice(options) if options.contains(&raw) => Some(Answer::Choice(raw.to_owned())),
                Kind::Choice(_) => {
                    problems.push(AnswerProblem::NotAnOption { question: id.clone() });
                    continue;
                }
                Kind::Choices(options) => {
                    let ticked: Vec<String> = options
                        .iter()
                        .filter(|option| field(&checkbox_name(id, option)).is_some())
                        .map(|option| (*option).to_owned())
                        .collect();
                    (!ticked.is_empty()).then_some(Answer::Choices(ticked))
                }
                Kind::Short | Kind::Long => {
                    let max = if question.kind == Kind::Short { SHORT_MAX } else { LONG_MAX };
                    let text = raw.trim();
                    let count = text.chars().count();
                    if count > max {
                        problems.push(AnswerProblem::TooLong { question: id.clone(), max, count });
                        continue;
                    }
                    (!text.is_empty()).then(|| Answer::Text(text.to_owned()))
                }
            };
            answers.push((id.clone(), answer));
        }
        if problems.is_empty() {
            Ok(PageAnswers::new(self.id.clone(), answers))
        } else {
            Err(problems)
        }
    }

    /// The saved answers as the page's form fields (a ticked box is a field of its own).
    pub fn form_values(&self, answers: &Answers) -> Vec<(String, String)> {
        let mut values = Vec::new();
        for question in &self.questions {
            match answers.get(&question.id) {
                Some(Answer::Choices(codes)) => {
                    values.extend(codes.iter().map(|code| (checkbox_name(&question.id, code), "yes".to_owned())));
                }
                Some(Answer::Choice(text) | Answer::Text(text)) => values.push((question.id.clone(), text.clone())),
                None => {}
            }
        }
        values
    }
}

/// The form field of one checkbox: `tasks-meals`.
pub fn checkbox_name(question: &str, option: &str) -> String {
    format!("{question}-{option}")
}

impl crate::domain::Problem for AnswerProblem {
    fn field(&self) -> String {
        match self {
            AnswerProblem::TooLong { question, .. } | AnswerProblem::NotAnOption { question } => question.clone(),
        }
    }

    fn message(&self, locale: crate::kit::i18n::Locale) -> String {
        use crate::kit::i18n::Text;
        match self {
            AnswerProblem::TooLong { max, count, .. } => {
                locale.fill(Text::AssessmentErrorsTooLong, &[("max", &max.to_string()), ("count", &count.to_string())])
            }
            AnswerProblem::NotAnOption { .. } => locale.text(Text::AssessmentErrorsNotAnOption).to_owned(),
        }
    }
}
