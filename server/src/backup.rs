//! `server backup <folder>` and `server restore <folder>`.
//!
//! A backup is a folder holding a consistent copy of the SQLite database (`portal.db`, written
//! by `VACUUM INTO` inside one read transaction, so the server keeps serving and writing while
//! it runs), every stored file (`files/<key>`, from the local folder or the S3 bucket), and a
//! `manifest.json` written last, listing each file with its size and SHA-256. A folder without
//! a manifest is an unfinished backup and is never restored.
//!
//! The database is copied before the files. Files are written before the records that point
//! to them and are never changed afterwards, so every file the copied records name is already
//! in the store when the files are copied.
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, ensure, Context};
use app::ports::FileStore;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::config::Settings;
use crate::files::ObjectFiles;

const MANIFEST: &str = "manifest.json";
const DATABASE: &str = "portal.db";
const FORMAT: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub created_at: DateTime<Utc>,
    pub database: String,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FileEntry {
    pub key: String,
    pub bytes: u64,
    pub sha256: String,
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The SQLite database file the settings point at; PostgreSQL has its own tools (`pg_dump`).
fn sqlite_path(settings: &Settings) -> anyhow::Result<PathBuf> {
    let url = settings.database_url();
    let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else {
        bail!("backup and restore copy a SQLite database; for PostgreSQL use pg_dump and pg_restore");
    };
    Ok(PathBuf::from(path.split('?').next().unwrap_or(path)))
}

async fn open(path: &Path, read_only: bool) -> anyhow::Result<sqlx::SqliteConnection> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .read_only(read_only)
        .busy_timeout(std::time::Duration::from_secs(30));
    options.connect().await.with_context(|| format!("opening {}", path.display()))
}

async fn check_integrity(path: &Path) -> anyhow::Result<()> {
    let mut connection = open(path, true).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut connection).await?;
    connection.close().await?;
    ensure!(verdict == "ok", "the database copy {} is damaged: {verdict}", path.display());
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

/// Writes a backup of the running portal's database and files into `to`, a new or empty folder.
pub async fn backup(settings: &Settings, to: &Path) -> anyhow::Result<Manifest> {
    let database = sqlite_path(settings)?;
    ensure!(database.exists(), "there is no database at {}", database.display());
    if to.exists() {
        ensure!(to.read_dir()?.next().is_none(), "{} is not empty: a backup never overwrites anything", to.display());
    }
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;

    let copy = to.join(DATABASE);
    let mut connection = open(&database, false).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(copy.to_string_lossy().into_owned())
        .execute(&mut connection)
        .await
        .context("copying the database")?;
    connection.close().await?;
    std::fs::File::open(&copy)?.sync_all()?;
    check_integrity(&copy).await?;

    let files = ObjectFiles::from_settings(settings)?;
    let mut entries = Vec::new();
    for key in files.keys().await.context("listing the stored files")? {
        let Some(bytes) = files.get(&key).await.with_context(|| format!("reading {key}"))? else {
            continue;
        };
        write_synced(&to.join("files").join(&key), &bytes)?;
        entries.push(FileEntry { key, bytes: bytes.len() as u64, sha256: sha256(&bytes) });
    }

    let manifest = Manifest { format: FORMAT, created_at: Utc::now(), database: DATABASE.into(), files: entries };
    write_synced(&to.join(MANIFEST), &serde_json::to_vec_pretty(&manifest)?)?;
    Ok(manifest)
}

/// Puts a backup back: checks it whole first (manifest, database integrity, every file's
/// checksum), then replaces the database and writes the files. The server must be stopped.
/// An existing database is only replaced when `replace` is set, and is kept beside the new
/// one as `portal.db.before-restore-<time>`.
pub async fn restore(settings: &Settings, from: &Path, replace: bool) -> anyhow::Result<Manifest> {
    let manifest_path = from.join(MANIFEST);
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(&manifest_path)
            .with_context(|| format!("{} has no manifest: it is not a finished backup", from.display()))?,
    )
    .context("reading the backup's manifest")?;
    ensure!(manifest.format == FORMAT, "this backup's format ({}) is not one this server reads", manifest.format);
    let copy = from.join(&manifest.database);
    check_integrity(&copy).await?;
    let mut files = Vec::with_capacity(manifest.files.len());
    for entry in &manifest.files {
        ensure!(crate::files::is_plain_key(&entry.key), "the backup names a file outside its folder: {:?}", entry.key);
        let bytes = std::fs::read(from.join("files").join(&entry.key)).with_context(|| format!("reading {}", entry.key))?;
        ensure!(sha256(&bytes) == entry.sha256, "{} in the backup does not match its checksum", entry.key);
        files.push((entry.key.as_str(), bytes));
    }

    let database = sqlite_path(settings)?;
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
    std::fs::copy(&copy, &staging).context("copying the database into place")?;
    std::fs::File::open(&staging)?.sync_all()?;
    std::fs::rename(&staging, &database)?;

    let store = ObjectFiles::from_settings(settings)?;
    for (key, bytes) in files {
        store.put(key, &bytes).await.with_context(|| format!("restoring {key}"))?;
    }
    Ok(manifest)
}
