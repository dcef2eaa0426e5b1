//! Data rights (UK GDPR): everything the portal holds about one person, as rows per table; a
//! staff member's request to erase it (they type the person's name to show they have the right
//! person, and give the reason, kept in the audit log); and what an erasure did.
use serde::{Deserialize, Serialize};

use super::Problem;
use crate::kit::i18n::{Locale, Text};

/// Everything held about one person: each table's rows (as JSON objects, secrets left out) and
/// the keys of their files in the file store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonalData {
    pub tables: Vec<TableRows>,
    pub file_keys: Vec<String>,
}

/// Who a copy of a person's data is for: a few columns are for one and not the other (see
/// `WITHHELD` in the store and `docs/RETENTION.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The person themselves (right of access).
    Themselves,
    /// Council staff handling a request about them.
    Staff,
}

/// One table's rows about the person.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRows {
    pub table: &'static str,
    pub rows: Vec<serde_json::Value>,
}

/// What an erasure did, table by table (for the audit log and the staff member's page).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Erasure {
    /// Rows deleted, and rows kept with the names overwritten.
    pub deleted: u64,
    pub anonymised: u64,
    /// Files the erased records named, to delete from the file store.
    pub file_keys: Vec<String>,
}

/// A confirmed erasure: the right person, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErasureRequest {
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureProblem {
    NameMissing,
    NameDiffers,
    ReasonMissing,
    ReasonTooLong,
}

impl ErasureRequest {
    pub const REASON_MAX: usize = 500;

    /// `typed` must be the person's name as their account has it (case and spaces aside).
    pub fn parse(typed: &str, name: &str, reason: &str) -> Result<ErasureRequest, Vec<ErasureProblem>> {
        let mut problems = Vec::new();
        let plain = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if typed.trim().is_empty() {
            problems.push(ErasureProblem::NameMissing);
        } else if plain(typed) != plain(name) {
            problems.push(ErasureProblem::NameDiffers);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            problems.push(ErasureProblem::ReasonMissing);
        } else if reason.chars().count() > Self::REASON_MAX {
            problems.push(ErasureProblem::ReasonTooLong);
        }
        if problems.is_empty() {
            Ok(ErasureRequest { reason: reason.to_owned() })
        } else {
            Err(problems)
        }
    }
}

impl Problem for ErasureProblem {
    fn field(&self) -> String {
        match self {
            ErasureProblem::NameMissing | ErasureProblem::NameDiffers => "confirm_name",
            ErasureProblem::ReasonMissing | ErasureProblem::ReasonTooLong => "reason",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            ErasureProblem::NameMissing => locale.text(Text::DataRightsNameMissing).to_owned(),
            ErasureProblem::NameDiffers => locale.text(Text::DataRightsNameDiffers).to_owned(),
            ErasureProblem::ReasonMissing => locale.text(Text::DataRightsReasonMissing).to_owned(),
            ErasureProblem::ReasonTooLong => {
                super::with_max(locale, Text::DataRightsReasonTooLong, ErasureRequest::REASON_MAX)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_must_match_the_account_and_a_reason_be_given() {
        assert_eq!(
            ErasureRequest::parse("  sam   CARER ", "Sam Carer", " Asked by email ").unwrap().reason,
            "Asked by email"
        );
        assert_eq!(ErasureRequest::parse("", "Sam Carer", "x"), Err(vec![ErasureProblem::NameMissing]));
        assert_eq!(
            ErasureRequest::parse("Pat", "Sam Carer", ""),
            Err(vec![ErasureProblem::NameDiffers, ErasureProblem::ReasonMissing])
        );
        let long = "x".repeat(ErasureRequest::REASON_MAX + 1);
        assert_eq!(ErasureRequest::parse("Sam Carer", "Sam Carer", &long), Err(vec![ErasureProblem::ReasonTooLong]));
    }
}
