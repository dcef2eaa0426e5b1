//! Amounts of money in pounds and pence, kept as whole pence so sums are exact.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Money(i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyProblem {
    Missing,
    /// Not an amount of money ("ten pounds", "12.3.4").
    NotAnAmount,
    /// More than two numbers after the point.
    TooPrecise,
    /// Zero or less.
    NotPositive,
    /// More than a million pounds: surely a typing slip.
    TooLarge,
}

impl Money {
    pub const MAX: Money = Money(100_000_000);

    pub fn from_pence(pence: i64) -> Money {
        Money(pence)
    }

    pub fn pence(self) -> i64 {
        self.0
    }

    /// Reads what a person types: `12`, `12.5`, `£1,234.50`, ` 40.00 `.
    pub fn parse(input: &str) -> Result<Money, MoneyProblem> {
        let cleaned: String =
            input.trim().trim_start_matches('£').chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
        if cleaned.is_empty() {
            return Err(if input.trim().is_empty() { MoneyProblem::Missing } else { MoneyProblem::NotAnAmount });
        }
        let (pounds, pence) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits(pounds) || !digits(pence) || (pounds.is_empty() && pence.is_empty()) {
            return Err(if cleaned.starts_with('-') { MoneyProblem::NotPositive } else { MoneyProblem::NotAnAmount });
        }
        if pence.len() > 2 {
            return Err(MoneyProblem::TooPrecise);
        }
        if pounds.len() > 9 {
            return Err(MoneyProblem::TooLarge);
        }
        let pounds: i64 = if pounds.is_empty() { 0 } else { pounds.parse().map_err(|_| MoneyProblem::NotAnAmount)? };
        let pence: i64 = format!("{pence:0<2}").parse().map_err(|_| MoneyProblem::NotAnAmount)?;
        let money = Money(pounds * 100 + pence);
        match money {
            Money(0) => Err(MoneyProblem::NotPositive),
            m if m > Money::MAX => Err(MoneyProblem::TooLarge),
            m => Ok(m),
        }
    }

    /// `£1,234.50`; whole pounds keep their pence (`£40.00`) so columns line up.
    pub fn format(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let pence = self.0.abs();
        let pounds = (pence / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}£{grouped}.{:02}", pence % 100)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(Money::parse("12"), Ok(Money(1200)));
        assert_eq!(Money::parse(" £1,234.5 "), Ok(Money(123_450)));
        assert_eq!(Money::parse(".99"), Ok(Money(99)));
        assert_eq!(Money::parse(""), Err(MoneyProblem::Missing));
        assert_eq!(Money::parse("ten pounds"), Err(MoneyProblem::NotAnAmount));
        assert_eq!(Money::parse("12.3.4"), Err(MoneyProblem::NotAnAmount));
        assert_eq!(Money::parse("12.345"), Err(MoneyProblem::TooPrecise));
        assert_eq!(Money::parse("-5"), Err(MoneyProblem::NotPositive));
        assert_eq!(Money::parse("0.00"), Err(MoneyProblem::NotPositive));
        assert_eq!(Money::parse("2000000"), Err(MoneyProblem::TooLarge));
    }

    #[test]
    fn amounts_are_shown_in_pounds_and_pence() {
        assert_eq!(Money(123_450).format(), "£1,234.50");
        assert_eq!(Money(4000).format(), "£40.00");
        assert_eq!(Money(-5).format(), "-£0.05");
        assert_eq!(Money(100_000_000).format(), "£1,000,000.00");
    }
}
