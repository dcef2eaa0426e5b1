use std::time::{Duration, Instant};

use super::*;

/// A JPEG of `width` × `height` (a left-to-right gradient, so orientation shows).
fn jpeg_of(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x * 255 / width) as u8, 80, 160]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut out).encode_image(&picture).unwrap();
    out
}

/// An EXIF block (APP1) with an orientation and a GPS latitude, as a phone writes them.
fn exif_app1(orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    // IFD0: two entries (orientation, GPS IFD pointer), then no next IFD.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&u32::from(orientation).to_le_bytes());
    tiff.extend_from_slice(&0x8825u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&38u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD at offset 38: GPSLatitudeRef = "N".
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x0001u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&2u32.to_le_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0u32.to_le_bytes());
    let mut segment = vec![0xFF, 0xE1];
    let length = (2 + 6 + tiff.len()) as u16;
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

fn phone_photo(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let plain = jpeg_of(width, height);
    let mut photo = plain[..2].to_vec();
    photo.extend_from_slice(&exif_app1(orientation));
    photo.extend_from_slice(&plain[2..]);
    photo
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn the_type_comes_from_the_bytes_not_the_name() {
    assert_eq!(sniff(&jpeg_of(4, 4)), Ok(Sniffed::Picture));
    assert_eq!(sniff(b"<!doctype html><script>alert(1)</script>"), Err(Refusal::Unsupported));
    assert_eq!(sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"), Err(Refusal::Unsupported));
    assert_eq!(sniff(b"%PDF-1.7"), Err(Refusal::Unsupported));
    assert_eq!(sniff(b""), Err(Refusal::Empty));
    assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Err(Refusal::Heic));
    assert_eq!(sniff(b"\0\0\0\x18ftypisom\0\0\0\0"), Ok(Sniffed::Clip("video/mp4")));
    assert_eq!(sniff(b"\0\0\0\x18ftypM4A \0\0\0\0"), Ok(Sniffed::Clip("audio/mp4")));
    assert_eq!(sniff(b"OggS\0\x02"), Ok(Sniffed::Clip("audio/ogg")));
    assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), Ok(Sniffed::Clip("audio/wav")));
}

#[test]
fn a_phone_photo_is_turned_upright_and_loses_its_exif_and_gps() {
    let photo = phone_photo(60, 30, 6);
    assert!(photo.windows(4).any(|w| w == b"Exif"));
    let safe = make_safe(&photo).unwrap();
    // Orientation 6 means "rotate 90° clockwise to view": landscape pixels become portrait.
    assert_eq!((safe.width, safe.height), (30, 60));
    assert!(!safe.full.windows(4).any(|w| w == b"Exif"), "EXIF left in the stored picture");
    assert!(!safe.full.windows(2).any(|w| w == [0xFF, 0xE1]), "an APP1 segment survived");
    let stored = image::load_from_memory(&safe.full).unwrap();
    assert_eq!((stored.width(), stored.height()), (30, 60));
    assert!(image::load_from_memory(&safe.thumbnail).is_ok());
}

#[test]
fn a_large_picture_is_shrunk_to_2048_with_a_small_thumbnail() {
    let safe = make_safe(&jpeg_of(3000, 1000)).unwrap();
    assert_eq!((safe.width, safe.height), (2048, 683));
    let thumbnail = image::load_from_memory(&safe.thumbnail).unwrap();
    assert_eq!(thumbnail.width(), THUMB_SIDE);
}

/// A whole PNG claiming `width` × `height` RGBA pixels in a few dozen bytes.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut bomb = b"\x89PNG\r\n\x1a\n".to_vec();
    bomb.extend_from_slice(&13u32.to_be_bytes());
    bomb.extend_from_slice(&ihdr);
    bomb.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // An empty IDAT, so the decoder reads the header as a real PNG's, then the end.
    bomb.extend_from_slice(&0u32.to_be_bytes());
    bomb.extend_from_slice(b"IDAT");
    bomb.extend_from_slice(&crc32(b"IDAT").to_be_bytes());
    bomb.extend_from_slice(&0u32.to_be_bytes());
    bomb.extend_from_slice(b"IEND");
    bomb.extend_from_slice(&crc32(b"IEND").to_be_bytes());
    bomb
}

#[test]
fn a_decompression_bomb_is_refused_at_once() {
    // 100,000 × 100,000 pixels: 40 GB decoded. 8,000 × 7,000 has no side over the limit, but at
    // 56 MP it is more than a phone makes (224 MB decoded from a file of a few dozen bytes).
    for (width, height) in [(100_000, 100_000), (8_000, 7_000)] {
        let started = Instant::now();
        assert_eq!(make_safe(&png_claiming(width, height)).err(), Some(Refusal::TooManyPixels), "{width} × {height}");
        assert!(started.elapsed() < Duration::from_millis(100), "took {:?}", started.elapsed());
    }
}

#[tokio::test]
async fn pictures_are_made_safe_a_few_at_a_time() {
    let slots = decode_slots();
    assert!((1..=4).contains(&slots.available_permits()), "{}", slots.available_permits());
    // Every slot busy: a new picture waits, and goes ahead once one is free.
    let busy = slots.acquire_many(slots.available_permits() as u32).await.unwrap();
    let waiting = tokio::spawn(make_safe_in_turn(jpeg_of(300, 200)));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!waiting.is_finished(), "decoded while every slot was busy");
    drop(busy);
    let made = tokio::time::timeout(Duration::from_secs(30), waiting).await.unwrap().unwrap().unwrap().unwrap();
    assert_eq!(made.width, 300);
}

#[test]
fn a_cut_short_picture_is_refused() {
    let whole = jpeg_of(200, 200);
    let cut = &whole[..whole.len() / 3];
    assert_eq!(sniff(cut), Ok(Sniffed::Picture));
    assert_eq!(make_safe(cut).err(), Some(Refusal::Damaged));
}
