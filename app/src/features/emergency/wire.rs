//! What the emergency pages and their server functions send each other: the carer's plan, a
//! responder's look-up, the notice in the cared-for person's plan, and the two forms with the
//! conversions that turn them into the domain's types.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::emergency::{
    detail, home_access, ContactEntry, DetailWords, EmergencyContact, EmergencyDetails, EmergencyPlan,
    EmergencyPlanEntry, EmergencyProblem, Freshness, Lookup, LookupReason, LookupRequest,
};
use crate::kit::forms::text_form;
use crate::kit::i18n::Locale;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    pub name: String,
    pub relationship: String,
    pub phone: String,
    pub agreed_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupView {
    pub id: i64,
    pub at: String,
    pub by: String,
    pub reason: LookupReason,
    pub note: Option<String>,
}

/// A carer's emergency plan as their own page shows it (how to get in is never part of it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyPlanView {
    pub details: EmergencyDetails,
    pub contacts: Vec<ContactView>,
    pub home_access_saved_on: Option<String>,
    pub updated_on: String,
    pub confirmed_on: Option<String>,
    pub freshness: Freshness,
    pub due_on: Option<String>,
    /// The card's code, grouped for reading.
    pub card: Option<String>,
    pub lookups: Vec<LookupView>,
}

/// What a responder sees for one look-up: the plan, the contacts and how to get in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupResult {
    pub lookup: LookupView,
    pub carer_name: String,
    pub details: EmergencyDetails,
    pub contacts: Vec<ContactView>,
    pub home_access: Option<String>,
    pub confirmed_on: Option<String>,
    pub freshness: Freshness,
}

/// A carer's plan as it shows in the cared-for person's Care and Support Plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarerPlanNotice {
    pub carer_name: String,
    pub confirmed_on: Option<String>,
    pub freshness: Freshness,
}

impl LookupView {
    pub fn from_record(lookup: Lookup, locale: Locale) -> LookupView {
        LookupView {
            id: lookup.id,
            at: locale.date_time(lookup.at),
            by: lookup.responder_name,
            reason: lookup.reason,
            note: lookup.note,
        }
    }
}

impl EmergencyPlanView {
    /// The plan as the carer's own page shows it, with who has looked it up.
    pub fn from_record(plan: EmergencyPlan, lookups: Vec<Lookup>, locale: Locale, today: NaiveDate) -> Self {
        let freshness = plan.freshness(today);
        let due_on = match freshness {
            Freshness::Current { due } | Freshness::DueSoon { due } | Freshness::Overdue { due } => {
                Some(locale.long_date(due))
            }
            Freshness::NotConfirmed => None,
        };
        EmergencyPlanView {
            contacts: contact_views(&plan.contacts, locale),
            home_access_saved_on: plan.home_access_updated_at.map(|d| locale.long_date(d.date_naive())),
            updated_on: locale.long_date(plan.updated_at.date_naive()),
            confirmed_on: plan.confirmed_at.map(|d| locale.long_date(d.date_naive())),
            freshness,
            due_on,
            card: plan.card.map(|c| c.grouped()),
            lookups: lookups.into_iter().map(|l| LookupView::from_record(l, locale)).collect(),
            details: plan.details,
        }
    }
}

impl LookupResult {
    /// The plan as the responder behind `lookup` reads it, with how to get in.
    pub fn from_record(
        plan: EmergencyPlan,
        lookup: Lookup,
        home_access: Option<String>,
        locale: Locale,
        today: NaiveDate,
    ) -> LookupResult {
        LookupResult {
            freshness: plan.freshness(today),
            confirmed_on: plan.confirmed_at.map(|d| locale.long_date(d.date_naive())),
            contacts: contact_views(&plan.contacts, locale),
            carer_name: plan.carer_name,
            details: plan.details,
            home_access,
            lookup: LookupView::from_record(lookup, locale),
        }
    }
}

impl CarerPlanNotice {
    /// That the carer has a plan and when they confirmed it, nothing of what it says.
    pub fn from_record(plan: EmergencyPlan, locale: Locale, today: NaiveDate) -> CarerPlanNotice {
        CarerPlanNotice {
            freshness: plan.freshness(today),
            confirmed_on: plan.confirmed_at.map(|d| locale.long_date(d.date_naive())),
            carer_name: plan.carer_name,
        }
    }
}

fn contact_views(contacts: &[EmergencyContact], locale: Locale) -> Vec<ContactView> {
    contacts
        .iter()
        .map(|c| ContactView {
            name: c.name.clone(),
            relationship: c.relationship.clone(),
            phone: c.phone.clone(),
            agreed_on: c.agreed_on.map(|d| locale.long_date(d)),
        })
        .collect()
}

/// The emergency plan form as posted: the words, three contacts (a ticked box posts `yes`),
/// how to get in, and which button was pressed (`confirm=yes` also confirms the plan).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyPlanFields {
    pub cared_for: String,
    pub routines: String,
    pub needs: String,
    pub medication: String,
    pub mobility: String,
    pub communication: String,
    pub gp: String,
    pub anything_else: String,
    pub contact1_name: String,
    pub contact1_relationship: String,
    pub contact1_phone: String,
    pub contact1_agreed: String,
    pub contact2_name: String,
    pub contact2_relationship: String,
    pub contact2_phone: String,
    pub contact2_agreed: String,
    pub contact3_name: String,
    pub contact3_relationship: String,
    pub contact3_phone: String,
    pub contact3_agreed: String,
    pub home_access: String,
    pub confirm: String,
}

