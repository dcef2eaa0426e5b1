//! Staff sign-in through the council's identity provider: an OpenID Connect relying party
//! (authorisation code flow with PKCE and a nonce) on the `openidconnect` crate. The provider's
//! settings are read from its discovery document when first needed and again every hour (or
//! after a token fails to verify, for a provider that rotated its keys), so the portal starts
//! even while the provider is unreachable and password sign-in keeps working.
use std::sync::Arc;
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthPrompt, CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    reqwest, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndUserEmail, EndUserUsername, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope,
};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;

use crate::config::{OidcClaim, Settings};

/// Where the provider sends people back to.
pub const CALLBACK_PATH: &str = "/auth/council/callback";
/// How long a sign-in sent to the provider may take to come back.
pub const PENDING_SECONDS: u32 = 600;
/// How long the provider's settings are kept before they are read again.
const METADATA_FOR: Duration = Duration::from_secs(3600);
/// How recent the provider's sign-in must be when the portal asked for a fresh one.
pub const FRESH_FOR: chrono::Duration = chrono::Duration::minutes(5);

type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The portal as a client of the council's identity provider.
pub struct CouncilSignIn {
    issuer: String,
    client_id: String,
    client_secret: SecretString,
    redirect: String,
    claim: OidcClaim,
    http: reqwest::Client,
    client: RwLock<Option<(Instant, Arc<Client>)>>,
}

/// A sign-in sent to the provider, kept (sealed) in a cookie of the browser that started it
/// until the provider sends the person back.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    /// The portal page to go to afterwards.
    pub next: String,
    /// The provider was asked to sign the person in again (before erasure, exports, staff
    /// changes), not to reuse its own session.
    pub fresh: bool,
    /// Unix seconds after which the provider's answer is no longer taken.
    pub expires: i64,
}

/// Who the provider says signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// `issuer subject`: the provider's permanent name for the person.
    pub subject: String,
    /// The configured claim's value (an email address), when the provider vouches for it.
    pub email: Option<String>,
    /// When the person last proved who they are to the provider (`auth_time`), if it says.
    pub authenticated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Why the provider's answer was not taken (the cause goes to the log, never to the page).
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("the identity provider could not be reached or answered wrongly: {0}")]
    Unavailable(String),
    #[error("the ID token did not verify: {0}")]
    Rejected(String),
}

impl CouncilSignIn {
    /// The client the settings describe, or `None` when no provider is configured.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Option<CouncilSignIn>> {
        let (Some(issuer), Some(client_id), Some(client_secret)) =
            (&settings.oidc_issuer, &settings.oidc_client_id, &settings.oidc_client_secret)
        else {
            return Ok(None);
        };
        // Following redirects would let a provider's answer send the server's requests elsewhere.
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Some(CouncilSignIn {
            issuer: issuer.trim_end_matches('/').to_owned(),
            client_id: client_id.clone(),
            client_secret: client_secret.clone(),
            redirect: format!("{}{CALLBACK_PATH}", settings.public_url()),
            claim: settings.oidc_claim,
            http,
            client: RwLock::new(None),
        }))
    }

    async fn client(&self) -> Result<Arc<Client>, Failure> {
        if let Some((read_at, client)) = self.client.read().await.as_ref() {
            if read_at.elapsed() < METADATA_FOR {
                return Ok(client.clone());
            }
        }
        let issuer = IssuerUrl::new(self.issuer.clone()).map_err(|e| Failure::Unavailable(e.to_string()))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| Failure::Unavailable(format!("discovery: {e}")))?;
        let redirect = RedirectUrl::new(self.redirect.clone()).map_err(|e| Failure::Unavailable(e.to_string()))?;
        let client = Arc::new(
            CoreClient::from_provider_metadata(
                metadata,
                ClientId::new(self.client_id.clone()),
                Some(ClientSecret::new(self.client_secret.expose_secret().to_owned())),
            )
            .set_redirect_uri(redirect),
        );
        *self.client.write().await = Some((Instant::now(), client.clone()));
        Ok(client)
    }

    /// The provider's address to send the person to, and what to keep until they come back.
    /// `fresh` asks the provider to sign them in again whatever its own session says.
    pub async fn begin(&self, next: String, fresh: bool, now: i64) -> Result<(String, Pending), Failure> {
        let client = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .set_pkce_challenge(challenge);
        if fresh {
            request = request.add_prompt(CoreAuthPrompt::Login).set_max_age(Duration::ZERO);
        }
        let (url, state, nonce) = request.url();
        let pending = Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next,
            fresh,
            expires: now + i64::from(PENDING_SECONDS),
        };
        Ok((url.to_string(), pending))
    }

    /// Exchanges the provider's code for tokens and verifies the ID token (signature, issuer,
    /// audience, expiry, nonce): who signed in.
    pub async fn finish(&self, code: &str, pending: &Pending) -> Result<Identity, Failure> {
        let client = self.client().await?;
        let request = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| Failure::Unavailable(e.to_string()))?;
        let tokens = request
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| Failure::Unavailable(format!("token request: {e}")))?;
        let id_token = tokens.extra_fields().id_token().ok_or_else(|| Failure::Rejected("no ID token".into()))?;
        let verifier = client.id_token_verifier();
        let claims = match id_token.claims(&verifier, &Nonce::new(pending.nonce.clone())) {
            Ok(claims) => claims,
            Err(error) => {
                // Perhaps the provider rotated its keys: read its settings again next time.
                *self.client.write().await = None;
                return Err(Failure::Rejected(error.to_string()));
            }
        };
        let mut email = self.claimed(claims.email(), claims.email_verified(), claims.preferred_username());
        // Providers that keep the ID token small give the scope's claims at their UserInfo
        // endpoint instead, for the same subject (checked).
        if email.is_none() {
            if let Ok(request) = client.user_info(tokens.access_token().clone(), Some(claims.subject().clone())) {
                let info: CoreUserInfoClaims = request
                    .request_async(&self.http)
                    .await
                    .map_err(|e| Failure::Unavailable(format!("user info: {e}")))?;
                let standard = info.standard_claims();
                email = self.claimed(standard.email(), standard.email_verified(), standard.preferred_username());
            }
        }
        Ok(Identity {
            subject: format!("{} {}", claims.issuer().as_str(), claims.subject().as_str()),
            email,
            authenticated_at: claims.auth_time(),
        })
    }

    /// The configured claim's value, when the provider vouches for it, in lower case.
    fn claimed(
        &self,
        email: Option<&EndUserEmail>,
        verified: Option<bool>,
        username: Option<&EndUserUsername>,
    ) -> Option<String> {
        let value = match self.claim {
            OidcClaim::Email => email.filter(|_| verified == Some(true)).map(|email| email.as_str()),
            OidcClaim::PreferredUsername => username.map(|name| name.as_str()),
        };
        value.map(|value| value.trim().to_lowercase())
    }
}
