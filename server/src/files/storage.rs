//! The file store: pictures and clips people add to their plans, kept through `object_store`.
//! By default a local folder, where each file is written under a staging name, flushed to disk
//! and renamed into place (so a crash never leaves half a file under a real name); or any
//! S3-compatible store (AWS S3, MinIO, Ceph…) when a bucket is configured.
use std::path::{Component, Path as FsPath, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use app::backend::ports::{FileReader, FileStore, StoreError};
use async_trait::async_trait;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use secrecy::ExposeSecret;

use crate::config::Settings;

pub struct ObjectFiles {
    store: Arc<dyn ObjectStore>,
}

impl ObjectFiles {
    /// The store the settings name: the S3 bucket if one is set, else the local folder.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<ObjectFiles> {
        match &settings.s3_bucket {
            Some(bucket) => ObjectFiles::s3(settings, bucket),
            None => ObjectFiles::local(settings.files_dir()).context("creating the files folder"),
        }
    }

    pub fn local(root: PathBuf) -> std::io::Result<ObjectFiles> {
        std::fs::create_dir_all(&root)?;
        let store = LocalFileSystem::new_with_prefix(&root).map_err(std::io::Error::other)?.with_fsync(true);
        Ok(ObjectFiles { store: Arc::new(store) })
    }

    /// An S3-compatible bucket. Credentials come from the settings, or else from the usual
    /// `AWS_*` environment variables (or the machine's role).
    fn s3(settings: &Settings, bucket: &str) -> anyhow::Result<ObjectFiles> {
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .with_region(settings.s3_region.clone().unwrap_or_else(|| "eu-west-2".to_owned()))
            .with_allow_http(settings.s3_allow_http);
        if let Some(endpoint) = &settings.s3_endpoint {
            // Most S3-compatible stores address buckets by path, not by host name.
            builder = builder.with_endpoint(endpoint).with_virtual_hosted_style_request(false);
        }
        if let Some(key) = &settings.s3_access_key_id {
            builder = builder.with_access_key_id(key);
        }
        if let Some(secret) = &settings.s3_secret_access_key {
            builder = builder.with_secret_access_key(secret.expose_secret());
        }
        let store = builder.build().context("configuring the S3 file store")?;
        Ok(ObjectFiles { store: Arc::new(store) })
    }
}

/// Keys are made by the portal (`plan/42/abc.jpg`); anything that could reach outside its
/// folder is refused all the same.
fn path(key: &str) -> Result<Path, StoreError> {
    let plain = is_plain_key(key);
    match Path::parse(key) {
        Ok(path) if plain => Ok(path),
        _ => Err(StoreError::NotFound),
    }
}

impl ObjectFiles {
    /// Every file's key, in order (for backups).
    pub async fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.keys_under(None).await
    }

    async fn keys_under(&self, folder: Option<&Path>) -> Result<Vec<String>, StoreError> {
        use futures::TryStreamExt;
        let mut keys: Vec<String> = self
            .store
            .list(folder)
            .map_ok(|meta| meta.location.to_string())
            .try_collect()
            .await
            .map_err(unavailable)?;
        keys.sort();
        Ok(keys)
    }
}

/// Whether a key is a plain relative path (`plan/42/abc.jpg`): nothing that could reach
/// outside the folder it is read from or written to.
pub fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && FsPath::new(key).components().all(|c| matches!(c, Component::Normal(_)))
}

fn unavailable(error: object_store::Error) -> StoreError {
    StoreError::Unavailable(Box::new(error))
}

