//! Pictures and clips added to a plan: a plain multipart form posted to `/plan/upload` (it
//! works without JavaScript, and has its own body limit), and `/plan/files/{id}` to show them
//! only to people allowed to see the plan.
use std::collections::BTreeMap;

use app::backend::cx::Cx;
use app::backend::ports::NewFileContribution;
use app::backend::session::SessionHandle;
use app::domain::account::Role;
use app::domain::plan::{ContributionKind, FileDescription, PlanSection};
use app::domain::Problem;
use app::error::AppError;
use app::kit::forms::FormFlash;
use app::kit::i18n::Text;
use app::kit::visitor::Visitor;
use app::policy::Access;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use bytes::BytesMut;
use http::{header, HeaderMap, HeaderValue, StatusCode};

use crate::files::pipeline::{self as uploads, Refusal, Sniffed};
use crate::http::body_limit::BodyLimit;
use crate::http::AppState;
use crate::routes::{allowed, failed, not_found, private_file};

pub const UPLOAD_PATH: &str = "/plan/upload";
/// A picture (`full` or `thumb`) or a clip (`full`) in a plan, by the contribution's id.
pub const FILE_PATH: &str = "/plan/files/{id}/{variant}";
/// The whole request may carry the largest clip plus the form's other fields. The form explains
/// a refusal next to the file field itself.
pub const BODY_LIMIT: BodyLimit = BodyLimit { bytes: uploads::CLIP_MAX_BYTES + 64 * 1024, answers_itself: true };
/// The parser looks for a part's boundary and headers from the start of what it holds each time
/// more arrives; fed in pieces of at least this size, a body with neither costs it a few hundred
/// passes at most, not one per network packet.
const PIECE: usize = 1024 * 1024;

/// What the form sent.
#[derive(Default)]
struct Sent {
    section: String,
    caption: String,
    alt_text: String,
    file: Option<Vec<u8>>,
    too_large: bool,
}

async fn read_form(mut multipart: Multipart) -> Sent {
    let mut sent = Sent::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // The body limit was reached (or the body was cut off).
            Err(_) => {
                sent.too_large = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                // A browser sends an empty, nameless part when no file was chosen.
                let chosen = field.file_name().is_some_and(|name| !name.is_empty());
                match field.bytes().await {
                    Ok(bytes) if bytes.is_empty() && !chosen => {}
                    Ok(bytes) => sent.file = Some(bytes.to_vec()),
                    Err(_) => {
                        sent.too_large = true;
                        break;
                    }
                }
            }
            "upload_section" | "caption" | "alt_text" => {
                let text = field.text().await.unwrap_or_default();
                match name.as_str() {
                    "upload_section" => sent.section = text,
                    "caption" => sent.caption = text,
                    _ => sent.alt_text = text,
                }
            }
            _ => {}
        }
    }
    sent
}

/// How the form was sent: by the browser itself (answer with redirects, like every form), or by
/// the page's script (answer as server functions do: field messages, or where to go next).
#[derive(Clone, Copy)]
struct Answer {
    script: bool,
}

impl Answer {
    fn from(headers: &HeaderMap) -> Answer {
        let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or_default();
        Answer { script: accept.starts_with("application/json") }
    }

    fn go_to(self, location: &str) -> Response {
        if self.script {
            (StatusCode::OK, [(header::LOCATION, location.to_owned())]).into_response()
        } else {
            Redirect::to(location).into_response()
        }
    }
}

/// Back to the plan with what was typed and the messages (never the file itself). The script
/// gets the messages to show next to the fields, with the rest of the page untouched.
fn refuse(answer: Answer, session: &SessionHandle, sent: &Sent, errors: BTreeMap<String, String>) -> Response {
    if answer.script {
        let body = serde_json::json!({ "kind": "validation", "fields": errors });
        return (StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response();
    }
    session.set_flash(Some(FormFlash {
        action: UPLOAD_PATH.to_owned(),
        page: "/plan".to_owned(),
        values: typed(sent),
        errors,
        summary: None,
        typed_by: None,
    }));
    Redirect::to("/plan#upload").into_response()
}

/// What the person typed into the form (the file itself is never kept).
fn typed(sent: &Sent) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("upload_section".to_owned(), sent.section.clone()),
        ("caption".to_owned(), sent.caption.clone()),
        ("alt_text".to_owned(), sent.alt_text.clone()),
    ])
}

