//! The emergency card as a wallet-sized PDF (85.6 × 54 mm, a bank card's size): the scheme's
//! number and the card's code, tagged like every other copy. No name, no address.
use app::kit::i18n::Text;
use app::kit::visitor::Visitor;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use http::StatusCode;
use pdf::{Block, Document, PageSize};

use crate::http::AppState;
use crate::routes::documents::{language, pdf_response};

pub const PATH: &str = "/emergency/card.pdf";

pub async fn download(State(state): State<AppState>, Extension(visitor): Extension<Visitor>) -> Response {
    let services = &state.services;
    let Some(me) = visitor.user.clone().filter(|u| u.role == app::domain::account::Role::Carer) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let code = match services.store.emergency_plan(me.id).await {
        Ok(Some(plan)) => match plan.card {
            Some(code) => code,
            None => return StatusCode::NOT_FOUND.into_response(),
        },
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return crate::routes::failed(&visitor, "reading an emergency plan", error),
    };
    let locale = visitor.locale;
    let t = |text| locale.text(text).to_owned();
    let document = Document {
        title: t(Text::EmergencyCardPdfTitle),
        language: language(locale),
        author: format!("{} – {}", t(Text::LayoutServiceName), visitor.council.name),
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
    pdf_response(&visitor, document, "emergency-card.pdf").await
}
