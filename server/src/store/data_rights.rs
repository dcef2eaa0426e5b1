//! Data rights in the store: every row about one person, table by table (see `tables`), and
//! erasing them under the retention rules, in one transaction with its audit event.
pub mod tables;

for_each_backend! {
    use app::backend::ports::{
        AuditEvent, DataRightsStore, Erasure as Erased, PersonalData, StoreError, StoreResult, TableRows,
    };
    use async_trait::async_trait;

    use app::domain::data_rights::Audience;

    use crate::store::data_rights::tables::{withhold, Erasure, Rule, TABLES};

    impl DbStore {
        async fn email_of(&self, user_id: i64) -> StoreResult<String> {
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(store_error)?
                .ok_or(StoreError::NotFound)
        }
    }

    /// A query with the person's id as `$1` and, if the SQL uses it, their email as `$2`.
    fn person_query<'q>(
        sql: &'q str,
        user_id: i64,
        email: &'q str,
    ) -> sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments<'q>> {
        let query = sqlx::query(sql).bind(user_id);
        if sql.contains("$2") {
            query.bind(email)
        } else {
            query
        }
    }

    #[async_trait]
    impl DataRightsStore for DbStore {
        #[tracing::instrument(skip(self))]
        async fn export_person(&self, user_id: i64, audience: Audience) -> StoreResult<PersonalData> {
            let email = self.email_of(user_id).await?;
            // One read transaction, so the copy is of one moment.
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let mut data = PersonalData::default();
            for table in TABLES {
                let Rule::Personal { rows, hidden, .. } = &table.rule else { continue };
                let sql = format!("SELECT * FROM {} WHERE {rows}", table.name);
                let found = person_query(&sql, user_id, &email).fetch_all(&mut *tx).await.map_err(store_error)?;
                let mut rows = found.iter().map(|row| dialect::json_row(row, hidden)).collect::<StoreResult<Vec<_>>>()?;
                for row in &mut rows {
                    withhold(table.name, row, user_id, audience);
                }
                data.tables.push(TableRows { table: table.name, rows });
            }
            data.file_keys = file_keys(&mut tx, user_id).await?;
            tx.commit().await.map_err(store_error)?;
            Ok(data)
        }

        #[tracing::instrument(skip(self, audit))]
        async fn erase_person(&self, user_id: i64, audit: &AuditEvent) -> StoreResult<Erased> {
            let email = self.email_of(user_id).await?;
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let mut erased = Erased { file_keys: file_keys(&mut tx, user_id).await?, ..Erased::default() };
            for table in TABLES {
                let Rule::Personal { rows, erasure, .. } = &table.rule else { continue };
                match erasure {
                    Erasure::Delete => {
                        let sql = format!("DELETE FROM {} WHERE {rows}", table.name);
                        let done = person_query(&sql, user_id, &email).execute(&mut *tx).await.map_err(store_error)?;
                        erased.deleted += done.rows_affected();
                    }
                    Erasure::Anonymise { set, .. } => {
                        let sql = format!("UPDATE {} SET {set} WHERE {rows}", table.name);
                        let done = person_query(&sql, user_id, &email).execute(&mut *tx).await.map_err(store_error)?;
                        erased.anonymised += done.rows_affected();
                    }
                    Erasure::Partly { statements, .. } => {
                        for sql in *statements {
                            let done =
                                person_query(sql, user_id, &email).execute(&mut *tx).await.map_err(store_error)?;
                            if sql.starts_with("DELETE") {
                                erased.deleted += done.rows_affected();
                            } else {
                                erased.anonymised += done.rows_affected();
                            }
                        }
                    }
                    Erasure::Keep(_) => {}
                }
            }
            let detail = format!("{} rows deleted, {} anonymised", erased.deleted, erased.anonymised);
            let detail = match &audit.detail {
                Some(more) => format!("{more}; {detail}"),
                None => detail,
            };
            let event = AuditEvent { detail: Some(detail), ..audit.clone() };
            audit::appending(&event).execute(&mut *tx).await.map_err(store_error)?;
            tx.commit().await.map_err(store_error)?;
            Ok(erased)
        }
    }

    /// The files the person's plan names: each picture or clip, and a picture's thumbnail.
    async fn file_keys(tx: &mut DbConnection, user_id: i64) -> StoreResult<Vec<String>> {
        let found: Vec<(String, String)> = sqlx::query_as(
            "SELECT file_key, kind FROM plan_contributions WHERE person_id = $1 AND file_key IS NOT NULL ORDER BY id",
        )
        .bind(user_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(store_error)?;
        let mut keys = Vec::new();
        for (key, kind) in found {
            if kind == "picture" {
                keys.push(key.replace(".jpg", "-thumb.jpg"));
            }
            keys.push(key);
        }
        Ok(keys)
    }
}
