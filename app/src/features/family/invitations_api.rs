//! Server functions for answering invitations: looking one up by its code (rate limited),
//! accepting or declining it, and a helper creating their own account from one.
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::api::{ActingFor, InvitationView};
#[cfg(feature = "ssr")]
use super::api::{failed, invitation_view};
#[cfg(feature = "ssr")]
use crate::domain::account::Role;
#[cfg(feature = "ssr")]
use crate::domain::family::{InvitationKind, InvitationStatus};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::policy::{Record, Scope};

/// The invitation behind a code, for the page where it is answered. Anyone with the code may
/// see who sent it (a helper may not have an account yet); codes are rate limited per address.
#[server(prefix = "/api", endpoint = "family/invitation")]
pub async fn invitation_by_code(#[server(default)] code: String) -> Result<InvitationView, AppError> {
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let invitation = open_invitation(&services, &visitor, &code).await?;
    Ok(invitation_view(invitation, visitor.locale))
}

#[cfg(feature = "ssr")]
async fn open_invitation(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    code: &str,
) -> Result<crate::backend::ports::Invitation, AppError> {
    use std::time::Duration;

    use crate::domain::emergency::CardCode;
    use crate::domain::family::FamilyProblem;

    let Some(code) = CardCode::parse(code) else {
        return Err(AppError::invalid(&[FamilyProblem::CodeFormat], visitor.locale));
    };
    let key = format!("invitation:ip:{}", visitor.client_ip.as_deref().unwrap_or("unknown"));
    if !services.limits.allow(&key, 20, Duration::from_secs(15 * 60)).await {
        return Err(AppError::RateLimited);
    }
    let found = services
        .store
        .open_invitation(&services.digests.digest(code.as_str()), services.clock.now())
        .await
        .map_err(failed(visitor, "reading an invitation"))?;
    match found {
        Some(invitation) => {
            services.limits.forgive(&key).await;
            Ok(invitation)
        }
        None => Err(AppError::invalid(&[FamilyProblem::CodeUnknown], visitor.locale)),
    }
}

