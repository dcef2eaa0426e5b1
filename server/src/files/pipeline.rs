//! What people upload to their plan: the type decided from the file's own bytes (never its
//! name or the browser's claim), and pictures made safe to keep and show: decoded within strict
//! limits, turned upright from their EXIF orientation, re-encoded so no EXIF, GPS or other
//! metadata survives, at most 2048 px, with a small thumbnail for phones.
use std::io::Cursor;

use app::kit::i18n::{Locale, Text};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

/// Largest picture accepted, as sent.
pub const PICTURE_MAX_BYTES: usize = 15 * 1024 * 1024;
/// Largest audio or video clip accepted (kept as sent).
pub const CLIP_MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most any one plan may hold in files, and how many.
pub const PLAN_MAX_BYTES: i64 = 200 * 1024 * 1024;
pub const PLAN_MAX_FILES: usize = 50;
/// Width and height beyond which a picture is refused before it is decoded.
pub const MAX_DIMENSION: u32 = 8192;
/// Pixels beyond which a picture is refused before it is decoded: about what a phone's largest
/// camera mode makes (50 MP), so a small file cannot make the server hold a huge one.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Upload attempts one person may make in an hour (a plan holds at most `PLAN_MAX_FILES`).
pub const UPLOADS_PER_HOUR: u32 = 30;
/// The longest side of a stored picture, and of its thumbnail.
pub const STORED_SIDE: u32 = 2048;
pub const THUMB_SIDE: u32 = 400;

/// What a file turned out to be, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Picture,
    /// A clip kept as sent, with the type it is served as.
    Clip(&'static str),
}

/// Why a file was refused; each becomes a message saying what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge {
        max_mb: usize,
    },
    /// iPhone HEIC photos: the person can choose "Most compatible" or send a screenshot.
    Heic,
    Unsupported,
    /// Not a whole picture (cut short or damaged), or too many pixels to be a phone photo.
    Damaged,
    TooManyPixels,
    PlanFull,
    /// More than `UPLOADS_PER_HOUR` from one person.
    TooManyUploads,
}

impl Refusal {
    /// What to do about it, in the person's language (shown next to the file field).
    pub fn message(self, locale: Locale) -> String {
        match self {
            Refusal::Empty => locale.text(Text::PlanErrorsFileEmpty).to_owned(),
            Refusal::TooLarge { max_mb } => locale.fill(Text::PlanErrorsFileTooLarge, &[("max", &max_mb.to_string())]),
            Refusal::Heic => locale.text(Text::PlanErrorsFileHeic).to_owned(),
            Refusal::Unsupported => locale.text(Text::PlanErrorsFileUnsupported).to_owned(),
            Refusal::Damaged => locale.text(Text::PlanErrorsFileDamaged).to_owned(),
            Refusal::TooManyPixels => locale.text(Text::PlanErrorsFilePixels).to_owned(),
            Refusal::PlanFull => locale.text(Text::PlanErrorsPlanFull).to_owned(),
            Refusal::TooManyUploads => {
                locale.fill(Text::PlanErrorsFileTooMany, &[("max", &UPLOADS_PER_HOUR.to_string())])
            }
        }
    }
}

/// Decides the type from the bytes: JPEG, PNG and WebP pictures; MP4/MOV/3GP/M4A, WebM,
/// Ogg, MP3, WAV and AMR clips. Anything else (HTML, SVG, PDF…) is refused.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    let starts = |prefix: &[u8]| bytes.starts_with(prefix);
    let at = |offset: usize, tag: &[u8]| bytes.get(offset..offset + tag.len()) == Some(tag);
    if starts(&[0xFF, 0xD8, 0xFF]) || starts(b"\x89PNG\r\n\x1a\n") || (starts(b"RIFF") && at(8, b"WEBP")) {
        return Ok(Sniffed::Picture);
    }
    if at(4, b"ftyp") {
        let brand = bytes.get(8..12).unwrap_or_default();
        return match brand {
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"avif" => {
                Err(Refusal::Heic)
            }
            b"M4A " | b"M4B " => Ok(Sniffed::Clip("audio/mp4")),
            b"qt  " => Ok(Sniffed::Clip("video/quicktime")),
            b"3gp4" | b"3gp5" | b"3gp6" | b"3g2a" => Ok(Sniffed::Clip("video/3gpp")),
            _ => Ok(Sniffed::Clip("video/mp4")),
        };
    }
    if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Ok(Sniffed::Clip("video/webm"));
    }
    if starts(b"OggS") {
        return Ok(Sniffed::Clip("audio/ogg"));
    }
    if starts(b"ID3") || starts(&[0xFF, 0xFB]) || starts(&[0xFF, 0xF3]) || starts(&[0xFF, 0xF2]) {
        return Ok(Sniffed::Clip("audio/mpeg"));
    }
    if starts(b"RIFF") && at(8, b"WAVE") {
        return Ok(Sniffed::Clip("audio/wav"));
    }
    if starts(b"#!AMR") {
        return Ok(Sniffed::Clip("audio/amr"));
    }
    Err(Refusal::Unsupported)
}