impl EmergencyPlanFields {
    /// Whether the carer pressed "confirm" rather than "save".
    pub fn confirms(&self) -> bool {
        self.confirm == "yes"
    }
}

impl TryFrom<EmergencyPlanFields> for EmergencyPlanEntry {
    type Error = Vec<EmergencyProblem>;

    fn try_from(form: EmergencyPlanFields) -> Result<Self, Self::Error> {
        let mut problems = Vec::new();
        let mut text = |checked: Result<Option<String>, EmergencyProblem>| {
            checked.unwrap_or_else(|problem| {
                problems.push(problem);
                None
            })
        };
        let words = DetailWords {
            cared_for: text(detail("cared_for", &form.cared_for)),
            routines: text(detail("routines", &form.routines)),
            needs: text(detail("needs", &form.needs)),
            medication: text(detail("medication", &form.medication)),
            mobility: text(detail("mobility", &form.mobility)),
            communication: text(detail("communication", &form.communication)),
            gp: text(detail("gp", &form.gp)),
            anything_else: text(detail("anything_else", &form.anything_else)),
        };
        let home_access = text(home_access(&form.home_access));
        let typed = [
            (&form.contact1_name, &form.contact1_relationship, &form.contact1_phone, &form.contact1_agreed),
            (&form.contact2_name, &form.contact2_relationship, &form.contact2_phone, &form.contact2_agreed),
            (&form.contact3_name, &form.contact3_relationship, &form.contact3_phone, &form.contact3_agreed),
        ];
        let mut contacts = Vec::new();
        for (n, (name, relationship, phone, agreed)) in typed.into_iter().enumerate() {
            match ContactEntry::new(n + 1, name, relationship, phone, agreed == "yes") {
                Ok(contact) => contacts.extend(contact),
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(EmergencyPlanEntry { details: EmergencyDetails { words }, contacts, home_access })
        } else {
            Err(problems)
        }
    }
}

// How to get into someone's home is told to a responder at a look-up, audited, and never to a
// log: these say whose and what, never the words.
impl std::fmt::Debug for EmergencyPlanFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmergencyPlanFields").field("confirm", &self.confirm).finish_non_exhaustive()
    }
}

impl std::fmt::Debug for LookupResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LookupResult").field("lookup", &self.lookup).finish_non_exhaustive()
    }
}

text_form! {
    /// A responder's look-up as posted: the card code, a reason's code, and a note.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct LookupForm { code, reason, note }
    parsed by LookupRequest::new(code, reason, note) -> Vec<EmergencyProblem>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_can_be_saved_with_anything_missing() {
        let form = EmergencyPlanFields { routines: "  Up at 7  ".into(), ..EmergencyPlanFields::default() };
        let plan = EmergencyPlanEntry::try_from(form).unwrap();
        assert_eq!(plan.details.get("routines"), Some("Up at 7"));
        assert!(plan.contacts.is_empty());
        assert_eq!(plan.home_access, None);
    }

    #[test]
    fn how_to_get_into_a_home_never_reaches_a_log() {
        let form = EmergencyPlanFields { home_access: "Key safe 4471 by the back door".into(), ..Default::default() };
        assert!(!format!("{form:?}").contains("4471"));
        let plan = EmergencyPlanEntry::try_from(form).unwrap();
        assert_eq!(plan.home_access.as_deref(), Some("Key safe 4471 by the back door"));
        assert!(!format!("{plan:?}").contains("4471"));
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let form = EmergencyPlanFields {
            cared_for: "a".repeat(101),
            contact1_phone: "01632 960 001".into(),
            contact2_name: "Jo".into(),
            contact2_phone: "call me".into(),
            contact3_name: "Ali".into(),
            contact3_phone: "01632 960 002".into(),
            contact3_agreed: "yes".into(),
            ..EmergencyPlanFields::default()
        };
        let problems = EmergencyPlanEntry::try_from(form).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["cared_for", "contact1_name", "contact2_phone"]);
    }

    #[test]
    fn a_ticked_box_means_the_contact_agreed() {
        let form = EmergencyPlanFields {
            contact2_name: "Jo".into(),
            contact2_phone: "+44 7700 900982".into(),
            contact2_agreed: "yes".into(),
            ..EmergencyPlanFields::default()
        };
        let plan = EmergencyPlanEntry::try_from(form).unwrap();
        assert_eq!(plan.contacts.len(), 1);
        assert!(plan.contacts[0].agreed);
    }

    #[test]
    fn a_look_up_reads_the_code_however_it_was_typed() {
        let form = LookupForm { code: "abcd-efgh-jkmn".into(), reason: "carer_unwell".into(), note: String::new() };
        assert_eq!(LookupRequest::try_from(form).unwrap().code.as_str(), "ABCDEFGHJKMN");
        let problems = LookupRequest::try_from(LookupForm::default()).unwrap_err();
        assert_eq!(problems.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["code", "reason"]);
    }
}
