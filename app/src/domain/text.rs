//! Free text as people type it: trimmed, bounded, never empty when required.
use serde::{Deserialize, Serialize};

/// Why a piece of text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    Missing,
    TooLong { max: usize },
}

/// What can be wrong with a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Missing,
    TooLong {
        max: usize,
    },
    /// A line break, tab or other control character: names go into email subjects, letters and
    /// lists, where one would break the line or smuggle in a header.
    Unprintable,
}

/// A person's name: required, trimmed, within `max` characters, on one line.
pub fn person_name(input: &str, max: usize) -> Result<BoundedText, NameProblem> {
    if input.chars().any(char::is_control) {
        return Err(NameProblem::Unprintable);
    }
    BoundedText::required(input, max).map_err(|problem| match problem {
        TextProblem::Missing => NameProblem::Missing,
        TextProblem::TooLong { max } => NameProblem::TooLong { max },
    })
}

/// Text that has been trimmed and is within its limit. Counts characters, not bytes, so
/// Polish letters count as one each, as the character count on the page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundedText(String);

impl BoundedText {
    pub fn required(input: &str, max: usize) -> Result<Self, TextProblem> {
        match Self::optional(input, max)? {
            Some(text) => Ok(text),
            None => Err(TextProblem::Missing),
        }
    }

    pub fn optional(input: &str, max: usize) -> Result<Option<Self>, TextProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.chars().count() > max {
            return Err(TextProblem::TooLong { max });
        }
        Ok(Some(BoundedText(trimmed.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// An email address, checked only as far as a form can: one `@`, something either side, a dot
/// in the domain, no spaces. Whether it works is proved by sending to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Result<Self, EmailProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailProblem::Missing);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(EmailProblem::TooLong);
        }
        let valid = match trimmed.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !trimmed.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if valid {
            Ok(EmailAddress(trimmed.to_lowercase()))
        } else {
            Err(EmailProblem::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether mail to `address` can reach anyone. Accounts with no email (made for someone
    /// without one, or erased) hold an address in the reserved `.invalid` domain (RFC 2606),
    /// which no mail server accepts.
    pub fn deliverable(address: &str) -> bool {
        let domain = address.rsplit_once('@').map_or("", |(_, d)| d).to_ascii_lowercase();
        !address.is_empty() && domain != "invalid" && !domain.ends_with(".invalid")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailProblem {
    Missing,
    TooLong,
    Format,
}

/// Percent-encodes `text` for a URL, keeping the unreserved characters (RFC 3986) and `keep`.
pub fn percent_encode(text: &str, keep: &[u8]) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b if keep.contains(&b) => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_the_reserved_invalid_domain_are_not_deliverable() {
        assert!(EmailAddress::deliverable("sam@example.org"));
        assert!(!EmailAddress::deliverable("no-email-abc@invalid"));
        assert!(!EmailAddress::deliverable("erased-7@INVALID"));
        assert!(!EmailAddress::deliverable("x@mail.invalid"));
        assert!(!EmailAddress::deliverable(""));
    }

    #[test]
    fn required_text_is_trimmed_and_refused_when_blank() {
        assert_eq!(BoundedText::required("  hello ", 10).unwrap().as_str(), "hello");
        assert_eq!(BoundedText::required("   ", 10), Err(TextProblem::Missing));
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert!(BoundedText::required("żółć", 4).is_ok());
        assert_eq!(BoundedText::required("żółćx", 4), Err(TextProblem::TooLong { max: 4 }));
    }

    #[test]
    fn a_name_stays_on_one_line() {
        assert_eq!(person_name("  Łucja Nowak ", 100).unwrap().as_str(), "Łucja Nowak");
        for bad in ["Sam\r\nBcc: x@evil.example", "Sam\nCarer", "Sam\tCarer", "Sam\u{0}"] {
            assert_eq!(person_name(bad, 100), Err(NameProblem::Unprintable), "{bad:?}");
        }
        assert_eq!(person_name(" ", 100), Err(NameProblem::Missing));
        assert_eq!(person_name("abc", 2), Err(NameProblem::TooLong { max: 2 }));
    }

    #[test]
    fn email_addresses_need_an_at_sign_and_a_domain() {
        assert_eq!(EmailAddress::parse(" Ann@Example.org ").unwrap().as_str(), "ann@example.org");
        for bad in ["ann", "ann@", "@example.org", "ann@example", "ann @example.org", "a@b@c.org"] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailProblem::Format), "{bad}");
        }
        assert_eq!(EmailAddress::parse(""), Err(EmailProblem::Missing));
    }
}
