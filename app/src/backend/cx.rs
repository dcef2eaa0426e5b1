//! The request context every server function (and plain route) opens: who is asking, the
//! services, authorising through `policy`, the audit log, and errors mapped once.
//!
//! A server function reads like this:
//!
//! ```ignore
//! let cx = Cx::signed_in()?;
//! let review = cx.store().review(id).await?.ok_or(AppError::NotFound)?;
//! cx.authorise_record(review.person_id, Record::Reviews, Access::View, "viewed review").await?;
//! ```
//!
//! Refusals are "not found" (nobody learns whether a record exists) and are audited; a store
//! error becomes "not found", a conflict or a logged fault through one `From<StoreError>`.
//! The request's tracing span (opened by the server's visitor middleware with the request id)
//! gets the actor's account number and role, never their name or email.
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::use_context;

use crate::backend::ports::{AuditEvent, Services, Store, StoreResult};
use crate::backend::session::SessionHandle;
use crate::domain::account::Role;
use crate::domain::Problem;
use crate::error::AppError;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::{use_visitor, SignedInUser, Visitor};
use crate::policy::{Access, Actor, Basis, Capability, Decision, Record, Relations};

/// Nobody in particular: a request anyone may make (the contact form, signing in).
#[derive(Clone, Copy, Debug)]
pub struct Anyone;

/// One request: the visitor, the services, and who is asking (`Anyone` or a `SignedInUser`).
#[derive(Clone)]
pub struct Cx<Who = Anyone> {
    visitor: Visitor,
    services: Services,
    who: Who,
}

impl Cx<Anyone> {
    /// The context of this server function's request, for anyone.
    pub fn anyone() -> Result<Cx<Anyone>, AppError> {
        let visitor = use_visitor();
        let services = use_context::<Services>().ok_or_else(|| {
            tracing::error!("server function called without Services in context");
            AppError::Internal { request_id: visitor.request_id.clone() }
        })?;
        Ok(Cx { visitor, services, who: Anyone })
    }

    /// The context of a plain route, which has its services and visitor from axum.
    pub fn of(services: Services, visitor: Visitor) -> Cx<Anyone> {
        Cx { visitor, services, who: Anyone }
    }

    /// The signed-in person's context, or `Unauthenticated`.
    pub fn signed_in() -> Result<Cx<SignedInUser>, AppError> {
        Cx::anyone()?.require_signed_in()
    }

    /// A carer or customer: the people with a plan, budget and reviews of their own. Anyone
    /// else (staff) has none, so for them these are "not found".
    pub fn plan_holder() -> Result<Cx<SignedInUser>, AppError> {
        Cx::anyone()?.require_plan_holder()
    }

    /// A signed-in person whose role has `capability`; a refusal is audited and "not found".
    pub async fn with(capability: Capability, what: &str) -> Result<Cx<SignedInUser>, AppError> {
        Cx::anyone()?.require(capability, what).await
    }

    pub fn require_signed_in(self) -> Result<Cx<SignedInUser>, AppError> {
        let me = self.visitor.user.clone().ok_or(AppError::Unauthenticated)?;
        let span = tracing::Span::current();
        span.record("actor", me.id);
        span.record("role", me.role.as_str());
        Ok(Cx { visitor: self.visitor, services: self.services, who: me })
    }

    pub fn require_plan_holder(self) -> Result<Cx<SignedInUser>, AppError> {
        let cx = self.require_signed_in()?;
        match cx.who.role {
            Role::Carer | Role::Customer => Ok(cx),
            _ => Err(AppError::NotFound),
        }
    }

    pub async fn require(self, capability: Capability, what: &str) -> Result<Cx<SignedInUser>, AppError> {
        let cx = self.require_signed_in()?;
        if !cx.actor().may(capability) {
            cx.audit("permission refused", None, Some(what)).await?;
            return Err(AppError::NotFound);
        }
        Ok(cx)
    }
}

