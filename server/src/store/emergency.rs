//! Emergency plans: the words as a JSON document, contacts in their own rows, how to get into
//! the home in a table of its own, cards and look-ups.
for_each_backend! {
    use app::backend::ports::{EmergencyPlan, EmergencyStore, Lookup, StoreError, StoreResult};
    use app::domain::emergency::{CardCode, EmergencyContact, EmergencyPlanForm, LookupReason};
    use async_trait::async_trait;
    use chrono::{DateTime, NaiveDate, Utc};

    #[derive(sqlx::FromRow)]
    struct PlanRow {
        carer_id: i64,
        carer_name: String,
        details: String,
        updated_at: DateTime<Utc>,
        confirmed_at: Option<DateTime<Utc>>,
        home_access_updated_at: Option<DateTime<Utc>>,
        card: Option<String>,
    }

    const SELECT_PLAN: &str =
        "SELECT p.carer_id, u.display_name AS carer_name, p.details, p.updated_at, p.confirmed_at,
            h.updated_at AS home_access_updated_at, c.code AS card
        FROM emergency_plans p JOIN users u ON u.id = p.carer_id
        LEFT JOIN emergency_home_access h ON h.carer_id = p.carer_id
        LEFT JOIN emergency_cards c ON c.carer_id = p.carer_id AND c.withdrawn_at IS NULL";

    #[derive(sqlx::FromRow)]
    struct LookupRow {
        id: i64,
        carer_id: i64,
        responder_id: i64,
        responder_name: String,
        at: DateTime<Utc>,
        reason: String,
        note: Option<String>,
    }

    const SELECT_LOOKUP: &str =
        "SELECT l.id, l.carer_id, l.responder_id, u.display_name AS responder_name, l.at, l.reason, l.note
        FROM emergency_lookups l JOIN users u ON u.id = l.responder_id";

    impl LookupRow {
        fn into_lookup(self) -> StoreResult<Lookup> {
            let reason = LookupReason::parse(&self.reason)
                .ok_or_else(|| unknown("look-up reason", &self.reason))?;
            Ok(Lookup {
                id: self.id,
                carer_id: self.carer_id,
                responder_id: self.responder_id,
                responder_name: self.responder_name,
                at: self.at,
                reason,
                note: self.note,
            })
        }
    }

    impl DbStore {
        async fn plan_from(&self, row: PlanRow) -> StoreResult<EmergencyPlan> {
            let details = serde_json::from_str(&row.details).map_err(|e| unreadable("emergency plan", e))?;
            let query = sqlx::query_as(
                "SELECT name, relationship, phone, agreed_on FROM emergency_contacts WHERE carer_id = $1 ORDER BY position",
            )
            .bind(row.carer_id);
            let contacts: Vec<(String, String, String, Option<NaiveDate>)> = self.all(query).await?;
            Ok(EmergencyPlan {
                carer_id: row.carer_id,
                carer_name: row.carer_name,
                details,
                contacts: contacts
                    .into_iter()
                    .map(|(name, relationship, phone, agreed_on)| EmergencyContact {
                        name,
                        relationship,
                        phone,
                        agreed_on,
                    })
                    .collect(),
                home_access_updated_at: row.home_access_updated_at,
                updated_at: row.updated_at,
                confirmed_at: row.confirmed_at,
                card: row.card.and_then(|c| CardCode::parse(&c)),
            })
        }
    }

    /// Issues a carer a new card: the code their responders look the plan up with.
    async fn issue_card(conn: &mut DbConnection, code: &CardCode, carer_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("INSERT INTO emergency_cards (code, carer_id, issued_at) VALUES ($1, $2, $3)")
            .bind(code.as_str())
            .bind(carer_id)
            .bind(at)
            .execute(conn)
            .await
            .map_err(store_error)?;
        Ok(())
    }

    #[async_trait]
    impl EmergencyStore for DbStore {
        async fn emergency_plan(&self, carer_id: i64) -> StoreResult<Option<EmergencyPlan>> {
            let sql = format!("{SELECT_PLAN} WHERE p.carer_id = $1");
            let row: Option<PlanRow> = self.optional(sqlx::query_as(&sql).bind(carer_id)).await?;
            match row {
                Some(row) => Ok(Some(self.plan_from(row).await?)),
                None => Ok(None),
            }
        }

        async fn save_emergency_plan(
            &self,
            carer_id: i64,
            plan: &EmergencyPlanForm,
            new_card: &CardCode,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let details = serde_json::to_string(&plan.details).map_err(|e| unreadable("emergency plan", e))?;
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            sqlx::query(
                "INSERT INTO emergency_plans (carer_id, details, updated_at) VALUES ($1, $2, $3)
                 ON CONFLICT (carer_id) DO UPDATE SET details = excluded.details, updated_at = excluded.updated_at",
            )
            .bind(carer_id)
            .bind(&details)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
            sqlx::query("DELETE FROM emergency_contacts WHERE carer_id = $1")
                .bind(carer_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            for (position, contact) in plan.contacts.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO emergency_contacts (carer_id, position, name, relationship, phone, agreed_on)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(carer_id)
                .bind(position as i64)
                .bind(&contact.name)
                .bind(&contact.relationship)
                .bind(&contact.phone)
                .bind(contact.agreed_on)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            }
            if let Some(instructions) = &plan.home_access {
                sqlx::query(
                    "INSERT INTO emergency_home_access (carer_id, instructions, updated_at) VALUES ($1, $2, $3)
                     ON CONFLICT (carer_id) DO UPDATE SET instructions = excluded.instructions, updated_at = excluded.updated_at",
                )
                .bind(carer_id)
                .bind(instructions)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            }
            let live_cards: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM emergency_cards WHERE carer_id = $1 AND withdrawn_at IS NULL")
                    .bind(carer_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(store_error)?;
            if live_cards == 0 {
                issue_card(&mut tx, new_card, carer_id, at).await?;
            }
            tx.commit().await.map_err(store_error)
        }

        async fn confirm_emergency_plan(&self, carer_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query(
                "UPDATE emergency_plans SET confirmed_at = $1, reminded_at = NULL WHERE carer_id = $2",
            )
            .bind(at)
            .bind(carer_id);
            self.change_one(query, StoreError::NotFound).await
        }

        async fn replace_card(&self, carer_id: i64, code: &CardCode, at: DateTime<Utc>) -> StoreResult<()> {
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            sqlx::query("UPDATE emergency_cards SET withdrawn_at = $1 WHERE carer_id = $2 AND withdrawn_at IS NULL")
                .bind(at)
                .bind(carer_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            issue_card(&mut tx, code, carer_id, at).await?;
            tx.commit().await.map_err(store_error)
        }

        async fn carer_with_card(&self, code: &CardCode) -> StoreResult<Option<i64>> {
            sqlx::query_scalar("SELECT carer_id FROM emergency_cards WHERE code = $1 AND withdrawn_at IS NULL")
                .bind(code.as_str())
                .fetch_optional(self.pool())
                .await
                .map_err(store_error)
        }

        async fn record_lookup(
            &self,
            carer_id: i64,
            responder_id: i64,
            reason: LookupReason,
            note: Option<&str>,
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            let query = sqlx::query_scalar(
                "INSERT INTO emergency_lookups (carer_id, responder_id, at, reason, note) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(carer_id)
            .bind(responder_id)
            .bind(at)
            .bind(reason.code())
            .bind(note);
            self.value(query).await
        }

        async fn lookup(&self, id: i64) -> StoreResult<Option<Lookup>> {
            let sql = format!("{SELECT_LOOKUP} WHERE l.id = $1");
            let row: Option<LookupRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
            row.map(LookupRow::into_lookup).transpose()
        }

        async fn lookups_of(&self, carer_id: i64) -> StoreResult<Vec<Lookup>> {
            let sql = format!("{SELECT_LOOKUP} WHERE l.carer_id = $1 ORDER BY l.at DESC, l.id DESC");
            let rows: Vec<LookupRow> = self.all(sqlx::query_as(&sql).bind(carer_id)).await?;
            rows.into_iter().map(LookupRow::into_lookup).collect()
        }

        async fn home_access(&self, carer_id: i64) -> StoreResult<Option<String>> {
            sqlx::query_scalar("SELECT instructions FROM emergency_home_access WHERE carer_id = $1")
                .bind(carer_id)
                .fetch_optional(self.pool())
                .await
                .map_err(store_error)
        }

        async fn plans_to_reconfirm(&self, confirmed_by: DateTime<Utc>) -> StoreResult<Vec<EmergencyPlan>> {
            let sql = format!("{SELECT_PLAN} WHERE p.confirmed_at <= $1 AND p.reminded_at IS NULL ORDER BY p.carer_id");
            let rows: Vec<PlanRow> = self.all(sqlx::query_as(&sql).bind(confirmed_by)).await?;
            let mut plans = Vec::with_capacity(rows.len());
            for row in rows {
                plans.push(self.plan_from(row).await?);
            }
            Ok(plans)
        }

        async fn mark_reconfirm_reminded(&self, carer_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query("UPDATE emergency_plans SET reminded_at = $1 WHERE carer_id = $2")
                .bind(at)
                .bind(carer_id);
            self.run(query).await
        }
    }
}
