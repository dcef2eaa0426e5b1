//! A carer's emergency plan (the Carers Emergency Response Service): what must happen if the
//! carer suddenly cannot care, who to contact (each having agreed), and a card with an
//! unguessable code and no personal details that a responder uses to find the plan.
//!
//! A plan can be saved a bit at a time with anything missing; confirming that it is right
//! needs the essentials, and it should be confirmed again every year.
use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

mod card;
pub use card::CardCode;

pub const TEXT_MAX: usize = 2000;
pub const NAME_MAX: usize = 100;
pub const PHONE_MAX: usize = 30;
/// Contacts a carer can name (the form shows this many).
pub const CONTACTS: usize = 3;
/// The words of the plan, field by field, in the order the form asks for them.
pub const DETAIL_FIELDS: [&str; 8] =
    ["cared_for", "routines", "needs", "medication", "mobility", "communication", "gp", "anything_else"];

/// What the carer wrote about the person they care for. Every part may be left for later.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyDetails {
    /// Field name → the carer's words, for the fields in `DETAIL_FIELDS` they filled in.
    pub words: BTreeMap<String, String>,
}

impl EmergencyDetails {
    pub fn get(&self, field: &str) -> Option<&str> {
        self.words.get(field).map(String::as_str)
    }
}

/// Someone to contact, and the day the carer recorded that they agreed to be contacted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyContact {
    pub name: String,
    pub relationship: String,
    pub phone: String,
    pub agreed_on: Option<NaiveDate>,
}

/// The plan as the carer saves it: the words, the contacts, and (when given) a new version of
/// how to get into the home, which is kept apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmergencyPlanForm {
    pub details: EmergencyDetails,
    pub contacts: Vec<EmergencyContact>,
    pub home_access: Option<String>,
}

impl EmergencyPlanForm {
    /// Reads the form. `previous` are the contacts saved before, so a contact who had already
    /// agreed keeps the date they agreed on.
    pub fn parse(
        form: &BTreeMap<String, String>,
        previous: &[EmergencyContact],
        today: NaiveDate,
    ) -> Result<EmergencyPlanForm, Vec<EmergencyProblem>> {
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
        let mut problems = Vec::new();
        let mut words = BTreeMap::new();
        for name in DETAIL_FIELDS {
            let max = if name == "cared_for" { NAME_MAX } else { TEXT_MAX };
            match BoundedText::optional(field(name), max) {
                Ok(Some(text)) => {
                    words.insert(name.to_owned(), text.into_inner());
                }
                Ok(None) => {}
                Err(problem) => problems.push(EmergencyProblem::text(name, problem)),
            }
        }
        let mut contacts = Vec::new();
        for n in 1..=CONTACTS {
            let key = |part: &str| format!("contact{n}_{part}");
            let name = BoundedText::optional(field(&key("name")), NAME_MAX);
            let relationship = BoundedText::optional(field(&key("relationship")), NAME_MAX);
            let phone = field(&key("phone")).trim().to_owned();
            let agreed = field(&key("agreed")) == "yes";
            let (name, relationship) = match (name, relationship) {
                (Ok(name), Ok(relationship)) => (name, relationship),
                (name, relationship) => {
                    if let Err(problem) = name {
                        problems.push(EmergencyProblem::text_owned(key("name"), problem));
                    }
                    if let Err(problem) = relationship {
                        problems.push(EmergencyProblem::text_owned(key("relationship"), problem));
                    }
                    continue;
                }
            };
            if name.is_none() && relationship.is_none() && phone.is_empty() {
                if agreed {
                    problems.push(EmergencyProblem { field: key("name"), kind: Kind::ContactName });
                }
                continue;
            }
            let Some(name) = name else {
                problems.push(EmergencyProblem { field: key("name"), kind: Kind::ContactName });
                continue;
            };
            if !is_phone_number(&phone) {
                problems.push(EmergencyProblem { field: key("phone"), kind: Kind::Phone });
                continue;
            }
            let name = name.into_inner();
            let agreed_on = agreed.then(|| {
                previous.iter().find(|c| c.name == name && c.phone == phone).and_then(|c| c.agreed_on).unwrap_or(today)
            });
            contacts.push(EmergencyContact {
                name,
                relationship: relationship.map(BoundedText::into_inner).unwrap_or_default(),
                phone,
                agreed_on,
            });
        }
        let home_access = match BoundedText::optional(field("home_access"), TEXT_MAX) {
            Ok(text) => text.map(BoundedText::into_inner),
            Err(problem) => {
                problems.push(EmergencyProblem::text("home_access", problem));
                None
            }
        };
        if problems.is_empty() {
            Ok(EmergencyPlanForm { details: EmergencyDetails { words }, contacts, home_access })
        } else {
            Err(problems)
        }
    }
}

/// A phone number as people write them: digits with spaces, dashes, brackets or a leading +,
/// 7 to 15 digits.
pub fn is_phone_number(input: &str) -> bool {
    let input = input.trim();
    let digits = input.chars().filter(char::is_ascii_digit).count();
    input.chars().count() <= PHONE_MAX
        && (7..=15).contains(&digits)
        && input.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0))
}

