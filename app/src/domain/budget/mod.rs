//! The personal budget the council sets for a signed-off plan, how it is taken (a Direct
//! Payment, services the council arranges, or both), and what the person has spent from it.
use std::collections::BTreeMap;

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::assessment::CarerOutcome;
use crate::domain::date::DateProblem;
use crate::domain::money::{Money, MoneyProblem};
use crate::domain::text::{BoundedText, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

choices! {
    /// The length of time the budget amount covers.
    BudgetPeriod { Year = "year", Month = "month", FourWeeks = "four_weeks", Week = "week" }
}

choices! {
    TakenAs { DirectPayment = "direct_payment", CouncilArranged = "council_arranged", Mix = "mix" }
}

choices! {
    PaymentFrequency { Weekly = "weekly", FourWeekly = "four_weekly", Monthly = "monthly" }
}

pub const PURPOSE_MAX: usize = 1000;
pub const WHAT_FOR_MAX: usize = 300;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectPayment {
    pub amount: Money,
    pub frequency: PaymentFrequency,
    pub starts_on: NaiveDate,
    /// What the Direct Payment is for, in the plan's words.
    pub purpose: String,
}

impl DirectPayment {
    /// The date of the payment after `date`'s, on this frequency.
    fn after(&self, date: NaiveDate) -> NaiveDate {
        match self.frequency {
            PaymentFrequency::Weekly => date + Days::new(7),
            PaymentFrequency::FourWeekly => date + Days::new(28),
            PaymentFrequency::Monthly => {
                // Counted from the start, so 31 January → 28 February → 31 March.
                let months = (date.year_month_index() - self.starts_on.year_month_index() + 1) as u32;
                self.starts_on.checked_add_months(Months::new(months)).unwrap_or(date)
            }
        }
    }

    /// Payments made up to and including `until`.
    pub fn payments_until(&self, until: NaiveDate) -> Vec<NaiveDate> {
        let mut dates = Vec::new();
        let mut next = self.starts_on;
        while next <= until && dates.len() < 1000 {
            dates.push(next);
            next = self.after(next);
        }
        dates
    }

    /// The first payment after `today`.
    pub fn next_payment(&self, today: NaiveDate) -> NaiveDate {
        self.payments_until(today).last().map(|last| self.after(*last)).unwrap_or(self.starts_on)
    }
}

trait YearMonth {
    fn year_month_index(&self) -> i32;
}

impl YearMonth for NaiveDate {
    fn year_month_index(&self) -> i32 {
        use chrono::Datelike;
        self.year() * 12 + self.month0() as i32
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalBudget {
    pub indicative: Money,
    pub amount: Money,
    pub period: BudgetPeriod,
    pub taken_as: TakenAs,
    pub direct_payment: Option<DirectPayment>,
}

impl PersonalBudget {
    /// The budget from its answers as typed (amounts, and codes for the choices). The Direct
    /// Payment's answers count only when the budget is taken, wholly or partly, as one.
    pub fn new(
        indicative: &str,
        amount: &str,
        period: &str,
        taken_as: &str,
        direct_payment: Result<DirectPayment, Vec<BudgetProblem>>,
    ) -> Result<PersonalBudget, Vec<BudgetProblem>> {
        let mut problems = Vec::new();
        let indicative = money("indicative", indicative).map_err(|p| problems.push(p)).ok();
        let amount = money("amount", amount).map_err(|p| problems.push(p)).ok();
        let period = BudgetPeriod::parse(period).ok_or(BudgetProblem::Period).map_err(|p| problems.push(p)).ok();
        let taken_as = TakenAs::parse(taken_as).ok_or(BudgetProblem::TakenAs).map_err(|p| problems.push(p)).ok();
        let direct_payment = match taken_as {
            Some(TakenAs::DirectPayment | TakenAs::Mix) => direct_payment.map_err(|p| problems.extend(p)).ok(),
            _ => None,
        };
        match (indicative, amount, period, taken_as) {
            (Some(indicative), Some(amount), Some(period), Some(taken_as)) if problems.is_empty() => {
                Ok(PersonalBudget { indicative, amount, period, taken_as, direct_payment })
            }
            _ => Err(problems),
        }
    }
}

impl DirectPayment {
    /// The Direct Payment from its answers as typed, with the start date read from the form:
    /// every problem, named by the `dp_` fields.
    pub fn new(
        amount: &str,
        frequency: &str,
        starts_on: Result<NaiveDate, DateProblem>,
        purpose: &str,
    ) -> Result<DirectPayment, Vec<BudgetProblem>> {
        let mut problems = Vec::new();
        let amount = money("dp_amount", amount).map_err(|p| problems.push(p)).ok();
        let frequency =
            PaymentFrequency::parse(frequency).ok_or(BudgetProblem::Frequency).map_err(|p| problems.push(p)).ok();
        let starts_on = starts_on.map_err(|p| problems.push(BudgetProblem::StartDate(p))).ok();
        let purpose =
            BoundedText::required(purpose, PURPOSE_MAX).map_err(|p| problems.push(BudgetProblem::Purpose(p))).ok();
        match (amount, frequency, starts_on, purpose) {
            (Some(amount), Some(frequency), Some(starts_on), Some(purpose)) => {
                Ok(DirectPayment { amount, frequency, starts_on, purpose: purpose.into_inner() })
            }
            _ => Err(problems),
        }
    }
}

/// An amount of money typed into the field `name`.
fn money(name: &'static str, typed: &str) -> Result<Money, BudgetProblem> {
    Money::parse(typed).map_err(|p| BudgetProblem::Money(name, p))
}

/// Something the person paid for from their budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spend {
    pub on: NaiveDate,
    pub amount: Money,
    pub what_for: String,
    /// The outcome in their plan it helps with, if they say.
    pub outcome: Option<CarerOutcome>,
}

impl Spend {
    /// The spending from the date read from the form (today or before) and the other answers
    /// as typed; no outcome (`""` or `"none"`) is allowed.
    pub fn new(
        on: Result<NaiveDate, DateProblem>,
        amount: &str,
        what_for: &str,
        outcome: &str,
        today: NaiveDate,
    ) -> Result<Spend, Vec<BudgetProblem>> {
        let on = match on {
            Ok(date) if date > today => Err(BudgetProblem::SpentInFuture),
            Ok(date) => Ok(date),
            Err(p) => Err(BudgetProblem::SpentDate(p)),
        };
        let amount = money("amount", amount);
        let what_for = BoundedText::required(what_for, WHAT_FOR_MAX).map_err(BudgetProblem::WhatFor);
        let outcome = match outcome {
            "" | "none" => Ok(None),
            code => CarerOutcome::parse(code).map(Some).ok_or(BudgetProblem::Outcome),
        };
        match (on, amount, what_for, outcome) {
            (Ok(on), Ok(amount), Ok(what_for), Ok(outcome)) => {
                Ok(Spend { on, amount, what_for: what_for.into_inner(), outcome })
            }
            (on, amount, what_for, outcome) => {
                Err([on.err(), amount.err(), what_for.err(), outcome.err()].into_iter().flatten().collect())
            }
        }
    }
}

/// A budget as set for one signed-off plan version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetBudget {
    pub id: i64,
    pub plan_version_id: i64,
    pub plan_version: i64,
    pub person_id: i64,
    pub person_name: String,
    pub budget: PersonalBudget,
    pub set_at: DateTime<Utc>,
}

/// Spending as recorded against a budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedSpend {
    pub id: i64,
    pub spend: Spend,
    pub recorded_at: DateTime<Utc>,
}

