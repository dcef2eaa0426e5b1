//! Codes people read out and type: twelve characters from Crockford's base 32 (no I, L, O or
//! U), shown in three groups of four. Sixty random bits — unguessable, and with look-ups rate
//! limited, out of reach of trying codes one by one. Used on emergency cards and for
//! invitations.
use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CardCode(String);

impl CardCode {
    /// A code from random bytes (the server draws them from the operating system).
    pub fn from_random(bytes: [u8; 8]) -> CardCode {
        let mut value = u64::from_le_bytes(bytes);
        let code = (0..LENGTH)
            .map(|_| {
                let c = ALPHABET[(value & 31) as usize] as char;
                value >>= 5;
                c
            })
            .collect();
        CardCode(code)
    }

    /// Reads a code as a person typed it: any case, with or without spaces and dashes, and the
    /// letters people confuse with digits (O for 0, I and L for 1) taken as the digits.
    pub fn parse(input: &str) -> Option<CardCode> {
        let mut code = String::with_capacity(LENGTH);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{2013}' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return None,
            };
            code.push(c);
        }
        (code.len() == LENGTH).then_some(CardCode(code))
    }

    /// The code as stored: twelve characters, no separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as printed: `7KQM 4TXP 9RC2`.
    pub fn grouped(&self) -> String {
        let c = &self.0;
        format!("{} {} {}", &c[0..4], &c[4..8], &c[8..12])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let code = CardCode::from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(code.as_str().len(), 12);
        assert_eq!(CardCode::parse(&code.grouped()), Some(code.clone()));
        assert_eq!(CardCode::parse(&code.grouped().to_lowercase().replace(' ', "-")), Some(code.clone()));
    }

    #[test]
    fn confusable_letters_are_read_as_digits() {
        assert_eq!(CardCode::parse("oooo iiii llll").unwrap().as_str(), "000011111111");
    }

    #[test]
    fn wrong_lengths_and_characters_are_refused() {
        assert_eq!(CardCode::parse("ABCD EFGH JKM"), None);
        assert_eq!(CardCode::parse("ABCD EFGH JKMNP"), None);
        assert_eq!(CardCode::parse("ABCD EFGH JKM!"), None);
        assert_eq!(CardCode::parse("ABCD EFGH JKMU"), None);
        assert_eq!(CardCode::parse(""), None);
    }

    #[test]
    fn different_random_bytes_give_different_codes() {
        assert_ne!(CardCode::from_random([0; 8]), CardCode::from_random([1, 0, 0, 0, 0, 0, 0, 0]));
    }
}
