//! Settings in layers: built-in defaults, then an optional TOML file (`PORTAL_CONFIG`, default
//! `portal.toml` if present), then `PORTAL_*` environment variables.
use std::{net::SocketAddr, path::PathBuf};

use anyhow::{bail, Context};
use figment::{
    providers::{Env, Format, Serialized, Toml},
    Figment,
};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

/// Whether the portal runs for real people (strict) or on a developer's machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Development,
    Production,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    pub mode: Mode,
    /// Where the server listens.
    pub bind: SocketAddr,
    /// The address people use to reach the portal, e.g. `https://carers.example.gov.uk`.
    /// Cross-site checks compare request origins with it. Defaults to `http://{bind}`.
    pub public_url: Option<String>,
    /// Folder for the SQLite database, uploaded files and the outgoing mail folder.
    pub data_dir: PathBuf,
    /// Defaults to a SQLite file in `data_dir`.
    pub database_url: Option<String>,
    /// Keys session tokens before they are stored. Required in production; in development a
    /// random one is generated once and kept in `data_dir`.
    pub session_secret: Option<SecretString>,
    /// Shown in the header and on the contact pages.
    pub council_name: String,
    pub council_phone: String,
    pub council_email: String,
    /// The Carers Emergency Response Service's 24-hour number, printed on emergency cards. The
    /// default is a number Ofcom keeps for drama (it rings nowhere): set the scheme's own.
    pub emergency_phone: String,
    /// Working days a person's request may wait in a team's intake before it is flagged.
    pub intake_target_days: u32,
    /// New accounts one address may register in an hour.
    pub registrations_per_hour: u32,
    /// Load the demo accounts and records on start-up (never in production).
    pub demo_data: bool,
    /// Log as JSON lines (for log collectors) instead of human-readable text.
    pub log_json: bool,
    /// Behind a load balancer: take the client's address from `X-Forwarded-For`.
    pub trust_forwarded_for: bool,
    /// Where outgoing mail is written, one `.eml` file per message (picked up by the council's
    /// mail relay). Defaults to `{data_dir}/outbox`.
    pub outbox_dir: Option<PathBuf>,
    /// Send mail over SMTP to this relay instead of writing it to the outbox folder, e.g.
    /// `smtp://relay.council.local:25` or `smtps://user:password@smtp.example.org:465`.
    pub smtp_url: Option<SecretString>,
    /// Where pictures and clips people add to their plans are kept. Defaults to
    /// `{data_dir}/files`.
    pub files_dir: Option<PathBuf>,
    /// Keep pictures and clips in this S3 bucket instead of `files_dir`.
    pub s3_bucket: Option<String>,
    /// The address of an S3-compatible store (MinIO, Ceph…); AWS itself when unset.
    pub s3_endpoint: Option<String>,
    /// Defaults to `eu-west-2` (London).
    pub s3_region: Option<String>,
    /// Credentials; when unset, the usual `AWS_*` environment variables or the machine's role.
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<SecretString>,
    /// Allow a plain `http://` endpoint (a store on the council's own network).
    pub s3_allow_http: bool,
    /// The council's identity provider for staff sign-in (OpenID Connect), e.g.
    /// `https://login.microsoftonline.com/{tenant id}/v2.0` for Entra ID. Unset: staff sign in
    /// with a password and a code.
    pub oidc_issuer: Option<String>,
    /// The portal's client id and secret at that provider. The provider is told to send people
    /// back to `{public_url}/auth/council/callback`.
    pub oidc_client_id: Option<String>,
    pub oidc_client_secret: Option<SecretString>,
    /// Which claim of the provider's ID token names the staff account (its email address):
    /// `email`, accepted only with `email_verified` true, or `preferred_username`, for
    /// providers whose directory sets it (Entra ID's user principal name).
    pub oidc_claim: OidcClaim,
    /// Whether practitioners and admins may still sign in with a password. Set `false` once
    /// every member of staff signs in through the council's provider.
    pub staff_passwords: bool,
}

/// The ID token claim that matches a member of staff to their account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OidcClaim {
    Email,
    PreferredUsername,
}

/// A number from the range Ofcom reserves for drama: safe to print, rings nowhere.
pub const DRAMA_NUMBER: &str = "01632 960000";

#[derive(Serialize)]
struct Defaults {
    mode: Mode,
    bind: &'static str,
    data_dir: &'static str,
    council_name: &'static str,
    council_phone: &'static str,
    council_email: &'static str,
    emergency_phone: &'static str,
    intake_target_days: u32,
    registrations_per_hour: u32,
    demo_data: bool,
    log_json: bool,
    trust_forwarded_for: bool,
    s3_allow_http: bool,
    oidc_claim: OidcClaim,
    staff_passwords: bool,
}

impl Settings {
    pub fn load() -> anyhow::Result<Settings> {
        let file = std::env::var("PORTAL_CONFIG").unwrap_or_else(|_| "portal.toml".into());
        Self::from_figment(
            Figment::from(Serialized::defaults(Self::defaults()))
                .merge(Toml::file(file))
                // The usual name for a database address; PORTAL_DATABASE_URL wins if both are set.
                .merge(Env::raw().only(&["DATABASE_URL"]))
                .merge(Env::prefixed("PORTAL_")),
        )
    }

