//! The person's own support plan: contributions per section and the text being mapped.
use app::domain::plan::PlanSection;
use app::ports::{Contribution, PlanStore, StoreError, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{store_error, SqliteStore};

#[async_trait]
impl PlanStore for SqliteStore {
    async fn contributions(&self, person_id: i64) -> StoreResult<Vec<Contribution>> {
        let rows: Vec<(i64, String, Option<String>, DateTime<Utc>)> = sqlx::query_as(
            "SELECT id, section, body, added_at FROM plan_contributions
             WHERE person_id = $1 AND removed_at IS NULL ORDER BY position, id",
        )
        .bind(person_id)
        .fetch_all(&self.pool)
        .await
        .map_err(store_error)?;
        let mut found: Vec<Contribution> = rows
            .into_iter()
            .filter_map(|(id, section, body, added_at)| {
                Some(Contribution { id, section: PlanSection::parse(&section)?, body: body.unwrap_or_default(), added_at })
            })
            .collect();
        found.sort_by_key(|c| c.section);
        Ok(found)
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