/// A fault while adding a file: the cause goes to the log with the request id; the script gets
/// the portal's usual fault answer, and the form comes back with what was typed and the
/// portal's words for a fault (the file has to be chosen again).
fn fault(
    answer: Answer,
    session: &SessionHandle,
    visitor: &Visitor,
    sent: &Sent,
    context: &str,
    error: impl std::fmt::Display,
) -> Response {
    tracing::error!(request_id = %visitor.request_id, "{context}: {error}");
    let error = AppError::Internal { request_id: visitor.request_id.clone() };
    if answer.script {
        return (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(&error)).into_response();
    }
    session.set_flash(Some(FormFlash {
        action: UPLOAD_PATH.to_owned(),
        page: "/plan".to_owned(),
        values: typed(sent),
        errors: BTreeMap::new(),
        summary: error.summary(visitor.locale),
        typed_by: None,
    }));
    Redirect::to("/plan#upload").into_response()
}

/// Removes files whose record could not be written, so none is left that nothing points to.
async fn remove(files: &dyn app::backend::ports::FileStore, keys: &[String]) {
    for key in keys {
        if let Err(error) = files.delete(key).await {
            tracing::warn!("removing the unused file {key}: {error}");
        }
    }
}

/// The body in pieces of at least `PIECE` bytes (the last may be shorter), failing at once if
/// it does not start with the form's first boundary (browsers send no preamble; a body without
/// a boundary would otherwise be held and searched up to the limit).
fn in_pieces(body: Body, first: Vec<u8>) -> Body {
    use futures::StreamExt;
    let pieces = futures::stream::unfold(Some((body.into_data_stream(), first)), |state| async move {
        let (mut stream, first) = state?;
        let mut piece = BytesMut::new();
        loop {
            let next = stream.next().await;
            if let Some(Ok(bytes)) = &next {
                piece.extend_from_slice(bytes);
            }
            let full = piece.len() >= PIECE.max(first.len());
            let ended = !matches!(next, Some(Ok(_)));
            if (full || ended) && !first.is_empty() && !piece.starts_with(&first) {
                let refused: axum::Error = axum::Error::new("the form does not start with its boundary");
                return Some((Err(refused), None));
            }
            match next {
                Some(Ok(_)) if full => return Some((Ok(piece.freeze()), Some((stream, Vec::new())))),
                Some(Ok(_)) => {}
                Some(Err(error)) => return Some((Err(error), None)),
                None if piece.is_empty() => return None,
                None => return Some((Ok(piece.freeze()), None)),
            }
        }
    });
    Body::from_stream(pieces)
}

/// `--` and the boundary named in the form's content type.
fn first_boundary(headers: &HeaderMap) -> Option<Vec<u8>> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let boundary = content_type.split(';').find_map(|part| part.trim().strip_prefix("boundary="))?;
    Some(format!("--{}", boundary.trim_matches('"')).into_bytes())
}

