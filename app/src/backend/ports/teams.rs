//! The store's side of teams, intake and allocation.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::domain::account::Account;
use crate::domain::allocation::{Allocation, IntakeEntry, Waiting};
use crate::domain::teams::{Membership, OpenAllocation, Team, TeamMember, TeamRule, Work};
use crate::error::AppError;
use crate::kit::visitor::SignedInUser;

#[async_trait]
pub trait TeamStore: Send + Sync {
    /// Every team, by name.
    async fn teams(&self) -> StoreResult<Vec<Team>>;
    async fn team(&self, id: i64) -> StoreResult<Option<Team>>;
    /// `Conflict` when another team has the name.
    async fn create_team(&self, name: &str, rule: &TeamRule, at: DateTime<Utc>) -> StoreResult<i64>;
    /// Changes whose intake the team receives; `NotFound` when there is no such team.
    async fn set_team_rule(&self, team_id: i64, rule: &TeamRule) -> StoreResult<()>;
    /// The team's members, managers first, then by name.
    async fn team_members(&self, team_id: i64) -> StoreResult<Vec<TeamMember>>;
    /// Puts a practitioner in the team (`Some(manages)`) or takes them out (`None`).
    async fn set_team_place(
        &self,
        team_id: i64,
        user_id: i64,
        manages: Option<bool>,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The teams a member of staff is in.
    async fn membership(&self, user_id: i64) -> StoreResult<Membership>;
}

#[async_trait]
pub trait AllocationStore: Send + Sync {
    /// Everything sent by carers and cared-for people who have no live worker (never had one,
    /// their allocation ended, or their worker is switched off), from registering on.
    async fn waiting_for_a_worker(&self) -> StoreResult<Vec<Waiting>>;
    /// A person's allocations, newest first.
    async fn allocations_of(&self, person_id: i64) -> StoreResult<Vec<Allocation>>;
    /// Every open allocation.
    async fn open_allocations(&self) -> StoreResult<Vec<OpenAllocation>>;
    /// Ends the person's open allocation, if any, and starts one with `practitioner_id`, in one
    /// transaction; `by` is who did it.
    async fn allocate(
        &self,
        person_id: i64,
        practitioner_id: i64,
        by: i64,
        handover_note: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// `NotFound` when the person has no open allocation.
    async fn end_allocation(&self, person_id: i64, by: i64, at: DateTime<Utc>) -> StoreResult<()>;
}

/// Every person's open work by kind, from the queues practitioners already have: sent
/// assessments not yet decided, plans waiting for sign-off, planned reviews due soon or
/// overdue, and requested reviews not yet arranged.
pub async fn open_work<W>(cx: &Cx<W>) -> Result<Vec<(i64, Work)>, AppError> {
    let mut work: Vec<(i64, Work)> = Vec::new();
    let queued = cx.store().assessment_queue().await?;
    work.extend(queued.iter().filter(|q| q.eligible.is_none()).map(|q| (q.carer_id, Work::Assessment)));
    work.extend(cx.store().plans_awaiting_sign_off().await?.iter().map(|v| (v.person_id, Work::Plan)));
    let today = cx.today();
    for review in cx.store().open_reviews().await? {
        work.extend(review.work(today).map(|kind| (review.person_id, kind)));
    }
    Ok(work)
}

/// Everyone waiting for a worker, with what they sent and whether they have waited past the
/// council's target (in working days), oldest wait first.
pub async fn intake<W>(cx: &Cx<W>) -> Result<Vec<IntakeEntry>, AppError> {
    let waiting = cx.store().waiting_for_a_worker().await?;
    Ok(IntakeEntry::gather(waiting, cx.today(), cx.services().council.intake_target_days))
}

/// A carer or cared-for person as intake and allocation see them: their allocations, the teams
/// their work belongs to, and the visitor's place in those teams.
pub struct Allocatable {
    pub person: Account,
    /// Newest first.
    pub allocations: Vec<Allocation>,
    /// The teams whose intake they are in (empty: no team covers them).
    pub covering: Vec<i64>,
    /// The covering teams and their live worker's teams: whose managers may move them.
    pub teams: Vec<i64>,
    pub membership: Membership,
}

impl Allocatable {
    /// The person, if the visitor may see their allocation: their worker, a manager of a team
    /// their work belongs to, or (while they wait for a worker) a practitioner who may take
    /// them on. Anyone else, and anyone who is not a carer or cared-for person, is "not found"
    /// (the refusal audited as `what`).
    pub async fn load(cx: &Cx<SignedInUser>, person_id: i64, what: &str) -> Result<Allocatable, AppError> {
        Allocatable::load_for(cx, person_id, what, |_, _| true).await
    }

