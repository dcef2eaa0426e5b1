use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn direct_payment(frequency: PaymentFrequency, starts_on: NaiveDate) -> DirectPayment {
    DirectPayment { amount: Money::from_pence(5000), frequency, starts_on, purpose: "A break each week".into() }
}

#[test]
fn a_budget_taken_as_a_direct_payment_needs_its_amount_frequency_start_and_purpose() {
    let no_details = DirectPayment::new("", "", Err(DateProblem::Missing), "");
    let problems = PersonalBudget::new("1,200", "1250.00", "year", "direct_payment", no_details).unwrap_err();
    assert_eq!(
        problems,
        [
            BudgetProblem::Money("dp_amount", MoneyProblem::Missing),
            BudgetProblem::Frequency,
            BudgetProblem::StartDate(DateProblem::Missing),
            BudgetProblem::Purpose(TextProblem::Missing)
        ]
    );
    let details =
        DirectPayment::new("96.15", "four_weekly", Ok(day(2026, 12, 1)), "A sitting service so I can go to work");
    let budget = PersonalBudget::new("1,200", "1250.00", "year", "direct_payment", details).unwrap();
    assert_eq!(budget.amount, Money::from_pence(125_000));
    assert_eq!(budget.direct_payment.unwrap().starts_on, day(2026, 12, 1));
    // Services the council arranges need no Direct Payment details.
    let no_details = DirectPayment::new("", "", Err(DateProblem::Missing), "");
    assert_eq!(PersonalBudget::new("900", "900", "year", "council_arranged", no_details).unwrap().direct_payment, None);
}

#[test]
fn payments_arrive_on_their_frequency_and_monthly_ones_keep_their_day() {
    let weekly = direct_payment(PaymentFrequency::Weekly, day(2026, 12, 1));
    assert_eq!(weekly.payments_until(day(2026, 12, 15)).len(), 3);
    assert_eq!(weekly.next_payment(day(2026, 12, 15)), day(2026, 12, 22));
    assert_eq!(weekly.next_payment(day(2026, 11, 1)), day(2026, 12, 1), "before the first payment");
    let monthly = direct_payment(PaymentFrequency::Monthly, day(2027, 1, 31));
    assert_eq!(monthly.payments_until(day(2027, 3, 31)), [day(2027, 1, 31), day(2027, 2, 28), day(2027, 3, 31)]);
    let four_weekly = direct_payment(PaymentFrequency::FourWeekly, day(2026, 12, 1));
    assert_eq!(four_weekly.next_payment(day(2026, 12, 1)), day(2026, 12, 29));
}

#[test]
fn a_spend_is_in_the_past_with_an_amount_and_what_it_was_for() {
    let today = day(2026, 11, 23);
    let spend = Spend::new(Ok(day(2026, 11, 20)), "£35", "Gym", "recreation", today).unwrap();
    assert_eq!((spend.amount, spend.outcome), (Money::from_pence(3500), Some(CarerOutcome::Recreation)));
    let problems = Spend::new(Ok(day(2030, 1, 1)), "12.345", "", "yachts", today).unwrap_err();
    assert_eq!(
        problems,
        [
            BudgetProblem::SpentInFuture,
            BudgetProblem::Money("amount", MoneyProblem::TooPrecise),
            BudgetProblem::WhatFor(TextProblem::Missing),
            BudgetProblem::Outcome
        ]
    );
}

#[test]
fn the_summary_adds_up_what_was_spent_and_what_is_left() {
    let budget = PersonalBudget {
        indicative: Money::from_pence(100_000),
        amount: Money::from_pence(120_000),
        period: BudgetPeriod::Year,
        taken_as: TakenAs::Mix,
        direct_payment: Some(direct_payment(PaymentFrequency::Weekly, day(2026, 11, 2))),
    };
    let spend = |pence, outcome| Spend {
        on: day(2026, 11, 20),
        amount: Money::from_pence(pence),
        what_for: "x".into(),
        outcome,
    };
    let spends = [
        spend(3_500, Some(CarerOutcome::Recreation)),
        spend(10_001, None),
        spend(1_500, Some(CarerOutcome::Recreation)),
    ];
    let summary = summarise(&budget, &spends, day(2026, 11, 23));
    assert_eq!(summary.spent, Money::from_pence(15_001));
    assert_eq!(summary.left, Money::from_pence(104_999));
    assert_eq!(summary.paid_so_far, Some(Money::from_pence(5000 * 4)));
    assert_eq!(summary.next_payment, Some(day(2026, 11, 30)));
    assert_eq!(
        summary.by_outcome,
        [(None, Money::from_pence(10_001)), (Some(CarerOutcome::Recreation), Money::from_pence(5_000))]
    );
}
