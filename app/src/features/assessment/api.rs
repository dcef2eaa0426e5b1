//! Server functions for the self-assessment. A carer reads their own assessment, saves it a
//! page at a time and sends it (no id is taken from the request: only their own); a
//! practitioner reads the queue, takes on unallocated carers, reads one version as the
//! structured record and records the eligibility decision. Each function checks who is asking.
use std::collections::BTreeMap;

use leptos::prelude::*;

/// The fhir export and the pages quote the reference and the reply time.
pub use super::wire::{reference, REPLY_DAYS};
use super::wire::{CarerAssessment, DecisionForm, DraftAnswers, Queue, StructuredAssessment};
use crate::error::AppError;

/// The carer's whole assessment: the draft, the pages seen and every version sent.
#[server(prefix = "/api", endpoint = "assessment/mine")]
pub async fn my_assessment() -> Result<CarerAssessment, AppError> {
    use super::wire::SentVersion;
    use crate::backend::ports::{assessment_subject, assisting_name};

    let (cx, carer) = assessment_subject("filled in assessment with carer").await?;
    let draft = cx.store().draft(carer).await?;
    let versions = cx.store().assessment_versions(carer).await?;
    Ok(CarerAssessment {
        answers: draft.answers,
        seen_pages: draft.seen_pages.into_iter().collect(),
        assisting: assisting_name(&cx, carer).await?,
        versions: versions.into_iter().map(|v| SentVersion::from_record(v, cx.locale())).collect(),
    })
}

/// Only the answers saved so far (one read): a question page and "check your answers".
#[server(prefix = "/api", endpoint = "assessment/answers")]
pub async fn my_answers() -> Result<DraftAnswers, AppError> {
    use crate::backend::ports::{assessment_subject, assisting_name};

    let (cx, carer) = assessment_subject("filled in assessment with carer").await?;
    Ok(DraftAnswers { answers: cx.store().draft_answers(carer).await?, assisting: assisting_name(&cx, carer).await? })
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
    use crate::backend::ports::assessment_subject;
    use crate::domain::assessment::questions::locate;

    let (cx, carer) = assessment_subject("filled in assessment with carer").await?;
    let answers = cx.store().draft_answers(carer).await?;
    let found = locate(&page, &answers).ok_or(AppError::NotFound)?;
    // The posted fields as posted (name, value); from here on the answers are typed.
    let posted: Vec<(String, String)> = fields.into_iter().collect();
    let saved = found.page.read(&posted).map_err(|problems| cx.invalid(&problems))?;
    cx.store().save_page(carer, &saved, cx.now()).await?;
    match (intent.as_str(), found.next) {
        ("stay", _) => {}
        ("later", _) => leptos_axum::redirect("/assessment?saved=1"),
        (_, Some(next)) => leptos_axum::redirect(&format!("/assessment/questions/{}", next.id)),
        (_, None) => leptos_axum::redirect("/assessment"),
    }
    Ok(())
}

/// Sends the assessment: the answers saved so far become the next version.
#[server(prefix = "/api", endpoint = "assessment/send")]
pub async fn send_assessment() -> Result<(), AppError> {
    use crate::backend::ports::assessment_subject;
    use crate::domain::assessment::Assessment;

    let (cx, carer) = assessment_subject("sent assessment with carer").await?;
    let answers = cx.store().draft_answers(carer).await?;
    let under_18 = Assessment::from_answers(&answers).is_under_18();
    let id = cx.store().submit_assessment_by(carer, cx.me().id, &answers, under_18, cx.now()).await?;
    cx.audit("assessment sent", Some(carer), Some(&reference(id))).await?;
    leptos_axum::redirect("/assessment/sent");
    Ok(())
}

/// The carer confirms that a version someone filled in with them is right (their own only).
#[server(prefix = "/api", endpoint = "assessment/confirm")]
pub async fn confirm_assessment(#[server(default)] version_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;

    let cx = Cx::signed_in()?;
    let found = cx.store().assessment_version(version_id).await?;
    let found = found.filter(|v| v.carer_id == cx.me().id && v.filled_in_by.is_some()).ok_or(AppError::NotFound)?;
    match cx.store().confirm_assessment(found.id, cx.now()).await {
        // Confirmed already (a second click): nothing more to do.
        Ok(()) | Err(StoreError::Conflict) => {}
        Err(e) => return Err(e.into()),
    }
    cx.audit("assessment confirmed", Some(found.carer_id), Some(&reference(found.id))).await?;
    leptos_axum::redirect("/assessment?confirmed=1");
    Ok(())
}

