//! `server backup <folder>` and `server restore <folder>`.
//!
//! A backup is a folder holding a consistent copy of the database, taken while the server keeps
//! serving and writing (SQLite: `portal.db`, written by `VACUUM INTO` inside one read
//! transaction; PostgreSQL: `portal.pgdump`, written by `pg_dump` from one snapshot), every
//! stored file (`files/<key>`, from the local folder or the S3 bucket), and a
//! `manifest.json` written last, listing each file with its size and SHA-256. A folder without
//! a manifest is an unfinished backup and is never restored.
//!
//! The database is copied before the files. Files are written before the records that point
//! to them and are never changed afterwards, so every file the copied records name is already
//! in the store when the files are copied.
mod postgres;
mod sqlite;

use std::path::Path;

use anyhow::{ensure, Context};
use app::backend::ports::FileStore;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Settings;
use crate::files::storage::ObjectFiles;

const MANIFEST: &str = "manifest.json";
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
    if to.exists() {
        ensure!(to.read_dir()?.next().is_none(), "{} is not empty: a backup never overwrites anything", to.display());
    }
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;

    let url = settings.database_url();
    let database =
        if crate::store::is_postgres(&url) { postgres::copy(&url, to).await? } else { sqlite::copy(&url, to).await? };

    let files = ObjectFiles::from_settings(settings)?;
    let mut entries = Vec::new();
    for key in files.keys().await.context("listing the stored files")? {
        let Some(bytes) = files.get(&key).await.with_context(|| format!("reading {key}"))? else {
            continue;
        };
        write_synced(&to.join("files").join(&key), &bytes)?;
        entries.push(FileEntry { key, bytes: bytes.len() as u64, sha256: sha256(&bytes) });
    }

    let manifest = Manifest { format: FORMAT, created_at: Utc::now(), database, files: entries };
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
    ensure!(crate::files::storage::is_plain_key(&manifest.database), "the backup names a database outside its folder");
    let copy = from.join(&manifest.database);
    let url = settings.database_url();
    let postgres = crate::store::is_postgres(&url);
    ensure!(
        copy.extension().is_some_and(|e| e == if postgres { "pgdump" } else { "db" }),
        "this backup is of a {} database; the settings name a {} one",
        if postgres { "SQLite" } else { "PostgreSQL" },
        if postgres { "PostgreSQL" } else { "SQLite" },
    );
    if postgres {
        postgres::check(&copy).await?
    } else {
        sqlite::check(&copy).await?
    }
    let mut files = Vec::with_capacity(manifest.files.len());
    for entry in &manifest.files {
        ensure!(
            crate::files::storage::is_plain_key(&entry.key),
            "the backup names a file outside its folder: {:?}",
            entry.key
        );
        let bytes =
            std::fs::read(from.join("files").join(&entry.key)).with_context(|| format!("reading {}", entry.key))?;
        ensure!(sha256(&bytes) == entry.sha256, "{} in the backup does not match its checksum", entry.key);
        files.push((entry.key.as_str(), bytes));
    }

    if postgres {
        postgres::restore(&url, &copy, replace).await?
    } else {
        sqlite::restore(&url, &copy, replace).await?
    }

    let store = ObjectFiles::from_settings(settings)?;
    for (key, bytes) in files {
        store.put(key, &bytes).await.with_context(|| format!("restoring {key}"))?;
    }
    Ok(manifest)
}