/// The budget against what has been spent, as the person sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetSummary {
    pub budget: Money,
    pub spent: Money,
    /// Negative when more has been spent than the budget.
    pub left: Money,
    /// Direct Payments made so far, and when the next one arrives.
    pub paid_so_far: Option<Money>,
    pub next_payment: Option<NaiveDate>,
    /// Spending by outcome, largest first; `None` is "not linked to an outcome".
    pub by_outcome: Vec<(Option<CarerOutcome>, Money)>,
}

pub fn summarise(budget: &PersonalBudget, spends: &[Spend], today: NaiveDate) -> BudgetSummary {
    let spent: Money = spends.iter().map(|s| s.amount).sum();
    let mut by_outcome: BTreeMap<Option<CarerOutcome>, Money> = BTreeMap::new();
    for spend in spends {
        let total = by_outcome.entry(spend.outcome).or_default();
        *total = *total + spend.amount;
    }
    let mut by_outcome: Vec<_> = by_outcome.into_iter().collect();
    by_outcome.sort_by_key(|(_, amount)| std::cmp::Reverse(*amount));
    let paid_so_far = budget.direct_payment.as_ref().map(|dp| {
        let count = dp.payments_until(today).len() as i64;
        Money::from_pence(dp.amount.pence() * count)
    });
    BudgetSummary {
        budget: budget.amount,
        spent,
        left: budget.amount - spent,
        paid_so_far,
        next_payment: budget.direct_payment.as_ref().map(|dp| dp.next_payment(today)),
        by_outcome,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetProblem {
    Money(&'static str, MoneyProblem),
    Period,
    TakenAs,
    Frequency,
    StartDate(DateProblem),
    Purpose(TextProblem),
    SpentDate(DateProblem),
    SpentInFuture,
    WhatFor(TextProblem),
    Outcome,
}

impl Problem for BudgetProblem {
    fn field(&self) -> String {
        match self {
            BudgetProblem::Money(name, _) => name,
            BudgetProblem::Period => "period",
            BudgetProblem::TakenAs => "taken_as",
            BudgetProblem::Frequency => "dp_frequency",
            BudgetProblem::StartDate(_) => "dp_start-day",
            BudgetProblem::Purpose(_) => "dp_purpose",
            BudgetProblem::SpentDate(_) | BudgetProblem::SpentInFuture => "spent-day",
            BudgetProblem::WhatFor(_) => "what_for",
            BudgetProblem::Outcome => "outcome",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            BudgetProblem::Money(_, MoneyProblem::Missing) => Text::BudgetErrorsAmountMissing,
            BudgetProblem::Money(_, MoneyProblem::NotAnAmount) => Text::BudgetErrorsAmountNotAnAmount,
            BudgetProblem::Money(_, MoneyProblem::TooPrecise) => Text::BudgetErrorsAmountTooPrecise,
            BudgetProblem::Money(_, MoneyProblem::NotPositive) => Text::BudgetErrorsAmountNotPositive,
            BudgetProblem::Money(_, MoneyProblem::TooLarge) => Text::BudgetErrorsAmountTooLarge,
            BudgetProblem::Period => Text::BudgetErrorsPeriod,
            BudgetProblem::TakenAs => Text::BudgetErrorsTakenAs,
            BudgetProblem::Frequency => Text::BudgetErrorsFrequency,
            BudgetProblem::StartDate(DateProblem::Missing) => Text::BudgetErrorsStartMissing,
            BudgetProblem::StartDate(DateProblem::Invalid) | BudgetProblem::SpentDate(DateProblem::Invalid) => {
                Text::BudgetErrorsDateInvalid
            }
            BudgetProblem::Purpose(TextProblem::Missing) => Text::BudgetErrorsPurpose,
            BudgetProblem::Purpose(TextProblem::TooLong { max })
            | BudgetProblem::WhatFor(TextProblem::TooLong { max }) => {
                return with_max(locale, Text::BudgetErrorsTooLong, *max)
            }
            BudgetProblem::SpentDate(DateProblem::Missing) => Text::BudgetErrorsSpentMissing,
            BudgetProblem::SpentInFuture => Text::BudgetErrorsSpentFuture,
            BudgetProblem::WhatFor(TextProblem::Missing) => Text::BudgetErrorsWhatFor,
            BudgetProblem::Outcome => Text::BudgetErrorsOutcome,
        };
        locale.text(text).to_owned()
    }
}

#[cfg(test)]
mod tests;
