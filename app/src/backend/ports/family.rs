//! The store's side of the whole family: sharing choices, invitations, helpers; and what the
//! family's server functions share: the family page loaded, an invitation opened by its code,
//! created, mailed or declined.
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Email, StoreResult};
use crate::backend::cx::Cx;
use crate::domain::account::Role;
use crate::domain::emergency::CardCode;
use crate::domain::family::{
    Family, FamilyProblem, Helper, HelperInvitation, Invitation, InvitationKind, InvitationStatus, LinkedPerson,
    NewInvitation, Principal, INVITATION_DAYS,
};
use crate::error::AppError;
use crate::kit::i18n::Text;
use crate::kit::visitor::SignedInUser;
use crate::policy::{Access, Record, Scope};

#[async_trait]
pub trait FamilyStore: Send + Sync {
    async fn create_invitation(&self, invitation: NewInvitation<'_>, at: DateTime<Utc>) -> StoreResult<i64>;
    /// An open, unexpired invitation with this code's digest.
    async fn open_invitation(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<Invitation>>;
    /// The invitations a person has sent, newest first.
    async fn invitations_from(&self, person_id: i64) -> StoreResult<Vec<Invitation>>;
    /// Accepts a care link: links the carer (the inviter) and `customer_id`, records what the
    /// carer shares from the start and what the customer chose to share back. All or nothing;
    /// `Conflict` when the invitation is no longer open.
    async fn accept_care_link(
        &self,
        invitation_id: i64,
        customer_id: i64,
        answered_by: i64,
        customer_shares: &[Record],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Accepts a helper invitation: `helper_id` may act for the inviter to its scope.
    async fn accept_helper(&self, invitation_id: i64, helper_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    /// Declines (by the invited person) or withdraws (by the inviter) an open invitation.
    async fn close_invitation(
        &self,
        invitation_id: i64,
        by: i64,
        status: InvitationStatus,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// What `owner_id` shares with `viewer_id`.
    async fn shares(&self, owner_id: i64, viewer_id: i64) -> StoreResult<Vec<Record>>;
    async fn set_shares(&self, owner_id: i64, viewer_id: i64, records: &[Record]) -> StoreResult<()>;
    /// Ends a care link (either side may) and every share between the two.
    async fn unlink(&self, carer_id: i64, customer_id: i64) -> StoreResult<()>;
    /// The helpers who may act for a person.
    async fn helpers_of(&self, principal_id: i64) -> StoreResult<Vec<Helper>>;
    /// Takes a helper's access away.
    async fn remove_helper(&self, principal_id: i64, helper_id: i64) -> StoreResult<()>;
}

impl Invitation {
    /// The open invitation behind a code someone typed or followed. Anyone with the code may
    /// see who sent it (a helper may not have an account yet), so codes are rate limited per
    /// address; a code that works is not counted.
    pub async fn open<Who>(cx: &Cx<Who>, code: &str) -> Result<Invitation, AppError> {
        let Some(code) = CardCode::parse(code) else { return Err(cx.invalid(&[FamilyProblem::CodeFormat])) };
        let key = format!("invitation:ip:{}", cx.visitor().client_ip.as_deref().unwrap_or("unknown"));
        let limits = &cx.services().limits;
        if !limits.allow(&key, 20, Duration::from_secs(15 * 60)).await {
            return Err(AppError::RateLimited);
        }
        match cx.store().open_invitation(&cx.services().digests.digest(code.as_str()), cx.now()).await? {
            Some(invitation) => {
                limits.forgive(&key).await;
                Ok(invitation)
            }
            None => Err(cx.invalid(&[FamilyProblem::CodeUnknown])),
        }
    }

    /// Creates an invitation from the signed-in person: its number and the code to give.
    pub async fn create(
        cx: &Cx<SignedInUser>,
        kind: InvitationKind,
        helper: Option<&HelperInvitation>,
        shares: &[Record],
    ) -> Result<(i64, CardCode), AppError> {
        Invitation::create_from(cx, cx.me().id, kind, helper, shares).await
    }

    /// Creates an invitation from `from_id`, who may be someone the signed-in practitioner
    /// acts for with their agreement (their advocate, invited to read their records).
    pub async fn create_from(
        cx: &Cx<SignedInUser>,
        from_id: i64,
        kind: InvitationKind,
        helper: Option<&HelperInvitation>,
        shares: &[Record],
    ) -> Result<(i64, CardCode), AppError> {
        let now = cx.now();
        let code = cx.services().digests.new_typeable_code();
        let invitation = NewInvitation {
            digest: &cx.services().digests.digest(code.as_str()),
            kind,
            from_id,
            helper_name: helper.map(|h| h.name.as_str()),
            helper_email: helper.map(|h| h.email.as_str()),
            scope: helper.map(|h| h.scope),
            shares,
            expires_at: now + chrono::Duration::days(INVITATION_DAYS as i64),
        };
        let id = cx.store().create_invitation(invitation, now).await?;
        Ok((id, code))
    }

    /// Emails a helper the link and the code. The code is also on the inviter's screen: an
    /// email that fails is logged, not fatal.
    pub async fn email_helper(cx: &Cx<SignedInUser>, helper: &HelperInvitation, code: &CardCode) {
        let (locale, services, me) = (cx.locale(), cx.services(), cx.me());
        let link = format!("{}/invitations/{}", services.public_url, code.as_str());
        let email = Email {
            to: helper.email.clone(),
            subject: locale.fill(Text::FamilyMailSubject, &[("name", &me.name)]),
            body: locale.fill(
                Text::FamilyMailBody,
                &[
                    ("helper", &helper.name),
                    ("name", &me.name),
                    ("link", &link),
                    ("code", &code.grouped()),
                    ("council", &services.council.name),
                ],
            ),
        };
        if let Err(error) = services.mailer.send(&email).await {
            tracing::warn!(request_id = %cx.visitor().request_id, "sending a helper invitation: {error}");
        }
    }

    /// The invited person (`cx`) declines.
    pub async fn decline(&self, cx: &Cx<SignedInUser>, reference: &str) -> Result<(), AppError> {
        cx.store().close_invitation(self.id, cx.me().id, InvitationStatus::Declined, cx.now()).await?;
        cx.audit("invitation declined", Some(self.from_id), Some(reference)).await
    }
}

impl Family {
    /// The signed-in person's family: who they are linked to and what each shares, their
    /// helpers, the invitations they sent, and whom they act for.
    pub async fn load(cx: &Cx<SignedInUser>) -> Result<Family, AppError> {
        let (me, store) = (cx.me().id, cx.store());
        let relations = cx.relations().await?;
        let mut links = Vec::new();
        for other in relations.cares_for.iter().chain(&relations.cared_for_by) {
            let Some(account) = store.find_account(*other).await? else { continue };
            links.push(LinkedPerson {
                person_id: account.id,
                name: account.display_name,
                role: account.role,
                i_share: store.shares(me, *other).await?,
                they_share: store.shares(*other, me).await?,
            });
        }
        let helpers = store.helpers_of(me).await?;
        let invitations = store.invitations_from(me).await?;
        let acting_for = Principal::load(cx, relations.represents).await?;
        Ok(Family { links, helpers, invitations, acting_for })
    }
}

impl Principal {
    /// The people in `represents` (a representative's relations) who still have an account.
    pub async fn load(cx: &Cx<SignedInUser>, represents: Vec<(i64, Scope)>) -> Result<Vec<Principal>, AppError> {
        let mut people = Vec::new();
        for (id, scope) in represents {
            if let Some(account) = cx.store().find_account(id).await? {
                people.push(Principal { id, name: account.display_name, role: account.role, scope });
            }
        }
        Ok(people)
    }

    /// The customer a representative answers a care link for (`person`, from the form): they
    /// must be a customer the representative may act for with permission to change things.
    pub async fn customer(cx: &Cx<SignedInUser>, person: &str) -> Result<i64, AppError> {
        let Ok(person) = person.parse::<i64>() else { return Err(cx.invalid(&[FamilyProblem::Person])) };
        cx.authorise(person, Record::Profile, Access::Edit, "answered care link").await?;
        let account = cx.store().find_account(person).await?;
        if !account.is_some_and(|a| a.role == Role::Customer) {
            return Err(cx.invalid(&[FamilyProblem::Person]));
        }
        Ok(person)
    }
}