/// The practitioner's queue: sent assessments of carers in their caseload (`status` is
/// `waiting`, `decided` or `all`), and carers nobody has taken on yet.
#[server(prefix = "/api", endpoint = "assessment/queue")]
pub async fn assessment_queue(#[server(default)] status: String) -> Result<Queue, AppError> {
    use super::wire::QueueLine;
    use crate::backend::cx::Cx;
    use crate::domain::account::Role;
    use crate::domain::assessment::QueuedAssessment;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ViewCaseload, "assessment queue").await?;
    let caseload = cx.relations().await?.caseload;
    let queued = cx.store().assessment_queue().await?;
    let wanted = |eligible: Option<bool>| match status.as_str() {
        "decided" => eligible.is_some(),
        "all" => true,
        _ => eligible.is_none(),
    };
    let mine = queued.iter().filter(|q| caseload.contains(&q.carer_id) && wanted(q.eligible));
    // Carers with nobody yet whom this practitioner may take on (the teams rule).
    let teams = cx.store().teams().await?;
    let membership = cx.store().membership(cx.me().id).await?;
    let may_take_on = |q: &QueuedAssessment| {
        let covering = crate::domain::teams::Team::covering(&teams, Role::Carer, q.postcode.as_ref());
        cx.actor().may_take_on(&membership, &covering)
    };
    let mut seen = std::collections::BTreeSet::new();
    let unallocated = queued.iter().filter(|q| !q.allocated && may_take_on(q) && seen.insert(q.carer_id));
    Ok(Queue {
        mine: mine.map(|q| QueueLine::from_record(q, cx.locale())).collect(),
        unallocated: unallocated.map(|q| QueueLine::from_record(q, cx.locale())).collect(),
    })
}

/// A practitioner takes on a carer who has sent an assessment and has nobody yet, under the
/// same rule as taking someone on from intake (`Allocatable::may_take_on`).
#[server(prefix = "/api", endpoint = "assessment/allocate")]
pub async fn allocate_to_me(#[server(default)] carer_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::Allocatable;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ViewCaseload, "allocate a carer").await?;
    Allocatable::load_for(&cx, carer_id, "allocate a carer", Allocatable::may_take_on).await?;
    cx.store().allocate(carer_id, cx.me().id, cx.me().id, None, cx.now()).await?;
    cx.audit("carer allocated", Some(carer_id), Some("sent an assessment")).await?;
    leptos_axum::redirect("/staff/assessments");
    Ok(())
}

/// One sent version as the structured record, with what changed since the version before.
#[server(prefix = "/api", endpoint = "assessment/record")]
pub async fn assessment_record(#[server(default)] version_id: i64) -> Result<StructuredAssessment, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::{Access, Capability, Record};

    let what = "viewed carer's assessment";
    let cx = Cx::with(Capability::ViewCaseload, what).await?;
    let found =
        cx.authorised(cx.store().assessment_version(version_id).await, Record::Assessment, Access::View, what).await?;
    let versions = cx.store().assessment_versions(found.carer_id).await?;
    let previous = versions.into_iter().find(|v| v.version == found.version - 1).map(|v| v.answers);
    Ok(StructuredAssessment::from_record(found, previous, cx.locale()))
}

#[server(prefix = "/api", endpoint = "assessment/decide")]
pub async fn record_eligibility(
    #[server(default)] version_id: i64,
    #[server(flatten)] form: DecisionForm,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::assessment::EligibilityDecision;
    use crate::policy::{Access, Capability, Record};

    let what = "recorded eligibility decision";
    let cx = Cx::with(Capability::ViewCaseload, what).await?;
    let found =
        cx.authorised(cx.store().assessment_version(version_id).await, Record::Assessment, Access::Edit, what).await?;
    let decision = EligibilityDecision::try_from(form).map_err(|problems| cx.invalid(&problems))?;
    cx.store().record_decision(found.id, cx.me().id, &decision, cx.now()).await?;
    let outcome = if decision.eligible() { "eligible" } else { "not eligible" };
    cx.audit("eligibility decided", Some(found.carer_id), Some(outcome)).await?;
    leptos_axum::redirect(&format!("/staff/assessments/{}", found.id));
    Ok(())
}
