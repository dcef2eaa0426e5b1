//! A signed-off plan version as a FHIR `Bundle` (type `collection`): the `CarePlan` with the
//! statutory Care and Support Plan and the person's own words as notes, a `Goal` for each
//! outcome, and the person as a `Patient`.
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use app::backend::ports::PlanVersion;
use app::domain::plan::record::{CareAndSupportPlan, FIELDS};
use app::domain::plan::{ContributionKind, PlanSection, SentContribution};
use app::kit::i18n::{Locale, Text};

use super::{date, date_time, language, patient, patient_reference, text, Portal};

/// A plan version that has been signed off: only these are exported.
#[derive(Clone, Copy, Debug)]
pub struct SignedOffPlan<'a> {
    version: &'a PlanVersion,
    record: &'a CareAndSupportPlan,
    signed_off_by: &'a str,
    signed_off_at: DateTime<Utc>,
}

impl<'a> SignedOffPlan<'a> {
    /// `None` for a version still waiting to be signed off.
    pub fn of(version: &'a PlanVersion) -> Option<SignedOffPlan<'a>> {
        Some(SignedOffPlan {
            version,
            record: version.record.as_ref()?,
            signed_off_by: version.signed_off_by.as_deref()?,
            signed_off_at: version.signed_off_at?,
        })
    }
}

/// Where the version stands among the person's other signed-off versions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanHistory {
    /// The signed-off version this one replaced: `(id, version number)`.
    pub replaces: Option<(i64, i64)>,
    /// A later version has been signed off, so this one no longer applies.
    pub superseded: bool,
}

/// The bundle, in the reader's language; `now` is when it was made.
pub fn bundle(
    portal: &Portal,
    plan: SignedOffPlan<'_>,
    history: PlanHistory,
    locale: Locale,
    now: DateTime<Utc>,
) -> Value {
    let version = plan.version;
    let goals = goals(plan, history, locale);
    let mut entries = vec![entry(portal, care_plan(portal, plan, history, &goals, locale))];
    entries.extend(goals.into_iter().map(|goal| entry(portal, goal)));
    entries.push(entry(portal, patient(portal, version.person_id, &version.person_name)));
    json!({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": date_time(now),
        "entry": entries,
    })
}

fn entry(portal: &Portal, resource: Value) -> Value {
    let full_url = portal
        .full_url(resource["resourceType"].as_str().unwrap_or_default(), resource["id"].as_str().unwrap_or_default());
    json!({ "fullUrl": full_url, "resource": resource })
}

fn care_plan(portal: &Portal, plan: SignedOffPlan<'_>, history: PlanHistory, goals: &[Value], locale: Locale) -> Value {
    let version = plan.version;
    let signed_on = locale.long_date(plan.signed_off_at.date_naive());
    let title = locale
        .fill(Text::PlanVersionTitle, &[("name", &version.person_name), ("version", &version.version.to_string())]);
    let description = locale.fill(
        Text::FhirPlanDescription,
        &[("name", &version.person_name), ("practitioner", plan.signed_off_by), ("date", &signed_on)],
    );
    let mut resource = json!({
        "resourceType": "CarePlan",
        "id": version.id.to_string(),
        "language": language(locale),
        "identifier": [{ "system": portal.identifier_system("care-plan"), "value": version.id.to_string() }],
        // A version replaced by a later signed-off one was ended before its time: `revoked`.
        "status": if history.superseded { "revoked" } else { "active" },
        "intent": "plan",
        "category": [{
            "coding": [{
                "system": portal.code_system("care-plan-category"),
                "code": "care-and-support-plan",
                "display": locale.text(Text::FhirPlanCategory),
            }],
            "text": locale.text(Text::FhirPlanCategory),
        }],
        "title": title,
        "description": description,
        "subject": patient_reference(version.person_id, &version.person_name),
        "period": { "start": date_time(plan.signed_off_at) },
        "created": date_time(plan.signed_off_at),
        "author": { "type": "Practitioner", "display": plan.signed_off_by },
        "note": notes(plan, locale),
    });
    if let Some((id, number)) = history.replaces {
        resource["replaces"] = json!([{
            "type": "CarePlan",
            "identifier": { "system": portal.identifier_system("care-plan"), "value": id.to_string() },
            "display": locale.fill(Text::PlanVersionNumber, &[("version", &number.to_string())]),
        }]);
    }
    // FHIR arrays are never empty: no goals, no element.
    if !goals.is_empty() {
        let references = goals
            .iter()
            .map(|goal| json!({ "reference": format!("Goal/{}", goal["id"].as_str().unwrap_or_default()) }));
        resource["goal"] = Value::Array(references.collect());
    }
    resource
}

