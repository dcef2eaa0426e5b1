//! Server functions for the whole family: linking a carer and the person they care for by an
//! invitation code, choosing what each shares with the other, and helpers (representatives)
//! with their own sign-in and a scope. Every change is in the audit log.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::family::{InvitationKind, InvitationStatus};
use crate::error::AppError;
use crate::policy::{Record, Scope};

/// Someone the signed-in person is linked to, and what each shares with the other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub person_id: i64,
    pub name: String,
    pub role: Role,
    pub i_share: Vec<Record>,
    pub they_share: Vec<Record>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelperView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub scope: Scope,
    pub since: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub id: i64,
    pub kind: InvitationKind,
    pub from_name: String,
    pub helper_name: Option<String>,
    pub scope: Option<Scope>,
    pub shares: Vec<Record>,
    pub status: InvitationStatus,
    pub sent_on: String,
    pub expires_on: String,
}

/// People a representative acts for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyView {
    pub links: Vec<LinkView>,
    pub helpers: Vec<HelperView>,
    pub invitations: Vec<InvitationView>,
    pub acting_for: Vec<ActingFor>,
}

#[cfg(feature = "ssr")]
pub(super) fn invitation_view(invitation: crate::backend::ports::Invitation, locale: crate::kit::i18n::Locale) -> InvitationView {
    InvitationView {
        id: invitation.id,
        kind: invitation.kind,
        from_name: invitation.from_name,
        helper_name: invitation.helper_name,
        scope: invitation.scope,
        shares: invitation.shares,
        status: invitation.status,
        sent_on: locale.long_date(invitation.created_at.date_naive()),
        expires_on: locale.long_date(invitation.expires_at.date_naive()),
    }
}

/// Store errors for these functions.
#[cfg(feature = "ssr")]
pub(super) fn failed<'a>(visitor: &'a crate::kit::visitor::Visitor, context: &'static str) -> impl Fn(crate::backend::ports::StoreError) -> AppError + 'a {
    move |e| crate::backend::cx::store_failure(visitor, context, e)
}

