//! Teams and who is in them.
for_each_backend! {
    use app::backend::ports::{StoreError, StoreResult, TeamStore};
    use app::domain::area::Areas;
    use app::domain::teams::{Covers, Membership, Team, TeamMember, TeamRule};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct TeamRow {
        id: i64,
        name: String,
        covers: String,
        areas: String,
        live_members: i64,
        created_at: DateTime<Utc>,
    }

    impl TeamRow {
        fn into_team(self) -> StoreResult<Team> {
            let covers = Covers::parse(&self.covers)
                .ok_or_else(|| unknown("team rule", &self.covers))?;
            let live_members = usize::try_from(self.live_members).unwrap_or_default();
            let areas = Areas::from_stored(&self.areas);
            Ok(Team { id: self.id, name: self.name, covers, areas, live_members, created_at: self.created_at })
        }
    }

    const TEAM: &str = "SELECT t.id, t.name, t.covers, t.areas, t.created_at,
                               (SELECT COUNT(*) FROM team_members m JOIN users u ON u.id = m.user_id
                                WHERE m.team_id = t.id AND u.disabled_at IS NULL) AS live_members
                        FROM teams t";

    #[async_trait]
    impl TeamStore for DbStore {
        async fn teams(&self) -> StoreResult<Vec<Team>> {
            let rows: Vec<TeamRow> = self.all(sqlx::query_as(&format!("{TEAM} ORDER BY LOWER(t.name), t.id"))).await?;
            rows.into_iter().map(TeamRow::into_team).collect()
        }

        async fn team(&self, id: i64) -> StoreResult<Option<Team>> {
            let sql = format!("{TEAM} WHERE t.id = $1");
            let row: Option<TeamRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
            row.map(TeamRow::into_team).transpose()
        }

        async fn create_team(&self, name: &str, rule: &TeamRule, at: DateTime<Utc>) -> StoreResult<i64> {
            // A name already taken, whatever its case, is a conflict (the index `teams_name_folded`).
            let query = sqlx::query_scalar(
                "INSERT INTO teams (name, covers, areas, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(name)
            .bind(rule.covers.code())
            .bind(rule.areas.to_text())
            .bind(at);
            self.value(query).await
        }

        async fn set_team_rule(&self, team_id: i64, rule: &TeamRule) -> StoreResult<()> {
            let query = sqlx::query("UPDATE teams SET covers = $1, areas = $2 WHERE id = $3")
                .bind(rule.covers.code())
                .bind(rule.areas.to_text())
                .bind(team_id);
            self.change_one(query, StoreError::NotFound).await
        }

        async fn team_members(&self, team_id: i64) -> StoreResult<Vec<TeamMember>> {
            let query = sqlx::query_as(
                "SELECT u.id, u.display_name, m.manages, u.disabled_at IS NOT NULL
                 FROM team_members m JOIN users u ON u.id = m.user_id
                 WHERE m.team_id = $1
                 ORDER BY m.manages DESC, LOWER(u.display_name), u.id",
            )
            .bind(team_id);
            let rows: Vec<(i64, String, bool, bool)> = self.all(query).await?;
            Ok(rows
                .into_iter()
                .map(|(user_id, name, manages, disabled)| TeamMember { user_id, name, manages, disabled })
                .collect())
        }

        async fn set_team_place(
            &self,
            team_id: i64,
            user_id: i64,
            manages: Option<bool>,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            match manages {
                Some(manages) => {
                    let query = sqlx::query(
                        "INSERT INTO team_members (team_id, user_id, manages, added_at)
                         SELECT $1, id, $3, $4 FROM users WHERE id = $2 AND role = 'practitioner'
                         ON CONFLICT (team_id, user_id) DO UPDATE SET manages = excluded.manages",
                    )
                    .bind(team_id)
                    .bind(user_id)
                    .bind(manages)
                    .bind(at);
                    self.change_one(query, StoreError::NotFound).await
                }
                None => sqlx::query("DELETE FROM team_members WHERE team_id = $1 AND user_id = $2")
                    .bind(team_id)
                    .bind(user_id)
                    .execute(&self.pool)
                    .await
                    .map_err(store_error)
                    .and_then(|done| changed(done.rows_affected(), StoreError::NotFound)),
            }
        }

        async fn membership(&self, user_id: i64) -> StoreResult<Membership> {
            let query = sqlx::query_as("SELECT team_id, manages FROM team_members WHERE user_id = $1 ORDER BY team_id")
                .bind(user_id);
            let places: Vec<(i64, bool)> = self.all(query).await?;
            Ok(Membership { places })
        }
    }
}
