//! Password hashing with argon2 (through `password-auth`), on blocking threads so sign-ins do
//! not stall other requests.
use app::backend::ports::{Passwords, StoreError};
use async_trait::async_trait;

pub struct Argon2Passwords {
    /// A hash of a random password, checked when an email has no account, so that a wrong
    /// email takes as long as a wrong password.
    decoy: String,
}

impl Argon2Passwords {
    pub fn new() -> Argon2Passwords {
        Argon2Passwords { decoy: password_auth::generate_hash(uuid::Uuid::new_v4().to_string()) }
    }
}

impl Default for Argon2Passwords {
    fn default() -> Self {
        Self::new()
    }
}

#[async_trait]
impl Passwords for Argon2Passwords {
    async fn hash(&self, password: &str) -> Result<String, StoreError> {
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
            .await
            .map_err(|e| StoreError::Unavailable(Box::new(e)))
    }

    async fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        let (password, hash, real) = match hash {
            Some(hash) => (password.to_owned(), hash.to_owned(), true),
            None => (password.to_owned(), self.decoy.clone(), false),
        };
        let matched = tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
            .await
            .unwrap_or(false);
        matched && real
    }
}