#[async_trait]
impl FileStore for ObjectFiles {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.store.put(&path(key)?, PutPayload::from(bytes.to_vec())).await.map_err(unavailable)?;
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self.store.get(&path(key)?).await {
            Ok(found) => Ok(Some(found.bytes().await.map_err(unavailable)?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(unavailable(error)),
        }
    }

    async fn open(&self, key: &str) -> Result<Option<FileReader>, StoreError> {
        use futures::TryStreamExt;
        match self.store.get(&path(key)?).await {
            Ok(found) => {
                let size = found.meta.size;
                let pieces = found.into_stream().map_err(std::io::Error::other);
                Ok(Some(FileReader { size, bytes: Box::new(tokio_util::io::StreamReader::new(pieces)) }))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(unavailable(error)),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), StoreError> {
        match self.store.delete(&path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(unavailable(error)),
        }
    }

    async fn list(&self, folder: &str) -> Result<Vec<String>, StoreError> {
        self.keys_under(Some(&path(folder)?)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_file_is_kept_whole_on_disk_and_read_back() {
        let folder = tempfile::tempdir().unwrap();
        let files = ObjectFiles::local(folder.path().to_path_buf()).unwrap();
        files.put("plan/7/note.jpg", b"picture bytes").await.unwrap();
        assert_eq!(std::fs::read(folder.path().join("plan/7/note.jpg")).unwrap(), b"picture bytes");
        assert_eq!(files.get("plan/7/note.jpg").await.unwrap().as_deref(), Some(&b"picture bytes"[..]));
        assert_eq!(files.get("plan/7/other.jpg").await.unwrap(), None);
        files.put("plan/7/gone.jpg", b"x").await.unwrap();
        files.delete("plan/7/gone.jpg").await.unwrap();
        files.delete("plan/7/never.jpg").await.unwrap();
        // No staging file is left behind.
        let names: Vec<_> =
            std::fs::read_dir(folder.path().join("plan/7")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["note.jpg"]);
    }

    #[tokio::test]
    async fn a_large_file_is_read_a_piece_at_a_time() {
        use tokio::io::AsyncReadExt;
        let folder = tempfile::tempdir().unwrap();
        let files = ObjectFiles::local(folder.path().to_path_buf()).unwrap();
        let clip: Vec<u8> = (0..3 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
        files.put("plan/7/clip.mp4", &clip).await.unwrap();
        let mut file = files.open("plan/7/clip.mp4").await.unwrap().expect("the clip");
        assert_eq!(file.size, clip.len() as u64);
        let (mut read, mut largest, mut piece) = (Vec::new(), 0, vec![0; 1024 * 1024]);
        loop {
            let n = file.bytes.read(&mut piece).await.unwrap();
            if n == 0 {
                break;
            }
            largest = largest.max(n);
            read.extend_from_slice(&piece[..n]);
        }
        assert_eq!(read, clip);
        assert!(largest < clip.len(), "read in pieces, not whole");
        assert!(files.open("plan/7/none.mp4").await.unwrap().is_none());
        assert!(files.open("../etc/passwd").await.is_err());
    }

    #[tokio::test]
    async fn a_persons_folder_is_listed_and_its_files_deleted() {
        let folder = tempfile::tempdir().unwrap();
        let files = ObjectFiles::local(folder.path().to_path_buf()).unwrap();
        files.put("plan/7/a.jpg", b"a").await.unwrap();
        files.put("plan/7/a-thumb.jpg", b"t").await.unwrap();
        files.put("plan/70/b.jpg", b"b").await.unwrap();
        assert_eq!(files.list("plan/7").await.unwrap(), ["plan/7/a-thumb.jpg", "plan/7/a.jpg"]);
        files.delete("plan/7/a.jpg").await.unwrap();
        files.delete("plan/7/a.jpg").await.unwrap();
        assert_eq!(files.list("plan/7").await.unwrap(), ["plan/7/a-thumb.jpg"]);
        assert!(!folder.path().join("plan/7/a.jpg").exists());
        assert!(files.list("plan/8").await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn keys_that_could_leave_the_folder_are_refused() {
        let folder = tempfile::tempdir().unwrap();
        let files = ObjectFiles::local(folder.path().join("files")).unwrap();
        for key in ["../secret", "/etc/passwd", "plan/../../x", "", "plan//x"] {
            assert!(matches!(files.get(key).await, Err(StoreError::NotFound)), "{key}");
            assert!(matches!(files.put(key, b"x").await, Err(StoreError::NotFound)), "{key}");
        }
    }
}
