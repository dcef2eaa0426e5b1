//! The carer's server functions: read their assessment, save a page, send it. Only carers
//! have a carer's assessment, and only their own: no id is taken from the request.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::assessment::{Answers, EligibilityDecision};
use crate::error::AppError;

/// How many days the council takes to reply to a sent assessment (stated to the carer).
pub const REPLY_DAYS: i64 = 28;

/// The carer's assessment: what is saved so far and what they have sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarerAssessment {
    pub answers: Answers,
    pub seen_pages: Vec<String>,
    /// Newest first.
    pub versions: Vec<SentVersion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentVersion {
    pub version: i64,
    pub reference: String,
    pub sent_on: String,
    pub reply_by: String,
    pub answers: Answers,
    pub decision: Option<DecisionSeen>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSeen {
    pub decision: EligibilityDecision,
    pub decided_on: String,
}

/// `CA-000042`: the reference a carer can quote on the phone.
pub fn reference(version_id: i64) -> String {
    format!("CA-{version_id:06}")
}

#[cfg(feature = "ssr")]
mod carer {
    use crate::domain::account::Role;
    use crate::error::AppError;
    use crate::backend::cx::signed_in;
    use crate::kit::visitor::{SignedInUser, Visitor};

    /// The signed-in carer; anyone else has no carer's assessment to see.
    pub fn signed_in_carer(visitor: &Visitor) -> Result<SignedInUser, AppError> {
        let me = signed_in(visitor)?;
        if me.role == Role::Carer {
            Ok(me)
        } else {
            Err(AppError::NotFound)
        }
    }
}

#[server(prefix = "/api", endpoint = "assessment/mine")]
pub async fn my_assessment() -> Result<CarerAssessment, AppError> {
    use crate::backend::cx::{internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = carer::signed_in_carer(&visitor)?;
    let draft = services.store.draft(me.id).await.map_err(|e| internal(&visitor, "reading a draft", e))?;
    let versions =
        services.store.assessment_versions(me.id).await.map_err(|e| internal(&visitor, "reading versions", e))?;
    let date = |at: chrono::DateTime<chrono::Utc>| visitor.locale.long_date(at.date_naive());
    Ok(CarerAssessment {
        answers: draft.answers,
        seen_pages: draft.seen_pages.into_iter().collect(),
        versions: versions
            .into_iter()
            .map(|v| SentVersion {
                version: v.version,
                reference: reference(v.id),
                sent_on: date(v.submitted_at),
                reply_by: date(v.submitted_at + chrono::Duration::days(REPLY_DAYS)),
                answers: v.answers,
                decision: v.decision.map(|d| DecisionSeen { decision: d.decision, decided_on: date(d.decided_at) }),
            })
            .collect(),
    })
}

/// Saves one page of answers. `intent` says where to go next: `continue` (the next page in the
/// section, or the task list), `later` (the task list, saying it is saved) or `stay`.
#[server(prefix = "/api", endpoint = "assessment/save")]
pub async fn save_assessment_page(
    #[server(default)] page: String,
    #[server(default)] intent: String,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::assessment::questions::{find_page, next_in_section};
    use crate::backend::cx::{internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = carer::signed_in_carer(&visitor)?;
    let draft = services.store.draft(me.id).await.map_err(|e| internal(&visitor, "reading a draft", e))?;
    let found = find_page(&page, &draft.answers).ok_or(AppError::NotFound)?;
    let answers = found.read(&fields).map_err(|problems| AppError::invalid(&problems, visitor.locale))?;
    services
        .store
        .save_page(me.id, &found.id, &answers, services.clock.now())
        .await
        .map_err(|e| internal(&visitor, "saving answers", e))?;
    let mut updated = draft.answers;
    for (id, value) in answers {
        updated.insert(id, value);
    }
    match intent.as_str() {
        "stay" => {}
        "later" => leptos_axum::redirect("/assessment?saved=1"),
        _ => match next_in_section(&found.id, &updated) {
            Some(next) => leptos_axum::redirect(&format!("/assessment/questions/{}", next.id)),
            None => leptos_axum::redirect("/assessment"),
        },
    }
    Ok(())
}

/// Sends the assessment: the answers saved so far become the next version.
#[server(prefix = "/api", endpoint = "assessment/send")]
pub async fn send_assessment() -> Result<(), AppError> {
    use crate::domain::assessment::Assessment;
    use crate::backend::cx::{audit, internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = carer::signed_in_carer(&visitor)?;
    let draft = services.store.draft(me.id).await.map_err(|e| internal(&visitor, "reading a draft", e))?;
    let record = Assessment::from_answers(&draft.answers);
    let id = services
        .store
        .submit_assessment(me.id, &draft.answers, record.is_under_18(), services.clock.now())
        .await
        .map_err(|e| internal(&visitor, "sending an assessment", e))?;
    let detail = reference(id);
    audit(&services, &visitor, Some(me.id), "assessment sent", Some(me.id), Some(&detail)).await?;
    leptos_axum::redirect("/assessment/sent");
    Ok(())
}
