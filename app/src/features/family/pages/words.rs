//! The words for records that can be shared, scopes and invitation statuses.
use crate::domain::family::InvitationStatus;
use crate::kit::i18n::{Locale, Text};
use crate::policy::{Record, Scope};

pub fn record(locale: Locale, record: Record) -> &'static str {
    locale.text(match record {
        Record::Profile => Text::FamilyRecordsProfile,
        Record::Assessment => Text::FamilyRecordsAssessment,
        Record::Plan => Text::FamilyRecordsPlan,
        Record::Budget => Text::FamilyRecordsBudget,
        Record::Reviews => Text::FamilyRecordsReviews,
        Record::EmergencyPlan => Text::FamilyRecordsEmergencyPlan,
    })
}

pub fn records(locale: Locale, records: &[Record]) -> String {
    if records.is_empty() {
        return locale.text(Text::FamilyNothingShared).to_owned();
    }
    records.iter().map(|r| record(locale, *r)).collect::<Vec<_>>().join(", ")
}

pub fn scope(locale: Locale, scope: Scope) -> &'static str {
    locale.text(match scope {
        Scope::View => Text::FamilyScopesView,
        Scope::Edit => Text::FamilyScopesEdit,
    })
}

pub fn status(locale: Locale, status: InvitationStatus) -> &'static str {
    locale.text(match status {
        InvitationStatus::Open => Text::FamilyStatusesOpen,
        InvitationStatus::Accepted => Text::FamilyStatusesAccepted,
        InvitationStatus::Declined => Text::FamilyStatusesDeclined,
        InvitationStatus::Withdrawn => Text::FamilyStatusesWithdrawn,
    })
}

/// The checkbox fields for sharing `records`, ticked where `shared` has them.
pub fn share_options(locale: Locale, records: &[Record]) -> Vec<(String, String)> {
    records.iter().map(|r| (format!("share_{}", r.code()), record(locale, *r).to_owned())).collect()
}
