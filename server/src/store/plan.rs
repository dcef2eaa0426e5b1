//! The person's own support plan: contributions per section and the text being mapped.
use app::domain::plan::{ContributionKind, PlanSection};
use app::ports::{Contribution, NewFileContribution, PlanStore, StoreError, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{store_error, SqliteStore};

#[derive(sqlx::FromRow)]
struct ContributionRow {
    id: i64,
    person_id: i64,
    section: String,
    kind: String,
    body: Option<String>,
    caption: Option<String>,
    alt_text: Option<String>,
    file_key: Option<String>,
    media_type: Option<String>,
    size_bytes: i64,
    added_at: DateTime<Utc>,
}

impl ContributionRow {
    fn into_contribution(self) -> Option<Contribution> {
        Some(Contribution {
            id: self.id,
            person_id: self.person_id,
            section: PlanSection::parse(&self.section)?,
            kind: ContributionKind::parse(&self.kind)?,
            body: self.body.unwrap_or_default(),
            caption: self.caption,
            alt_text: self.alt_text,
            file_key: self.file_key,
            media_type: self.media_type,
            size_bytes: self.size_bytes,
            added_at: self.added_at,
        })
    }
}

const COLUMNS: &str =
    "id, person_id, section, kind, body, caption, alt_text, file_key, media_type, size_bytes, added_at";

#[async_trait]
impl PlanStore for SqliteStore {
    async fn contributions(&self, person_id: i64) -> StoreResult<Vec<Contribution>> {
        let rows: Vec<ContributionRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM plan_contributions WHERE person_id = $1 AND removed_at IS NULL ORDER BY position, id"
        ))
        .bind(person_id)
        .fetch_all(&self.pool)
        .await
        .map_err(store_error)?;
        let mut found: Vec<Contribution> = rows.into_iter().filter_map(ContributionRow::into_contribution).collect();
        found.sort_by_key(|c| c.section);
        Ok(found)
    }

    async fn add_file_contribution(
        &self,
        person_id: i64,
        added_by: i64,
        file: NewFileContribution<'_>,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        sqlx::query_scalar(
            "INSERT INTO plan_contributions
                 (person_id, section, kind, caption, alt_text, file_key, media_type, size_bytes, position, added_by, added_at)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, COALESCE(MAX(position), 0) + 1, $9, $10
             FROM plan_contributions WHERE person_id = $1 AND section = $2
             RETURNING id",
        )
        .bind(person_id)
        .bind(file.section.code())
        .bind(file.kind.code())
        .bind(file.caption)
        .bind(file.alt_text)
        .bind(file.file_key)
        .bind(file.media_type)
        .bind(file.size_bytes)
        .bind(added_by)
        .bind(at)
        .fetch_one(&self.pool)
        .await
        .map_err(store_error)
    }

    async fn find_contribution(&self, id: i64) -> StoreResult<Option<Contribution>> {
        let row: Option<ContributionRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM plan_contributions WHERE id = $1 AND removed_at IS NULL"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(store_error)?;
        Ok(row.and_then(ContributionRow::into_contribution))
    }

    async fn add_contributions(
        &self,
        person_id: i64,
        added_by: i64,
        items: &[(PlanSection, String)],
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await.map_err(store_error)?;
        for (section, body) in items {
            sqlx::query(
                "INSERT INTO plan_contributions (person_id, section, kind, body, position, added_by, added_at)
                 SELECT $1, $2, 'text', $3, COALESCE(MAX(position), 0) + 1, $4, $5
                 FROM plan_contributions WHERE person_id = $1 AND section = $2",
            )
            .bind(person_id)
            .bind(section.code())
            .bind(body)
            .bind(added_by)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
        }
        tx.commit().await.map_err(store_error)
    }

    async fn move_contribution(&self, person_id: i64, id: i64, up: bool) -> StoreResult<()> {
        let mut tx = self.pool.begin().await.map_err(store_error)?;
        let (section, position): (String, i64) = sqlx::query_as(
            "SELECT section, position FROM plan_contributions WHERE id = $1 AND person_id = $2 AND removed_at IS NULL",
        )
        .bind(id)
        .bind(person_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(store_error)?
        .ok_or(StoreError::NotFound)?;
        let neighbour = if up {
            "SELECT id, position FROM plan_contributions WHERE person_id = $1 AND section = $2 AND removed_at IS NULL
             AND position < $3 ORDER BY position DESC LIMIT 1"
        } else {
            "SELECT id, position FROM plan_contributions WHERE person_id = $1 AND section = $2 AND removed_at IS NULL
             AND position > $3 ORDER BY position LIMIT 1"
        };
        let other: Option<(i64, i64)> = sqlx::query_as(neighbour)
            .bind(person_id)
            .bind(&section)
            .bind(position)
            .fetch_optional(&mut *tx)
            .await
            .map_err(store_error)?;
        if let Some((other_id, other_position)) = other {
            for (row, to) in [(id, other_position), (other_id, position)] {
                sqlx::query("UPDATE plan_contributions SET position = $1 WHERE id = $2")
                    .bind(to)
                    .bind(row)
                    .execute(&mut *tx)
                    .await
                    .map_err(store_error)?;
            }
        }
        tx.commit().await.map_err(store_error)
    }

    async fn remove_contribution(&self, person_id: i64, id: i64, at: DateTime<Utc>) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE plan_contributions SET removed_at = $1 WHERE id = $2 AND person_id = $3 AND removed_at IS NULL",
        )
        .bind(at)
        .bind(id)
        .bind(person_id)
        .execute(&self.pool)
        .await
        .map_err(store_error)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn own_words(&self, person_id: i64) -> StoreResult<Option<String>> {
        sqlx::query_scalar("SELECT words FROM plan_own_words WHERE person_id = $1")
            .bind(person_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(store_error)
    }

    async fn save_own_words(&self, person_id: i64, words: Option<&str>, at: DateTime<Utc>) -> StoreResult<()> {
        match words {
            Some(words) => sqlx::query(
                "INSERT INTO plan_own_words (person_id, words, saved_at) VALUES ($1, $2, $3)
                 ON CONFLICT (person_id) DO UPDATE SET words = excluded.words, saved_at = excluded.saved_at",
            )
            .bind(person_id)
            .bind(words)
            .bind(at),
            None => sqlx::query("DELETE FROM plan_own_words WHERE person_id = $1").bind(person_id),
        }
        .execute(&self.pool)
        .await
        .map_err(store_error)?;
        Ok(())
    }
}
