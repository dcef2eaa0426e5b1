//! Data rights (UK GDPR): the store's side of exporting everything the portal holds about one
//! person, and erasing a person under the retention rules in `docs/RETENTION.md`.
use async_trait::async_trait;

use super::{AuditEvent, FileStore, StoreError, StoreResult};
use crate::backend::cx::Cx;
use crate::domain::data_rights::{Audience, Erasure, PersonalData};
use crate::error::AppError;
use crate::kit::visitor::SignedInUser;

impl Erasure {
    /// Erases `person_id`'s data for the signed-in staff member, giving `reason`: the records
    /// first (the store records the audit event in the same transaction), then every file of
    /// theirs. Returns how many files were deleted. A file left behind by a fault is named by
    /// nothing and is removed by asking again (erasure can be repeated).
    pub async fn carry_out(cx: &Cx<SignedInUser>, person_id: i64, reason: String) -> Result<usize, AppError> {
        let event = AuditEvent {
            at: cx.now(),
            actor_id: Some(cx.me().id),
            action: "erased personal data".to_owned(),
            subject_id: Some(person_id),
            reason: Some(reason),
            detail: Some(format!("request {}", cx.visitor().request_id)),
            client_ip: cx.visitor().client_ip.clone(),
        };
        let erased = cx.store().erase_person(person_id, &event).await?;
        let files = cx.services().files.as_ref();
        let keys = person_file_keys(files, person_id, &erased.file_keys)
            .await
            .map_err(|e| cx.internal("listing a person's files", e))?;
        for key in &keys {
            files.delete(key).await.map_err(|e| cx.internal("deleting a person's file", e))?;
        }
        Ok(keys.len())
    }
}

#[async_trait]
pub trait DataRightsStore: Send + Sync {
    /// Every row about `user_id` in every table that holds personal data, without the columns
    /// withheld from `audience`. `NotFound` when there is no such person.
    async fn export_person(&self, user_id: i64, audience: Audience) -> StoreResult<PersonalData>;
    /// Deletes, anonymises or keeps each table's rows about `user_id` as the retention rules
    /// say, ends their sessions and records `audit` — all in one transaction.
    async fn erase_person(&self, user_id: i64, audit: &AuditEvent) -> StoreResult<Erasure>;
}

/// The folder in the file store holding one person's pictures and clips.
pub fn files_folder(person_id: i64) -> String {
    format!("plan/{person_id}")
}

/// Every file of one person: those their records name and any in their folder.
pub async fn person_file_keys(
    files: &dyn FileStore,
    person_id: i64,
    named: &[String],
) -> Result<Vec<String>, StoreError> {
    let mut keys: std::collections::BTreeSet<String> = named.iter().cloned().collect();
    keys.extend(files.list(&files_folder(person_id)).await?);
    Ok(keys.into_iter().collect())
}
