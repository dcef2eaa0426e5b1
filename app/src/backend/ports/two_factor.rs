//! The store's and the server's side of two-factor sign-in: each person's authenticator
//! secret and recovery codes, and a sign-in waiting for its second factor.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::error::AppError;

/// One person's two-factor set-up as the store keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TwoFactor {
    /// Base32, as authenticator apps take it.
    pub secret: String,
    /// While setting up: the recovery codes to write down, shown until the first code confirms.
    pub pending_codes: Option<Vec<String>>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// Recovery codes not yet used.
    pub codes_left: usize,
}

/// A sign-in that had the right password and waits for its code. Its token (kept as a digest)
/// proves only the password: the code is still needed, and the token works once, for minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInChallenge {
    pub user_id: i64,
    pub next: String,
    pub created_at: DateTime<Utc>,
}

/// The codes of an authenticator app (RFC 6238) and the picture an app reads its secret from.
pub trait OneTimeCodes: Send + Sync {
    /// A new random secret (160 bits, base32).
    fn new_secret(&self) -> String;
    /// The six-digit code for `secret` at `step` (`None` for a secret that is not base32).
    fn code_at(&self, secret: &str, step: u64) -> Option<String>;
    /// A QR code of `text` as an SVG image.
    fn qr_svg(&self, text: &str) -> String;
}

#[async_trait]
pub trait TwoFactorStore: Send + Sync {
    async fn two_factor(&self, user_id: i64) -> StoreResult<Option<TwoFactor>>;
    /// Starts (or starts again) setting up: a new secret, and the recovery codes' digests with
    /// the codes themselves to show until confirmed. Refused (`Conflict`) once confirmed.
    async fn start_two_factor(
        &self,
        user_id: i64,
        secret: &str,
        codes: &[(String, String)],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Uses `step`'s code: `false` when that step or a later one was used already (a code works
    /// once). The first use confirms the set-up and forgets the codes shown.
    async fn use_code_step(&self, user_id: i64, step: u64, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Uses a recovery code by its digest: `false` when it is not theirs or was used.
    async fn use_recovery_code(&self, user_id: i64, digest: &str, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Forgets the person's two-factor set-up, recovery codes and waiting sign-ins (an admin
    /// resetting a lost phone's); `NotFound` when there was none.
    async fn remove_two_factor(&self, user_id: i64) -> StoreResult<()>;
    async fn create_sign_in_challenge(&self, digest: &str, challenge: &SignInChallenge) -> StoreResult<()>;
    async fn find_sign_in_challenge(&self, digest: &str) -> StoreResult<Option<SignInChallenge>>;
    async fn delete_sign_in_challenge(&self, digest: &str) -> StoreResult<()>;
}

/// Whether `typed` is the app's code for now (or a step either side), used for the first time
/// (using it confirms a set-up that waits for its first code).
pub async fn code_matches<W>(cx: &Cx<W>, user: i64, secret: &str, typed: &str) -> Result<bool, AppError> {
    use crate::domain::two_factor::steps_around;

    let codes = &cx.services().codes;
    for step in steps_around(cx.now()) {
        if codes.code_at(secret, step).as_deref() == Some(typed) {
            return Ok(cx.store().use_code_step(user, step, cx.now()).await?);
        }
    }
    Ok(false)
}

/// After a right password: when the account has two-factor on, the address of the page that
/// asks for the code (with a one-use token that proves the password and nothing more, for
/// `next` afterwards); `None` when the password is enough.
pub async fn ask_for_code<W>(cx: &Cx<W>, user: i64, next: &str) -> Result<Option<String>, AppError> {
    if cx.store().two_factor(user).await?.is_none_or(|t| t.confirmed_at.is_none()) {
        return Ok(None);
    }
    let token = cx.services().digests.new_code();
    let challenge = SignInChallenge { user_id: user, next: next.to_owned(), created_at: cx.now() };
    cx.store().create_sign_in_challenge(&cx.services().digests.digest(&token), &challenge).await?;
    Ok(Some(format!("/sign-in/code?token={token}")))
}
