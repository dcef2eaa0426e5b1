//! What the two-factor pages show.
use serde::{Deserialize, Serialize};

/// The signed-in person's two-factor sign-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TwoFactorView {
    Off,
    /// Set up but not yet confirmed with a code: the picture, the secret in groups, and the
    /// recovery codes to write down.
    SettingUp {
        qr_svg: String,
        secret: String,
        recovery_codes: Vec<String>,
    },
    On {
        codes_left: usize,
    },
}
