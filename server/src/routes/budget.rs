//! The budget letter as a tagged PDF: the amounts agreed, how they are paid, and the right to a
//! review, for the person whose budget it is.
use app::backend::cx::Cx;
use app::features::budget::wire::BudgetView;
use app::features::budget::words;
use app::kit::i18n::Text;
use app::kit::visitor::Visitor;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use http::StatusCode;
use pdf::{Block, Document};

use crate::http::AppState;
use crate::routes::documents::{language, pdf_response};

pub const PATH: &str = "/budget/letter.pdf";

pub async fn download(State(state): State<AppState>, Extension(visitor): Extension<Visitor>) -> Response {
    let services = &state.services;
    let Some(me) = visitor.user.clone() else { return StatusCode::NOT_FOUND.into_response() };
    let set = match services.store.current_budget(me.id).await {
        Ok(Some(set)) => set,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return crate::routes::failed(&visitor, "reading a budget", error),
    };
    let cx = Cx::of(services.clone(), visitor.clone());
    let view = match set.spends(&cx).await {
        Ok(spends) => BudgetView::from_record(set, spends, cx.locale(), cx.today()),
        Err(error @ app::error::AppError::Internal { .. }) => {
            return crate::routes::failed(&visitor, "reading a budget", error)
        }
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
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
    let service = format!("{} – {}", t(Text::LayoutServiceName), visitor.council.name);
    let document = Document {
        footer: format!("{title} – {}", t(Text::PlanPdfPage)),
        page: pdf::PageSize::A4,
        title,
        language: language(locale),
        author: service,
        blocks,
    };
    pdf_response(&visitor, document, "personal-budget-letter.pdf").await
}