/// What is missing before a plan can be confirmed as right: a responder needs to know who is
/// cared for, someone to call who has agreed, and how to get in.
pub fn missing_for_confirmation(
    details: &EmergencyDetails,
    contacts: &[EmergencyContact],
    has_home_access: bool,
) -> Vec<EmergencyProblem> {
    let mut missing = Vec::new();
    if details.get("cared_for").is_none() {
        missing.push(EmergencyProblem { field: "cared_for".into(), kind: Kind::CaredForMissing });
    }
    if contacts.is_empty() {
        missing.push(EmergencyProblem { field: "contact1_name".into(), kind: Kind::NoContact });
    }
    for (n, contact) in contacts.iter().enumerate() {
        if contact.agreed_on.is_none() {
            missing.push(EmergencyProblem { field: format!("contact{}_agreed", n + 1), kind: Kind::NotAgreed });
        }
    }
    if !has_home_access {
        missing.push(EmergencyProblem { field: "home_access".into(), kind: Kind::HomeAccessMissing });
    }
    missing
}

/// Whether the carer should be asked to confirm the plan again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Freshness {
    /// Saved but never confirmed.
    NotConfirmed,
    /// Confirmed within the year.
    Current { due: NaiveDate },
    /// The year is nearly up (a month to go).
    DueSoon { due: NaiveDate },
    Overdue { due: NaiveDate },
}

/// Plans are confirmed every year.
pub fn freshness(confirmed_on: Option<NaiveDate>, today: NaiveDate) -> Freshness {
    let Some(confirmed_on) = confirmed_on else { return Freshness::NotConfirmed };
    let due = confirmed_on.checked_add_months(Months::new(12)).unwrap_or(confirmed_on);
    if today > due {
        Freshness::Overdue { due }
    } else if today.checked_add_months(Months::new(1)).is_some_and(|month| month >= due) {
        Freshness::DueSoon { due }
    } else {
        Freshness::Current { due }
    }
}

impl Freshness {
    pub fn needs_attention(self) -> bool {
        !matches!(self, Freshness::Current { .. })
    }
}

choices! {
    /// Why a responder looked a plan up.
    LookupReason { CarerUnwell = "carer_unwell", CarerUnreachable = "carer_unreachable", CarerCalled = "carer_called", Other = "other" }
}

/// A responder's look-up: the card code and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupRequest {
    pub code: CardCode,
    pub reason: LookupReason,
    pub note: Option<String>,
}

impl LookupRequest {
    pub fn parse(form: &BTreeMap<String, String>) -> Result<LookupRequest, Vec<EmergencyProblem>> {
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
        let code = CardCode::parse(field("code")).ok_or(EmergencyProblem { field: "code".into(), kind: Kind::CodeFormat });
        let reason = LookupReason::parse(field("reason")).ok_or(EmergencyProblem { field: "reason".into(), kind: Kind::Reason });
        let other = reason.as_ref().is_ok_and(|r| *r == LookupReason::Other);
        let note = match BoundedText::optional(field("note"), TEXT_MAX) {
            Ok(None) if other => Err(EmergencyProblem { field: "note".into(), kind: Kind::NoteMissing }),
            Ok(note) => Ok(note.map(BoundedText::into_inner)),
            Err(problem) => Err(EmergencyProblem::text("note", problem)),
        };
        match (code, reason, note) {
            (Ok(code), Ok(reason), Ok(note)) => Ok(LookupRequest { code, reason, note }),
            (code, reason, note) => Err([code.err(), reason.err(), note.err()].into_iter().flatten().collect()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Missing,
    TooLong { max: usize },
    ContactName,
    Phone,
    CaredForMissing,
    NoContact,
    NotAgreed,
    HomeAccessMissing,
    CodeFormat,
    CodeUnknown,
    Reason,
    NoteMissing,
}

/// Something wrong with one field of the emergency plan or a look-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmergencyProblem {
    pub field: String,
    pub kind: Kind,
}

impl EmergencyProblem {
    fn text(field: &str, problem: TextProblem) -> EmergencyProblem {
        EmergencyProblem::text_owned(field.to_owned(), problem)
    }

    fn text_owned(field: String, problem: TextProblem) -> EmergencyProblem {
        let kind = match problem {
            TextProblem::Missing => Kind::Missing,
            TextProblem::TooLong { max } => Kind::TooLong { max },
        };
        EmergencyProblem { field, kind }
    }

    pub fn unknown_code() -> EmergencyProblem {
        EmergencyProblem { field: "code".into(), kind: Kind::CodeUnknown }
    }
}

impl Problem for EmergencyProblem {
    fn field(&self) -> String {
        self.field.clone()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self.kind {
            Kind::TooLong { max } => return with_max(locale, Text::EmergencyErrorsTooLong, max),
            Kind::Missing => Text::EmergencyErrorsMissing,
            Kind::ContactName => Text::EmergencyErrorsContactName,
            Kind::Phone => Text::EmergencyErrorsPhone,
            Kind::CaredForMissing => Text::EmergencyErrorsCaredFor,
            Kind::NoContact => Text::EmergencyErrorsNoContact,
            Kind::NotAgreed => Text::EmergencyErrorsNotAgreed,
            Kind::HomeAccessMissing => Text::EmergencyErrorsHomeAccess,
            Kind::CodeFormat => Text::EmergencyErrorsCodeFormat,
            Kind::CodeUnknown => Text::EmergencyErrorsCodeUnknown,
            Kind::Reason => Text::EmergencyErrorsReason,
            Kind::NoteMissing => Text::EmergencyErrorsNote,
        };
        locale.text(text).to_owned()
    }
}

#[cfg(test)]
mod tests;
