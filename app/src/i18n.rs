//! Languages and the message catalogue. All text the portal shows comes from `app/locales/*.toml`.
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language the portal is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Pl,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Pl];

    /// The BCP 47 tag used in `lang` attributes, cookies and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
        }
    }

    /// The language's name in that language, as the GOV.UK language switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Pl => "Polski",
        }
    }

    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// Picks the first supported language from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut ranked: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((quality, locale))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, l)| *l)
    }

    /// The text in this language (English where a translation is missing, which a test forbids).
    pub fn text(self, text: Text) -> &'static str {
        match self {
            Locale::En => english(text),
            Locale::Pl => polish(text).unwrap_or_else(|| english(text)),
        }
    }

    /// The text with `{name}` placeholders filled in.
    /// A date as people write it: "5 March 2026", "5 marca 2026".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const EN: [&str; 12] = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ];
        // Polish dates take the month in the genitive.
        const PL: [&str; 12] = [
            "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
            "października", "listopada", "grudnia",
        ];
        let months = match self {
            Locale::En => EN,
            Locale::Pl => PL,
        };
        format!("{} {} {}", date.day(), months[date.month0() as usize], date.year())
    }

    pub fn fill(self, text: Text, values: &[(&str, &str)]) -> String {
        let mut out = self.text(text).to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_translated() {
        let missing: Vec<_> = Text::ALL.iter().filter(|t| polish(**t).is_none()).map(|t| t.key()).collect();
        assert!(missing.is_empty(), "keys missing from locales/pl/: {missing:?}");
        assert!(POLISH_ONLY_KEYS.is_empty(), "keys only in locales/pl/: {POLISH_ONLY_KEYS:?}");
    }

    #[test]
    fn placeholders_match_between_languages() {
        let names = |s: &str| {
            let mut found: Vec<String> =
                s.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(n, _)| n.to_owned()).collect();
            found.sort();
            found
        };
        for text in Text::ALL {
            assert_eq!(names(english(*text)), names(Locale::Pl.text(*text)), "placeholders differ in {}", text.key());
        }
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_supported_language() {
        assert_eq!(Locale::from_accept_language("de-DE,pl;q=0.8,en;q=0.5"), Some(Locale::Pl));
        assert_eq!(Locale::from_accept_language("en-GB,en;q=0.9"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("fr"), None);
    }
}
