//! Accounts, the links between people, and password reset codes.
for_each_backend! {
    use app::backend::ports::{Account, AccountStore, Credentials, NewAccount, StoreError, StoreResult};
    use app::domain::account::Role;
    use app::domain::area::Postcode;
    use app::kit::i18n::Locale;
    use app::policy::{Record, Relations, Scope};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct AccountRow {
        id: i64,
        email: String,
        display_name: String,
        role: String,
        locale: String,
        created_at: DateTime<Utc>,
        disabled_at: Option<DateTime<Utc>>,
        postcode: Option<String>,
    }

    impl AccountRow {
        fn into_account(self) -> StoreResult<Account> {
            let role = Role::parse(&self.role)
                .ok_or_else(|| StoreError::Unavailable(format!("unknown role {:?}", self.role).into()))?;
            Ok(Account {
                id: self.id,
                email: self.email,
                display_name: self.display_name,
                role,
                locale: Locale::parse(&self.locale).unwrap_or_default(),
                created_at: self.created_at,
                disabled_at: self.disabled_at,
                postcode: self.postcode.as_deref().and_then(Postcode::parse),
            })
        }
    }

    const ACCOUNT_COLUMNS: &str = "id, email, display_name, role, locale, created_at, disabled_at, postcode";
    const STAFF_ROLES: &str = "('practitioner', 'trusted_assessor', 'responder', 'admin')";

    #[async_trait]
    impl AccountStore for DbStore {
        async fn create_account(&self, account: NewAccount<'_>, at: DateTime<Utc>) -> StoreResult<i64> {
            sqlx::query_scalar(
                "INSERT INTO users (email, display_name, role, password_hash, locale, created_at, created_by, postcode)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(account.email)
            .bind(account.display_name)
            .bind(account.role.as_str())
            .bind(account.password_hash)
            .bind(account.locale.tag())
            .bind(at)
            .bind(account.created_by)
            .bind(account.postcode.map(Postcode::as_str))
            .fetch_one(&self.pool)
            .await
            .map_err(store_error)
        }

        async fn find_account(&self, id: i64) -> StoreResult<Option<Account>> {
            let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE id = $1");
            let query = sqlx::query_as(&sql).bind(id);
            let row: Option<AccountRow> = self.optional(query).await?;
            row.map(AccountRow::into_account).transpose()
        }

        async fn find_credentials(&self, email: &str) -> StoreResult<Option<Credentials>> {
            #[derive(FromRow)]
            struct Row {
                #[sqlx(flatten)]
                account: AccountRow,
                password_hash: String,
            }
            let sql = format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM users WHERE email = $1 AND disabled_at IS NULL");
            let query = sqlx::query_as(&sql).bind(email.trim().to_lowercase());
            let row: Option<Row> = self.optional(query).await?;
            row.map(|r| Ok(Credentials { account: r.account.into_account()?, password_hash: r.password_hash }))
                .transpose()
        }

        async fn find_by_council_subject(&self, subject: &str) -> StoreResult<Option<Account>> {
            let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE council_subject = $1 AND disabled_at IS NULL");
            let query = sqlx::query_as(&sql).bind(subject);
            let row: Option<AccountRow> = self.optional(query).await?;
            row.map(AccountRow::into_account).transpose()
        }

        async fn link_council_subject(&self, user_id: i64, subject: &str) -> StoreResult<bool> {
            let linked = sqlx::query(
                "UPDATE users SET council_subject = $1 WHERE id = $2 AND council_subject IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM users other WHERE other.council_subject = $1)",
            )
            .bind(subject)
            .bind(user_id)
            .execute(&self.pool)
            .await
            .map_err(store_error)?
            .rows_affected();
            if linked == 1 {
                return Ok(true);
            }
            let current: Option<Option<String>> =
                sqlx::query_scalar("SELECT council_subject FROM users WHERE id = $1")
                    .bind(user_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(store_error)?;
            Ok(current.flatten().as_deref() == Some(subject))
        }

        async fn staff_accounts(&self) -> StoreResult<Vec<Account>> {
            let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE role IN {STAFF_ROLES} ORDER BY LOWER(display_name), id");
            let query = sqlx::query_as(&sql);
            let rows: Vec<AccountRow> = self.all(query).await?;
            rows.into_iter().map(AccountRow::into_account).collect()
        }

        async fn set_staff_disabled(&self, user_id: i64, disabled_at: Option<DateTime<Utc>>) -> StoreResult<()> {
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let done =
                sqlx::query(&format!("UPDATE users SET disabled_at = $1 WHERE id = $2 AND role IN {STAFF_ROLES}"))
                    .bind(disabled_at)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(store_error)?;
            changed(done.rows_affected(), StoreError::NotFound)?;
            if disabled_at.is_some() {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(store_error)?;
            }
            tx.commit().await.map_err(store_error)
        }

        async fn set_password_hash(&self, user_id: i64, hash: &str) -> StoreResult<()> {
            let query = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(user_id);
            self.run(query).await
        }

        async fn relations(&self, user_id: i64) -> StoreResult<Relations> {
            let ids = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).bind(user_id).fetch_all(&self.pool);
            let cares_for = ids("SELECT customer_id FROM care_links WHERE carer_id = $1").await.map_err(store_error)?;
            let cared_for_by =
                ids("SELECT carer_id FROM care_links WHERE customer_id = $1").await.map_err(store_error)?;
            let caseload =
                ids("SELECT person_id FROM allocations WHERE practitioner_id = $1 AND ended_at IS NULL").await.map_err(store_error)?;
            let query =
                sqlx::query_as("SELECT principal_id, scope FROM representations WHERE representative_id = $1")
                    .bind(user_id);
            let represents: Vec<(i64, String)> = self.all(query).await?;
            let represents =
                represents.into_iter().filter_map(|(id, scope)| Scope::parse(&scope).map(|s| (id, s))).collect();
            let query = sqlx::query_as("SELECT owner_id, record FROM shares WHERE viewer_id = $1").bind(user_id);
            let shared: Vec<(i64, String)> = self.all(query).await?;
            let shared_with_me =
                shared.into_iter().filter_map(|(id, record)| Record::parse(&record).map(|r| (id, r))).collect();
            let started_for = sqlx::query_scalar(&format!(
                "SELECT u.id FROM users u WHERE u.created_by = $1 AND {}",
                crate::store::assisted::WAITING
            ))
            .bind(user_id)
            .fetch_all(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(Relations { cares_for, cared_for_by, represents, caseload, shared_with_me, started_for })
        }

        async fn workers_of(&self, person_id: i64) -> StoreResult<Vec<String>> {
            sqlx::query_scalar(
                "SELECT u.display_name FROM allocations a JOIN users u ON u.id = a.practitioner_id
                 WHERE a.person_id = $1 AND a.ended_at IS NULL AND u.disabled_at IS NULL ORDER BY a.started_at, u.id",
            )
            .bind(person_id)
            .fetch_all(&self.pool)
            .await
            .map_err(store_error)
        }

        async fn link_carer(&self, carer_id: i64, customer_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query(
                "INSERT INTO care_links (carer_id, customer_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(carer_id)
            .bind(customer_id)
            .bind(at);
            self.run(query).await
        }

        async fn add_representation(
            &self,
            representative_id: i64,
            principal_id: i64,
            scope: Scope,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let query = sqlx::query(
                "INSERT INTO representations (representative_id, principal_id, scope, granted_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (representative_id, principal_id) DO UPDATE SET scope = excluded.scope",
            )
            .bind(representative_id)
            .bind(principal_id)
            .bind(scope.as_str())
            .bind(at);
            self.run(query).await
        }

        async fn create_password_reset(
            &self,
            digest: &str,
            user_id: i64,
            at: DateTime<Utc>,
            expires_at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let query = sqlx::query(
                "INSERT INTO password_resets (digest, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(digest)
            .bind(user_id)
            .bind(at)
            .bind(expires_at);
            self.run(query).await
        }

        async fn use_password_reset(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>> {
            // One statement marks the code used and returns its owner, so two uses cannot both win;
            // the owner's other codes are used up with it (an older email must not work after).
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let owner: Option<i64> = sqlx::query_scalar(
                "UPDATE password_resets SET used_at = $1
                 WHERE digest = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
            )
            .bind(now)
            .bind(digest)
            .fetch_optional(&mut *tx)
            .await
            .map_err(store_error)?;
            if let Some(owner) = owner {
                sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
                    .bind(now)
                    .bind(owner)
                    .execute(&mut *tx)
                    .await
                    .map_err(store_error)?;
            }
            tx.commit().await.map_err(store_error)?;
            Ok(owner)
        }

        async fn find_by_email(&self, email: &str) -> StoreResult<Option<Account>> {
            let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE email = $1");
            let query = sqlx::query_as(&sql).bind(email.trim().to_lowercase());
            let row: Option<AccountRow> = self.optional(query).await?;
            row.map(AccountRow::into_account).transpose()
        }

        async fn create_pending_registration(
            &self,
            digest: &str,
            account: NewAccount<'_>,
            at: DateTime<Utc>,
            expires_at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let query = sqlx::query(
                "INSERT INTO pending_registrations
                 (digest, email, display_name, role, password_hash, locale, postcode, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(digest)
            .bind(account.email)
            .bind(account.display_name)
            .bind(account.role.as_str())
            .bind(account.password_hash)
            .bind(account.locale.tag())
            .bind(account.postcode.map(Postcode::as_str))
            .bind(at)
            .bind(expires_at);
            self.run(query).await
        }

        async fn complete_registration(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>> {
            #[derive(FromRow)]
            struct Pending {
                email: String,
                display_name: String,
                role: String,
                password_hash: String,
                locale: String,
                postcode: Option<String>,
            }
            // Taking the row out and making the account are one transaction: two uses of the
            // link cannot both make one, and a failure leaves the link working.
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let pending: Option<Pending> = sqlx::query_as(
                "DELETE FROM pending_registrations WHERE digest = $1 AND expires_at > $2
                 RETURNING email, display_name, role, password_hash, locale, postcode",
            )
            .bind(digest)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await
            .map_err(store_error)?;
            let Some(pending) = pending else { return Ok(None) };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, display_name, role, password_hash, locale, created_at, postcode)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(&pending.email)
            .bind(&pending.display_name)
            .bind(&pending.role)
            .bind(&pending.password_hash)
            .bind(&pending.locale)
            .bind(now)
            .bind(&pending.postcode)
            .fetch_one(&mut *tx)
            .await
            .map_err(store_error)?;
            sqlx::query("DELETE FROM pending_registrations WHERE email = $1")
                .bind(&pending.email)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            tx.commit().await.map_err(store_error)?;
            Ok(Some(id))
        }

        async fn delete_expired_registrations(&self, now: DateTime<Utc>) -> StoreResult<u64> {
            let done = sqlx::query("DELETE FROM pending_registrations WHERE expires_at <= $1")
                .bind(now)
                .execute(&self.pool)
                .await
                .map_err(store_error)?;
            Ok(done.rows_affected())
        }
    }
}