fn mb(bytes: usize) -> usize {
    bytes / (1024 * 1024)
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(session): Extension<SessionHandle>,
    request: Request,
) -> Response {
    let answer = Answer::from(request.headers());
    let Some(me) = visitor.user.clone() else {
        // The script then lets the browser post the form itself, and it lands on sign-in.
        if answer.script {
            return StatusCode::UNAUTHORIZED.into_response();
        }
        return Redirect::to("/sign-in?next=/plan").into_response();
    };
    if !matches!(me.role, Role::Carer | Role::Customer) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let locale = visitor.locale;
    let services = &state.services;
    let declared = crate::http::body_limit::declared_length(request.headers());
    let sent = if declared.is_some_and(|length| length > BODY_LIMIT.bytes as u64) {
        // Refused without reading: the message goes next to the file field.
        Sent { too_large: true, ..Sent::default() }
    } else {
        let Some(first) = first_boundary(request.headers()) else {
            return StatusCode::BAD_REQUEST.into_response();
        };
        let (parts, body) = request.into_parts();
        match Multipart::from_request(Request::from_parts(parts, in_pieces(body, first)), &()).await {
            Ok(multipart) => read_form(multipart).await,
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        }
    };
    let mut errors = BTreeMap::new();
    let section = PlanSection::parse(&sent.section);
    // A body refused unread has no section to check; the file's message says what to do.
    if section.is_none() && !sent.too_large {
        errors.insert("upload_section".to_owned(), locale.text(Text::PlanErrorsSection).to_owned());
    }
    let sniffed = match (&sent.file, sent.too_large) {
        (_, true) => Err(Refusal::TooLarge { max_mb: mb(uploads::CLIP_MAX_BYTES) }),
        (None, false) => {
            errors.insert("file".to_owned(), locale.text(Text::PlanErrorsFileMissing).to_owned());
            Err(Refusal::Empty)
        }
        (Some(bytes), false) => uploads::sniff(bytes).and_then(|kind| match kind {
            Sniffed::Picture if bytes.len() > uploads::PICTURE_MAX_BYTES => {
                Err(Refusal::TooLarge { max_mb: mb(uploads::PICTURE_MAX_BYTES) })
            }
            Sniffed::Clip(_) if bytes.len() > uploads::CLIP_MAX_BYTES => {
                Err(Refusal::TooLarge { max_mb: mb(uploads::CLIP_MAX_BYTES) })
            }
            kind => Ok(kind),
        }),
    };
    if let Err(refusal) = sniffed {
        errors.entry("file".to_owned()).or_insert_with(|| refusal.message(locale));
    }
    // Until the file is known to be a picture, only the caption and length can be checked.
    let kind = if matches!(sniffed, Ok(Sniffed::Picture)) { ContributionKind::Picture } else { ContributionKind::Clip };
    let described = FileDescription::parse(kind, &sent.caption, &sent.alt_text);
    for problem in described.as_ref().err().into_iter().flatten() {
        errors.insert(problem.field(), problem.message(locale));
    }
    let (Some(section), Ok(kind), Some(bytes), Ok((caption, alt_text))) =
        (section, sniffed, sent.file.as_ref(), described)
    else {
        return refuse(answer, &session, &sent, errors);
    };
    if !errors.is_empty() {
        return refuse(answer, &session, &sent, errors);
    }
    // Each upload costs a decode and storage: a person (or a stolen session) may try only so
    // many an hour. The count is shared by every server; one that cannot be counted refuses.
    let hour = std::time::Duration::from_secs(3600);
    if !services.limits.allow(&format!("upload:{}", me.id), uploads::UPLOADS_PER_HOUR, hour).await {
        errors.insert("file".to_owned(), Refusal::TooManyUploads.message(locale));
        return refuse(answer, &session, &sent, errors);
    }
    let existing = match services.store.contributions(me.id).await {
        Ok(existing) => existing,
        Err(error) => return fault(answer, &session, &visitor, &sent, "reading a plan", error),
    };
    let files: Vec<_> = existing.iter().filter(|c| c.kind != ContributionKind::Words).collect();
    let used: i64 = files.iter().map(|c| c.size_bytes).sum();
    if files.len() >= uploads::PLAN_MAX_FILES || used + bytes.len() as i64 > uploads::PLAN_MAX_BYTES {
        errors.insert("file".to_owned(), Refusal::PlanFull.message(locale));
        return refuse(answer, &session, &sent, errors);
    }

    // Pictures are made safe off the async threads; clips are kept exactly as sent.
    let name = services.digests.new_code();
    let folder = app::backend::ports::files_folder(me.id);
    let mut stored_keys = Vec::new();
    let (contribution_kind, media_type, key, stored) = match kind {
        Sniffed::Picture => {
            let safe = match uploads::make_safe_in_turn(bytes.clone()).await {
                Ok(Ok(safe)) => safe,
                Ok(Err(refusal)) => {
                    errors.insert("file".to_owned(), refusal.message(locale));
                    return refuse(answer, &session, &sent, errors);
                }
                Err(error) => return fault(answer, &session, &visitor, &sent, "making a picture safe", error),
            };
            let (key, thumbnail) = (format!("{folder}/{name}.jpg"), format!("{folder}/{name}-thumb.jpg"));
            if let Err(error) = services.files.put(&thumbnail, &safe.thumbnail).await {
                return fault(answer, &session, &visitor, &sent, "storing a thumbnail", error);
            }
            stored_keys.push(thumbnail);
            (ContributionKind::Picture, "image/jpeg", key, safe.full)
        }
        Sniffed::Clip(media_type) => {
            (ContributionKind::Clip, media_type, format!("{folder}/{name}.clip"), bytes.clone())
        }
    };
    if let Err(error) = services.files.put(&key, &stored).await {
        remove(services.files.as_ref(), &stored_keys).await;
        return fault(answer, &session, &visitor, &sent, "storing a file", error);
    }
    stored_keys.push(key.clone());
    let new = NewFileContribution {
        section,
        kind: contribution_kind,
        caption: caption.as_deref(),
        alt_text: alt_text.as_deref(),
        file_key: &key,
        media_type,
        size_bytes: stored.len() as i64,
    };
    if let Err(error) = services.store.add_file_contribution(me.id, me.id, new, services.clock.now()).await {
        remove(services.files.as_ref(), &stored_keys).await;
        return fault(answer, &session, &visitor, &sent, "adding a file to a plan", error);
    }
    answer.go_to(&format!("/plan?added=1#{}", section.code()))
}

