//! The picture pipeline's benchmark (run by `scripts/bench-picture.sh`, part of `make bench`).
//!
//! `picture_bench make <file>` writes a 12-megapixel phone-like JPEG (4000 × 3000) carrying an
//! EXIF orientation and a GPS position. `picture_bench run <file>` makes it safe the way an
//! upload does and prints the median time of five runs; run it under `/usr/bin/time -v` for its
//! peak memory.
use std::time::{Duration, Instant};

fn exif(orientation: u16) -> Vec<u8> {
    let mut tiff = b"II*\0\x08\0\0\0\x02\0".to_vec();
    tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0]);
    tiff.extend_from_slice(&u32::from(orientation).to_le_bytes());
    tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0, 0, 0, 0, 0]);
    tiff.extend_from_slice(&[1, 0, 1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0, 0, 0, 0, 0]);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

fn make(path: &str) {
    // Texture rather than a flat gradient, so the JPEG is the size of a real photo.
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let noise = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) >> 24;
        image::Rgb([(x / 16 + noise) as u8, (y / 12) as u8, (noise * 3) as u8])
    });
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90).encode_image(&picture).unwrap();
    let mut photo = plain[..2].to_vec();
    photo.extend_from_slice(&exif(6));
    photo.extend_from_slice(&plain[2..]);
    std::fs::write(path, photo).unwrap();
}

fn run(path: &str) {
    let bytes = std::fs::read(path).unwrap();
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let safe = server::files::pipeline::make_safe(&bytes).expect("the picture is accepted");
            assert!(!safe.full.windows(4).any(|w| w == b"Exif"));
            started.elapsed()
        })
        .collect();
    times.sort();
    println!("{:.3}", times[2].as_secs_f64());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("make"), Some(path)) => make(path),
        (Some("run"), Some(path)) => run(path),
        _ => eprintln!("usage: picture_bench make|run <file.jpg>"),
    }
}
