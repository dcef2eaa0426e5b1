//! Sending the plan for agreement, and the practitioner's sign-off of the structured Care and
//! Support Plan. A signed-off plan is a version; a later send makes the next one.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::plan::record::CareAndSupportPlan;
use crate::domain::plan::SentContribution;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersionView {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub version: i64,
    pub sent_on: String,
    pub contributions: Vec<SentContribution>,
    pub record: Option<CareAndSupportPlan>,
    pub review_on: Option<String>,
    /// "Signed off by … on …", once it is.
    pub signed_off: Option<(String, String)>,
    /// The person's carers' emergency plans, highlighted in their plan as the procedure asks.
    pub carers_plans: Vec<crate::features::emergency::api::CarerPlanNotice>,
}

#[cfg(feature = "ssr")]
fn view_of(version: crate::backend::ports::PlanVersion, locale: crate::kit::i18n::Locale) -> PlanVersionView {
    PlanVersionView {
        id: version.id,
        person_id: version.person_id,
        person_name: version.person_name,
        version: version.version,
        sent_on: locale.long_date(version.submitted_at.date_naive()),
        review_on: version.record.as_ref().map(|r| locale.long_date(r.review_date)),
        contributions: version.contributions,
        record: version.record,
        signed_off: version
            .signed_off_by
            .zip(version.signed_off_at)
            .map(|(who, when)| (who, locale.long_date(when.date_naive()))),
        carers_plans: Vec::new(),
    }
}

/// Sends the person's plan, as it is now, for a practitioner to agree.
#[server(prefix = "/api", endpoint = "plan/send")]
pub async fn send_plan() -> Result<(), AppError> {
    use crate::backend::cx::{audit, internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let contributions = services.store.contributions(me.id).await.map_err(|e| internal(&visitor, "reading a plan", e))?;
    let sent: Vec<SentContribution> = contributions
        .into_iter()
        .map(SentContribution::from)
        .collect();
    let id = services
        .store
        .send_plan(me.id, &sent, services.clock.now())
        .await
        .map_err(|e| internal(&visitor, "sending a plan", e))?;
    audit(&services, &visitor, Some(me.id), "plan sent for agreement", Some(me.id), Some(&id.to_string())).await?;
    leptos_axum::redirect("/plan?sent=1");
    Ok(())
}

/// The person's own plan versions, newest first.
#[server(prefix = "/api", endpoint = "plan/versions")]
pub async fn my_plan_versions() -> Result<Vec<PlanVersionView>, AppError> {
    use crate::backend::cx::{internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let versions =
        services()?.store.plan_versions(me.id).await.map_err(|e| internal(&visitor, "reading plan versions", e))?;
    Ok(versions.into_iter().map(|v| view_of(v, visitor.locale)).collect())
}

/// Plans waiting for sign-off from people in the practitioner's caseload.
#[server(prefix = "/api", endpoint = "plan/awaiting-sign-off")]
pub async fn plans_awaiting_sign_off() -> Result<Vec<PlanVersionView>, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ViewCaseload, "plans awaiting sign-off").await?;
    let relations = services.store.relations(me.id).await.map_err(|e| internal(&visitor, "reading relations", e))?;
    let waiting =
        services.store.plans_awaiting_sign_off().await.map_err(|e| internal(&visitor, "reading plans", e))?;
    Ok(waiting
        .into_iter()
        .filter(|v| relations.caseload.contains(&v.person_id))
        .map(|v| view_of(v, visitor.locale))
        .collect())
}

#[cfg(feature = "ssr")]
async fn authorised_plan(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    id: i64,
    access: crate::policy::Access,
    what: &str,
) -> Result<(crate::kit::visitor::SignedInUser, crate::backend::ports::PlanVersion), AppError> {
    use crate::backend::cx::{authorise_record, internal, signed_in};

    let me = signed_in(visitor)?;
    let found = services
        .store
        .plan_version(id)
        .await
        .map_err(|e| internal(visitor, "reading a plan version", e))?
        .ok_or(AppError::NotFound)?;
    authorise_record(services, visitor, &me, found.person_id, crate::policy::Record::Plan, access, what).await?;
    Ok((me, found))
}

/// One version of a plan, for the person, those they share it with, or their practitioner.
#[server(prefix = "/api", endpoint = "plan/version")]
pub async fn plan_version(#[server(default)] id: i64) -> Result<PlanVersionView, AppError> {
    use crate::policy::Access;
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (_, found) = authorised_plan(&services, &visitor, id, Access::View, "viewed support plan").await?;
    let person = found.person_id;
    let mut view = view_of(found, visitor.locale);
    view.carers_plans = crate::features::emergency::api::carer_plan_notices(&services, &visitor, person).await?;
    Ok(view)
}

/// The practitioner completes the statutory fields and signs the plan off.
#[server(prefix = "/api", endpoint = "plan/sign-off")]
pub async fn sign_off_plan(
    #[server(default)] id: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::policy::Access;
    use crate::backend::cx::{audit, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (me, found) = authorised_plan(&services, &visitor, id, Access::Edit, "signed off support plan").await?;
    let now = services.clock.now();
    let record = CareAndSupportPlan::parse(&fields, now.date_naive()).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let reviews = crate::domain::reviews::planned_after_sign_off(now.date_naive());
    services
        .store
        .sign_off_plan(found.id, me.id, &record, &reviews, now)
        .await
        .map_err(|e| store_failure(&visitor, "signing off a plan", e))?;
    audit(&services, &visitor, Some(me.id), "support plan signed off", Some(found.person_id), Some(&found.id.to_string()))
        .await?;
    leptos_axum::redirect(&format!("/plan/versions/{}", found.id));
    Ok(())
}
