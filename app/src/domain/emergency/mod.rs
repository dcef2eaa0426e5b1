//! A carer's emergency plan (the Carers Emergency Response Service): what must happen if the
//! carer suddenly cannot care, who to contact (each having agreed), and a card with an
//! unguessable code and no personal details that a responder uses to find the plan.
//!
//! A plan can be saved a bit at a time with anything missing; confirming that it is right
//! needs the essentials, and it should be confirmed again every year. The rules here read plain
//! values; the form's fields become these types in `features::emergency::wire`.
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

mod card;
mod plan;
pub use card::CardCode;
pub use plan::{EmergencyPlan, Lookup};

pub const TEXT_MAX: usize = 2000;
pub const NAME_MAX: usize = 100;
pub const PHONE_MAX: usize = 30;
/// Contacts a carer can name (the form shows this many).
pub const CONTACTS: usize = 3;
/// How long a responder can read the plan they looked up before looking it up again.
pub const LOOKUP_MINUTES: i64 = 120;
/// The words of the plan, field by field, in the order the form asks for them.
pub const DETAIL_FIELDS: [&str; 8] =
    ["cared_for", "routines", "needs", "medication", "mobility", "communication", "gp", "anything_else"];

/// What the carer wrote about the person they care for. Every part may be left for later.
/// Stored as `{"words": {field: text}}`, with only the fields filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyDetails {
    pub words: DetailWords,
}

/// The carer's words, one per field of `DETAIL_FIELDS`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DetailWords {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cared_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routines: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobility: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communication: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anything_else: Option<String>,
}

impl EmergencyDetails {
    /// The words of one field of `DETAIL_FIELDS`, if the carer wrote any.
    pub fn get(&self, field: &str) -> Option<&str> {
        let words = &self.words;
        let text = match field {
            "cared_for" => &words.cared_for,
            "routines" => &words.routines,
            "needs" => &words.needs,
            "medication" => &words.medication,
            "mobility" => &words.mobility,
            "communication" => &words.communication,
            "gp" => &words.gp,
            "anything_else" => &words.anything_else,
            _ => return None,
        };
        text.as_deref()
    }
}

/// One field of the plan's words as typed: trimmed and within its limit (who is cared for is a
/// name, so shorter), or `None` when left for later.
pub fn detail(field: &str, input: &str) -> Result<Option<String>, EmergencyProblem> {
    let max = if field == "cared_for" { NAME_MAX } else { TEXT_MAX };
    optional_text(field, input, max)
}

/// How to get into the home as typed; `None` keeps what was saved before.
pub fn home_access(input: &str) -> Result<Option<String>, EmergencyProblem> {
    optional_text("home_access", input, TEXT_MAX)
}

fn optional_text(field: &str, input: &str, max: usize) -> Result<Option<String>, EmergencyProblem> {
    BoundedText::optional(input, max)
        .map(|text| text.map(BoundedText::into_inner))
        .map_err(|p| EmergencyProblem::text(field, p))
}

/// Someone to contact, and the day the carer recorded that they agreed to be contacted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyContact {
    pub name: String,
    pub relationship: String,
    pub phone: String,
    pub agreed_on: Option<NaiveDate>,
}

/// A contact as the carer typed them: whether they have agreed, not yet since when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactEntry {
    pub name: String,
    pub relationship: String,
    pub phone: String,
    pub agreed: bool,
}

