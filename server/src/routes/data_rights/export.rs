//! A person's copy of everything the portal holds about them (UK GDPR right of access): one
//! ZIP with a JSON file per table, their pictures and clips under `files/`, and a README.

use std::io::Write;

use app::backend::ports::{person_file_keys, PersonalData, Services, StoreError};
use app::domain::data_rights::Audience;
use axum::body::Body;
use bytes::Bytes;
use chrono::{DateTime, Datelike, Timelike, Utc};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// The ZIP file's name as the person's browser saves it.
pub fn file_name(person_id: i64, at: DateTime<Utc>) -> String {
    format!("carer-portal-data-{person_id}-{}.zip", at.format("%Y-%m-%d"))
}

/// Reads everything about `person_id` (records through the store, files through the file
/// store) and packs it into a ZIP while it is sent: the tables first, then the files one at a
/// time, through a small channel, so neither the archive nor all of someone's files are ever
/// held in memory at once. Reading the records can fail before anything is sent (an error
/// then); a file that cannot be read once sending has begun ends the download early (logged),
/// and the browser is left with an unfinished file rather than a wrong one.
pub async fn personal_zip(services: &Services, person_id: i64, audience: Audience) -> Result<Body, StoreError> {
    let data = services.store.export_person(person_id, audience).await?;
    let keys = person_file_keys(services.files.as_ref(), person_id, &data.file_keys).await?;
    let (sender, receiver) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(4);
    let (files, at, runtime) = (services.files.clone(), services.clock.now(), tokio::runtime::Handle::current());
    tokio::task::spawn_blocking(move || {
        // Each file is read as it is written into the ZIP, a piece at a time.
        let file = |key: &str| {
            let opened = runtime.block_on(files.open(key)).map_err(std::io::Error::other)?;
            Ok(opened.map(|file| tokio_util::io::SyncIoBridge::new_with_handle(file.bytes, runtime.clone())))
        };
        let written = write_zip(ChannelWriter::new(sender.clone()), &data, &keys, file, at);
        if let Err(error) = written {
            tracing::error!("writing a copy of a person's data: {error}");
            let _ = sender.blocking_send(Err(std::io::Error::other("the copy could not be finished")));
        }
    });
    let chunks = futures::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|chunk| (chunk, receiver))
    });
    // Fused: the compression layer asks once more after the end, which `unfold` alone forbids.
    Ok(Body::from_stream(futures::StreamExt::fuse(chunks)))
}

/// The file's name inside the ZIP: `files/` and the last part of its key.
pub fn zip_name(key: &str) -> String {
    format!("files/{}", key.rsplit('/').next().unwrap_or(key))
}

/// How much of the ZIP is sent at a time.
const CHUNK: usize = 64 * 1024;

/// Writes into the response as the ZIP is made, a chunk at a time; waits while the browser is
/// slow (the channel is small), and fails once it has gone, which stops the writing.
struct ChannelWriter {
    sender: tokio::sync::mpsc::Sender<std::io::Result<Bytes>>,
    buffer: Vec<u8>,
}

impl ChannelWriter {
    fn new(sender: tokio::sync::mpsc::Sender<std::io::Result<Bytes>>) -> ChannelWriter {
        ChannelWriter { sender, buffer: Vec::with_capacity(CHUNK) }
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK)));
        self.sender.blocking_send(Ok(chunk)).map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }
}

/// Writes the ZIP to `out`: the README, a JSON file per table, then each file `file` opens.
fn write_zip<W: Write, R: std::io::Read>(
    out: W,
    data: &PersonalData,
    keys: &[String],
    file: impl Fn(&str) -> std::io::Result<Option<R>>,
    at: DateTime<Utc>,
) -> zip::result::ZipResult<()> {
    let mut zip = zip::ZipWriter::new_stream(out);
    let stamp = zip::DateTime::from_date_and_time(
        at.year().clamp(1980, 2107) as u16,
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default();
    let text = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(stamp);
    // Pictures and clips are compressed already.
    let stored = text.compression_method(CompressionMethod::Stored);

    zip.start_file("README.txt", text)?;
    zip.write_all(super::readme::text(data, at).as_bytes())?;
    for table in &data.tables {
        zip.start_file(format!("{}.json", table.table), text)?;
        let json = serde_json::to_vec_pretty(&table.rows).map_err(std::io::Error::other)?;
        zip.write_all(&json)?;
    }
    for key in keys {
        if let Some(mut bytes) = file(key)? {
            zip.start_file(zip_name(key), stored)?;
            std::io::copy(&mut bytes, &mut zip)?;
        }
    }
    zip.finish()?.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::backend::ports::TableRows;

    #[test]
    fn the_zip_holds_a_readme_a_json_file_per_table_and_the_files() {
        let data = PersonalData {
            tables: vec![TableRows { table: "users", rows: vec![serde_json::json!({"id": 7, "display_name": "Sam"})] }],
            file_keys: vec![],
        };
        let mut bytes = Vec::new();
        let keys = ["plan/7/abc.jpg".to_owned(), "plan/7/gone.jpg".to_owned()];
        let file = |key: &str| Ok((key == "plan/7/abc.jpg").then(|| &b"jpeg"[..]));
        write_zip(&mut bytes, &data, &keys, file, Utc::now()).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<_> = archive.file_names().map(str::to_owned).collect();
        assert!(names.contains(&"README.txt".to_owned()) && names.contains(&"users.json".to_owned()), "{names:?}");
        assert!(!names.contains(&"files/gone.jpg".to_owned()), "a file no longer there is left out");
        let mut users = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("users.json").unwrap(), &mut users).unwrap();
        assert!(users.contains("\"Sam\""));
        let mut picture = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name("files/abc.jpg").unwrap(), &mut picture).unwrap();
        assert_eq!(picture, b"jpeg");
    }
}
