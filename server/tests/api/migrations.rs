//! Migrations that rebuild a table keep every row that points at it: the trusted assessors'
//! migration rebuilds `users` on SQLite (a CHECK constraint cannot change in place), and a
//! council's data must come through it whole.
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;

static SQLITE: Migrator = sqlx::migrate!("../migrations/sqlite");

#[tokio::test]
async fn rebuilding_the_accounts_table_for_trusted_assessors_keeps_every_row_that_points_at_it() {
    let folder = tempfile::tempdir().unwrap();
    let options = SqliteConnectOptions::new()
        .filename(folder.path().join("portal.db"))
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new().max_connections(2).connect_with(options).await.unwrap();
    // The schema as it was before trusted assessors, with a council's rows in it.
    let before = SQLITE.migrations.iter().filter(|m| m.version < 19).cloned().collect::<Vec<_>>();
    let earlier = Migrator { migrations: before.into(), ..Migrator::DEFAULT };
    earlier.run(&pool).await.unwrap();
    for statement in [
        "INSERT INTO users (id, email, display_name, role, password_hash, created_at)
         VALUES (1, 'lee@example.org', 'Lee', 'practitioner', 'h', '2026-01-01T00:00:00Z'),
                (2, 'dana@example.org', 'Dana', 'carer', 'h', '2026-01-01T00:00:00Z')",
        "UPDATE users SET created_by = 1, review_emails = 0 WHERE id = 2",
        "INSERT INTO sessions (digest, user_id, created_at, last_seen_at) VALUES ('d', 2, 't', 't')",
        "INSERT INTO allocations (person_id, practitioner_id, started_by, started_at) VALUES (2, 1, 1, 't')",
    ] {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }

    SQLITE.run(&pool).await.expect("the remaining migrations run");

    let count = |table: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&pool).await.unwrap().get::<i64, _>(0) }
    };
    assert_eq!((count("users").await, count("sessions").await, count("allocations").await), (2, 1, 1));
    let dana = sqlx::query("SELECT created_by, review_emails FROM users WHERE id = 2").fetch_one(&pool).await.unwrap();
    assert_eq!((dana.get::<i64, _>(0), dana.get::<i64, _>(1)), (1, 0), "every column came through");
    assert!(sqlx::query("PRAGMA foreign_key_check").fetch_all(&pool).await.unwrap().is_empty());
    sqlx::query("INSERT INTO users (email, display_name, role, password_hash, created_at) VALUES ('t@x', 'T', 'trusted_assessor', 'h', 't')")
        .execute(&pool)
        .await
        .expect("the new role is allowed");
    // Foreign keys are on again: an account's sessions and allocations still go with it.
    sqlx::query("DELETE FROM users WHERE id = 2").execute(&pool).await.unwrap();
    assert_eq!((count("sessions").await, count("allocations").await), (0, 0));
}
