//! The budget pages: the person's budget with their spending (and its charts), the budget
//! letter, and the practitioner's form to set a budget.
mod chart;
mod letter;
mod person;
mod staff;

pub use letter::BudgetLetterPage;
pub use person::{BudgetFigures, BudgetPage};
pub use staff::SetBudgetPage;
