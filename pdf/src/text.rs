//! The fonts (DejaVu Sans, embedded), measuring words and breaking paragraphs into lines.
use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::layout::Style;

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

pub struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    pub fn load() -> Fonts {
        Fonts {
            regular: Font::new(REGULAR.into(), 0).expect("the embedded regular font is valid"),
            bold: Font::new(BOLD.into(), 0).expect("the embedded bold font is valid"),
        }
    }

    pub fn font(&self, style: Style) -> Font {
        if style.bold() {
            self.bold.clone()
        } else {
            self.regular.clone()
        }
    }

    fn face(style: Style) -> FontRef<'static> {
        FontRef::new(if style.bold() { BOLD } else { REGULAR }).expect("the embedded fonts are valid")
    }

    /// The width of a run of text in points.
    pub fn width(&self, text: &str, style: Style) -> f32 {
        let face = Fonts::face(style);
        let charmap = face.charmap();
        let metrics = face.glyph_metrics(Size::new(style.size()), LocationRef::default());
        text.chars().filter_map(|c| charmap.map(c)).map(|glyph| metrics.advance_width(glyph).unwrap_or_default()).sum()
    }

    fn has(&self, c: char, style: Style) -> bool {
        Fonts::face(style).charmap().map(c).is_some()
    }
}

/// Text the font can show: tabs become spaces, invisible formatting characters go, and anything
/// the font has no glyph for (an emoji, say) becomes a replacement mark rather than a blank a
/// screen reader would stumble on.
pub fn printable(text: &str, fonts: &Fonts, style: Style) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\r' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'))
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() && c != '\n' => ' ',
            c if c == '\n' || fonts.has(c, style) => c,
            _ => '\u{fffd}',
        })
        .collect()
}

/// Breaks a paragraph into lines no wider than `width`, keeping the writer's own line breaks.
/// A word too long for a line on its own (a web address) is broken between characters.
pub fn wrap(text: &str, width: f32, fonts: &Fonts, style: Style) -> Vec<String> {
    let text = printable(text, fonts, style);
    let mut lines = Vec::new();
    for written in text.split('\n') {
        let mut line = String::new();
        for word in written.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if fonts.width(&candidate, style) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if fonts.width(&line, style) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        lines.push(line);
    }
    // Blank lines the writer left between paragraphs stay; trailing ones do not.
    while lines.last().is_some_and(String::is_empty) && lines.len() > 1 {
        lines.pop();
    }
    lines
}
