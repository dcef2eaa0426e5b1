//! The SQLite part of a backup: `VACUUM INTO` a new file inside one read transaction, so the
//! portal keeps serving and writing; restore swaps the file in and keeps the old one beside it.
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, ensure, Context};
use chrono::Utc;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

const DATABASE: &str = "portal.db";

/// Copies the database the URL names into `to/portal.db`; returns the copy's name.
pub async fn copy(url: &str, to: &Path) -> anyhow::Result<String> {
    let database = path(url)?;
    ensure!(database.exists(), "there is no database at {}", database.display());
    let copy = to.join(DATABASE);
    let mut connection = open(&database, false).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(copy.to_string_lossy().into_owned())
        .execute(&mut connection)
        .await
        .context("copying the database")?;
    connection.close().await?;
    std::fs::File::open(&copy)?.sync_all()?;
    check(&copy).await?;
    Ok(DATABASE.into())
}

/// Fails unless the copy passes SQLite's own integrity check.
pub async fn check(copy: &Path) -> anyhow::Result<()> {
    let mut connection = open(copy, true).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut connection).await?;
    connection.close().await?;
    ensure!(verdict == "ok", "the database copy {} is damaged: {verdict}", copy.display());
    Ok(())
}

/// Puts the copy in place of the database the URL names. An existing one is only replaced when
/// `replace` is set, and is kept beside the new one as `portal.db.before-restore-<time>`.
pub async fn restore(url: &str, copy: &Path, replace: bool) -> anyhow::Result<()> {
    let database = path(url)?;
    if database.exists() {
        ensure!(replace, "a database already exists at {}; restore with --replace to replace it", database.display());
        let kept = database.with_extension(format!("db.before-restore-{}", Utc::now().format("%Y%m%dT%H%M%S")));
        std::fs::rename(&database, &kept).with_context(|| format!("keeping the old database as {}", kept.display()))?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", database.display()));
            if side.exists() {
                std::fs::rename(&side, format!("{}{suffix}", kept.display()))?;
            }
        }
    }
    if let Some(parent) = database.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let staging = database.with_extension("db.restoring");
    std::fs::copy(copy, &staging).context("copying the database into place")?;
    std::fs::File::open(&staging)?.sync_all()?;
    std::fs::rename(&staging, &database)?;
    Ok(())
}

/// The database file a `sqlite://` URL names.
fn path(url: &str) -> anyhow::Result<PathBuf> {
    let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else {
        bail!("not a SQLite database URL");
    };
    Ok(PathBuf::from(path.split('?').next().unwrap_or(path)))
}

async fn open(path: &Path, read_only: bool) -> anyhow::Result<sqlx::SqliteConnection> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .read_only(read_only)
        .busy_timeout(std::time::Duration::from_secs(30));
    options.connect().await.with_context(|| format!("opening {}", path.display()))
}
