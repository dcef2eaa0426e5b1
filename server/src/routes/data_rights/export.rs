//! A person's copy of everything the portal holds about them (UK GDPR right of access): one
//! ZIP with a JSON file per table, their pictures and clips under `files/`, and a README.

use std::io::Write;

use app::backend::ports::{person_file_keys, PersonalData, Services, StoreError};
use app::domain::data_rights::Audience;
use chrono::{DateTime, Datelike, Timelike, Utc};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// The ZIP file's name as the person's browser saves it.
pub fn file_name(person_id: i64, at: DateTime<Utc>) -> String {
    format!("carer-portal-data-{person_id}-{}.zip", at.format("%Y-%m-%d"))
}

/// Reads everything about `person_id` (records through the store, files through the file
/// store) and packs it into a ZIP.
pub async fn personal_zip(services: &Services, person_id: i64, audience: Audience) -> Result<Vec<u8>, StoreError> {
    let data = services.store.export_person(person_id, audience).await?;
    let mut files = Vec::new();
    for key in person_file_keys(services.files.as_ref(), person_id, &data.file_keys).await? {
        if let Some(bytes) = services.files.get(&key).await? {
            files.push((key, bytes));
        }
    }
    let at = services.clock.now();
    tokio::task::spawn_blocking(move || write_zip(&data, &files, at))
        .await
        .map_err(|e| StoreError::Unavailable(Box::new(e)))?
        .map_err(|e| StoreError::Unavailable(Box::new(e)))
}

/// The file's name inside the ZIP: `files/` and the last part of its key.
pub fn zip_name(key: &str) -> String {
    format!("files/{}", key.rsplit('/').next().unwrap_or(key))
}

fn write_zip(data: &PersonalData, files: &[(String, Vec<u8>)], at: DateTime<Utc>) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
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
    for (key, bytes) in files {
        zip.start_file(zip_name(key), stored)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
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
        let bytes = write_zip(&data, &[("plan/7/abc.jpg".to_owned(), b"jpeg".to_vec())], Utc::now()).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<_> = archive.file_names().map(str::to_owned).collect();
        assert!(names.contains(&"README.txt".to_owned()) && names.contains(&"users.json".to_owned()), "{names:?}");
        let mut users = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("users.json").unwrap(), &mut users).unwrap();
        assert!(users.contains("\"Sam\""));
        let mut picture = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name("files/abc.jpg").unwrap(), &mut picture).unwrap();
        assert_eq!(picture, b"jpeg");
    }
}
