//! Pictures and clips in the plan: the upload form (a plain multipart form posted to the
//! server's upload route, so it works without JavaScript) and how each is shown.
use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::components::enhanced_form::{FormEnhancer, IslandsOnPage};
use crate::components::fields::{ErrorMessage, ErrorSummary, Submit, TextField};
use crate::domain::plan::{ContributionKind, PlanSection};
use crate::features::plan::wire::PlanItem;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// The server's upload route (`server/src/routes/plan/files.rs`).
pub const UPLOAD_ACTION: &str = "/plan/upload";

/// Words, a picture (thumbnail linking to the full size, with its description) or a clip.
pub fn shown(item: &PlanItem, locale: Locale) -> AnyView {
    let caption = item.caption.clone().map(|c| view! { <p class="govuk-body-s">{c}</p> });
    match item.kind {
        ContributionKind::Words => view! { <p class="govuk-body portal-keep-lines">{item.body.clone()}</p> }.into_any(),
        ContributionKind::Picture => view! {
            <figure class="portal-picture">
                <a href=format!("/plan/files/{}/full", item.contribution_id) class="govuk-link">
                    <img
                        src=format!("/plan/files/{}/thumb", item.contribution_id)
                        alt=item.alt_text.clone().unwrap_or_default()
                        loading="lazy"
                    />
                    <span class="govuk-visually-hidden">{locale.text(Text::PlanPictureLink)}</span>
                </a>
                <figcaption>{caption}</figcaption>
            </figure>
        }
        .into_any(),
        ContributionKind::Clip => {
            let src = format!("/plan/files/{}/full", item.contribution_id);
            let audio = item.media_type.as_deref().is_some_and(|m| m.starts_with("audio/"));
            let player = if audio {
                view! { <audio controls preload="none" src=src.clone()></audio> }.into_any()
            } else {
                view! { <video controls preload="none" src=src.clone() class="portal-clip"></video> }.into_any()
            };
            view! {
                <div>
                    {player} {caption} <p class="govuk-body-s">
                        <a class="govuk-link" href=src>
                            {locale.text(Text::PlanClipLink)}
                        </a>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
pub fn UploadForm() -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    IslandsOnPage::mark();
    let state = FormState::for_action(UPLOAD_ACTION, visitor.flash.as_ref(), BTreeMap::new());
    let chosen = state.value("upload_section");
    let section_error = state.error("upload_section");
    let file_error = state.error("file");
    let group = |error: &Option<String>| {
        if error.is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    let options = PlanSection::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.code() selected=chosen == s.code()>
                    {s.title(locale)}
                </option>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-l" id="upload">
            {t(Text::PlanUploadHeading)}
        </h2>
        <ErrorSummary state=state.clone() order=&["file", "alt_text", "caption", "upload_section"] />
        <p class="govuk-body">{t(Text::PlanUploadIntro)}</p>
        <FormEnhancer>
            <form
                method="post"
                action=UPLOAD_ACTION
                enctype="multipart/form-data"
                novalidate
                data-summary-title=t(Text::ErrorsSummaryTitle)
                data-error-prefix=t(Text::ErrorsPrefix)
                data-offline=t(Text::ErrorsOffline)
            >
                <div class=group(&file_error) data-field="file">
                    <label class="govuk-label" for="file">
                        {t(Text::PlanFileLabel)}
                    </label>
                    <div class="govuk-hint" id="file-hint">
                        {t(Text::PlanFileHint)}
                    </div>
                    <ErrorMessage name="file" message=file_error.clone() />
                    <input
                        class=if file_error.is_some() {
                            "govuk-file-upload govuk-file-upload--error"
                        } else {
                            "govuk-file-upload"
                        }
                        id="file"
                        name="file"
                        type="file"
                        accept="image/jpeg,image/png,image/webp,audio/*,video/*"
                        aria-describedby=match file_error {
                            Some(_) => "file-hint file-error",
                            None => "file-hint",
                        }
                        data-control=""
                        data-error-class="govuk-file-upload--error"
                    />
                    // With JavaScript: the chosen picture, before it is sent.
                    <img class="portal-upload-preview" data-upload-preview="" hidden alt=t(Text::PlanUploadPreview) />
                </div>
                <TextField name="alt_text" label=t(Text::PlanAltLabel) hint=t(Text::PlanAltHint) state=state.clone() />
                <TextField name="caption" label=t(Text::PlanCaptionLabel) state=state.clone() />
                <div class=group(&section_error) data-field="upload_section">
                    <label class="govuk-label" for="upload_section">
                        {t(Text::PlanSectionLegend)}
                    </label>
                    <ErrorMessage name="upload_section" message=section_error.clone() />
                    <select
                        class=if section_error.is_some() { "govuk-select govuk-select--error" } else { "govuk-select" }
                        id="upload_section"
                        name="upload_section"
                        aria-describedby=section_error.as_ref().map(|_| "upload_section-error")
                        data-control=""
                        data-error-class="govuk-select--error"
                    >
                        <option value="">""</option>
                        {options}
                    </select>
                </div>
                <div class="govuk-form-group portal-upload-progress" data-upload-progress="" hidden>
                    <label class="govuk-label" for="upload-progress">
                        {t(Text::PlanUploadSending)}
                    </label>
                    <progress id="upload-progress" max="100" value="0"></progress>
                </div>
                <Submit text=Text::PlanUploadButton />
            </form>
        </FormEnhancer>
    }
}
