//! A PDF copy of a version of a person's plan: every section in their own words, their pictures
//! with descriptions, and the statutory record once it is signed off. Tagged (PDF/UA-1) so a
//! screen reader reads it in order; only for people allowed to see the plan.
use app::backend::cx::Cx;
use app::backend::ports::{PlanVersion, Services};
use app::domain::plan::record::FIELDS;
use app::domain::plan::{ContributionKind, PlanSection};
use app::kit::i18n::{Locale, Text};
use app::kit::visitor::Visitor;
use app::policy::{Access, Record};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;
use pdf::{Block, Document};

use crate::http::AppState;
use crate::routes::documents::{a4_document, author, pdf_response};
use crate::routes::{allowed, failed, found, not_found};

pub const PATH: &str = "/plan/versions/{id}/copy.pdf";

pub async fn download(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<i64>,
) -> Result<Response, Response> {
    let services = &state.services;
    let cx = Cx::of(services.clone(), visitor.clone()).require_signed_in().map_err(|_| not_found())?;
    let version = found(&visitor, "reading a plan version", services.store.plan_version(id).await)?;
    let decision = cx.authorise(version.person_id, Record::Plan, Access::View, "downloaded support plan").await;
    allowed(&visitor, "authorising a copy", decision)?;
    // The plan may be shared without the budget: the copy holds what its reader may see.
    let with_budget = cx
        .may(version.person_id, Record::Budget, Access::View)
        .await
        .map_err(|error| failed(&visitor, "authorising a copy's budget", error))?;
    let document = document(services, &visitor, &version, with_budget)
        .await
        .map_err(|error| failed(&visitor, "reading a plan's pictures", error))?;
    let filename = format!("support-plan-version-{}.pdf", version.version);
    Ok(pdf_response(&visitor, document, &filename).await)
}

/// The plan as a document, in the reader's language.
async fn document(
    services: &Services,
    visitor: &Visitor,
    version: &PlanVersion,
    with_budget: bool,
) -> Result<Document, app::backend::ports::StoreError> {
    let locale = visitor.locale;
    let t = |text| locale.text(text).to_owned();
    let title = locale
        .fill(Text::PlanVersionTitle, &[("name", &version.person_name), ("version", &version.version.to_string())]);
    let status = match (&version.signed_off_by, version.signed_off_at) {
        (Some(who), Some(when)) => {
            locale.fill(Text::PlanSignedOff, &[("name", who), ("date", &locale.long_date(when.date_naive()))])
        }
        _ => locale.fill(Text::PlanSentOn, &[("date", &locale.long_date(version.submitted_at.date_naive()))]),
    };
    let service = author(visitor);
    let made = locale.fill(
        Text::PlanPdfMadeBy,
        &[("service", &service), ("date", &locale.long_date(services.clock.now().date_naive()))],
    );
    let mut blocks =
        vec![Block::Heading { level: 1, text: title.clone() }, Block::Paragraph(status), Block::Paragraph(made)];

    if let Some(record) = &version.record {
        blocks.push(Block::Heading { level: 2, text: t(Text::PlanRecordHeading) });
        for field in FIELDS {
            let value = record.field(field.name);
            blocks.push(Block::Heading { level: 3, text: t(field.label) });
            blocks.push(Block::Paragraph(if value.is_empty() {
                t(Text::PlanPdfNotRecorded)
            } else {
                value.to_owned()
            }));
        }
        blocks.push(Block::Heading { level: 3, text: t(Text::RecordPlanReview) });
        blocks.push(Block::Paragraph(locale.long_date(record.review_date)));
    }
    let budget = if with_budget { services.store.budget_for_plan(version.id).await? } else { None };
    if let Some(set) = budget {
        use app::features::budget::words;
        let budget = &set.budget;
        blocks.push(Block::Heading { level: 3, text: t(Text::BudgetAmountLabel) });
        let mut lines = vec![
            format!("{} {}", budget.amount.format(), words::period(locale, budget.period)),
            format!("{}: {}", t(Text::BudgetTakenAsLabel), words::taken_as(locale, budget.taken_as)),
        ];
        if let Some(dp) = &budget.direct_payment {
            lines.push(format!(
                "{}: {}, {}",
                t(Text::BudgetDpHeading),
                dp.amount.format(),
                words::frequency(locale, dp.frequency)
            ));
            lines.push(format!("{}: {}", t(Text::BudgetDpPurposeLabel), dp.purpose));
        }
        blocks.push(Block::Paragraph(lines.join("\n")));
    }

    blocks.push(Block::Heading { level: 2, text: t(Text::PlanOwnWordsHeading) });
    for section in PlanSection::ALL {
        blocks.push(Block::Heading { level: 3, text: section.title(locale).to_owned() });
        let contributions: Vec<_> = version.contributions.iter().filter(|c| c.section == section).collect();
        if contributions.is_empty() {
            blocks.push(Block::Paragraph(t(Text::PlanEmptySection)));
        }
        for contribution in contributions {
            let caption = contribution.caption.clone().filter(|c| !c.trim().is_empty());
            match contribution.kind {
                ContributionKind::Words => blocks.push(Block::Paragraph(contribution.body.clone())),
                ContributionKind::Picture => match picture(services, contribution.contribution_id).await? {
                    Some(jpeg) => {
                        let description = contribution
                            .alt_text
                            .clone()
                            .or_else(|| caption.clone())
                            .filter(|d| !d.trim().is_empty())
                            .unwrap_or_else(|| t(Text::PlanPdfPicture));
                        blocks.push(Block::Picture { jpeg, description, caption });
                    }
                    None => blocks.push(Block::Paragraph(missing_picture(locale, contribution.alt_text.as_deref()))),
                },
                ContributionKind::Clip => blocks.push(Block::Paragraph(match caption {
                    Some(caption) => locale.fill(Text::PlanPdfClip, &[("caption", &caption)]),
                    None => t(Text::PlanPdfClipUntitled),
                })),
            }
        }
    }
    Ok(a4_document(visitor, title, blocks))
}

/// The stored picture (already upright, re-encoded and free of metadata when it was added).
async fn picture(
    services: &Services,
    contribution_id: i64,
) -> Result<Option<Vec<u8>>, app::backend::ports::StoreError> {
    let Some(found) = services.store.find_contribution(contribution_id).await? else { return Ok(None) };
    match found.file_key {
        Some(key) => services.files.get(&key).await,
        None => Ok(None),
    }
}

/// A picture whose file has gone is described, not silently left out.
fn missing_picture(locale: Locale, description: Option<&str>) -> String {
    match description {
        Some(description) => format!("{} {description}", locale.text(Text::PlanPdfPicture)),
        None => locale.text(Text::PlanPdfPicture).to_owned(),
    }
}
