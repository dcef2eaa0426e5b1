//! Server functions for the whole family: linking a carer and the person they care for by an
//! invitation code, choosing what each shares with the other, helpers (representatives) with
//! their own sign-in and a scope, and answering an invitation. Every change is in the audit log.
use leptos::prelude::*;

use super::wire::{ActingFor, AnswerForm, FamilyView, HelperForm, InvitationView, SharesForm};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "family/mine")]
pub async fn my_family() -> Result<FamilyView, AppError> {
    use crate::backend::cx::Cx;

    use crate::domain::family::Family;

    let cx = Cx::signed_in()?;
    Ok(FamilyView::from_record(Family::load(&cx).await?, cx.locale()))
}

/// A carer asks to be linked to the person they care for: a code to give them. Shares chosen
/// now apply once the link is accepted.
#[server(prefix = "/api", endpoint = "family/invite-cared-for")]
pub async fn invite_cared_for(#[server(flatten)] form: SharesForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::account::Role;
    use crate::domain::family::{Invitation, InvitationKind};

    let cx = Cx::signed_in()?;
    if cx.me().role != Role::Carer {
        return Err(AppError::NotFound);
    }
    let (id, code) = Invitation::create(&cx, InvitationKind::CareLink, None, &form.shares(Role::Carer)).await?;
    cx.audit("care link invitation created", Some(cx.me().id), Some(&format!("invitation {id}"))).await?;
    leptos_axum::redirect(&format!("/family/invited?code={}", code.as_str()));
    Ok(())
}

/// A carer or customer invites a helper: an email with a link, and a code to give in person.
#[server(prefix = "/api", endpoint = "family/invite-helper")]
pub async fn invite_helper(#[server(flatten)] form: HelperForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::family::{HelperInvitation, Invitation, InvitationKind};

    let cx = Cx::plan_holder()?;
    let helper = HelperInvitation::try_from(form).map_err(|problems| cx.invalid(&problems))?;
    cx.limit_mail_to(&helper.email, crate::backend::cx::MAIL_PER_SENDER).await?;
    let (id, code) = Invitation::create(&cx, InvitationKind::Helper, Some(&helper), &[]).await?;
    let reason = format!("invitation {id}, {}", helper.scope.as_str());
    cx.audit("helper invited", Some(cx.me().id), Some(&reason)).await?;
    Invitation::email_helper(&cx, &helper, &code).await;
    leptos_axum::redirect(&format!("/family/invited?code={}&helper=1", code.as_str()));
    Ok(())
}

#[server(prefix = "/api", endpoint = "family/withdraw")]
pub async fn withdraw_invitation(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::family::InvitationStatus;

    let cx = Cx::signed_in()?;
    let me = cx.me().id;
    let mine = cx.store().invitations_from(me).await?;
    if !mine.iter().any(|i| i.id == id && i.status == InvitationStatus::Open) {
        return Err(AppError::NotFound);
    }
    cx.store().close_invitation(id, me, InvitationStatus::Withdrawn, cx.now()).await?;
    cx.audit("invitation withdrawn", Some(me), Some(&format!("invitation {id}"))).await?;
    leptos_axum::redirect("/family");
    Ok(())
}

/// What the signed-in person shares with someone they are linked to.
#[server(prefix = "/api", endpoint = "family/shares")]
pub async fn set_shares(#[server(default)] person: i64, #[server(flatten)] form: SharesForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::family::care_link;

    let cx = Cx::plan_holder()?;
    let me = cx.me().id;
    care_link(&cx.relations().await?, me, person).ok_or(AppError::NotFound)?;
    let shares = form.shares(cx.me().role);
    cx.store().set_shares(me, person, &shares).await?;
    let what = shares.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    cx.audit("sharing changed", Some(person), Some(&what)).await?;
    leptos_axum::redirect("/family?shared=1");
    Ok(())
}

/// Ends the link between a carer and the person they care for (either may).
#[server(prefix = "/api", endpoint = "family/unlink")]
pub async fn unlink(#[server(default)] person: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::family::care_link;

    let cx = Cx::plan_holder()?;
    let (carer, customer) = care_link(&cx.relations().await?, cx.me().id, person).ok_or(AppError::NotFound)?;
    cx.store().unlink(carer, customer).await?;
    cx.audit("care link ended", Some(person), None).await?;
    leptos_axum::redirect("/family?unlinked=1");
    Ok(())
}

/// Takes a helper's access away.
#[server(prefix = "/api", endpoint = "family/remove-helper")]
pub async fn remove_helper(#[server(default)] helper: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    cx.store().remove_helper(cx.me().id, helper).await?;
    cx.audit("helper access removed", Some(helper), None).await?;
    leptos_axum::redirect("/family?removed=1");
    Ok(())
}

/// The invitation behind a code, for the page where it is answered. Anyone with the code may
/// see who sent it (a helper may not have an account yet); codes are rate limited per address.
#[server(prefix = "/api", endpoint = "family/invitation")]
pub async fn invitation_by_code(#[server(default)] code: String) -> Result<InvitationView, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::family::Invitation;

    let cx = Cx::anyone()?;
    Ok(InvitationView::from_record(Invitation::open(&cx, &code).await?, cx.locale()))
}

