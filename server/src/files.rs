//! The file store: pictures and clips people add to their plans, in a local folder. A file is
//! written to a temporary name, flushed to disk, then renamed into place, so a crash never
//! leaves half a file under a real name.
use std::path::{Component, Path, PathBuf};

use app::ports::{FileStore, StoreError};
use async_trait::async_trait;
use tokio::io::AsyncWriteExt;

pub struct LocalFiles {
    root: PathBuf,
}

impl LocalFiles {
    pub fn new(root: PathBuf) -> std::io::Result<LocalFiles> {
        std::fs::create_dir_all(&root)?;
        Ok(LocalFiles { root })
    }

    /// Keys are made by the portal (`plan/42/abc.jpg`); anything that could leave the folder
    /// is refused all the same.
    fn path(&self, key: &str) -> Result<PathBuf, StoreError> {
        let relative = Path::new(key);
        if key.is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(StoreError::NotFound);
        }
        Ok(self.root.join(relative))
    }
}

fn unavailable(error: std::io::Error) -> StoreError {
    StoreError::Unavailable(Box::new(error))
}

#[async_trait]
impl FileStore for LocalFiles {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.path(key)?;
        if let Some(folder) = path.parent() {
            tokio::fs::create_dir_all(folder).await.map_err(unavailable)?;
        }
        let partial = path.with_extension("partial");
        let mut file = tokio::fs::File::create(&partial).await.map_err(unavailable)?;
        file.write_all(bytes).await.map_err(unavailable)?;
        file.sync_all().await.map_err(unavailable)?;
        drop(file);
        tokio::fs::rename(&partial, &path).await.map_err(unavailable)
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match tokio::fs::read(self.path(key)?).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(unavailable(error)),
        }
    }
}
