//! The words for budget periods, ways of receiving it and payment frequencies.
use crate::domain::budget::{BudgetPeriod, PaymentFrequency, TakenAs};
use crate::kit::i18n::{Locale, Text};

pub fn period(locale: Locale, period: BudgetPeriod) -> &'static str {
    locale.text(match period {
        BudgetPeriod::Year => Text::BudgetPeriodsYear,
        BudgetPeriod::Month => Text::BudgetPeriodsMonth,
        BudgetPeriod::FourWeeks => Text::BudgetPeriodsFourWeeks,
        BudgetPeriod::Week => Text::BudgetPeriodsWeek,
    })
}

pub fn taken_as(locale: Locale, taken_as: TakenAs) -> &'static str {
    locale.text(match taken_as {
        TakenAs::DirectPayment => Text::BudgetTakenDirectPayment,
        TakenAs::CouncilArranged => Text::BudgetTakenCouncilArranged,
        TakenAs::Mix => Text::BudgetTakenMix,
    })
}

pub fn frequency(locale: Locale, frequency: PaymentFrequency) -> &'static str {
    locale.text(match frequency {
        PaymentFrequency::Weekly => Text::BudgetFrequenciesWeekly,
        PaymentFrequency::FourWeekly => Text::BudgetFrequenciesFourWeekly,
        PaymentFrequency::Monthly => Text::BudgetFrequenciesMonthly,
    })
}
