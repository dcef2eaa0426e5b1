use super::*;
use crate::layout::Style;
use crate::text::{printable, wrap, Fonts};

fn photo() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/fixtures/handwritten-note.jpg");
    std::fs::read(path).expect("the test photo is in end2end/fixtures")
}

fn plan(blocks: Vec<Block>) -> Document {
    Document {
        title: "Support plan for Sam Carer, version 1".into(),
        language: "en-GB".into(),
        author: "Carer portal".into(),
        blocks,
        footer: "Support plan for Sam Carer – page {page} of {pages}".into(),
        page: PageSize::A4,
    }
}

#[test]
fn a_card_fits_on_one_wallet_sized_page() {
    let card = Document {
        title: "Emergency card".into(),
        language: "en-GB".into(),
        author: "Carer portal".into(),
        footer: String::new(),
        page: PageSize::Card,
        blocks: vec![
            Block::Heading { level: 2, text: "I am a carer".into() },
            Block::Paragraph(
                "If I am ill or have an accident, please call the Carers Emergency Response Service:".into(),
            ),
            Block::Heading { level: 2, text: "01632 960000".into() },
            Block::Paragraph("and give them this code:".into()),
            Block::Heading { level: 2, text: "7KQM 4TXP 9RC2".into() },
        ],
    };
    let pdf = render(&card).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let geometry = PageSize::Card.geometry();
    let pages = layout::lay_out(&card.blocks, &[None, None, None, None, None], &Fonts::load(), geometry);
    assert_eq!(pages.len(), 1, "the card runs over one page");
    // 85.6 × 54 mm in points.
    assert!((geometry.width * geometry.scale - 242.65).abs() < 0.1);
    assert!((geometry.height * geometry.scale - 153.07).abs() < 0.1);
}

fn count(haystack: &[u8], needle: &str) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count()
}

#[test]
fn a_plan_with_words_and_a_picture_is_a_tagged_pdf_ua_file() {
    let pdf = render(&plan(vec![
        Block::Heading { level: 1, text: "Support plan for Sam Carer".into() },
        Block::Heading { level: 2, text: "What is important to me".into() },
        Block::Paragraph("Seeing my grandchildren on Sundays.\nKeeping my allotment.".into()),
        Block::Picture {
            jpeg: photo(),
            description: "A handwritten note: Sundays with the grandchildren".into(),
            caption: Some("My note to myself".into()),
        },
    ]))
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    // Tagged (a structure tree, marked content), in a language, declaring PDF/UA-1.
    assert_eq!(count(&pdf, "/Type/StructTreeRoot"), 1);
    assert_eq!(count(&pdf, "/MarkInfo<</Marked true"), 1);
    assert!(count(&pdf, "/Lang(en-GB)") >= 1);
    assert!(count(&pdf, "<pdfuaid:part>1</pdfuaid:part>") == 1);
    assert_eq!(count(&pdf, "/S/H1"), 1);
    assert_eq!(count(&pdf, "/S/H2"), 1);
    assert_eq!(count(&pdf, "/S/P/"), 1);
    assert_eq!(count(&pdf, "/Alt(A handwritten note: Sundays with the grandchildren)"), 1);
    assert_eq!(count(&pdf, "/S/Figure/"), 1);
    assert_eq!(count(&pdf, "/S/Caption/"), 1);
    // Headings carry their titles, and the outline lets a reader jump to them.
    assert_eq!(count(&pdf, "/T(What is important to me)"), 1);
    assert_eq!(count(&pdf, "/Type/Outlines"), 1);
}

#[test]
fn a_picture_without_a_description_is_refused() {
    let refused = render(&plan(vec![Block::Picture { jpeg: photo(), description: " ".into(), caption: None }]));
    assert!(matches!(refused, Err(PdfError::Undescribed)));
}

#[test]
fn a_damaged_picture_is_an_error_not_a_panic() {
    let refused =
        render(&plan(vec![Block::Picture { jpeg: b"not a jpeg".to_vec(), description: "x".into(), caption: None }]));
    assert!(matches!(refused, Err(PdfError::Picture(_))));
}

#[test]
fn long_words_flow_onto_more_pages_and_every_page_is_numbered() {
    let paragraph = "I look after my mum every day before work and again in the evening. ".repeat(40);
    let blocks = (0..8).map(|_| Block::Paragraph(paragraph.clone())).collect();
    let pdf = render(&plan(blocks)).unwrap();
    let pages = count(&pdf, "/Type/Page/");
    assert!(pages >= 3, "{pages} pages");
    // Every paragraph is still one paragraph for a screen reader, however many pages it spans.
    assert_eq!(count(&pdf, "/S/P/"), 8);
}

#[test]
fn polish_letters_are_kept_and_emoji_become_a_visible_replacement() {
    let fonts = Fonts::load();
    assert_eq!(printable("Zażółć gęślą jaźń", &fonts, Style::Body), "Zażółć gęślą jaźń");
    assert_eq!(printable("Mum ❤\u{fe0f} tea\t🫖", &fonts, Style::Body), "Mum ❤ tea \u{fffd}");
    // And such text still makes a valid PDF/UA file.
    render(&plan(vec![Block::Paragraph("Mama 🫖 herbata, zażółć".into())])).unwrap();
}

#[test]
fn lines_fit_the_page_keep_the_writers_breaks_and_break_long_addresses() {
    let fonts = Fonts::load();
    let width = 200.0;
    let lines = wrap("First line\nSecond line is a good deal longer than the first one is", width, &fonts, Style::Body);
    assert_eq!(lines[0], "First line");
    assert!(lines.len() >= 3);
    assert!(lines.iter().all(|l| fonts.width(l, Style::Body) <= width));
    let address = wrap(&"https://www.example.org/".repeat(6), width, &fonts, Style::Body);
    assert!(address.len() > 1 && address.iter().all(|l| fonts.width(l, Style::Body) <= width));
    assert_eq!(address.concat(), "https://www.example.org/".repeat(6));
}
