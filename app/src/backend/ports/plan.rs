//! The store's side of the person's own plan: contributions, the files behind pictures and
//! clips, the text being mapped into sections, and versions sent for agreement; and how each
//! shows on the plan's pages.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult};
use crate::backend::cx::AboutPerson;
use crate::domain::plan::record::CareAndSupportPlan;
use crate::domain::plan::{ContributionChange, ContributionKind, PlanSection, SentContribution};
use crate::domain::reviews::PlannedReview;
use crate::features::plan::wire::{PlanItem, PlanVersionView};
use crate::kit::i18n::Locale;

/// Something a person put in their plan: words, or a picture or clip kept in the file store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub id: i64,
    pub person_id: i64,
    pub section: PlanSection,
    pub kind: ContributionKind,
    pub body: String,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub file_key: Option<String>,
    pub media_type: Option<String>,
    pub size_bytes: i64,
    pub added_at: DateTime<Utc>,
}

impl Contribution {
    /// The contribution as the person's plan page shows it.
    pub fn item(self) -> PlanItem {
        PlanItem {
            id: self.id,
            section: self.section,
            kind: self.kind,
            body: self.body,
            caption: self.caption,
            alt_text: self.alt_text,
            media_type: self.media_type,
        }
    }
}

/// The contribution as it is frozen when the plan is sent for agreement.
impl From<Contribution> for SentContribution {
    fn from(c: Contribution) -> SentContribution {
        SentContribution {
            contribution_id: c.id,
            section: c.section,
            kind: c.kind,
            body: c.body,
            caption: c.caption,
            alt_text: c.alt_text,
            media_type: c.media_type,
        }
    }
}

/// A version of a person's plan: what they sent, and once signed off, the statutory record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanVersion {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub contributions: Vec<SentContribution>,
    pub record: Option<CareAndSupportPlan>,
    pub signed_off_by: Option<String>,
    pub signed_off_at: Option<DateTime<Utc>>,
}

impl PlanVersion {
    /// The version as its pages show it, without the carers' emergency plans (the version page
    /// adds those).
    pub fn view(self, locale: Locale) -> PlanVersionView {
        PlanVersionView {
            id: self.id,
            person_id: self.person_id,
            person_name: self.person_name,
            version: self.version,
            sent_on: locale.long_date(self.submitted_at.date_naive()),
            review_on: self.record.as_ref().map(|r| locale.long_date(r.review_date)),
            contributions: self.contributions,
            record: self.record,
            signed_off: self
                .signed_off_by
                .zip(self.signed_off_at)
                .map(|(who, when)| (who, locale.long_date(when.date_naive()))),
            carers_plans: Vec::new(),
        }
    }
}

impl AboutPerson for PlanVersion {
    fn person_id(&self) -> i64 {
        self.person_id
    }
}

/// A picture or clip to add to a plan, already checked and stored.
pub struct NewFileContribution<'a> {
    pub section: PlanSection,
    pub kind: ContributionKind,
    pub caption: Option<&'a str>,
    pub alt_text: Option<&'a str>,
    pub file_key: &'a str,
    pub media_type: &'a str,
    pub size_bytes: i64,
}

/// Files people send (pictures, clips), kept by key. Local folder by default.
#[async_trait]
pub trait FileStore: Send + Sync {
    /// Stores the bytes under `key` completely or not at all.
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError>;
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Removes the file; a key with no file is not an error.
    async fn delete(&self, key: &str) -> Result<(), StoreError>;
    /// The keys of every file under `folder`, in order.
    async fn list(&self, folder: &str) -> Result<Vec<String>, StoreError>;
}

#[async_trait]
pub trait PlanStore: Send + Sync {
    /// A person's contributions in section order, then their own order.
    async fn contributions(&self, person_id: i64) -> StoreResult<Vec<Contribution>>;
    /// Adds words to the end of their sections, all or none.
    async fn add_contributions(
        &self,
        person_id: i64,
        added_by: i64,
        items: &[(PlanSection, String)],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn add_file_contribution(
        &self,
        person_id: i64,
        added_by: i64,
        file: NewFileContribution<'_>,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Any contribution by id (whoever's it is: callers check who may see it).
    async fn find_contribution(&self, id: i64) -> StoreResult<Option<Contribution>>;
    /// Swaps a contribution with its neighbour in the section. `NotFound` unless it is theirs.
    async fn move_contribution(&self, person_id: i64, id: i64, up: bool) -> StoreResult<()>;
    /// New words, or a new caption and description. `NotFound` unless it is theirs and still in the plan.
    async fn change_contribution(
        &self,
        person_id: i64,
        id: i64,
        change: &ContributionChange,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Takes a contribution out of the plan (the record is kept). `NotFound` unless it is theirs.
    async fn remove_contribution(&self, person_id: i64, id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    /// Freezes the person's contributions as the next version of their plan, sent for agreement.
    async fn send_plan(
        &self,
        person_id: i64,
        contributions: &[SentContribution],
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// A person's plan versions, newest first.
    async fn plan_versions(&self, person_id: i64) -> StoreResult<Vec<PlanVersion>>;
    async fn plan_version(&self, id: i64) -> StoreResult<Option<PlanVersion>>;
    /// Plans sent for agreement and not yet signed off, newest first.
    async fn plans_awaiting_sign_off(&self) -> StoreResult<Vec<PlanVersion>>;
    /// Records the statutory plan and the sign-off, and plans its reviews, all or nothing.
    /// `Conflict` if it is already signed off.
    async fn sign_off_plan(
        &self,
        id: i64,
        practitioner_id: i64,
        record: &CareAndSupportPlan,
        reviews: &[PlannedReview],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The long text a person is mapping into sections, kept until they add it.
    async fn own_words(&self, person_id: i64) -> StoreResult<Option<String>>;
    async fn save_own_words(&self, person_id: i64, words: Option<&str>, at: DateTime<Utc>) -> StoreResult<()>;
}
