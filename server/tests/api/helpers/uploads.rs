//! Adding pictures to a plan through the plain upload form, as a phone's browser does.
use reqwest::multipart::{Form, Part};

use super::TestPortal;

/// A small JPEG carrying an EXIF block with a GPS latitude, as a phone writes one.
pub fn phone_photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(64, 32, |x, _| image::Rgb([(x * 4) as u8, 90, 200]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut plain).encode_image(&picture).unwrap();
    let mut tiff = b"II*\0\x08\0\0\0\x01\0\x25\x88\x04\0\x01\0\0\0\x1a\0\0\0\0\0\0\0".to_vec();
    tiff.extend_from_slice(b"\x01\0\x01\0\x02\0\x02\0\0\0N\0\0\0\0\0\0\0");
    let mut photo = plain[..2].to_vec();
    photo.extend_from_slice(&[0xFF, 0xE1]);
    photo.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    photo.extend_from_slice(b"Exif\0\0");
    photo.extend_from_slice(&tiff);
    photo.extend_from_slice(&plain[2..]);
    photo
}

pub async fn upload(portal: &TestPortal, fields: &[(&str, &str)], file: Option<(&str, Vec<u8>)>) -> reqwest::Response {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if let Some((name, bytes)) = file {
        form = form.part("file", Part::bytes(bytes).file_name(name.to_owned()).mime_str("image/jpeg").unwrap());
    }
    portal
        .client
        .post(portal.at("/plan/upload"))
        .header("Origin", &portal.url)
        .header("Referer", portal.at("/plan"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}