/// A picture ready to store: JPEG bytes without metadata, and its thumbnail.
pub struct SafePicture {
    pub full: Vec<u8>,
    pub thumbnail: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// How many pictures are decoded at once, whatever the number of uploads: each may hold up to
/// `MAX_PIXELS` × 4 bytes while it is made safe, so this bounds the memory uploads can take.
fn decode_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        tokio::sync::Semaphore::new(cores.clamp(1, 4))
    })
}

/// `make_safe` off the async threads, waiting for one of the few decode slots first. `Err` is a
/// decode that panicked or was cancelled.
pub async fn make_safe_in_turn(bytes: Vec<u8>) -> Result<Result<SafePicture, Refusal>, tokio::task::JoinError> {
    // The semaphore is never closed, so acquiring only waits.
    let _slot = decode_slots().acquire().await;
    tokio::task::spawn_blocking(move || make_safe(&bytes)).await
}

/// Decodes, turns upright, shrinks and re-encodes a picture. CPU-bound: run it off the async
/// threads (`make_safe_in_turn`).
pub fn make_safe(bytes: &[u8]) -> Result<SafePicture, Refusal> {
    // Some decoders quietly fill in a cut-short picture with grey; refuse it instead.
    if !is_whole(bytes) {
        return Err(Refusal::Damaged);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    // Enough for the largest picture accepted with an alpha channel, and no more.
    limits.max_alloc = Some(MAX_PIXELS * 4 + 16 * 1024 * 1024);
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| Refusal::Damaged)?;
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if width > MAX_DIMENSION || height > MAX_DIMENSION || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refusal::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    // Shrink first, then turn upright: the same result (the bound is square) for a fraction of
    // the time and memory. `thumbnail` averages areas, which suits large reductions.
    let mut stored = if picture.width() > STORED_SIDE || picture.height() > STORED_SIDE {
        picture.thumbnail(STORED_SIDE, STORED_SIDE)
    } else {
        picture
    };
    stored.apply_orientation(orientation);
    let thumbnail = stored.thumbnail(THUMB_SIDE, THUMB_SIDE);
    Ok(SafePicture {
        full: jpeg(&stored)?,
        thumbnail: jpeg(&thumbnail)?,
        width: stored.width(),
        height: stored.height(),
    })
}

/// Whether a picture has its proper ending: JPEG's end-of-image marker (phones sometimes pad
/// after it), PNG's IEND chunk, or as many bytes as WebP's header says.
fn is_whole(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let end = bytes.iter().rposition(|b| *b != 0).unwrap_or(0);
        return end >= 1 && bytes[end - 1..=end] == [0xFF, 0xD9];
    }
    if bytes.starts_with(b"\x89PNG") {
        let tail = &bytes[bytes.len().saturating_sub(64)..];
        return tail.windows(4).any(|w| w == b"IEND");
    }
    if bytes.starts_with(b"RIFF") {
        let declared = bytes.get(4..8).map(|n| u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize);
        return declared.is_some_and(|n| bytes.len() >= n + 8);
    }
    false
}

fn refusal(error: image::ImageError) -> Refusal {
    match error {
        image::ImageError::Limits(_) => Refusal::TooManyPixels,
        _ => Refusal::Damaged,
    }
}

/// JPEG with nothing but the pixels: the encoder writes no EXIF unless given some.
fn jpeg(picture: &DynamicImage) -> Result<Vec<u8>, Refusal> {
    let mut out = Vec::new();
    let rgb = picture.to_rgb8();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82)
        .encode_image(&rgb)
        .map_err(|_| Refusal::Damaged)?;
    Ok(out)
}

#[cfg(test)]
mod tests;
