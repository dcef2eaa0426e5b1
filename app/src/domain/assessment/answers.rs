//! The carer's answers, typed: one option, the ticked boxes, or their own words, by question
//! id; and the answers one page gave, with an unanswered question said so.
//!
//! A stored answer is one string per question (in a draft's rows, in a sent version's JSON
//! and on the wire), ticked boxes joined with `,`. That join and its split are written once,
//! here ([`Answer::stored`], [`Answer::from_stored`]); which shape a stored string takes comes
//! from the question catalogue. An id the catalogue does not ask (any more) is kept as text, so
//! nothing stored is ever lost.
use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::questions::{self, Kind};

/// One question's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// One option's code (radios).
    Choice(String),
    /// The ticked boxes' codes (checkboxes), in the catalogue's order.
    Choices(Vec<String>),
    /// The carer's own words; also an answer to a question the catalogue does not ask.
    Text(String),
}

impl Answer {
    /// The answer stored as `stored` for a question answered the `kind` way (`None`: a
    /// question the catalogue does not ask, kept as text).
    pub fn from_stored(kind: Option<Kind>, stored: String) -> Answer {
        match kind {
            Some(Kind::Choice(_)) => Answer::Choice(stored),
            Some(Kind::Choices(_)) if stored.is_empty() => Answer::Choices(Vec::new()),
            Some(Kind::Choices(_)) => Answer::Choices(stored.split(',').map(str::to_owned).collect()),
            Some(Kind::Short | Kind::Long) | None => Answer::Text(stored),
        }
    }

    /// The answer as stored: ticked boxes joined with `,`.
    pub fn stored(&self) -> Cow<'_, str> {
        match self {
            Answer::Choice(text) | Answer::Text(text) => Cow::Borrowed(text),
            Answer::Choices(codes) => Cow::Owned(codes.join(",")),
        }
    }

    /// Whether it says anything: an empty text, choice or set of ticks is no answer.
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Choice(text) | Answer::Text(text) => !text.is_empty(),
            Answer::Choices(codes) => !codes.is_empty(),
        }
    }

    /// The option chosen or the words written; `None` for ticked boxes.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Answer::Choice(text) | Answer::Text(text) => Some(text),
            Answer::Choices(_) => None,
        }
    }

    /// The codes of the options chosen: the one radio, or every ticked box.
    pub fn codes(&self) -> Vec<&str> {
        match self {
            Answer::Choice(code) if !code.is_empty() => vec![code.as_str()],
            Answer::Choices(codes) => codes.iter().map(String::as_str).collect(),
            Answer::Choice(_) | Answer::Text(_) => Vec::new(),
        }
    }
}

/// What has been saved so far (or sent): question id → answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Answers from their stored strings (a draft's rows, a sent version's JSON), each typed
    /// by its question's kind.
    pub fn from_stored(stored: impl IntoIterator<Item = (String, String)>) -> Answers {
        let catalogue = questions::every_question();
        let kind_of = |id: &str| catalogue.iter().find(|q| q.id == id).map(|q| q.kind);
        Answers(stored.into_iter().map(|(id, value)| (id.clone(), Answer::from_stored(kind_of(&id), value))).collect())
    }

    /// Each answer as stored, by question id.
    pub fn stored(&self) -> impl Iterator<Item = (&str, Cow<'_, str>)> {
        self.0.iter().map(|(id, answer)| (id.as_str(), answer.stored()))
    }

    /// The answer to a question, if one was given (an empty answer is none).
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id).filter(|answer| answer.is_answered())
    }

    /// The option chosen or the words written for a question, if answered.
    pub fn text(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(Answer::as_str)
    }

    /// The codes chosen for a question: its radio or its ticked boxes (none if unanswered).
    pub fn codes(&self, id: &str) -> Vec<&str> {
        self.get(id).map(Answer::codes).unwrap_or_default()
    }

    pub fn is_answered(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    pub fn insert(&mut self, id: impl Into<String>, answer: Answer) -> Option<Answer> {
        self.0.insert(id.into(), answer)
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.0.remove(id)
    }

    /// A page saved: what it answered replaces what was there, and what it left unanswered
    /// is removed (as the store saves it).
    pub fn apply(&mut self, page: &PageAnswers) {
        for (id, answer) in page.iter() {
            match answer {
                Some(answer) => self.0.insert(id.to_owned(), answer.clone()),
                None => self.0.remove(id),
            };
        }
    }

    /// Every question id with an entry, answered or not, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(id, answer)| (id.as_str(), answer))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(answers: I) -> Answers {
        Answers(answers.into_iter().collect())
    }
}

/// Stored and sent as today: a JSON object of question id → string.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.stored())
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answers, D::Error> {
        BTreeMap::<String, String>::deserialize(deserializer).map(Answers::from_stored)
    }
}

/// The answers one page gave, every question of the page in order: `None` when it was left
/// unanswered (saving removes what was there). Only [`Page::read`](super::Page::read) makes
/// one, so every answer in it is one the page allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageAnswers {
    page: String,
    answers: Vec<(String, Option<Answer>)>,
}

impl PageAnswers {
    pub(super) fn new(page: String, answers: Vec<(String, Option<Answer>)>) -> PageAnswers {
        PageAnswers { page, answers }
    }

    /// The page's id, marked as seen when it is saved.
    pub fn page(&self) -> &str {
        &self.page
    }

    /// Each question's answer, `None` when unanswered.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Option<&Answer>)> {
        self.answers.iter().map(|(id, answer)| (id.as_str(), answer.as_ref()))
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.answers.iter().find(|(question, _)| question == id).and_then(|(_, answer)| answer.as_ref())
    }
}