impl<Who> Cx<Who> {
    pub fn store(&self) -> &dyn Store {
        self.services.store.as_ref()
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    pub fn visitor(&self) -> &Visitor {
        &self.visitor
    }

    pub fn locale(&self) -> Locale {
        self.visitor.locale
    }

    pub fn t(&self, text: Text) -> &'static str {
        self.visitor.locale.text(text)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.services.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// A form's problems as messages next to its fields, in the person's language.
    pub fn invalid<P: Problem>(&self, problems: &[P]) -> AppError {
        AppError::invalid(problems, self.visitor.locale)
    }

    /// One field's message, for a rule only the server can check (a wrong code, a taken email).
    pub fn field_error(&self, field: &str, text: Text) -> AppError {
        AppError::Validation { fields: [(field.to_owned(), self.t(text).to_owned())].into() }
    }

    /// Logs an internal failure with the request id and returns an error that says nothing more.
    pub fn internal(&self, context: &str, error: impl std::fmt::Display) -> AppError {
        internal(&self.visitor, context, error)
    }

    /// This request's session (set by the server's session middleware).
    pub fn session(&self) -> Result<SessionHandle, AppError> {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<SessionHandle>().cloned())
            .ok_or_else(|| self.internal("session", "no session handle on the request"))
    }

    /// Writes one line to the audit log for `actor_id`. The audit log is part of the record:
    /// if it cannot be written, the action fails.
    pub async fn audit_as(
        &self,
        actor_id: Option<i64>,
        action: &str,
        subject_id: Option<i64>,
        reason: Option<&str>,
    ) -> Result<(), AppError> {
        let event = AuditEvent {
            at: self.now(),
            actor_id,
            action: action.to_owned(),
            subject_id,
            reason: reason.map(str::to_owned),
            detail: Some(format!("request {}", self.visitor.request_id)),
            client_ip: self.visitor.client_ip.clone(),
        };
        self.store().record(&event).await.map_err(|e| self.internal("writing the audit log", e))
    }
}

/// Emails to typed addresses a carer or cared-for person may cause in a day (`Cx::limit_mail_to`).
pub const MAIL_PER_SENDER: u32 = 10;
/// The same for an admin adding staff accounts.
pub const MAIL_PER_ADMIN: u32 = 100;
/// Emails one typed address may get in a day, from everyone together.
pub const MAIL_PER_ADDRESS: u32 = 3;

impl Cx<SignedInUser> {
    /// Who is asking.
    pub fn me(&self) -> &SignedInUser {
        &self.who
    }

    /// `SignInAgain` (audited) unless this session's sign-in is fresh (`SessionHandle::is_fresh`):
    /// a session kept alive on an unlocked computer is not enough for `what`.
    pub async fn require_fresh_sign_in(&self, what: &str) -> Result<(), AppError> {
        if self.session()?.is_fresh(self.now()) {
            return Ok(());
        }
        self.audit("fresh sign-in asked", None, Some(what)).await?;
        Err(AppError::SignInAgain)
    }

    pub fn actor(&self) -> Actor {
        self.who.actor()
    }

    /// Writes one line to the audit log as the signed-in person.
    pub async fn audit(&self, action: &str, subject_id: Option<i64>, reason: Option<&str>) -> Result<(), AppError> {
        self.audit_as(Some(self.who.id), action, subject_id, reason).await
    }

    /// Before mail goes to an address the signed-in person typed: each person may have the
    /// council's address send at most `per_sender` such emails a day (`MAIL_PER_SENDER` for
    /// people helping themselves), and no address gets more than `MAIL_PER_ADDRESS` a day from
    /// anyone, so a form cannot be turned into a way of sending council-branded mail to strangers.
    pub async fn limit_mail_to(&self, address: &str, per_sender: u32) -> Result<(), AppError> {
        let day = std::time::Duration::from_secs(24 * 3600);
        let limits = &self.services().limits;
        let sender = format!("mail:from:{}", self.me().id);
        let by_sender = limits.allow(&sender, per_sender, day).await;
        let to = address.trim().to_lowercase();
        let by_address = by_sender && limits.allow(&format!("mail:to:{to}"), MAIL_PER_ADDRESS, day).await;
        if by_sender && !by_address {
            // Only mail that goes counts towards the sender's day.
            limits.forgive(&sender).await;
        }
        if !(by_sender && by_address) {
            self.audit("mail refused: too many", None, None).await?;
            return Err(AppError::RateLimited);
        }
        Ok(())
    }

