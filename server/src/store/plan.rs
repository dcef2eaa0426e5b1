//! The person's own support plan: contributions per section and the text being mapped.
for_each_backend! {
    use app::backend::ports::{Contribution, NewFileContribution, PlanStore, PlanVersion, StoreError, StoreResult};
    use app::domain::plan::record::CareAndSupportPlan;
    use app::domain::plan::{ContributionChange, ContributionKind, PlanSection, SentContribution};
    use app::domain::reviews::PlannedReview;
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};

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
    impl PlanStore for DbStore {
        async fn contributions(&self, person_id: i64) -> StoreResult<Vec<Contribution>> {
            let sql = format!(
                "SELECT {COLUMNS} FROM plan_contributions WHERE person_id = $1 AND removed_at IS NULL ORDER BY position, id"
            );
            let rows: Vec<ContributionRow> = self.all(sqlx::query_as(&sql).bind(person_id)).await?;
            let mut found: Vec<Contribution> =
                rows.into_iter().filter_map(ContributionRow::into_contribution).collect();
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
            let query = sqlx::query_scalar(
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
            .bind(at);
            self.value(query).await
        }

        async fn find_contribution(&self, id: i64) -> StoreResult<Option<Contribution>> {
            let sql = format!("SELECT {COLUMNS} FROM plan_contributions WHERE id = $1 AND removed_at IS NULL");
            let row: Option<ContributionRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
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

        async fn change_contribution(
            &self,
            person_id: i64,
            id: i64,
            change: &ContributionChange,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            // New words replace the body; a picture or clip keeps its (empty) body and gets new descriptions.
            let query = sqlx::query(
                "UPDATE plan_contributions SET body = COALESCE($1, body), caption = $2, alt_text = $3, changed_at = $4 \
                 WHERE id = $5 AND person_id = $6 AND removed_at IS NULL",
            )
            .bind(&change.body)
            .bind(&change.caption)
            .bind(&change.alt_text)
            .bind(at)
            .bind(id)
            .bind(person_id);
            self.change_one(query, StoreError::NotFound).await
        }

        async fn remove_contribution(&self, person_id: i64, id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query(
                "UPDATE plan_contributions SET removed_at = $1 WHERE id = $2 AND person_id = $3 AND removed_at IS NULL",
            )
            .bind(at)
            .bind(id)
            .bind(person_id);
            self.change_one(query, StoreError::NotFound).await
        }

        async fn send_plan(
            &self,
            person_id: i64,
            contributions: &[SentContribution],
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            let json = serde_json::to_string(contributions).map_err(|e| unreadable("plan", e))?;
            let query = sqlx::query_scalar(
                "INSERT INTO plan_versions (person_id, version, contributions, submitted_at)
                 SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3 FROM plan_versions WHERE person_id = $1
                 RETURNING id",
            )
            .bind(person_id)
            .bind(json)
            .bind(at);
            self.value(query).await
        }

        async fn plan_versions(&self, person_id: i64) -> StoreResult<Vec<PlanVersion>> {
            self.versions_where("v.person_id = $1", Some(person_id)).await
        }

        async fn plan_version(&self, id: i64) -> StoreResult<Option<PlanVersion>> {
            Ok(self.versions_where("v.id = $1", Some(id)).await?.into_iter().next())
        }

        async fn plans_awaiting_sign_off(&self) -> StoreResult<Vec<PlanVersion>> {
            self.versions_where("v.signed_off_at IS NULL", None).await
        }

        async fn sign_off_plan(
            &self,
            id: i64,
            practitioner_id: i64,
            record: &CareAndSupportPlan,
            reviews: &[PlannedReview],
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let json = serde_json::to_string(record).map_err(|e| unreadable("record", e))?;
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let person_id: Option<i64> = sqlx::query_scalar(
                "UPDATE plan_versions SET record = $1, signed_off_by = $2, signed_off_at = $3
                 WHERE id = $4 AND signed_off_at IS NULL RETURNING person_id",
            )
            .bind(json)
            .bind(practitioner_id)
            .bind(at)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(store_error)?;
            let Some(person_id) = person_id else { return Err(StoreError::Conflict) };
            // The plan's new reviews replace any planned from an earlier version that are not done.
            sqlx::query(
                "DELETE FROM reviews WHERE person_id = $1 AND status = 'planned' AND kind IN ('first', 'annual')",
            )
            .bind(person_id)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
            for review in reviews {
                reviews::plan_review(&mut tx, person_id, Some(id), review, at).await?;
            }
            tx.commit().await.map_err(store_error)
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

    #[derive(sqlx::FromRow)]
    struct VersionRow {
        id: i64,
        person_id: i64,
        person_name: String,
        version: i64,
        submitted_at: DateTime<Utc>,
        contributions: String,
        record: Option<String>,
        signed_off_by: Option<String>,
        signed_off_at: Option<DateTime<Utc>>,
    }

    impl VersionRow {
        fn into_version(self) -> StoreResult<PlanVersion> {
            Ok(PlanVersion {
                id: self.id,
                person_id: self.person_id,
                person_name: self.person_name,
                version: self.version,
                submitted_at: self.submitted_at,
                contributions: serde_json::from_str(&self.contributions).map_err(|e| unreadable("plan", e))?,
                record: self
                    .record
                    .map(|r| serde_json::from_str(&r))
                    .transpose()
                    .map_err(|e| unreadable("record", e))?,
                signed_off_by: self.signed_off_by,
                signed_off_at: self.signed_off_at,
            })
        }
    }

    const VERSION_SELECT: &str = "SELECT v.id, v.person_id, p.display_name AS person_name, v.version, v.submitted_at,
            v.contributions, v.record, s.display_name AS signed_off_by, v.signed_off_at
         FROM plan_versions v
         JOIN users p ON p.id = v.person_id
         LEFT JOIN users s ON s.id = v.signed_off_by";

    impl DbStore {
        async fn versions_where(&self, condition: &str, id: Option<i64>) -> StoreResult<Vec<PlanVersion>> {
            let sql = format!("{VERSION_SELECT} WHERE {condition} ORDER BY v.submitted_at DESC, v.id DESC");
            let mut query = sqlx::query_as::<_, VersionRow>(&sql);
            if let Some(id) = id {
                query = query.bind(id);
            }
            let rows = self.all(query).await?;
            rows.into_iter().map(VersionRow::into_version).collect()
        }
    }
}
