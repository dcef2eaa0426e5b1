//! What the budget pages and their server functions send each other: a budget with its
//! spending and sums, and the two forms (setting a budget, recording spending) with the
//! conversions that turn them into the domain's types.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::budget::{summarise, BudgetProblem, BudgetSummary, DirectPayment, PersonalBudget, SetBudget, Spend};
use crate::domain::date::date_from;
use crate::kit::i18n::Locale;

/// A budget with its spending and the sums, for the pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    pub plan_version_id: i64,
    pub plan_version: i64,
    pub person_name: String,
    pub budget: PersonalBudget,
    pub summary: BudgetSummary,
    pub spends: Vec<Spend>,
    /// Dates in the reader's language: first payment, next payment, set on.
    pub starts_on: Option<String>,
    pub next_payment: Option<String>,
    pub set_on: String,
}

impl BudgetView {
    /// The budget as the pages show it: with its spending, the sums as of `today`, and dates in
    /// the reader's language.
    pub fn from_record(set: SetBudget, spends: Vec<Spend>, locale: Locale, today: NaiveDate) -> BudgetView {
        let summary = summarise(&set.budget, &spends, today);
        BudgetView {
            plan_version_id: set.plan_version_id,
            plan_version: set.plan_version,
            person_name: set.person_name,
            starts_on: set.budget.direct_payment.as_ref().map(|dp| locale.long_date(dp.starts_on)),
            next_payment: summary.next_payment.map(|d| locale.long_date(d)),
            set_on: locale.long_date(set.set_at.date_naive()),
            budget: set.budget,
            summary,
            spends,
        }
    }
}

/// The practitioner's budget as posted. The `dp_` fields (the Direct Payment) count only when
/// the budget is taken, wholly or partly, as a Direct Payment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SetBudgetForm {
    pub indicative: String,
    pub amount: String,
    pub period: String,
    pub taken_as: String,
    pub dp_amount: String,
    pub dp_frequency: String,
    #[serde(rename = "dp_start-day")]
    pub dp_start_day: String,
    #[serde(rename = "dp_start-month")]
    pub dp_start_month: String,
    #[serde(rename = "dp_start-year")]
    pub dp_start_year: String,
    pub dp_purpose: String,
}

impl TryFrom<SetBudgetForm> for PersonalBudget {
    type Error = Vec<BudgetProblem>;

    fn try_from(form: SetBudgetForm) -> Result<Self, Self::Error> {
        let starts_on = date_from(&form.dp_start_day, &form.dp_start_month, &form.dp_start_year);
        let direct_payment = DirectPayment::new(&form.dp_amount, &form.dp_frequency, starts_on, &form.dp_purpose);
        PersonalBudget::new(&form.indicative, &form.amount, &form.period, &form.taken_as, direct_payment)
    }
}

/// Spending as the person posts it: the date input's three boxes, the amount, what it was for
/// and the outcome it helps with (`none` or left out for none).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpendForm {
    #[serde(rename = "spent-day")]
    pub spent_day: String,
    #[serde(rename = "spent-month")]
    pub spent_month: String,
    #[serde(rename = "spent-year")]
    pub spent_year: String,
    pub amount: String,
    pub what_for: String,
    pub outcome: String,
}

impl SpendForm {
    /// The spending, on a day no later than `today`.
    pub fn into_spend(self, today: NaiveDate) -> Result<Spend, Vec<BudgetProblem>> {
        let on = date_from(&self.spent_day, &self.spent_month, &self.spent_year);
        Spend::new(on, &self.amount, &self.what_for, &self.outcome, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateProblem;
    use crate::domain::money::{Money, MoneyProblem};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_budget_reads_the_direct_payment_start_from_its_three_boxes() {
        let form = SetBudgetForm {
            indicative: "1,200".into(),
            amount: "1250.00".into(),
            period: "year".into(),
            taken_as: "mix".into(),
            dp_amount: "96.15".into(),
            dp_frequency: "four_weekly".into(),
            dp_start_day: "1".into(),
            dp_start_month: "12".into(),
            dp_start_year: "2026".into(),
            dp_purpose: "A sitting service so I can go to work".into(),
        };
        let budget = PersonalBudget::try_from(form.clone()).unwrap();
        assert_eq!(budget.direct_payment.map(|dp| dp.starts_on), Some(day(2026, 12, 1)));
        let no_start = SetBudgetForm {
            dp_start_day: String::new(),
            dp_start_month: String::new(),
            dp_start_year: String::new(),
            ..form
        };
        assert_eq!(PersonalBudget::try_from(no_start), Err(vec![BudgetProblem::StartDate(DateProblem::Missing)]));
        let council = SetBudgetForm {
            indicative: "900".into(),
            amount: "900".into(),
            period: "year".into(),
            taken_as: "council_arranged".into(),
            ..SetBudgetForm::default()
        };
        assert_eq!(PersonalBudget::try_from(council).unwrap().direct_payment, None);
    }

    #[test]
    fn spending_reads_its_date_from_three_boxes() {
        let today = day(2026, 11, 23);
        let form = SpendForm {
            spent_day: "20".into(),
            spent_month: "11".into(),
            spent_year: "2026".into(),
            amount: "£35".into(),
            what_for: "Gym".into(),
            outcome: "none".into(),
        };
        let spend = form.clone().into_spend(today).unwrap();
        assert_eq!((spend.on, spend.amount, spend.outcome), (day(2026, 11, 20), Money::from_pence(3500), None));
        let wrong = SpendForm { spent_day: "31".into(), spent_month: "2".into(), amount: String::new(), ..form };
        assert_eq!(
            wrong.into_spend(today),
            Err(vec![
                BudgetProblem::SpentDate(DateProblem::Invalid),
                BudgetProblem::Money("amount", MoneyProblem::Missing)
            ])
        );
    }
}