/// Accepts or declines an invitation. A care link is accepted by the person cared for (with
/// what they share back), or by their representative who may act for them (`person`); a
/// helper invitation by a helper's account.
#[server(prefix = "/api", endpoint = "family/answer")]
pub async fn answer_invitation(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::family::{shares_from_form, FamilyProblem};
    use crate::policy::Access;
    use crate::backend::cx::{audit, authorise_person, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    let code = fields.get("code").cloned().unwrap_or_default();
    let invitation = open_invitation(&services, &visitor, &code).await?;
    let locale = visitor.locale;
    let now = services.clock.now();
    let accept = match fields.get("answer").map(String::as_str) {
        Some("accept") => true,
        Some("decline") => false,
        _ => return Err(AppError::invalid(&[FamilyProblem::Answer], locale)),
    };
    if invitation.from_id == me.id {
        return Err(AppError::invalid(&[FamilyProblem::Yourself], locale));
    }
    let reference = format!("invitation {}", invitation.id);
    match (invitation.kind, me.role) {
        (InvitationKind::CareLink, Role::Customer | Role::Representative) => {
            let customer = if me.role == Role::Customer {
                me.id
            } else {
                let person = fields.get("person").and_then(|p| p.parse::<i64>().ok());
                let Some(person) = person else { return Err(AppError::invalid(&[FamilyProblem::Person], locale)) };
                authorise_person(&services, &visitor, &me.actor(), person, Record::Profile, Access::Edit, "answered care link").await?;
                let account = services.store.find_account(person).await.map_err(failed(&visitor, "reading an account"))?;
                if !account.is_some_and(|a| a.role == Role::Customer) {
                    return Err(AppError::invalid(&[FamilyProblem::Person], locale));
                }
                person
            };
            if accept {
                let shares = shares_from_form(Role::Customer, &fields);
                services
                    .store
                    .accept_care_link(invitation.id, customer, me.id, &shares, now)
                    .await
                    .map_err(failed(&visitor, "accepting a care link"))?;
                audit(&services, &visitor, Some(me.id), "care link accepted", Some(customer), Some(&reference)).await?;
                audit(&services, &visitor, Some(me.id), "care link accepted", Some(invitation.from_id), Some(&reference)).await?;
            } else {
                decline(&services, &visitor, &invitation, me.id, &reference).await?;
            }
        }
        (InvitationKind::Helper, Role::Representative) => {
            if accept {
                services.store.accept_helper(invitation.id, me.id, now).await.map_err(failed(&visitor, "accepting a helper"))?;
                audit(&services, &visitor, Some(me.id), "helper access accepted", Some(invitation.from_id), Some(&reference)).await?;
            } else {
                decline(&services, &visitor, &invitation, me.id, &reference).await?;
            }
        }
        _ => return Err(AppError::invalid(&[FamilyProblem::NotForYou], locale)),
    }
    leptos_axum::redirect(if accept { "/family?accepted=1" } else { "/family?declined=1" });
    Ok(())
}

#[cfg(feature = "ssr")]
async fn decline(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    invitation: &crate::backend::ports::Invitation,
    by: i64,
    reference: &str,
) -> Result<(), AppError> {
    services
        .store
        .close_invitation(invitation.id, by, InvitationStatus::Declined, services.clock.now())
        .await
        .map_err(failed(visitor, "declining an invitation"))?;
    crate::backend::cx::audit(services, visitor, Some(by), "invitation declined", Some(invitation.from_id), Some(reference)).await
}

/// Creates a helper's account from an invitation and accepts it, in one step: the helper
/// chooses their own password, nobody else knows it.
#[server(prefix = "/api", endpoint = "family/helper-account")]
pub async fn create_helper_account(
    #[server(default)] code: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::domain::account::{AccountProblem, Registration};
    use crate::domain::family::FamilyProblem;
    use crate::backend::ports::{NewAccount, StoreError};
    use crate::backend::cx::{audit, internal, services, session};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let ip = visitor.client_ip.clone().unwrap_or_default();
    if !services.limits.allow(&format!("register:{ip}"), 10, Duration::from_secs(3600)).await {
        return Err(AppError::RateLimited);
    }
    let invitation = open_invitation(&services, &visitor, &code).await?;
    if invitation.kind != InvitationKind::Helper {
        return Err(AppError::invalid(&[FamilyProblem::NotForYou], visitor.locale));
    }
    // The same rules as anyone registering; the account is a helper's.
    let registration = Registration::parse(&name, &email, &password, Role::Customer.as_str())
        .map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let hash = services.passwords.hash(registration.password.expose()).await.map_err(|e| internal(&visitor, "hashing", e))?;
    let account = NewAccount {
        email: registration.email.as_str(),
        display_name: registration.name.as_str(),
        role: Role::Representative,
        password_hash: &hash,
        locale: visitor.locale,
    };
    let now = services.clock.now();
    let id = match services.store.create_account(account, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict) => return Err(AppError::invalid(&[AccountProblem::EmailTaken], visitor.locale)),
        Err(e) => return Err(internal(&visitor, "creating an account", e)),
    };
    audit(&services, &visitor, Some(id), "account created", Some(id), Some(Role::Representative.as_str())).await?;
    services.store.accept_helper(invitation.id, id, now).await.map_err(failed(&visitor, "accepting a helper"))?;
    audit(&services, &visitor, Some(id), "helper access accepted", Some(invitation.from_id), Some(&format!("invitation {}", invitation.id)))
        .await?;
    session()?.renew(Some(id));
    leptos_axum::redirect("/family?accepted=1");
    Ok(())
}

/// The people a representative may act for with permission to change things, for the form
/// where they accept a care link on someone's behalf.
#[server(prefix = "/api", endpoint = "family/acting-for")]
pub async fn acting_for_customers() -> Result<Vec<ActingFor>, AppError> {
    use crate::backend::cx::{services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    if me.role != Role::Representative {
        return Ok(Vec::new());
    }
    let services = services()?;
    let relations = services.store.relations(me.id).await.map_err(failed(&visitor, "reading relations"))?;
    let mut people = Vec::new();
    for (id, scope) in relations.represents.into_iter().filter(|(_, s)| *s == Scope::Edit) {
        if let Some(account) = services.store.find_account(id).await.map_err(failed(&visitor, "reading an account"))? {
            if account.role == Role::Customer {
                people.push(ActingFor { id, name: account.display_name, role: account.role, scope });
            }
        }
    }
    Ok(people)
}