#[server(prefix = "/api", endpoint = "family/mine")]
pub async fn my_family() -> Result<FamilyView, AppError> {
    use crate::backend::cx::{services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    let store = &services.store;
    let locale = visitor.locale;
    let relations = store.relations(me.id).await.map_err(failed(&visitor, "reading relations"))?;
    let mut links = Vec::new();
    for other in relations.cares_for.iter().chain(&relations.cared_for_by) {
        let Some(account) = store.find_account(*other).await.map_err(failed(&visitor, "reading an account"))? else { continue };
        links.push(LinkView {
            person_id: account.id,
            name: account.display_name,
            role: account.role,
            i_share: store.shares(me.id, *other).await.map_err(failed(&visitor, "reading shares"))?,
            they_share: store.shares(*other, me.id).await.map_err(failed(&visitor, "reading shares"))?,
        });
    }
    let helpers = store
        .helpers_of(me.id)
        .await
        .map_err(failed(&visitor, "reading helpers"))?
        .into_iter()
        .map(|h| HelperView { id: h.id, name: h.name, email: h.email, scope: h.scope, since: locale.long_date(h.granted_at.date_naive()) })
        .collect();
    let invitations = store
        .invitations_from(me.id)
        .await
        .map_err(failed(&visitor, "reading invitations"))?
        .into_iter()
        .map(|i| invitation_view(i, locale))
        .collect();
    let mut acting_for = Vec::new();
    for (id, scope) in relations.represents {
        if let Some(account) = store.find_account(id).await.map_err(failed(&visitor, "reading an account"))? {
            acting_for.push(ActingFor { id, name: account.display_name, role: account.role, scope });
        }
    }
    Ok(FamilyView { links, helpers, invitations, acting_for })
}

/// A carer asks to be linked to the person they care for: a code to give them. Shares chosen
/// now apply once the link is accepted.
#[server(prefix = "/api", endpoint = "family/invite-cared-for")]
pub async fn invite_cared_for(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::family::{shares_from_form, INVITATION_DAYS};
    use crate::backend::ports::NewInvitation;
    use crate::backend::cx::{audit, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    if me.role != Role::Carer {
        return Err(AppError::NotFound);
    }
    let services = services()?;
    let now = services.clock.now();
    let code = services.digests.new_typeable_code();
    let shares = shares_from_form(Role::Carer, &fields);
    let invitation = NewInvitation {
        digest: &services.digests.digest(code.as_str()),
        kind: InvitationKind::CareLink,
        from_id: me.id,
        helper_name: None,
        helper_email: None,
        scope: None,
        shares: &shares,
        expires_at: now + chrono::Duration::days(INVITATION_DAYS as i64),
    };
    let id = services.store.create_invitation(invitation, now).await.map_err(failed(&visitor, "creating an invitation"))?;
    audit(&services, &visitor, Some(me.id), "care link invitation created", Some(me.id), Some(&format!("invitation {id}"))).await?;
    leptos_axum::redirect(&format!("/family/invited?code={}", code.as_str()));
    Ok(())
}

/// A carer or customer invites a helper: an email with a link, and a code to give in person.
#[server(prefix = "/api", endpoint = "family/invite-helper")]
pub async fn invite_helper(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::family::{HelperInvitation, INVITATION_DAYS};
    use crate::backend::ports::{Email, NewInvitation};
    use crate::backend::cx::{audit, plan_holder, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = plan_holder(&visitor)?;
    let services = services()?;
    let helper = HelperInvitation::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let now = services.clock.now();
    let code = services.digests.new_typeable_code();
    let invitation = NewInvitation {
        digest: &services.digests.digest(code.as_str()),
        kind: InvitationKind::Helper,
        from_id: me.id,
        helper_name: Some(&helper.name),
        helper_email: Some(&helper.email),
        scope: Some(helper.scope),
        shares: &[],
        expires_at: now + chrono::Duration::days(INVITATION_DAYS as i64),
    };
    let id = services.store.create_invitation(invitation, now).await.map_err(failed(&visitor, "creating an invitation"))?;
    audit(&services, &visitor, Some(me.id), "helper invited", Some(me.id), Some(&format!("invitation {id}, {}", helper.scope.as_str())))
        .await?;
    let locale = visitor.locale;
    let link = format!("{}/invitations/{}", services.public_url, code.as_str());
    let email = Email {
        to: helper.email.clone(),
        subject: locale.fill(crate::kit::i18n::Text::FamilyMailSubject, &[("name", &me.name)]),
        body: locale.fill(
            crate::kit::i18n::Text::FamilyMailBody,
            &[("helper", &helper.name), ("name", &me.name), ("link", &link), ("code", &code.grouped()), ("council", &services.council.name)],
        ),
    };
    // The code is also on the inviter's screen: an email that fails is logged, not fatal.
    if let Err(error) = services.mailer.send(&email).await {
        tracing::warn!(request_id = %visitor.request_id, "sending a helper invitation: {error}");
    }
    leptos_axum::redirect(&format!("/family/invited?code={}&helper=1", code.as_str()));
    Ok(())
}

#[server(prefix = "/api", endpoint = "family/withdraw")]
pub async fn withdraw_invitation(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::{audit, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    let mine = services.store.invitations_from(me.id).await.map_err(failed(&visitor, "reading invitations"))?;
    if !mine.iter().any(|i| i.id == id && i.status == InvitationStatus::Open) {
        return Err(AppError::NotFound);
    }
    services
        .store
        .close_invitation(id, me.id, InvitationStatus::Withdrawn, services.clock.now())
        .await
        .map_err(failed(&visitor, "withdrawing an invitation"))?;
    audit(&services, &visitor, Some(me.id), "invitation withdrawn", Some(me.id), Some(&format!("invitation {id}"))).await?;
    leptos_axum::redirect("/family");
    Ok(())
}

/// What the signed-in person shares with someone they are linked to.
#[server(prefix = "/api", endpoint = "family/shares")]
pub async fn set_shares(
    #[server(default)] person: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::family::shares_from_form;
    use crate::backend::cx::{audit, plan_holder, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = plan_holder(&visitor)?;
    let services = services()?;
    linked(&services, &visitor, me.id, person).await?;
    let shares = shares_from_form(me.role, &fields);
    services.store.set_shares(me.id, person, &shares).await.map_err(failed(&visitor, "saving shares"))?;
    let what = shares.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    audit(&services, &visitor, Some(me.id), "sharing changed", Some(person), Some(&what)).await?;
    leptos_axum::redirect("/family?shared=1");
    Ok(())
}

/// Whether `me` and `person` are linked as carer and cared-for; "not found" otherwise.
#[cfg(feature = "ssr")]
async fn linked(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    me: i64,
    person: i64,
) -> Result<(i64, i64), AppError> {
    let relations = services.store.relations(me).await.map_err(failed(visitor, "reading relations"))?;
    if relations.cares_for.contains(&person) {
        Ok((me, person))
    } else if relations.cared_for_by.contains(&person) {
        Ok((person, me))
    } else {
        Err(AppError::NotFound)
    }
}

/// Ends the link between a carer and the person they care for (either may).
#[server(prefix = "/api", endpoint = "family/unlink")]
pub async fn unlink(#[server(default)] person: i64) -> Result<(), AppError> {
    use crate::backend::cx::{audit, plan_holder, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = plan_holder(&visitor)?;
    let services = services()?;
    let (carer, customer) = linked(&services, &visitor, me.id, person).await?;
    services.store.unlink(carer, customer).await.map_err(failed(&visitor, "ending a link"))?;
    audit(&services, &visitor, Some(me.id), "care link ended", Some(person), None).await?;
    leptos_axum::redirect("/family?unlinked=1");
    Ok(())
}

/// Takes a helper's access away.
#[server(prefix = "/api", endpoint = "family/remove-helper")]
pub async fn remove_helper(#[server(default)] helper: i64) -> Result<(), AppError> {
    use crate::backend::cx::{audit, plan_holder, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = plan_holder(&visitor)?;
    let services = services()?;
    services.store.remove_helper(me.id, helper).await.map_err(failed(&visitor, "removing a helper"))?;
    audit(&services, &visitor, Some(me.id), "helper access removed", Some(helper), None).await?;
    leptos_axum::redirect("/family?removed=1");
    Ok(())
}
