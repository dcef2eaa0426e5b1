//! The store's side of the person's own plan: contributions, the files behind pictures and
//! clips, the text being mapped into sections, and versions sent for agreement.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult};
use crate::backend::cx::AboutPerson;
use crate::domain::plan::record::CareAndSupportPlan;
use crate::domain::plan::{
    Contribution, ContributionChange, NewFileContribution, PlanSection, PlanVersion, SentContribution,
};
use crate::domain::reviews::PlannedReview;

impl AboutPerson for PlanVersion {
    fn person_id(&self) -> i64 {
        self.person_id
    }
}

/// A stored file read a piece at a time (a clip may be 50 MB): how long it is, and its bytes.
pub struct FileReader {
    pub size: u64,
    pub bytes: Box<dyn tokio::io::AsyncRead + Send + Unpin>,
}

/// Files people send (pictures, clips), kept by key. Local folder by default.
#[async_trait]
pub trait FileStore: Send + Sync {
    /// Stores the bytes under `key` completely or not at all.
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError>;
    /// The whole file, for what needs all of it at once (a picture in a PDF).
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// The file to read as it is sent on (serving a clip, putting it in a ZIP).
    async fn open(&self, key: &str) -> Result<Option<FileReader>, StoreError>;
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
