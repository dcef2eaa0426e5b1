//! Authenticator-app codes (TOTP, RFC 6238, with HMAC-SHA-1 as every app uses) and the QR
//! picture an app reads the secret from, drawn on the server as SVG so setting up works without
//! JavaScript.
use app::backend::ports::OneTimeCodes;
use hmac::{Hmac, Mac};
use rand::RngCore;

pub struct Totp;

impl OneTimeCodes for Totp {
    fn new_secret(&self) -> String {
        let mut bytes = [0u8; 20];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        data_encoding::BASE32_NOPAD.encode(&bytes)
    }

    fn code_at(&self, secret: &str, step: u64) -> Option<String> {
        let key = data_encoding::BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
        let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).ok()?;
        mac.update(&step.to_be_bytes());
        let hash = mac.finalize().into_bytes();
        // RFC 4226's dynamic truncation.
        let offset = usize::from(hash[hash.len() - 1] & 0x0f);
        let number = u32::from_be_bytes([hash[offset] & 0x7f, hash[offset + 1], hash[offset + 2], hash[offset + 3]]);
        Some(format!("{:06}", number % 1_000_000))
    }

    fn qr_svg(&self, text: &str) -> String {
        match qrcode::QrCode::new(text.as_bytes()) {
            Ok(code) => code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .dark_color(qrcode::render::svg::Color("#0b0c0c"))
                .light_color(qrcode::render::svg::Color("#ffffff"))
                .quiet_zone(true)
                .build(),
            Err(_) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_rfc_6238s_test_vectors() {
        // RFC 6238 appendix B, SHA-1, the secret "12345678901234567890"; the last six digits of
        // its eight-digit codes.
        let secret = data_encoding::BASE32_NOPAD.encode(b"12345678901234567890");
        for (time, code) in
            [(59u64, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (20_000_000_000, "353130")]
        {
            assert_eq!(Totp.code_at(&secret, time / 30).as_deref(), Some(code), "at {time}");
        }
        assert_eq!(Totp.code_at("not base32!", 1), None);
    }

    #[test]
    fn a_new_secret_is_160_random_bits_and_the_picture_is_an_svg() {
        let (one, two) = (Totp.new_secret(), Totp.new_secret());
        assert_eq!(one.len(), 32);
        assert_ne!(one, two);
        let svg = Totp.qr_svg("otpauth://totp/Council:sam@example.org?secret=ABC");
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    }
}
