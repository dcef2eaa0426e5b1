//! The carer's self-assessment: answers saved as they go, submitted versions and decisions.
for_each_backend! {
    use app::backend::ports::{
        AssessmentStore, QueuedAssessment, RecordedDecision, StoreResult, SubmittedAssessment,
    };
    use app::domain::area::Postcode;
    use app::domain::assessment::{Answers, Draft, EligibilityDecision, PageAnswers};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    use group_commit::PageSave;

    #[derive(FromRow)]
    struct VersionRow {
        id: i64,
        carer_id: i64,
        carer_name: String,
        version: i64,
        submitted_at: DateTime<Utc>,
        answers: String,
        decision: Option<String>,
        practitioner_id: Option<i64>,
        decided_at: Option<DateTime<Utc>>,
        filled_in_by: Option<String>,
        confirmed_at: Option<DateTime<Utc>>,
    }

    impl VersionRow {
        fn into_record(self) -> StoreResult<SubmittedAssessment> {
            let answers: Answers = serde_json::from_str(&self.answers).map_err(|e| unreadable("answers", e))?;
            let decision = match (self.decision, self.practitioner_id, self.decided_at) {
                (Some(decision), Some(practitioner_id), Some(decided_at)) => Some(RecordedDecision {
                    decision: serde_json::from_str(&decision).map_err(|e| unreadable("decision", e))?,
                    practitioner_id,
                    decided_at,
                }),
                _ => None,
            };
            Ok(SubmittedAssessment {
                id: self.id,
                carer_id: self.carer_id,
                carer_name: self.carer_name,
                version: self.version,
                submitted_at: self.submitted_at,
                answers,
                decision,
                filled_in_by: self.filled_in_by,
                confirmed_at: self.confirmed_at,
            })
        }
    }

    const VERSION_SELECT: &str =
        "SELECT v.id, v.carer_id, u.display_name AS carer_name, v.version, v.submitted_at, v.answers,
            d.decision, d.practitioner_id, d.decided_at, b.display_name AS filled_in_by, c.confirmed_at
         FROM assessment_versions v
         JOIN users u ON u.id = v.carer_id
         LEFT JOIN eligibility_decisions d ON d.version_id = v.id
         LEFT JOIN users b ON b.id = v.submitted_by AND v.submitted_by <> v.carer_id
         LEFT JOIN assessment_confirmations c ON c.version_id = v.id";

    #[async_trait]
    impl AssessmentStore for DbStore {
        async fn draft(&self, carer_id: i64) -> StoreResult<Draft> {
            let answers = self.draft_answers(carer_id).await?;
            let seen: Vec<String> = sqlx::query_scalar("SELECT page FROM assessment_pages_seen WHERE carer_id = $1")
                .bind(carer_id)
                .fetch_all(&self.pool)
                .await
                .map_err(store_error)?;
            Ok(Draft { answers, seen_pages: seen.into_iter().collect() })
        }

        async fn draft_answers(&self, carer_id: i64) -> StoreResult<Answers> {
            let query = sqlx::query_as("SELECT question, value FROM assessment_answers WHERE carer_id = $1")
                .bind(carer_id);
            let answers: Vec<(String, String)> = self.all(query).await?;
            Ok(Answers::from_stored(answers))
        }

        async fn save_page(&self, carer_id: i64, answers: &PageAnswers, at: DateTime<Utc>) -> StoreResult<()> {
            self.saves.save(PageSave { carer_id, answers: answers.clone(), at }).await
        }

        async fn submit_assessment_by(
            &self,
            carer_id: i64,
            by: i64,
            answers: &Answers,
            under_18: bool,
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            let answers = serde_json::to_string(answers).map_err(|e| unreadable("answers", e))?;
            // The version number is worked out inside the insert, so two sends at once cannot
            // both take the same number (the unique index would refuse the second).
            let query = sqlx::query_scalar(
                "INSERT INTO assessment_versions (carer_id, version, answers, under_18, submitted_at, submitted_by)
                 SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM assessment_versions WHERE carer_id = $1
                 RETURNING id",
            )
            .bind(carer_id)
            .bind(answers)
            .bind(under_18)
            .bind(at)
            .bind(by);
            self.value(query).await
        }

        async fn assessment_versions(&self, carer_id: i64) -> StoreResult<Vec<SubmittedAssessment>> {
            let sql = format!("{VERSION_SELECT} WHERE v.carer_id = $1 ORDER BY v.version DESC");
            let rows: Vec<VersionRow> = self.all(sqlx::query_as(&sql).bind(carer_id)).await?;
            rows.into_iter().map(VersionRow::into_record).collect()
        }

        async fn assessment_version(&self, id: i64) -> StoreResult<Option<SubmittedAssessment>> {
            let sql = format!("{VERSION_SELECT} WHERE v.id = $1");
            let row: Option<VersionRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
            row.map(VersionRow::into_record).transpose()
        }

        async fn assessment_queue(&self) -> StoreResult<Vec<QueuedAssessment>> {
            let query = sqlx::query_as(
                "SELECT v.id, v.carer_id, u.display_name, u.postcode, v.version, v.submitted_at, v.under_18, d.eligible,
                        EXISTS (SELECT 1 FROM allocations a JOIN users p ON p.id = a.practitioner_id
                                WHERE a.person_id = v.carer_id AND a.ended_at IS NULL AND p.disabled_at IS NULL)
                 FROM assessment_versions v
                 JOIN users u ON u.id = v.carer_id
                 LEFT JOIN eligibility_decisions d ON d.version_id = v.id
                 ORDER BY v.submitted_at DESC, v.id DESC",
            );
            #[allow(clippy::type_complexity)]
            let rows: Vec<(i64, i64, String, Option<String>, i64, DateTime<Utc>, bool, Option<bool>, bool)> =
                self.all(query).await?;
            Ok(rows
                .into_iter()
                .map(|(id, carer_id, carer_name, postcode, version, submitted_at, under_18, eligible, allocated)| {
                    let postcode = postcode.as_deref().and_then(Postcode::parse);
                    QueuedAssessment { id, carer_id, carer_name, postcode, version, submitted_at, under_18, eligible, allocated }
                })
                .collect())
        }

        async fn confirm_assessment(&self, version_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query("INSERT INTO assessment_confirmations (version_id, confirmed_at) VALUES ($1, $2)")
                .bind(version_id)
                .bind(at);
            self.run(query).await
        }

        async fn record_decision(
            &self,
            version_id: i64,
            practitioner_id: i64,
            decision: &EligibilityDecision,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let json = serde_json::to_string(decision).map_err(|e| unreadable("decision", e))?;
            let query = sqlx::query(
                "INSERT INTO eligibility_decisions (version_id, practitioner_id, eligible, decision, decided_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(version_id)
            .bind(practitioner_id)
            .bind(decision.eligible())
            .bind(json)
            .bind(at);
            self.run(query).await
        }
    }
}