/// Accepts or declines an invitation. A care link is accepted by the person cared for (with
/// what they share back), or by their representative who may act for them (`person`); a
/// helper invitation by a helper's account.
#[server(prefix = "/api", endpoint = "family/answer")]
pub async fn answer_invitation(#[server(flatten)] form: AnswerForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::account::Role;
    use crate::domain::family::{Answer, FamilyProblem, Invitation, InvitationKind, Principal};

    let cx = Cx::signed_in()?;
    let (me, role, now) = (cx.me().id, cx.me().role, cx.now());
    let invitation = Invitation::open(&cx, &form.code).await?;
    let answer = Answer::parse(&form.answer).ok_or_else(|| cx.invalid(&[FamilyProblem::Answer]))?;
    if invitation.from_id == me {
        return Err(cx.invalid(&[FamilyProblem::Yourself]));
    }
    let reference = format!("invitation {}", invitation.id);
    match (invitation.kind, role) {
        (InvitationKind::CareLink, Role::Customer | Role::Representative) => {
            let customer = if role == Role::Customer { me } else { Principal::customer(&cx, &form.person).await? };
            match answer {
                Answer::Accept => {
                    let shares = form.shares.shares(Role::Customer);
                    cx.store().accept_care_link(invitation.id, customer, me, &shares, now).await?;
                    cx.audit("care link accepted", Some(customer), Some(&reference)).await?;
                    cx.audit("care link accepted", Some(invitation.from_id), Some(&reference)).await?;
                }
                Answer::Decline => invitation.decline(&cx, &reference).await?,
            }
        }
        (InvitationKind::Helper, Role::Representative) => match answer {
            Answer::Accept => {
                cx.store().accept_helper(invitation.id, me, now).await?;
                cx.audit("helper access accepted", Some(invitation.from_id), Some(&reference)).await?;
            }
            Answer::Decline => invitation.decline(&cx, &reference).await?,
        },
        _ => return Err(cx.invalid(&[FamilyProblem::NotForYou])),
    }
    leptos_axum::redirect(if answer == Answer::Accept { "/family?accepted=1" } else { "/family?declined=1" });
    Ok(())
}

/// Starts a helper's account from an invitation: the helper chooses their own password, nobody
/// else knows it. The account uses the address the invitation was sent to, and is made when the
/// link emailed there is opened (it leads back to the invitation, to accept it signed in).
#[server(prefix = "/api", endpoint = "family/helper-account")]
pub async fn create_helper_account(
    #[server(default)] code: String,
    #[server(default)] name: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::backend::cx::Cx;
    use crate::backend::ports::{start_registration, NewAccount};
    use crate::domain::account::{Registration, Role};
    use crate::domain::family::{FamilyProblem, Invitation, InvitationKind};

    let cx = Cx::anyone()?;
    let ip = cx.visitor().client_ip.clone().unwrap_or_default();
    let per_hour = cx.services().council.registrations_per_hour;
    if !cx.services().limits.allow(&format!("register:{ip}"), per_hour, Duration::from_secs(3600)).await {
        return Err(AppError::RateLimited);
    }
    let invitation = Invitation::open(&cx, &code).await?;
    let (InvitationKind::Helper, Some(email)) = (invitation.kind, invitation.helper_email.as_deref()) else {
        return Err(cx.invalid(&[FamilyProblem::NotForYou]));
    };
    // The same rules as anyone registering; the account is a helper's.
    let registration = Registration::parse(&name, email, &password, Role::Customer.as_str(), "")
        .map_err(|problems| cx.invalid(&problems))?;
    let hash =
        cx.services().passwords.hash(registration.password.expose()).await.map_err(|e| cx.internal("hashing", e))?;
    let account = NewAccount {
        email: registration.email.as_str(),
        display_name: registration.name.as_str(),
        role: Role::Representative,
        password_hash: &hash,
        locale: cx.locale(),
        created_by: None,
        postcode: None,
    };
    start_registration(&cx, account, Some(&format!("/invitations/{}", code.trim()))).await?;
    leptos_axum::redirect("/register/check-email");
    Ok(())
}

/// The people a representative may act for with permission to change things, for the form
/// where they accept a care link on someone's behalf.
#[server(prefix = "/api", endpoint = "family/acting-for")]
pub async fn acting_for_customers() -> Result<Vec<ActingFor>, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::account::Role;
    use crate::domain::family::Principal;
    use crate::policy::Scope;

    let cx = Cx::signed_in()?;
    if cx.me().role != Role::Representative {
        return Ok(Vec::new());
    }
    let people = Principal::load(&cx, cx.relations().await?.represents).await?;
    Ok(people.into_iter().filter(|p| p.scope == Scope::Edit && p.role == Role::Customer).map(ActingFor::from).collect())
}
