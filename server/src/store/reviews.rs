//! Reviews: planned at sign-off or asked for, arranged, and done with an outcome. The request
//! and the outcome are kept as JSON documents; what is searched on has its own columns.
for_each_backend! {
    use app::backend::ports::{Review, ReviewStore, StoreError, StoreResult};
    use app::domain::reviews::{
        Arrangement, OutcomeRecord, PlannedReview, ReviewKind, ReviewMethod, ReviewOutcome, ReviewRequest, ReviewStatus,
    };
    use async_trait::async_trait;
    use chrono::{DateTime, NaiveDate, Utc};
    use sqlx::Transaction;

    const SELECT: &str = "SELECT r.id, r.person_id, u.display_name AS person_name, r.kind, r.status, r.due_from, r.due_by,
            r.request, q.display_name AS requested_by, r.arranged_on, r.arranged_method, r.outcome, r.created_at, r.done_at
        FROM reviews r JOIN users u ON u.id = r.person_id LEFT JOIN users q ON q.id = r.requested_by";

    #[derive(sqlx::FromRow)]
    struct ReviewRow {
        id: i64,
        person_id: i64,
        person_name: String,
        kind: String,
        status: String,
        due_from: Option<NaiveDate>,
        due_by: Option<NaiveDate>,
        request: Option<String>,
        requested_by: Option<String>,
        arranged_on: Option<NaiveDate>,
        arranged_method: Option<String>,
        outcome: Option<String>,
        created_at: DateTime<Utc>,
        done_at: Option<DateTime<Utc>>,
    }

    impl ReviewRow {
        fn into_review(self) -> StoreResult<Review> {
            let kind = ReviewKind::parse(&self.kind).ok_or_else(|| unknown("review kind", &self.kind))?;
            let status = ReviewStatus::parse(&self.status).ok_or_else(|| unknown("review status", &self.status))?;
            let request = self
                .request
                .map(|r| serde_json::from_str(&r).map_err(|e| unreadable("review request", e)))
                .transpose()?;
            let outcome = self
                .outcome
                .map(|o| serde_json::from_str(&o).map_err(|e| unreadable("review outcome", e)))
                .transpose()?;
            let arrangement = match (self.arranged_on, self.arranged_method.as_deref().and_then(ReviewMethod::parse)) {
                (Some(on), Some(method)) => Some(Arrangement { on, method }),
                _ => None,
            };
            Ok(Review {
                id: self.id,
                person_id: self.person_id,
                person_name: self.person_name,
                kind,
                status,
                due: self.due_from.zip(self.due_by),
                request,
                requested_by: self.requested_by,
                arrangement,
                outcome,
                created_at: self.created_at,
                done_at: self.done_at,
            })
        }
    }

    /// Plans a review inside a caller's transaction (used at sign-off).
    pub(crate) async fn plan_review(
        tx: &mut Transaction<'_, Db>,
        person_id: i64,
        plan_version_id: Option<i64>,
        review: &PlannedReview,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        sqlx::query_scalar(
            "INSERT INTO reviews (person_id, kind, status, plan_version_id, due_from, due_by, created_at)
             VALUES ($1, $2, 'planned', $3, $4, $5, $6) RETURNING id",
        )
        .bind(person_id)
        .bind(review.kind.code())
        .bind(plan_version_id)
        .bind(review.due_from)
        .bind(review.due_by)
        .bind(at)
        .fetch_one(&mut **tx)
        .await
        .map_err(store_error)
    }

    impl DbStore {
        async fn reviews_where(&self, condition: &str, id: Option<i64>) -> StoreResult<Vec<Review>> {
            // Open reviews first, soonest due first (requests by when they came); then done ones.
            let created_on = dialect::date_of("r.created_at");
            let sql = format!(
                "{SELECT} WHERE {condition} ORDER BY r.status = 'done', COALESCE(r.due_by, {created_on}), r.done_at DESC, r.id"
            );
            let mut query = sqlx::query_as::<_, ReviewRow>(&sql);
            if let Some(id) = id {
                query = query.bind(id);
            }
            self.all(query).await?.into_iter().map(ReviewRow::into_review).collect()
        }
    }

    #[async_trait]
    impl ReviewStore for DbStore {
        async fn reviews_of(&self, person_id: i64) -> StoreResult<Vec<Review>> {
            self.reviews_where("r.person_id = $1", Some(person_id)).await
        }

        async fn review(&self, id: i64) -> StoreResult<Option<Review>> {
            Ok(self.reviews_where("r.id = $1", Some(id)).await?.into_iter().next())
        }

        async fn open_reviews(&self) -> StoreResult<Vec<Review>> {
            self.reviews_where("r.status <> 'done'", None).await
        }

        async fn request_review(
            &self,
            person_id: i64,
            requested_by: i64,
            request: &ReviewRequest,
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            let json = serde_json::to_string(request).map_err(|e| unreadable("review request", e))?;
            let query = sqlx::query_scalar(
                "INSERT INTO reviews (person_id, kind, status, request, requested_by, created_at)
                 VALUES ($1, 'requested', 'received', $2, $3, $4) RETURNING id",
            )
            .bind(person_id)
            .bind(json)
            .bind(requested_by)
            .bind(at);
            self.value(query).await
        }

        async fn arrange_review(
            &self,
            id: i64,
            by: i64,
            arrangement: &Arrangement,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let query = sqlx::query(
                "UPDATE reviews SET status = 'arranged', arranged_on = $1, arranged_method = $2, arranged_by = $3, arranged_at = $4
                 WHERE id = $5 AND status <> 'done'",
            )
            .bind(arrangement.on)
            .bind(arrangement.method.code())
            .bind(by)
            .bind(at)
            .bind(id);
            self.change_one(query, StoreError::Conflict).await
        }

        async fn complete_review(
            &self,
            id: i64,
            by: i64,
            outcome: &OutcomeRecord,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let json = serde_json::to_string(outcome).map_err(|e| unreadable("review outcome", e))?;
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let person_id: Option<i64> = sqlx::query_scalar(
                "UPDATE reviews SET status = 'done', outcome = $1, done_by = $2, done_at = $3
                 WHERE id = $4 AND status <> 'done' RETURNING person_id",
            )
            .bind(json)
            .bind(by)
            .bind(at)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(store_error)?;
            let Some(person_id) = person_id else { return Err(StoreError::Conflict) };
            if outcome.outcome == ReviewOutcome::PlanRevised {
                // The latest version's contributions become the next version, waiting to be agreed.
                sqlx::query(
                    "INSERT INTO plan_versions (person_id, version, contributions, submitted_at)
                     SELECT person_id, version + 1, contributions, $2 FROM plan_versions
                     WHERE person_id = $1 ORDER BY version DESC LIMIT 1",
                )
                .bind(person_id)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            }
            tx.commit().await.map_err(store_error)
        }

        async fn reviews_to_remind(&self, by: NaiveDate) -> StoreResult<Vec<Review>> {
            let sql = format!("{SELECT} WHERE r.status = 'planned' AND r.reminded_at IS NULL AND r.due_from <= $1 ORDER BY r.due_from, r.id");
            let rows: Vec<ReviewRow> = self.all(sqlx::query_as(&sql).bind(by)).await?;
            rows.into_iter().map(ReviewRow::into_review).collect()
        }

        async fn mark_reminded(&self, id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            self.run(sqlx::query("UPDATE reviews SET reminded_at = $1 WHERE id = $2").bind(at).bind(id)).await
        }

        async fn review_emails(&self, person_id: i64) -> StoreResult<bool> {
            let wanted: Option<bool> = sqlx::query_scalar("SELECT review_emails FROM users WHERE id = $1")
                .bind(person_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(store_error)?;
            wanted.ok_or(StoreError::NotFound)
        }

        async fn set_review_emails(&self, person_id: i64, wanted: bool) -> StoreResult<()> {
            let query = sqlx::query("UPDATE users SET review_emails = $1 WHERE id = $2").bind(wanted).bind(person_id);
            self.run(query).await
        }
    }
}