/// A picture (full size or `thumb`) or clip, for someone allowed to see the plan it is in.
pub async fn file(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Path((id, variant)): Path<(i64, String)>,
) -> Result<Response, Response> {
    let services = &state.services;
    let cx = Cx::of(services.clone(), visitor.clone()).require_signed_in().map_err(|_| not_found())?;
    let found = crate::routes::found(&visitor, "finding a file", services.store.find_contribution(id).await)?;
    let decision = cx.authorise(found.person_id, app::policy::Record::Plan, Access::View, "viewed plan file").await;
    allowed(&visitor, "authorising a file", decision)?;
    let (Some(key), Some(media_type)) = (found.file_key.clone(), found.media_type.clone()) else {
        return Err(not_found());
    };
    let key = match (found.kind, variant.as_str()) {
        (ContributionKind::Picture, "thumb") => key.replace(".jpg", "-thumb.jpg"),
        (_, "full") => key,
        _ => return Err(not_found()),
    };
    // Sent as it is read: a 50 MB clip is never held in memory whole.
    let file = match services.files.open(&key).await {
        Ok(Some(file)) => file,
        Ok(None) => return Err(not_found()),
        Err(error) => return Err(failed(&visitor, "reading a file", error)),
    };
    // A picture is shown in the browser; a clip, kept exactly as recorded (some phones write
    // where it was recorded inside it), is only ever saved as a file or played on the page.
    let disposition = match found.kind {
        ContributionKind::Picture => format!("inline; filename=\"plan-{id}.jpg\""),
        _ => format!("attachment; filename=\"plan-{id}.clip\""),
    };
    let content_type =
        HeaderValue::from_str(&media_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let body = Body::from_stream(tokio_util::io::ReaderStream::with_capacity(file.bytes, 64 * 1024));
    let mut response = private_file(body, content_type, &disposition);
    response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(file.size));
    Ok(response)
}
