//! The PostgreSQL part of a backup: `pg_dump` in its custom format, which reads every table
//! from one snapshot while the portal keeps serving and writing; restore is `pg_restore` into
//! the database the settings name. Both tools come with PostgreSQL's client package.
use std::path::Path;

use anyhow::{ensure, Context};
use sqlx::Connection;
use tokio::process::Command;

const DATABASE: &str = "portal.pgdump";

/// Dumps the database the URL names into `to/portal.pgdump`; returns the dump's name.
pub async fn copy(url: &str, to: &Path) -> anyhow::Result<String> {
    let dump = to.join(DATABASE);
    let done = Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
        .arg(&dump)
        .arg(url)
        .output()
        .await
        .context("running pg_dump (install PostgreSQL's client tools)")?;
    ensure!(done.status.success(), "pg_dump failed: {}", String::from_utf8_lossy(&done.stderr).trim());
    std::fs::File::open(&dump)?.sync_all()?;
    check(&dump).await?;
    Ok(DATABASE.into())
}

/// Fails unless `pg_restore` can read the dump's whole table of contents.
pub async fn check(dump: &Path) -> anyhow::Result<()> {
    let done = Command::new("pg_restore").arg("--list").arg(dump).output().await.context("running pg_restore")?;
    ensure!(
        done.status.success() && String::from_utf8_lossy(&done.stdout).contains("TABLE DATA public users"),
        "the database dump {} is damaged: {}",
        dump.display(),
        String::from_utf8_lossy(&done.stderr).trim()
    );
    Ok(())
}

/// Restores the dump into the database the URL names. A database that already holds the
/// portal's tables is only replaced when `replace` is set. One transaction: all or nothing.
pub async fn restore(url: &str, dump: &Path, replace: bool) -> anyhow::Result<()> {
    let mut connection = sqlx::PgConnection::connect(url).await.context("connecting to the PostgreSQL database")?;
    let existing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'",
    )
    .fetch_one(&mut connection)
    .await?;
    connection.close().await?;
    ensure!(
        existing == 0 || replace,
        "the database already holds the portal's records; restore with --replace to replace them"
    );
    let mut command = Command::new("pg_restore");
    command.args(["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname"]).arg(url);
    if existing > 0 {
        command.args(["--clean", "--if-exists"]);
    }
    let done = command.arg(dump).output().await.context("running pg_restore")?;
    ensure!(done.status.success(), "pg_restore failed: {}", String::from_utf8_lossy(&done.stderr).trim());
    Ok(())
}
