//! Personal budgets and Direct Payments: what the council has agreed, what has been paid and
//! spent, and the budget letter.
pub mod api;
mod pages;
pub mod wire;
pub mod words;

pub use pages::{BudgetFigures, BudgetLetterPage, BudgetPage, SetBudgetPage};