    fn defaults() -> Defaults {
        Defaults {
            mode: Mode::Development,
            bind: "127.0.0.1:3000",
            data_dir: "data",
            council_name: "Lincolnshire County Council",
            council_phone: "01522 782224",
            council_email: "customer_services@lincolnshire.gov.uk",
            emergency_phone: DRAMA_NUMBER,
            intake_target_days: 5,
            registrations_per_hour: 10,
            demo_data: false,
            log_json: false,
            trust_forwarded_for: false,
            s3_allow_http: false,
            oidc_claim: OidcClaim::Email,
            staff_passwords: true,
        }
    }

    fn from_figment(figment: Figment) -> anyhow::Result<Settings> {
        let settings: Settings = figment.extract().context("reading the portal settings")?;
        if settings.mode == Mode::Production {
            match &settings.session_secret {
                None => bail!("PORTAL_SESSION_SECRET must be set in production"),
                Some(s) if s.expose_secret().len() < 32 => {
                    bail!("PORTAL_SESSION_SECRET must be at least 32 characters")
                }
                Some(_) => {}
            }
            if settings.demo_data {
                bail!("demo data cannot be loaded in production");
            }
            if !settings.public_url().starts_with("https://") {
                bail!("PORTAL_PUBLIC_URL must be an https:// address in production");
            }
            if settings.oidc_issuer.as_deref().is_some_and(|issuer| !issuer.starts_with("https://")) {
                bail!("PORTAL_OIDC_ISSUER must be an https:// address in production");
            }
        }
        if settings.oidc_issuer.is_some()
            && (settings.oidc_client_id.is_none() || settings.oidc_client_secret.is_none())
        {
            bail!("PORTAL_OIDC_ISSUER needs PORTAL_OIDC_CLIENT_ID and PORTAL_OIDC_CLIENT_SECRET");
        }
        if !settings.staff_passwords && settings.oidc_issuer.is_none() {
            bail!("PORTAL_STAFF_PASSWORDS=false needs PORTAL_OIDC_ISSUER: staff would have no way to sign in");
        }
        Ok(settings)
    }

    /// Settings for tests: development mode, everything under `data_dir`, a fixed secret.
    pub fn for_tests(data_dir: PathBuf) -> Settings {
        let mut settings =
            Self::from_figment(Figment::from(Serialized::defaults(Self::defaults()))).expect("defaults are valid");
        settings.bind = "127.0.0.1:0".parse().expect("valid address");
        settings.data_dir = data_dir;
        settings.session_secret = Some(SecretString::from("test-secret-test-secret-test-secret"));
        settings
    }

    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("portal.db").display()),
        }
    }

    pub fn files_dir(&self) -> PathBuf {
        self.files_dir.clone().unwrap_or_else(|| self.data_dir.join("files"))
    }

    pub fn outbox_dir(&self) -> PathBuf {
        self.outbox_dir.clone().unwrap_or_else(|| self.data_dir.join("outbox"))
    }

    /// Cookies carry `Secure` whenever the portal is reached over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}

#[cfg(test)]
// figment's test jail returns its own (large) error type from every closure.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;
    use figment::Jail;

    #[test]
    fn production_refuses_to_start_without_a_session_secret() {
        Jail::expect_with(|jail| {
            jail.set_env("PORTAL_MODE", "production");
            jail.set_env("PORTAL_PUBLIC_URL", "https://carers.example.gov.uk");
            let err = Settings::load().unwrap_err();
            assert!(err.to_string().contains("PORTAL_SESSION_SECRET"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn environment_overrides_the_file_which_overrides_the_defaults() {
        Jail::expect_with(|jail| {
            jail.create_file("portal.toml", "bind = \"127.0.0.1:4000\"\ncouncil_name = \"File Council\"")?;
            jail.set_env("PORTAL_COUNCIL_NAME", "Env Council");
            let settings = Settings::load().unwrap();
            assert_eq!(settings.bind.port(), 4000);
            assert_eq!(settings.council_name, "Env Council");
            assert_eq!(settings.data_dir, PathBuf::from("data"));
            Ok(())
        });
    }

    #[test]
    fn staff_passwords_stay_on_until_the_council_sign_in_is_set_up() {
        Jail::expect_with(|jail| {
            jail.set_env("PORTAL_STAFF_PASSWORDS", "false");
            let err = Settings::load().unwrap_err();
            assert!(err.to_string().contains("PORTAL_OIDC_ISSUER"), "{err}");
            jail.set_env("PORTAL_OIDC_ISSUER", "https://login.example.gov.uk");
            let err = Settings::load().unwrap_err();
            assert!(err.to_string().contains("PORTAL_OIDC_CLIENT_ID"), "{err}");
            jail.set_env("PORTAL_OIDC_CLIENT_ID", "portal");
            jail.set_env("PORTAL_OIDC_CLIENT_SECRET", "a secret");
            jail.set_env("PORTAL_OIDC_CLAIM", "preferred_username");
            let settings = Settings::load().unwrap();
            assert!(!settings.staff_passwords);
            assert_eq!(settings.oidc_claim, OidcClaim::PreferredUsername);
            assert!(!format!("{settings:?}").contains("a secret"));
            Ok(())
        });
    }

    #[test]
    fn the_secret_never_prints() {
        let settings = Settings::for_tests("x".into());
        assert!(!format!("{settings:?}").contains("test-secret"));
    }
}