    /// The person, if the visitor may see them and `may` holds (the refusal audited as `what`).
    pub async fn load_for(
        cx: &Cx<SignedInUser>,
        person_id: i64,
        what: &str,
        may: impl Fn(&Allocatable, &Cx<SignedInUser>) -> bool,
    ) -> Result<Allocatable, AppError> {
        match Allocatable::read(cx, person_id).await? {
            Some(found) if found.visible_to(cx) && may(&found, cx) => Ok(found),
            _ => {
                cx.audit("permission refused", Some(person_id), Some(what)).await?;
                Err(AppError::NotFound)
            }
        }
    }

    /// The person with their allocations and teams, if they are a carer or cared-for person
    /// (only they have a worker).
    async fn read(cx: &Cx<SignedInUser>, person_id: i64) -> Result<Option<Allocatable>, AppError> {
        let Some(person) = cx.store().find_account(person_id).await?.filter(|a| a.role.can_register()) else {
            return Ok(None);
        };
        let all_teams = cx.store().teams().await?;
        let allocations = cx.store().allocations_of(person.id).await?;
        let covering = Team::covering(&all_teams, person.role, person.postcode.as_ref());
        let mut teams = covering.clone();
        if let Some(worker) = allocations.iter().find(|a| a.is_live()) {
            let theirs = cx.store().membership(worker.practitioner_id).await?;
            teams.extend(theirs.places.iter().map(|(t, _)| *t).filter(|t| !covering.contains(t)));
        }
        let membership = cx.store().membership(cx.me().id).await?;
        Ok(Some(Allocatable { person, allocations, covering, teams, membership }))
    }

    /// Their worker now, if they have one who can sign in.
    pub fn live_worker(&self) -> Option<&Allocation> {
        self.allocations.iter().find(|a| a.is_live())
    }

    /// The open allocation, a leaver's too.
    pub fn open(&self) -> Option<&Allocation> {
        self.allocations.iter().find(|a| a.ended_at.is_none())
    }

    fn visible_to(&self, cx: &Cx<SignedInUser>) -> bool {
        self.live_worker().is_some_and(|w| w.practitioner_id == cx.me().id)
            || self.may_allocate(cx)
            || self.may_take_on(cx)
    }

    /// A manager of a team their work belongs to.
    pub fn may_allocate(&self, cx: &Cx<SignedInUser>) -> bool {
        cx.actor().may_allocate(&self.membership, &self.teams)
    }

    /// Taking someone on is for people waiting for a worker.
    pub fn may_take_on(&self, cx: &Cx<SignedInUser>) -> bool {
        self.live_worker().is_none() && cx.actor().may_take_on(&self.membership, &self.covering)
    }

    /// Ending is for a manager, of an allocation that is open (a leaver's too).
    pub fn may_end(&self, cx: &Cx<SignedInUser>) -> bool {
        self.open().is_some() && self.may_allocate(cx)
    }

    /// The practitioners the visitor may allocate them to: the members who can sign in of the
    /// teams the visitor manages among theirs (any team the visitor manages when no team covers
    /// them), not their worker now.
    pub async fn candidates(&self, cx: &Cx<SignedInUser>) -> Result<Vec<(i64, String)>, AppError> {
        if !self.may_allocate(cx) {
            return Ok(Vec::new());
        }
        let mut candidates: Vec<(i64, String)> = Vec::new();
        for (team, _) in self
            .membership
            .places
            .iter()
            .filter(|(t, manages)| *manages && (self.teams.is_empty() || self.teams.contains(t)))
        {
            for member in cx.store().team_members(*team).await? {
                let current = self.live_worker().is_some_and(|w| w.practitioner_id == member.user_id);
                if !member.disabled && !current && !candidates.iter().any(|(id, _)| *id == member.user_id) {
                    candidates.push((member.user_id, member.name));
                }
            }
        }
        candidates.sort_by_key(|(_, name)| name.to_lowercase());
        Ok(candidates)
    }
}
