//! The budget letter as a tagged PDF: the amounts agreed, how they are paid, and the right to a
//! review, for the person whose budget it is.
use app::backend::cx::Cx;
use app::features::budget::wire::BudgetView;
use app::features::budget::words;
use app::kit::i18n::Text;
use app::kit::visitor::Visitor;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use pdf::Block;

use crate::http::AppState;
use crate::routes::documents::{a4_document, pdf_response};
use crate::routes::{allowed, found, not_found};

pub const PATH: &str = "/budget/letter.pdf";

pub async fn download(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
) -> Result<Response, Response> {
    let services = &state.services;
    let me = visitor.user.clone().ok_or_else(not_found)?;
    let set = found(&visitor, "reading a budget", services.store.current_budget(me.id).await)?;
    let cx = Cx::of(services.clone(), visitor.clone());
    let spends = allowed(&visitor, "reading a budget", set.spends(&cx).await)?;
    let view = BudgetView::from_record(set, spends, cx.locale(), cx.today());
    let locale = visitor.locale;
    let t = |text| locale.text(text).to_owned();
    let line = |label: Text, value: String| Block::Paragraph(format!("{}: {value}", locale.text(label)));
    let budget = &view.budget;
    let title = t(Text::BudgetLetterTitle);
    let mut blocks = vec![
        Block::Heading { level: 1, text: title.clone() },
        Block::Paragraph(locale.fill(
            Text::BudgetLetterIntro,
            &[("name", &view.person_name), ("version", &view.plan_version.to_string()), ("date", &view.set_on)],
        )),
        Block::Heading { level: 2, text: t(Text::BudgetAmountLabel) },
        line(Text::BudgetAmountLabel, format!("{} {}", budget.amount.format(), words::period(locale, budget.period))),
        line(Text::BudgetIndicativeLabel, budget.indicative.format()),
        line(Text::BudgetTakenAsLabel, words::taken_as(locale, budget.taken_as).to_owned()),
    ];
    if let Some(dp) = &budget.direct_payment {
        blocks.push(Block::Heading { level: 2, text: t(Text::BudgetDpHeading) });
        blocks.push(line(Text::BudgetDpAmountLabel, dp.amount.format()));
        blocks.push(line(Text::BudgetDpFrequencyLabel, words::frequency(locale, dp.frequency).to_owned()));
        blocks.push(line(Text::BudgetDpStartLabel, view.starts_on.clone().unwrap_or_default()));
        blocks.push(line(Text::BudgetDpPurposeLabel, dp.purpose.clone()));
    }
    blocks.push(Block::Paragraph(t(Text::BudgetLetterReview)));
    let document = a4_document(&visitor, title, blocks);
    Ok(pdf_response(&visitor, document, "personal-budget-letter.pdf").await)
}
