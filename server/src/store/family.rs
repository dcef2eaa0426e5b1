//! The whole family: sharing choices between linked people, invitations (found by the keyed
//! digest of their code) and helpers.
for_each_backend! {
    use app::backend::ports::{FamilyStore, Helper, Invitation, NewInvitation, StoreError, StoreResult};
    use app::domain::family::{InvitationKind, InvitationStatus};
    use app::policy::{Record, Scope};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::Transaction;

    #[derive(sqlx::FromRow)]
    struct InvitationRow {
        id: i64,
        kind: String,
        from_id: i64,
        from_name: String,
        helper_name: Option<String>,
        helper_email: Option<String>,
        scope: Option<String>,
        shares: String,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        status: String,
        answered_at: Option<DateTime<Utc>>,
    }

    const SELECT: &str =
        "SELECT i.id, i.kind, i.from_id, u.display_name AS from_name, i.helper_name, i.helper_email, i.scope,
            i.shares, i.created_at, i.expires_at, i.status, i.answered_at
        FROM invitations i JOIN users u ON u.id = i.from_id";

    impl InvitationRow {
        fn into_invitation(self) -> StoreResult<Invitation> {
            Ok(Invitation {
                id: self.id,
                kind: InvitationKind::parse(&self.kind).ok_or_else(|| unknown("invitation kind", &self.kind))?,
                from_id: self.from_id,
                from_name: self.from_name,
                helper_name: self.helper_name,
                helper_email: self.helper_email,
                scope: self.scope.as_deref().and_then(Scope::parse),
                shares: self.shares.split(',').filter_map(Record::parse).collect(),
                created_at: self.created_at,
                expires_at: self.expires_at,
                status: InvitationStatus::parse(&self.status)
                    .ok_or_else(|| unknown("invitation status", &self.status))?,
                answered_at: self.answered_at,
            })
        }
    }

    fn joined(records: &[Record]) -> String {
        records.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
    }

    async fn replace_shares(
        tx: &mut Transaction<'_, Db>,
        owner: i64,
        viewer: i64,
        records: &[Record],
    ) -> StoreResult<()> {
        sqlx::query("DELETE FROM shares WHERE owner_id = $1 AND viewer_id = $2")
            .bind(owner)
            .bind(viewer)
            .execute(&mut **tx)
            .await
            .map_err(store_error)?;
        for record in records {
            sqlx::query("INSERT INTO shares (owner_id, viewer_id, record) VALUES ($1, $2, $3)")
                .bind(owner)
                .bind(viewer)
                .bind(record.code())
                .execute(&mut **tx)
                .await
                .map_err(store_error)?;
        }
        Ok(())
    }

    /// Marks an open invitation answered; `Conflict` when it was not open any more (two answers
    /// cannot both win).
    async fn answer(
        tx: &mut Transaction<'_, Db>,
        id: i64,
        by: i64,
        status: InvitationStatus,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE invitations SET status = $1, answered_by = $2, answered_at = $3 WHERE id = $4 AND status = 'open'",
        )
        .bind(status.code())
        .bind(by)
        .bind(at)
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(store_error)?;
        changed(done.rows_affected(), StoreError::Conflict)
    }

    #[async_trait]
    impl FamilyStore for DbStore {
        async fn create_invitation(&self, invitation: NewInvitation<'_>, at: DateTime<Utc>) -> StoreResult<i64> {
            let query = sqlx::query_scalar(
                "INSERT INTO invitations (digest, kind, from_id, helper_name, helper_email, scope, shares, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(invitation.digest)
            .bind(invitation.kind.code())
            .bind(invitation.from_id)
            .bind(invitation.helper_name)
            .bind(invitation.helper_email)
            .bind(invitation.scope.map(Scope::as_str))
            .bind(joined(invitation.shares))
            .bind(at)
            .bind(invitation.expires_at);
            self.value(query).await
        }

        async fn open_invitation(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<Invitation>> {
            let sql = format!("{SELECT} WHERE i.digest = $1 AND i.status = 'open' AND i.expires_at > $2");
            let row: Option<InvitationRow> = self.optional(sqlx::query_as(&sql).bind(digest).bind(now)).await?;
            row.map(InvitationRow::into_invitation).transpose()
        }

        async fn invitations_from(&self, person_id: i64) -> StoreResult<Vec<Invitation>> {
            let sql = format!("{SELECT} WHERE i.from_id = $1 ORDER BY i.created_at DESC, i.id DESC");
            let rows: Vec<InvitationRow> = self.all(sqlx::query_as(&sql).bind(person_id)).await?;
            rows.into_iter().map(InvitationRow::into_invitation).collect()
        }

        async fn accept_care_link(
            &self,
            invitation_id: i64,
            customer_id: i64,
            answered_by: i64,
            customer_shares: &[Record],
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            answer(&mut tx, invitation_id, answered_by, InvitationStatus::Accepted, at).await?;
            let (carer_id, shares): (i64, String) =
                sqlx::query_as("SELECT from_id, shares FROM invitations WHERE id = $1")
                    .bind(invitation_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(store_error)?;
            sqlx::query(
                "INSERT INTO care_links (carer_id, customer_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(carer_id)
            .bind(customer_id)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
            let carer_shares: Vec<Record> = shares.split(',').filter_map(Record::parse).collect();
            replace_shares(&mut tx, carer_id, customer_id, &carer_shares).await?;
            replace_shares(&mut tx, customer_id, carer_id, customer_shares).await?;
            tx.commit().await.map_err(store_error)
        }

        async fn accept_helper(&self, invitation_id: i64, helper_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            answer(&mut tx, invitation_id, helper_id, InvitationStatus::Accepted, at).await?;
            let (principal, scope): (i64, Option<String>) =
                sqlx::query_as("SELECT from_id, scope FROM invitations WHERE id = $1")
                    .bind(invitation_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(store_error)?;
            sqlx::query(
                "INSERT INTO representations (representative_id, principal_id, scope, granted_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (representative_id, principal_id) DO UPDATE SET scope = excluded.scope, granted_at = excluded.granted_at",
            )
            .bind(helper_id)
            .bind(principal)
            .bind(scope.unwrap_or_else(|| "view".to_owned()))
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
            tx.commit().await.map_err(store_error)
        }

        async fn close_invitation(
            &self,
            invitation_id: i64,
            by: i64,
            status: InvitationStatus,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            answer(&mut tx, invitation_id, by, status, at).await?;
            tx.commit().await.map_err(store_error)
        }

        async fn shares(&self, owner_id: i64, viewer_id: i64) -> StoreResult<Vec<Record>> {
            let codes: Vec<String> =
                sqlx::query_scalar("SELECT record FROM shares WHERE owner_id = $1 AND viewer_id = $2")
                    .bind(owner_id)
                    .bind(viewer_id)
                    .fetch_all(self.pool())
                    .await
                    .map_err(store_error)?;
            let mut records: Vec<Record> = codes.iter().filter_map(|c| Record::parse(c)).collect();
            records.sort();
            Ok(records)
        }

        async fn set_shares(&self, owner_id: i64, viewer_id: i64, records: &[Record]) -> StoreResult<()> {
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            replace_shares(&mut tx, owner_id, viewer_id, records).await?;
            tx.commit().await.map_err(store_error)
        }

        async fn unlink(&self, carer_id: i64, customer_id: i64) -> StoreResult<()> {
            let mut tx = self.pool().begin().await.map_err(store_error)?;
            let done = sqlx::query("DELETE FROM care_links WHERE carer_id = $1 AND customer_id = $2")
                .bind(carer_id)
                .bind(customer_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            changed(done.rows_affected(), StoreError::NotFound)?;
            replace_shares(&mut tx, carer_id, customer_id, &[]).await?;
            replace_shares(&mut tx, customer_id, carer_id, &[]).await?;
            tx.commit().await.map_err(store_error)
        }

        async fn helpers_of(&self, principal_id: i64) -> StoreResult<Vec<Helper>> {
            let query = sqlx::query_as(
                "SELECT u.id, u.display_name, u.email, r.scope, r.granted_at FROM representations r
                 JOIN users u ON u.id = r.representative_id WHERE r.principal_id = $1 ORDER BY u.display_name",
            )
            .bind(principal_id);
            let rows: Vec<(i64, String, String, String, DateTime<Utc>)> = self.all(query).await?;
            Ok(rows
                .into_iter()
                .filter_map(|(id, name, email, scope, granted_at)| {
                    Scope::parse(&scope).map(|scope| Helper { id, name, email, scope, granted_at })
                })
                .collect())
        }

        async fn remove_helper(&self, principal_id: i64, helper_id: i64) -> StoreResult<()> {
            let query = sqlx::query("DELETE FROM representations WHERE principal_id = $1 AND representative_id = $2")
                .bind(principal_id)
                .bind(helper_id);
            self.change_one(query, StoreError::NotFound).await
        }
    }
}
