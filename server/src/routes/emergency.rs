//! The emergency card as a wallet-sized PDF (85.6 × 54 mm, a bank card's size): the scheme's
//! number and the card's code, tagged like every other copy. No name, no address.
use app::kit::i18n::Text;
use app::kit::visitor::Visitor;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use pdf::{Block, Document, PageSize};

use crate::http::AppState;
use crate::routes::documents::{author, language, pdf_response};
use crate::routes::{found, not_found};

pub const PATH: &str = "/emergency/card.pdf";

pub async fn download(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
) -> Result<Response, Response> {
    let services = &state.services;
    let me = visitor.user.clone().filter(|u| u.role == app::domain::account::Role::Carer).ok_or_else(not_found)?;
    let plan = found(&visitor, "reading an emergency plan", services.store.emergency_plan(me.id).await)?;
    let code = plan.card.ok_or_else(not_found)?;
    let locale = visitor.locale;
    let t = |text| locale.text(text).to_owned();
    let document = Document {
        title: t(Text::EmergencyCardPdfTitle),
        language: language(locale),
        author: author(&visitor),
        page: PageSize::Card,
        footer: String::new(),
        blocks: vec![
            Block::Heading { level: 2, text: t(Text::EmergencyCardHeading) },
            Block::Paragraph(t(Text::EmergencyCardCall)),
            Block::Heading { level: 2, text: visitor.council.emergency_phone.clone() },
            Block::Paragraph(t(Text::EmergencyCardGiveCode)),
            Block::Heading { level: 2, text: code.grouped() },
        ],
    };
    Ok(pdf_response(&visitor, document, "emergency-card.pdf").await)
}
