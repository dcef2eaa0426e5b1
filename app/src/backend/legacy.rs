//! TEMPORARY (issue 16): the free helpers server functions used before `Cx`; removed once every
//! feature opens a `Cx`.
use leptos::prelude::use_context;

use crate::error::AppError;
use crate::policy::{Access, Actor, Basis, Capability, Decision, Record};
use crate::backend::ports::{AuditEvent, Services};
use crate::backend::session::SessionHandle;
use crate::kit::visitor::{use_visitor, SignedInUser, Visitor};

/// The store, clock and council settings for this request.
pub fn services() -> Result<Services, AppError> {
    use_context::<Services>().ok_or_else(|| {
        tracing::error!("server function called without Services in context");
        AppError::Internal { request_id: use_visitor().request_id }
    })
}

/// This request's session (set by the server's session middleware).
pub fn session() -> Result<SessionHandle, AppError> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<SessionHandle>().cloned())
        .ok_or_else(|| internal(&use_visitor(), "session", "no session handle on the request"))
}

/// The signed-in person, or `Unauthenticated`.
pub fn signed_in(visitor: &Visitor) -> Result<SignedInUser, AppError> {
    visitor.user.clone().ok_or(AppError::Unauthenticated)
}

/// The signed-in carer or customer: the people with a plan, budget and reviews of their own.
/// Anyone else (staff) has none, so for them these are "not found".
pub fn plan_holder(visitor: &Visitor) -> Result<SignedInUser, AppError> {
    use crate::domain::account::Role;
    let me = signed_in(visitor)?;
    match me.role {
        Role::Carer | Role::Customer => Ok(me),
        _ => Err(AppError::NotFound),
    }
}

pub use super::cx::internal;

/// Writes one line to the audit log. The audit log is part of the record: if it cannot be
/// written, the action fails.
pub async fn audit(
    services: &Services,
    visitor: &Visitor,
    actor_id: Option<i64>,
    action: &str,
    subject_id: Option<i64>,
    reason: Option<&str>,
) -> Result<(), AppError> {
    let event = AuditEvent {
        at: services.clock.now(),
        actor_id,
        action: action.to_owned(),
        subject_id,
        reason: reason.map(str::to_owned),
        detail: Some(format!("request {}", visitor.request_id)),
        client_ip: visitor.client_ip.clone(),
    };
    services.store.record(&event).await.map_err(|e| internal(visitor, "writing the audit log", e))
}

/// A store error as the person should hear it: a record that is not theirs (or gone) is "not
/// found", a change that was already made is a conflict, anything else is a fault (logged).
pub fn store_failure(visitor: &Visitor, context: &str, error: crate::backend::ports::StoreError) -> AppError {
    match error {
        crate::backend::ports::StoreError::NotFound => AppError::NotFound,
        crate::backend::ports::StoreError::Conflict => AppError::Conflict,
        other => internal(visitor, context, other),
    }
}

/// The signed-in person, if their role has `capability`. A refusal is logged and reported as
/// "not found", like a record they may not see.
pub async fn require(
    services: &Services,
    visitor: &Visitor,
    capability: Capability,
    what: &str,
) -> Result<SignedInUser, AppError> {
    let me = signed_in(visitor)?;
    if !me.actor().may(capability) {
        audit(services, visitor, Some(me.id), "permission refused", None, Some(what)).await?;
        return Err(AppError::NotFound);
    }
    Ok(me)
}

/// Checks that `actor` may reach `person_id`'s records. A refusal is logged and reported as
/// "not found", so nobody learns whether the record exists. Staff reads are audited.
pub async fn authorise_person(
    services: &Services,
    visitor: &Visitor,
    actor: &Actor,
    person_id: i64,
    record: Record,
    access: Access,
    what: &str,
) -> Result<Basis, AppError> {
    let relations =
        services.store.relations(actor.user_id).await.map_err(|e| internal(visitor, "reading relations", e))?;
    match actor.may_access(&relations, person_id, record, access) {
        Decision::Allowed { basis } => {
            if actor.role.is_staff() && basis != Basis::OwnRecord {
                audit(services, visitor, Some(actor.user_id), what, Some(person_id), Some(basis.as_str())).await?;
            }
            Ok(basis)
        }
        Decision::Denied => {
            audit(services, visitor, Some(actor.user_id), "permission refused", Some(person_id), Some(what)).await?;
            Err(AppError::NotFound)
        }
    }
}

/// For a record about `person_id` (a plan, a review, a budget): whoever the policy lets see it
/// may read it, but only practitioners change it (sign off, arrange, record an outcome).
pub async fn authorise_record(
    services: &Services,
    visitor: &Visitor,
    me: &SignedInUser,
    person_id: i64,
    record: Record,
    access: crate::policy::Access,
    what: &str,
) -> Result<(), AppError> {
    authorise_person(services, visitor, &me.actor(), person_id, record, access, what).await?;
    if access == crate::policy::Access::Edit && !me.actor().may(Capability::ViewCaseload) {
        return Err(AppError::NotFound);
    }
    Ok(())
}
