//! Where a person lives, as far as the council's teams need it: a UK postcode, and the postcode
//! areas ("LS") and districts ("LS6") a team covers. A team with no areas covers everywhere.
use serde::{Deserialize, Serialize};

/// A UK postcode, upper case with one space before the inward code: "LS6 2AB".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postcode(String);

impl Postcode {
    /// Any spacing and case; `None` when it is not shaped like a UK postcode (an outward code of
    /// 2 to 4 characters starting with a letter, then a digit and two letters).
    pub fn parse(typed: &str) -> Option<Postcode> {
        let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
            return None;
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        let inward_ok = inward.as_bytes()[0].is_ascii_digit() && inward[1..].bytes().all(|b| b.is_ascii_alphabetic());
        (inward_ok && is_district(outward)).then(|| Postcode(format!("{outward} {inward}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The district: "LS6".
    pub fn outward(&self) -> &str {
        self.0.split(' ').next().unwrap_or_default()
    }

    /// The area: the leading letters, "LS".
    pub fn area(&self) -> &str {
        let outward = self.outward();
        &outward[..outward.bytes().take_while(u8::is_ascii_alphabetic).count()]
    }
}

/// An outward code: one or two letters, a digit, then an optional digit or letter ("W1A",
/// "EC1A", "LS12").
fn is_district(code: &str) -> bool {
    let letters = code.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &code.as_bytes()[letters..];
    (1..=2).contains(&letters)
        && matches!(rest, [d] | [d, _] if d.is_ascii_digit())
        && rest.iter().all(u8::is_ascii_alphanumeric)
}

/// An area: one or two letters ("L", "LS").
fn is_area(code: &str) -> bool {
    (1..=2).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic())
}

/// The postcode areas and districts a team covers, as an admin typed them ("LS1, LS6 BD");
/// empty means everywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Areas(Vec<String>);

impl Areas {
    pub const MAX: usize = 100;

    /// Separated by commas or spaces, any case; repeats dropped. `Err` names the first code
    /// that is neither an area nor a district, or says there are more than `MAX`.
    pub fn parse(typed: &str) -> Result<Areas, AreasProblem> {
        let mut codes: Vec<String> = Vec::new();
        for code in typed.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|c| !c.is_empty()) {
            let code = code.to_uppercase();
            if !(is_area(&code) || is_district(&code)) {
                return Err(AreasProblem::NotACode(code.chars().take(12).collect()));
            }
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if codes.len() > Self::MAX {
            return Err(AreasProblem::TooMany);
        }
        Ok(Areas(codes))
    }

    /// As the store keeps them (and as a form shows them back): "LS1, LS6, BD".
    pub fn to_text(&self) -> String {
        self.0.join(", ")
    }

    /// From the store, which only ever holds what `parse` accepted.
    pub fn from_stored(stored: &str) -> Areas {
        Areas::parse(stored).unwrap_or_default()
    }

    pub fn is_everywhere(&self) -> bool {
        self.0.is_empty()
    }

    /// Does a person living at `postcode` fall in these areas? Everywhere includes people whose
    /// postcode is not known; a list of areas does not.
    pub fn include(&self, postcode: Option<&Postcode>) -> bool {
        match postcode {
            _ if self.is_everywhere() => true,
            None => false,
            Some(p) => self.0.iter().any(|code| code == p.outward() || code == p.area()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AreasProblem {
    /// What was typed, upper case (at most 12 characters).
    NotACode(String),
    TooMany,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_read_in_any_spacing_and_case_and_odd_ones_refused() {
        for (typed, kept) in [
            ("ls6 2ab", "LS6 2AB"),
            (" LS62AB ", "LS6 2AB"),
            ("ec1a 1bb", "EC1A 1BB"),
            ("W1A 0AX", "W1A 0AX"),
            ("m1 1ae", "M1 1AE"),
        ] {
            assert_eq!(Postcode::parse(typed).map(|p| p.0), Some(kept.to_owned()), "{typed}");
        }
        for typed in ["", "LS6", "12345", "LS6 2A1", "LSX6 2AB", "LS6 2ÅB", "LS666 2AB", "6LS 2AB"] {
            assert_eq!(Postcode::parse(typed), None, "{typed}");
        }
        let p = Postcode::parse("ls12 3cd").unwrap();
        assert_eq!((p.outward(), p.area()), ("LS12", "LS"));
    }

    #[test]
    fn a_team_covers_its_districts_and_whole_areas_and_no_area_means_everywhere() {
        let areas = Areas::parse("ls6, LS7;bd  ").unwrap();
        assert_eq!(areas.to_text(), "LS6, LS7, BD");
        let lives = |p: &str| areas.include(Postcode::parse(p).as_ref());
        assert!(lives("LS6 2AB") && lives("LS7 1AA") && lives("BD1 1AA") && lives("BD22 9ZZ"));
        assert!(!lives("LS1 4AP") && !lives("LS66 1AA") && !lives("B1 1AA"), "L and LS and B are different areas");
        assert!(!areas.include(None), "an unknown postcode is in no named area");
        assert!(Areas::default().include(None) && Areas::parse(" ").unwrap().is_everywhere());
    }

    #[test]
    fn areas_that_are_not_postcode_codes_are_refused_by_name() {
        assert_eq!(Areas::parse("LS6, Leeds"), Err(AreasProblem::NotACode("LEEDS".into())));
        assert_eq!(Areas::parse("LS6 2AB"), Err(AreasProblem::NotACode("2AB".into())));
        let many = (1..=101).map(|n| format!("LS{}", n % 100)).collect::<Vec<_>>().join(",");
        assert!(Areas::parse(&many).is_ok(), "repeats are dropped");
        let many: String = ('A'..='Z').flat_map(|a| ('A'..='Z').map(move |b| format!("{a}{b} "))).collect();
        assert_eq!(Areas::parse(&many), Err(AreasProblem::TooMany));
    }
}