impl ContactEntry {
    /// Contact number `n` (from 1) as typed: `None` when every box is empty; otherwise a name
    /// and a phone number people can dial.
    pub fn new(
        n: usize,
        name: &str,
        relationship: &str,
        phone: &str,
        agreed: bool,
    ) -> Result<Option<ContactEntry>, Vec<EmergencyProblem>> {
        let key = |part: &str| format!("contact{n}_{part}");
        let name = BoundedText::optional(name, NAME_MAX);
        let relationship = BoundedText::optional(relationship, NAME_MAX);
        let phone = phone.trim().to_owned();
        let (name, relationship) = match (name, relationship) {
            (Ok(name), Ok(relationship)) => (name, relationship),
            (name, relationship) => {
                let name = name.err().map(|problem| EmergencyProblem::text(&key("name"), problem));
                let relationship =
                    relationship.err().map(|problem| EmergencyProblem::text(&key("relationship"), problem));
                return Err(name.into_iter().chain(relationship).collect());
            }
        };
        if name.is_none() && relationship.is_none() && phone.is_empty() {
            if agreed {
                return Err(vec![EmergencyProblem { field: key("name"), kind: Kind::ContactName }]);
            }
            return Ok(None);
        }
        let Some(name) = name else {
            return Err(vec![EmergencyProblem { field: key("name"), kind: Kind::ContactName }]);
        };
        if !is_phone_number(&phone) {
            return Err(vec![EmergencyProblem { field: key("phone"), kind: Kind::Phone }]);
        }
        Ok(Some(ContactEntry {
            name: name.into_inner(),
            relationship: relationship.map(BoundedText::into_inner).unwrap_or_default(),
            phone,
            agreed,
        }))
    }

    /// Dates the agreement: a contact in `previous` (those saved before) who had already agreed
    /// keeps the day they agreed on; a new tick is today.
    pub fn dated(self, previous: &[EmergencyContact], today: NaiveDate) -> EmergencyContact {
        let agreed_on = self.agreed.then(|| {
            previous
                .iter()
                .find(|c| c.name == self.name && c.phone == self.phone)
                .and_then(|c| c.agreed_on)
                .unwrap_or(today)
        });
        EmergencyContact { name: self.name, relationship: self.relationship, phone: self.phone, agreed_on }
    }
}

/// The plan as the carer typed it, before each contact's agreement is dated.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct EmergencyPlanEntry {
    pub details: EmergencyDetails,
    pub contacts: Vec<ContactEntry>,
    pub home_access: Option<String>,
}

/// Never how to get in: that is for a responder's audited look-up, not for a log.
impl std::fmt::Debug for EmergencyPlanEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmergencyPlanEntry")
            .field("home_access", &self.home_access.as_ref().map(|_| "(kept secret)"))
            .finish_non_exhaustive()
    }
}

impl EmergencyPlanEntry {
    /// The plan to save. `previous` are the contacts saved before, so a contact who had already
    /// agreed keeps the date they agreed on.
    pub fn dated(self, previous: &[EmergencyContact], today: NaiveDate) -> EmergencyPlanForm {
        EmergencyPlanForm {
            details: self.details,
            contacts: self.contacts.into_iter().map(|c| c.dated(previous, today)).collect(),
            home_access: self.home_access,
        }
    }
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
    /// What is missing before this plan can be confirmed; `home_access_saved` says whether how
    /// to get in was saved before (this form may leave it out to keep it).
    pub fn missing_for_confirmation(&self, home_access_saved: bool) -> Vec<EmergencyProblem> {
        missing_for_confirmation(&self.details, &self.contacts, self.home_access.is_some() || home_access_saved)
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
    Current {
        due: NaiveDate,
    },
    /// The year is nearly up (a month to go).
    DueSoon {
        due: NaiveDate,
    },
    Overdue {
        due: NaiveDate,
    },
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
    /// A look-up as the responder typed it: a well-formed code, a reason, and a note (needed
    /// when the reason is "other").
    pub fn new(code: &str, reason: &str, note: &str) -> Result<LookupRequest, Vec<EmergencyProblem>> {
        let code = CardCode::parse(code).ok_or(EmergencyProblem { field: "code".into(), kind: Kind::CodeFormat });
        let reason = LookupReason::parse(reason).ok_or(EmergencyProblem { field: "reason".into(), kind: Kind::Reason });
        let other = reason.as_ref().is_ok_and(|r| *r == LookupReason::Other);
        let note = match optional_text("note", note, TEXT_MAX) {
            Ok(None) if other => Err(EmergencyProblem { field: "note".into(), kind: Kind::NoteMissing }),
            note => note,
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
        let kind = match problem {
            TextProblem::Missing => Kind::Missing,
            TextProblem::TooLong { max } => Kind::TooLong { max },
        };
        EmergencyProblem { field: field.to_owned(), kind }
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
