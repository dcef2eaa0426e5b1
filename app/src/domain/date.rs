//! Dates typed into the GOV.UK date input: three boxes named `{prefix}-day`, `-month`, `-year`.
use std::collections::BTreeMap;

use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// All three boxes were left empty.
    Missing,
    /// Not a real date (31 February, letters, a part missing).
    Invalid,
}

/// Reads the three boxes of a date input.
pub fn date_input(form: &BTreeMap<String, String>, prefix: &str) -> Result<NaiveDate, DateProblem> {
    let part = |name: &str| form.get(&format!("{prefix}-{name}")).cloned().unwrap_or_default();
    date_from(&part("day"), &part("month"), &part("year"))
}

/// The date in the three boxes of a date input, as typed (spaces around a number are fine).
pub fn date_from(day: &str, month: &str, year: &str) -> Result<NaiveDate, DateProblem> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Err(DateProblem::Missing);
    }
    match (day.parse::<u32>(), month.parse::<u32>(), year.parse::<i32>()) {
        (Ok(d), Ok(m), Ok(y)) if (1000..=9999).contains(&y) => NaiveDate::from_ymd_opt(y, m, d).ok_or(DateProblem::Invalid),
        _ => Err(DateProblem::Invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(day: &str, month: &str, year: &str) -> BTreeMap<String, String> {
        [("on-day", day), ("on-month", month), ("on-year", year)].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn three_boxes_make_a_date_or_say_what_is_wrong() {
        assert_eq!(date_input(&form(" 7", "3 ", "2027"), "on"), Ok(NaiveDate::from_ymd_opt(2027, 3, 7).unwrap()));
        assert_eq!(date_input(&form("", "", ""), "on"), Err(DateProblem::Missing));
        assert_eq!(date_input(&form("31", "2", "2027"), "on"), Err(DateProblem::Invalid));
        assert_eq!(date_input(&form("1", "2", "27"), "on"), Err(DateProblem::Invalid));
        assert_eq!(date_input(&form("1", "", "2027"), "on"), Err(DateProblem::Invalid));
        assert_eq!(date_from(" 7", "3 ", "2027"), Ok(NaiveDate::from_ymd_opt(2027, 3, 7).unwrap()));
    }
}
