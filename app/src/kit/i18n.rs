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
                let quality =
                    pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
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

    /// `text` as an owned `String`, to hand to views: `let t = locale.translator();` then
    /// `t(Text::…)`.
    pub fn translator(self) -> impl Fn(Text) -> String + Copy + Send + Sync + 'static {
        move |text| self.text(text).to_owned()
    }

    /// The text with `{name}` placeholders filled in.
    /// A date as people write it: "5 March 2026", "5 marca 2026".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        // Polish dates take the month in the genitive.
        const PL: [&str; 12] = [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ];
        let months = match self {
            Locale::En => EN,
            Locale::Pl => PL,
        };
        format!("{} {} {}", date.day(), months[date.month0() as usize], date.year())
    }

    /// A moment as people in the UK read it: "5 March 2026, 14:05" in UK time (British Summer
    /// Time from the last Sunday in March to the last Sunday in October, 01:00 UTC).
    pub fn date_time(self, at: chrono::DateTime<chrono::Utc>) -> String {
        let local = at.naive_utc() + chrono::Duration::hours(i64::from(british_summer_time(at)));
        format!("{}, {}", self.long_date(local.date()), local.format("%H:%M"))
    }

    pub fn fill(self, text: Text, values: &[(&str, &str)]) -> String {
        let mut out = self.text(text).to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// Whether `at` falls in British Summer Time.
fn british_summer_time(at: chrono::DateTime<chrono::Utc>) -> bool {
    use chrono::{Datelike, NaiveDate};
    let last_sunday = |month: u32| {
        let last = NaiveDate::from_ymd_opt(at.year(), month, 31).expect("March and October have 31 days");
        let back = last.weekday().num_days_from_sunday();
        last - chrono::Duration::days(i64::from(back))
    };
    let starts = last_sunday(3).and_hms_opt(1, 0, 0).expect("valid time").and_utc();
    let ends = last_sunday(10).and_hms_opt(1, 0, 0).expect("valid time").and_utc();
    at >= starts && at < ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_uk_time() {
        use chrono::TimeZone;
        let winter = chrono::Utc.with_ymd_and_hms(2026, 1, 5, 14, 5, 0).unwrap();
        assert_eq!(Locale::En.date_time(winter), "5 January 2026, 14:05");
        let summer = chrono::Utc.with_ymd_and_hms(2026, 7, 5, 14, 5, 0).unwrap();
        assert_eq!(Locale::En.date_time(summer), "5 July 2026, 15:05");
        // 2026's clocks go forward on 29 March and back on 25 October.
        let before = chrono::Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        assert_eq!(Locale::En.date_time(before), "29 March 2026, 00:59");
        let after = chrono::Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(Locale::En.date_time(after), "25 October 2026, 01:00");
    }

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
