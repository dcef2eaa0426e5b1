//! What every PDF download shares: the document laid out off the async threads, sent as an
//! attachment only its reader may cache, in the reader's language.
use app::kit::i18n::{Locale, Text};
use app::kit::visitor::Visitor;
use axum::response::Response;
use http::HeaderValue;
use pdf::{Block, Document};

use super::{failed, private_file};

/// Lays the document out off the async threads (it is CPU work) and answers with it as a
/// download only the asker can cache.
pub async fn pdf_response(visitor: &Visitor, document: Document, filename: &str) -> Response {
    let pdf = match tokio::task::spawn_blocking(move || pdf::render(&document)).await {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(error)) => return failed(visitor, "writing a PDF", error),
        Err(error) => return failed(visitor, "writing a PDF", error),
    };
    private_file(pdf, HeaderValue::from_static("application/pdf"), &format!("attachment; filename=\"{filename}\""))
}

/// The PDF's language tag for the reader's language.
pub fn language(locale: Locale) -> String {
    if locale == Locale::En {
        "en-GB".to_owned()
    } else {
        locale.tag().to_owned()
    }
}

/// An A4 document in the reader's language, by the service and council, its title and page
/// numbers in the footer of every page.
pub fn a4_document(visitor: &Visitor, title: String, blocks: Vec<Block>) -> Document {
    Document {
        footer: format!("{title} – {}", visitor.locale.text(Text::PlanPdfPage)),
        page: pdf::PageSize::A4,
        title,
        language: language(visitor.locale),
        author: author(visitor),
        blocks,
    }
}

/// Who a document is by: the service and the council.
pub fn author(visitor: &Visitor) -> String {
    format!("{} – {}", visitor.locale.text(Text::LayoutServiceName), visitor.council.name)
}
