//! Independent advocacy: one row per person, replaced as what they agree to changes.
for_each_backend! {
    use app::backend::ports::{AdvocacyStore, StoreResult};
    use app::domain::advocacy::{AdvocacyAnswer, AdvocacyChoice, AdvocacyRecord};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct AdvocacyRow {
        answer: String,
        advocate_name: Option<String>,
        advocate_email: Option<String>,
        copy_agreed: bool,
        recorded_by: Option<String>,
        recorded_at: DateTime<Utc>,
    }

    #[async_trait]
    impl AdvocacyStore for DbStore {
        async fn advocacy(&self, person_id: i64) -> StoreResult<Option<AdvocacyRecord>> {
            let query = sqlx::query_as(
                "SELECT a.answer, a.advocate_name, a.advocate_email, a.copy_agreed, u.display_name AS recorded_by,
                        a.recorded_at
                 FROM advocacy a LEFT JOIN users u ON u.id = a.recorded_by WHERE a.person_id = $1",
            )
            .bind(person_id);
            let row: Option<AdvocacyRow> = self.optional(query).await?;
            row.map(|row| {
                let answer = AdvocacyAnswer::parse(&row.answer).ok_or_else(|| unknown("advocacy answer", &row.answer))?;
                Ok(AdvocacyRecord {
                    answer,
                    advocate_name: row.advocate_name,
                    advocate_email: row.advocate_email,
                    copy_agreed: row.copy_agreed,
                    recorded_by: row.recorded_by,
                    recorded_at: row.recorded_at,
                })
            })
            .transpose()
        }

        async fn set_advocacy(
            &self,
            person_id: i64,
            choice: &AdvocacyChoice,
            recorded_by: i64,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let advocate = choice.advocate.as_ref();
            let query = sqlx::query(
                "INSERT INTO advocacy (person_id, answer, advocate_name, advocate_email, copy_agreed, recorded_by, recorded_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (person_id) DO UPDATE SET answer = excluded.answer,
                     advocate_name = excluded.advocate_name, advocate_email = excluded.advocate_email,
                     copy_agreed = excluded.copy_agreed, recorded_by = excluded.recorded_by,
                     recorded_at = excluded.recorded_at",
            )
            .bind(person_id)
            .bind(choice.answer.code())
            .bind(advocate.map(|a| a.name.as_str()))
            .bind(advocate.and_then(|a| a.email.as_ref()).map(|e| e.as_str()))
            .bind(choice.copy_agreed)
            .bind(recorded_by)
            .bind(at);
            self.run(query).await
        }
    }
}