    /// The signed-in person's ties to other people (cares for, represents, caseload).
    pub async fn relations(&self) -> Result<Relations, AppError> {
        Ok(self.store().relations(self.who.id).await?)
    }

    /// Whether the signed-in person may reach `person_id`'s `record`, asked through `policy`
    /// without refusing anything: for a part of a page or document that only some of its
    /// readers may see (the personal budget in a copy of the plan).
    pub async fn may(&self, person_id: i64, record: Record, access: Access) -> Result<bool, AppError> {
        let relations = self.relations().await?;
        Ok(matches!(self.actor().may_access(&relations, person_id, record, access), Decision::Allowed { .. }))
    }

    /// Checks through `policy` that the signed-in person may reach `person_id`'s `record`. A
    /// refusal is audited and reported as "not found", so nobody learns whether the record
    /// exists. Staff reads of someone else's record are audited.
    pub async fn authorise(
        &self,
        person_id: i64,
        record: Record,
        access: Access,
        what: &str,
    ) -> Result<Basis, AppError> {
        let actor = self.actor();
        let relations = self.relations().await?;
        match actor.may_access(&relations, person_id, record, access) {
            Decision::Allowed { basis } => {
                if actor.role.is_staff() && basis != Basis::OwnRecord {
                    self.audit(what, Some(person_id), Some(basis.as_str())).await?;
                }
                Ok(basis)
            }
            Decision::Denied => {
                self.audit("permission refused", Some(person_id), Some(what)).await?;
                Err(AppError::NotFound)
            }
        }
    }

    /// A record read from the store, if the signed-in person may reach it: missing and refused
    /// are the same "not found". Replaces a load-then-authorise helper per feature:
    /// `cx.authorised(cx.store().review(id).await, Record::Reviews, Access::View, "viewed review")`.
    pub async fn authorised<T: AboutPerson>(
        &self,
        found: StoreResult<Option<T>>,
        record: Record,
        access: Access,
        what: &str,
    ) -> Result<T, AppError> {
        let found = found?.ok_or(AppError::NotFound)?;
        self.authorise_record(found.person_id(), record, access, what).await?;
        Ok(found)
    }

    /// For a record about `person_id` (a plan, a review, a budget): whoever the policy lets see
    /// it may read it, but only practitioners change it (sign off, arrange, record an outcome),
    /// and trusted assessors the assessment of a carer whose record they started.
    pub async fn authorise_record(
        &self,
        person_id: i64,
        record: Record,
        access: Access,
        what: &str,
    ) -> Result<(), AppError> {
        let basis = self.authorise(person_id, record, access, what).await?;
        // A trusted assessor changes only what the policy gives them: the assessment they
        // fill in with a carer whose record they started (never a decision or a sign-off).
        let changes = self.actor().may(Capability::ViewCaseload) || basis == Basis::StartedRecord;
        if access == Access::Edit && !changes {
            return Err(AppError::NotFound);
        }
        Ok(())
    }
}

/// Logs an internal failure with the request id and returns an error that says nothing more.
pub fn internal(visitor: &Visitor, context: &str, error: impl std::fmt::Display) -> AppError {
    tracing::error!(request_id = %visitor.request_id, "{context}: {error}");
    AppError::Internal { request_id: visitor.request_id.clone() }
}

/// A record about one person, so `Cx::authorised` can check it through the policy.
pub trait AboutPerson {
    fn person_id(&self) -> i64;
}