/// The statutory sections as the practitioner wrote them, the review date, then the person's
/// own words section by section (their pictures and clips by their descriptions).
fn notes(plan: SignedOffPlan<'_>, locale: Locale) -> Vec<Value> {
    let practitioner_note = |words: String| json!({ "authorString": plan.signed_off_by, "time": date_time(plan.signed_off_at), "text": words });
    let mut notes: Vec<Value> = FIELDS
        .iter()
        .filter_map(|field| text(plan.record.field(field.name)).map(|value| (field, value)))
        .map(|(field, value)| practitioner_note(format!("{}: {value}", locale.text(field.label))))
        .collect();
    notes.push(practitioner_note(format!(
        "{}: {}",
        locale.text(Text::RecordPlanReview),
        locale.long_date(plan.record.review_date)
    )));
    let version = plan.version;
    let heading = locale.text(Text::PlanOwnWordsHeading);
    for section in PlanSection::ALL {
        for contribution in version.contributions.iter().filter(|c| c.section == section) {
            if let Some(words) = contribution_words(contribution, locale) {
                notes.push(json!({
                    "authorReference": patient_reference(version.person_id, &version.person_name),
                    "time": date_time(version.submitted_at),
                    "text": format!("{heading} – {}: {words}", section.title(locale)),
                }));
            }
        }
    }
    notes
}

/// What a contribution says in words: its text, or a picture's or clip's description.
fn contribution_words(contribution: &SentContribution, locale: Locale) -> Option<String> {
    let caption = contribution.caption.as_deref().and_then(text);
    match contribution.kind {
        ContributionKind::Words => text(&contribution.body),
        ContributionKind::Picture => {
            let description = contribution.alt_text.as_deref().and_then(text).or(caption);
            let picture = locale.text(Text::PlanPdfPicture);
            Some(description.map_or_else(|| picture.to_owned(), |d| format!("{picture} {d}")))
        }
        ContributionKind::Clip => Some(match caption {
            Some(caption) => locale.fill(Text::PlanPdfClip, &[("caption", &caption)]),
            None => locale.text(Text::PlanPdfClipUntitled).to_owned(),
        }),
    }
}

/// One `Goal` per outcome: each line of the outcomes the practitioner recorded, then each thing
/// the person wrote under "What I want to achieve" (expressed by them).
fn goals(plan: SignedOffPlan<'_>, history: PlanHistory, locale: Locale) -> Vec<Value> {
    let version = plan.version;
    let recorded = outcome_lines(plan.record.field("outcomes")).into_iter().map(|line| (line, false));
    let own_words = version
        .contributions
        .iter()
        .filter(|c| c.section == PlanSection::WantToAchieve && c.kind == ContributionKind::Words)
        .filter_map(|c| text(&c.body))
        .map(|words| (words, true));
    recorded
        .chain(own_words)
        .enumerate()
        .map(|(n, (description, theirs))| {
            let mut goal = json!({
                "resourceType": "Goal",
                "id": format!("{}-{}", version.id, n + 1),
                "language": language(locale),
                // The goals of a replaced plan were carried into the later version or dropped.
                "lifecycleStatus": if history.superseded { "cancelled" } else { "active" },
                "description": { "text": description },
                "subject": patient_reference(version.person_id, &version.person_name),
                "startDate": date(plan.signed_off_at.date_naive()),
            });
            if theirs {
                goal["expressedBy"] = patient_reference(version.person_id, &version.person_name);
            }
            goal
        })
        .collect()
}

/// The practitioner's outcomes, one per line, without list marks ("- ", "• ", "1. ").
fn outcome_lines(outcomes: &str) -> Vec<String> {
    outcomes
        .lines()
        .map(|line| {
            let line = line.trim().trim_start_matches(['-', '*', '•']);
            let unnumbered = line.trim_start_matches(|c: char| c.is_ascii_digit());
            let line = if unnumbered.len() < line.len() && (unnumbered.starts_with('.') || unnumbered.starts_with(')'))
            {
                &unnumbered[1..]
            } else {
                line
            };
            line.trim().to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_outcome_line_is_one_goal_without_its_list_mark() {
        let lines = outcome_lines(
            "- Stay at home with my wife\n\n• Get out to the choir\n2) Sleep through\n1999 was a good year",
        );
        assert_eq!(
            lines,
            ["Stay at home with my wife", "Get out to the choir", "Sleep through", "1999 was a good year"]
        );
    }
}
