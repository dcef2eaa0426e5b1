//! The practitioner's server functions: the queue of sent assessments, one assessment as the
//! structured record, the eligibility decision, and taking on an unallocated carer.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::api::DecisionSeen;
use crate::domain::assessment::Answers;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueLine {
    pub id: i64,
    pub carer_id: i64,
    pub carer_name: String,
    pub reference: String,
    pub sent_on: String,
    pub under_18: bool,
    pub eligible: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Carers in the practitioner's caseload.
    pub mine: Vec<QueueLine>,
    /// Carers nobody has been allocated to yet (latest version each).
    pub unallocated: Vec<QueueLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructuredAssessment {
    pub id: i64,
    pub reference: String,
    pub carer_name: String,
    pub version: i64,
    pub sent_on: String,
    pub answers: Answers,
    /// The answers of the version before, if there is one.
    pub previous: Option<Answers>,
    pub decision: Option<DecisionSeen>,
}

#[server(prefix = "/api", endpoint = "assessment/queue")]
pub async fn assessment_queue(#[server(default)] status: String) -> Result<Queue, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ViewCaseload, "assessment queue").await?;
    let relations = services.store.relations(me.id).await.map_err(|e| internal(&visitor, "reading relations", e))?;
    let queued = services.store.assessment_queue().await.map_err(|e| internal(&visitor, "reading the queue", e))?;
    let wanted = |eligible: Option<bool>| match status.as_str() {
        "decided" => eligible.is_some(),
        "all" => true,
        _ => eligible.is_none(),
    };
    let line = |q: &crate::backend::ports::QueuedAssessment| QueueLine {
        id: q.id,
        carer_id: q.carer_id,
        carer_name: q.carer_name.clone(),
        reference: super::api::reference(q.id),
        sent_on: visitor.locale.long_date(q.submitted_at.date_naive()),
        under_18: q.under_18,
        eligible: q.eligible,
    };
    let mine = queued.iter().filter(|q| relations.caseload.contains(&q.carer_id) && wanted(q.eligible)).map(line).collect();
    let mut seen = std::collections::BTreeSet::new();
    let unallocated =
        queued.iter().filter(|q| !q.allocated && seen.insert(q.carer_id)).map(line).collect();
    Ok(Queue { mine, unallocated })
}

/// A practitioner takes on a carer who has sent an assessment and has nobody yet.
#[server(prefix = "/api", endpoint = "assessment/allocate")]
pub async fn allocate_to_me(#[server(default)] carer_id: i64) -> Result<(), AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{audit, internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ViewCaseload, "allocate a carer").await?;
    let queued = services.store.assessment_queue().await.map_err(|e| internal(&visitor, "reading the queue", e))?;
    if !queued.iter().any(|q| q.carer_id == carer_id && !q.allocated) {
        audit(&services, &visitor, Some(me.id), "permission refused", Some(carer_id), Some("allocate a carer")).await?;
        return Err(AppError::NotFound);
    }
    let now = services.clock.now();
    services.store.add_to_caseload(me.id, carer_id, now).await.map_err(|e| internal(&visitor, "allocating", e))?;
    audit(&services, &visitor, Some(me.id), "carer allocated", Some(carer_id), Some("sent an assessment")).await?;
    leptos_axum::redirect("/staff/assessments");
    Ok(())
}

#[cfg(feature = "ssr")]
async fn authorised_version(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    version_id: i64,
    access: crate::policy::Access,
    what: &str,
) -> Result<(crate::kit::visitor::SignedInUser, crate::backend::ports::SubmittedAssessment), AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{authorise_person, internal, require};

    let me = require(services, visitor, Capability::ViewCaseload, what).await?;
    let found = services
        .store
        .assessment_version(version_id)
        .await
        .map_err(|e| internal(visitor, "reading an assessment", e))?
        .ok_or(AppError::NotFound)?;
    authorise_person(services, visitor, &me.actor(), found.carer_id, crate::policy::Record::Assessment, access, what).await?;
    Ok((me, found))
}

#[server(prefix = "/api", endpoint = "assessment/record")]
pub async fn assessment_record(#[server(default)] version_id: i64) -> Result<StructuredAssessment, AppError> {
    use crate::policy::Access;
    use crate::backend::cx::{internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (_, found) = authorised_version(&services, &visitor, version_id, Access::View, "viewed carer's assessment").await?;
    let versions = services
        .store
        .assessment_versions(found.carer_id)
        .await
        .map_err(|e| internal(&visitor, "reading versions", e))?;
    let previous = versions.into_iter().find(|v| v.version == found.version - 1).map(|v| v.answers);
    let date = |at: chrono::DateTime<chrono::Utc>| visitor.locale.long_date(at.date_naive());
    Ok(StructuredAssessment {
        id: found.id,
        reference: super::api::reference(found.id),
        carer_name: found.carer_name,
        version: found.version,
        sent_on: date(found.submitted_at),
        answers: found.answers,
        previous,
        decision: found.decision.map(|d| DecisionSeen { decision: d.decision, decided_on: date(d.decided_at) }),
    })
}

#[server(prefix = "/api", endpoint = "assessment/decide")]
pub async fn record_eligibility(
    #[server(default)] version_id: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::assessment::EligibilityDecision;
    use crate::policy::Access;
    use crate::backend::cx::{audit, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (me, found) =
        authorised_version(&services, &visitor, version_id, Access::Edit, "recorded eligibility decision").await?;
    let decision = EligibilityDecision::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    services.store.record_decision(found.id, me.id, &decision, services.clock.now()).await.map_err(|e| store_failure(&visitor, "recording a decision", e))?;
    let outcome = if decision.eligible() { "eligible" } else { "not eligible" };
    audit(&services, &visitor, Some(me.id), "eligibility decided", Some(found.carer_id), Some(outcome)).await?;
    leptos_axum::redirect(&format!("/staff/assessments/{}", found.id));
    Ok(())
}
