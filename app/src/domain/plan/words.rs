//! "Write it in my own words": one long text split into parts, each given a proposed plan
//! section and the reason for it, which the person then accepts or changes.
//!
//! The rules come from the plan's section headings and the procedure's description of each
//! section (Lincolnshire, Care and Support Planning section 3: "About me (where I live, who
//! with, age, past history, employment)", "What is important to me? (religion, friends,
//! family, pets, hobbies)" and so on), in English and Polish:
//! 1. a part that starts with a section's heading goes to that section;
//! 2. otherwise the section whose clue words appear most often in it (ties: the earlier one);
//! 3. with no clue words, "About me", and the person is asked to check it.
use serde::{Deserialize, Serialize};

use super::PlanSection;

/// Why a part was put where it was, to explain it to the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Because {
    /// It starts with the section's heading.
    Heading,
    /// It has these clue words.
    Words(Vec<String>),
    /// Nothing pointed anywhere: the person should choose.
    NoClue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedPart {
    pub text: String,
    pub section: PlanSection,
    pub because: Because,
}

fn headings(section: PlanSection) -> &'static [&'static str] {
    match section {
        PlanSection::AboutMe => &["about me", "o mnie"],
        PlanSection::ImportantToMe => &["what is important to me", "what's important to me", "co jest dla mnie ważne"],
        PlanSection::Working => &["what is working", "what's working", "co działa"],
        PlanSection::NotWorking => {
            &["what is not working", "what isn't working", "what's not working", "co nie działa"]
        }
        PlanSection::WantToAchieve => &["what i want to achieve", "co chcę osiągnąć"],
        PlanSection::Risks => &["how risks will be managed", "risks", "ryzyko"],
        PlanSection::WhoCares => &["who i want to care for me", "kto ma się mną opiekować"],
        PlanSection::Contingency => &["my contingency plan", "contingency plan", "plan awaryjny"],
    }
}

/// Clue words and phrases, matched as whole words; a trailing `*` matches any ending, so
/// "fall*" finds "falls" and "falling" (and "cat" does not find "catalogue").
fn clues(section: PlanSection) -> &'static [&'static str] {
    match section {
        PlanSection::AboutMe => &[
            "i live",
            "live with",
            "years old",
            "my age",
            "born",
            "grew up",
            "i worked",
            "my job",
            "retired",
            "mieszkam",
            "lat",
            "urodził*",
            "pracował*",
        ],
        PlanSection::ImportantToMe => &[
            "important",
            "matters",
            "religion",
            "church",
            "mosque",
            "temple",
            "faith",
            "pray*",
            "friend*",
            "family",
            "pet",
            "pets",
            "dog",
            "cat",
            "hobb*",
            "love*",
            "enjoy*",
            "ważn*",
            "rodzin*",
            "przyjaci*",
            "kościół",
            "pies",
            "kot",
            "lubię*",
            "kocham*",
        ],
        PlanSection::Working => &[
            "happy with",
            "going well",
            "goes well",
            "works well",
            "working well",
            "helps me",
            "is good",
            "dobrze",
            "pomaga",
            "zadowolon*",
        ],
        PlanSection::NotWorking => &[
            "not going well",
            "not working",
            "doesn't work",
            "does not work",
            "struggl*",
            "difficult",
            "hard for",
            "problem",
            "can't",
            "cannot",
            "worr*",
            "lonely*",
            "trudn*",
            "problem",
            "nie radzę",
            "martwi*",
            "samotn*",
        ],
        PlanSection::WantToAchieve => &[
            "i want",
            "i'd like",
            "i would like",
            "would love to",
            "hope*",
            "goal",
            "achieve*",
            "budget",
            "equipment",
            "chcę",
            "chciał*",
            "marzę",
            "mam nadzieję",
            "sprzęt*",
        ],
        PlanSection::Risks => &[
            "risk*",
            "fall*",
            "safe*",
            "danger*",
            "unsafe",
            "wander*",
            "choke*",
            "ryzyk*",
            "upad*",
            "bezpiecz*",
            "niebezpiecz*",
        ],
        PlanSection::WhoCares => &[
            "care for me",
            "look after me",
            "looks after me",
            "support worker",
            "my carer",
            "who will",
            "help me with",
            "opiekuje się mną",
            "opiekunk*",
            "pomaga mi",
        ],
        PlanSection::Contingency => &[
            "if my",
            "if i",
            "emergenc*",
            "contingency",
            "back-up",
            "backup",
            "in case",
            "hospital",
            "taken ill",
            "fails",
            "jeśli",
            "gdyby",
            "nagł*",
            "szpital*",
            "awaryj*",
        ],
    }
}

/// The word in `text` that `clue` matches, if any (both already lower case).
fn find_clue(text: &str, clue: &str) -> Option<String> {
    let (stem, any_ending) = match clue.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (clue, false),
    };
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'';
    text.match_indices(stem).find_map(|(at, _)| {
        let starts_word = !text[..at].chars().next_back().is_some_and(is_word_char);
        let rest = &text[at + stem.len()..];
        let ending: String = rest.chars().take_while(|c| is_word_char(*c)).collect();
        (starts_word && (any_ending || ending.is_empty())).then(|| format!("{stem}{ending}"))
    })
}

/// Splits on blank lines; a single paragraph is split into sentences, so one long message
/// still gets a section per idea.
fn parts(text: &str) -> Vec<String> {
    let paragraphs: Vec<String> =
        text.replace("\r\n", "\n").split("\n\n").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect();
    if paragraphs.len() > 1 {
        return paragraphs;
    }
    let Some(only) = paragraphs.into_iter().next() else { return Vec::new() };
    let mut sentences = Vec::new();
    let mut current = String::new();
    for c in only.chars() {
        current.push(c);
        if matches!(c, '.' | '!' | '?') {
            sentences.push(std::mem::take(&mut current).trim().to_owned());
        }
    }
    if !current.trim().is_empty() {
        sentences.push(current.trim().to_owned());
    }
    sentences.retain(|s| !s.is_empty());
    sentences
}

fn propose(part: String) -> ProposedPart {
    let lower = part.to_lowercase();
    let start = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    for section in PlanSection::ALL {
        if headings(section).iter().any(|h| start.starts_with(h)) {
            return ProposedPart { text: part, section, because: Because::Heading };
        }
    }
    let mut best: Option<(PlanSection, Vec<String>)> = None;
    for section in PlanSection::ALL {
        let found: Vec<String> = clues(section).iter().filter_map(|clue| find_clue(&lower, clue)).collect();
        if !found.is_empty() && best.as_ref().is_none_or(|(_, words)| found.len() > words.len()) {
            best = Some((section, found));
        }
    }
    match best {
        Some((section, words)) => ProposedPart { text: part, section, because: Because::Words(words) },
        None => ProposedPart { text: part, section: PlanSection::AboutMe, because: Because::NoClue },
    }
}

/// The person's text, split into parts, each with a proposed section.
pub fn propose_sections(text: &str) -> Vec<ProposedPart> {
    parts(text).into_iter().map(propose).collect()
}
