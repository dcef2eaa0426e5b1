//! Personal budgets and Direct Payments: what the council has agreed, what has been paid and
//! spent, and the budget letter.
pub mod api;
mod chart;
mod letter;
mod page;
mod staff_page;
pub mod words;

pub use letter::BudgetLetterPage;
pub use page::{BudgetFigures, BudgetPage};
pub use staff_page::SetBudgetPage;
