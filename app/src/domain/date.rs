//! Dates typed into the GOV.UK date input: three boxes named `{prefix}-day`, `-month`, `-year`.
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// All three boxes were left empty.
    Missing,
    /// Not a real date (31 February, letters, a part missing).
    Invalid,
}

/// The date in the three boxes of a date input, as typed (spaces around a number are fine).
pub fn date_from(day: &str, month: &str, year: &str) -> Result<NaiveDate, DateProblem> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Err(DateProblem::Missing);
    }
    match (day.parse::<u32>(), month.parse::<u32>(), year.parse::<i32>()) {
        (Ok(d), Ok(m), Ok(y)) if (1000..=9999).contains(&y) => {
            NaiveDate::from_ymd_opt(y, m, d).ok_or(DateProblem::Invalid)
        }
        _ => Err(DateProblem::Invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_boxes_make_a_date_or_say_what_is_wrong() {
        assert_eq!(date_from(" 7", "3 ", "2027"), Ok(NaiveDate::from_ymd_opt(2027, 3, 7).unwrap()));
        assert_eq!(date_from("", "", ""), Err(DateProblem::Missing));
        assert_eq!(date_from("31", "2", "2027"), Err(DateProblem::Invalid));
        assert_eq!(date_from("1", "2", "27"), Err(DateProblem::Invalid));
        assert_eq!(date_from("1", "", "2027"), Err(DateProblem::Invalid));
    }
}
