//! The words for the emergency plan's fields, reasons and freshness.
use crate::domain::emergency::{Freshness, LookupReason};
use crate::kit::i18n::{Locale, Text};

/// The label and hint of each field of the plan's words, in the order of `DETAIL_FIELDS`.
pub fn detail(locale: Locale, field: &str) -> (&'static str, &'static str) {
    let (label, hint) = match field {
        "cared_for" => (Text::EmergencyFieldsCaredFor, Text::EmergencyFieldsCaredForHint),
        "routines" => (Text::EmergencyFieldsRoutines, Text::EmergencyFieldsRoutinesHint),
        "needs" => (Text::EmergencyFieldsNeeds, Text::EmergencyFieldsNeedsHint),
        "medication" => (Text::EmergencyFieldsMedication, Text::EmergencyFieldsMedicationHint),
        "mobility" => (Text::EmergencyFieldsMobility, Text::EmergencyFieldsMobilityHint),
        "communication" => (Text::EmergencyFieldsCommunication, Text::EmergencyFieldsCommunicationHint),
        "gp" => (Text::EmergencyFieldsGp, Text::EmergencyFieldsGpHint),
        _ => (Text::EmergencyFieldsAnythingElse, Text::EmergencyFieldsAnythingElseHint),
    };
    (locale.text(label), locale.text(hint))
}

pub fn reason(locale: Locale, reason: LookupReason) -> &'static str {
    locale.text(match reason {
        LookupReason::CarerUnwell => Text::EmergencyReasonsCarerUnwell,
        LookupReason::CarerUnreachable => Text::EmergencyReasonsCarerUnreachable,
        LookupReason::CarerCalled => Text::EmergencyReasonsCarerCalled,
        LookupReason::Other => Text::EmergencyReasonsOther,
    })
}

/// Whether (and when) a contact agreed to be contacted.
pub fn agreement(locale: Locale, agreed_on: Option<&str>) -> String {
    match agreed_on {
        Some(on) => locale.fill(Text::EmergencyContactAgreedOn, &[("date", on)]),
        None => locale.text(Text::EmergencyContactNotAgreed).to_owned(),
    }
}

/// A GOV.UK tag for how current the plan is.
pub fn freshness_tag(locale: Locale, freshness: Freshness) -> (&'static str, &'static str) {
    match freshness {
        Freshness::NotConfirmed => ("govuk-tag govuk-tag--yellow", locale.text(Text::EmergencyFreshnessNotConfirmed)),
        Freshness::Current { .. } => ("govuk-tag govuk-tag--green", locale.text(Text::EmergencyFreshnessCurrent)),
        Freshness::DueSoon { .. } => ("govuk-tag govuk-tag--yellow", locale.text(Text::EmergencyFreshnessDueSoon)),
        Freshness::Overdue { .. } => ("govuk-tag govuk-tag--red", locale.text(Text::EmergencyFreshnessOverdue)),
    }
}
