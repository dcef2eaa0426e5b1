//! Placing blocks on A4 pages: lines of text at their baselines and pictures scaled to fit,
//! with headings kept with what follows them.
use crate::text::{wrap, Fonts};
use crate::Block;

pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;
const PICTURE_MAX_HEIGHT: f32 = 320.0;

/// The paper a document is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSize {
    #[default]
    A4,
    /// A bank card's size, 85.6 × 54 mm, landscape: for a card to keep in a wallet.
    Card,
}

/// A page's size and margins in the units the layout works in, and the scale from those to
/// points. A card is laid out as a larger page and drawn scaled down, so its words keep the
/// proportions of every other copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    pub top: f32,
    /// Room kept at the foot of each page (for the page number on A4).
    pub bottom: f32,
    pub scale: f32,
}

impl PageSize {
    pub fn geometry(self) -> Geometry {
        match self {
            PageSize::A4 => {
                Geometry { width: PAGE_WIDTH, height: PAGE_HEIGHT, margin: 56.0, top: 60.0, bottom: 70.0, scale: 1.0 }
            }
            PageSize::Card => {
                let scale = 0.6;
                Geometry { width: 242.65 / scale, height: 153.07 / scale, margin: 20.0, top: 26.0, bottom: 8.0, scale }
            }
        }
    }
}

impl Geometry {
    fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Subheading,
    Body,
    Small,
}

impl Style {
    pub fn size(self) -> f32 {
        match self {
            Style::Title => 20.0,
            Style::Heading => 16.0,
            Style::Subheading => 12.5,
            Style::Body => 11.5,
            Style::Small => 9.5,
        }
    }

    pub fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Heading | Style::Subheading)
    }

    fn line_height(self) -> f32 {
        self.size() * 1.4
    }

    /// Space above and below a block in this style.
    fn spacing(self) -> (f32, f32) {
        match self {
            Style::Title => (0.0, 12.0),
            Style::Heading => (18.0, 6.0),
            Style::Subheading => (10.0, 3.0),
            Style::Body => (0.0, 8.0),
            Style::Small => (2.0, 10.0),
        }
    }

    fn for_heading(level: u8) -> Style {
        match level {
            0 | 1 => Style::Title,
            2 => Style::Heading,
            _ => Style::Subheading,
        }
    }
}

/// Something drawn on a page, and the block it belongs to. `y` is from the top of the page: a
/// line's baseline, or a picture's top edge.
#[derive(Clone, Debug)]
pub enum Placed {
    Line { block: usize, x: f32, y: f32, style: Style, text: String, caption: bool },
    Picture { block: usize, x: f32, y: f32, width: f32, height: f32 },
}

struct Pages {
    pages: Vec<Vec<Placed>>,
    y: f32,
    geometry: Geometry,
}

impl Pages {
    fn room(&self) -> f32 {
        self.geometry.height - self.geometry.bottom - self.y
    }

    fn ensure(&mut self, height: f32) {
        // A block taller than a whole page starts on a fresh one and then flows.
        if height > self.room() && self.y > self.geometry.top {
            self.pages.push(Vec::new());
            self.y = self.geometry.top;
        }
    }

    fn place(&mut self, item: Placed) {
        self.pages.last_mut().expect("there is always a page").push(item);
    }

    fn lines(&mut self, block: usize, lines: Vec<String>, style: Style, caption: bool) {
        let (before, after) = style.spacing();
        if self.y > self.geometry.top {
            self.y += before;
        }
        for text in lines {
            self.ensure(style.line_height());
            self.y += style.line_height();
            // A blank line the writer left is space, not content.
            if text.is_empty() {
                continue;
            }
            let y = self.y - (style.line_height() - style.size()) / 2.0;
            self.place(Placed::Line { block, x: self.geometry.margin, y, style, text, caption });
        }
        self.y += after;
    }
}

/// Lays the blocks out; `pictures` has each picture block's size in pixels.
pub fn lay_out(
    blocks: &[Block],
    pictures: &[Option<(u32, u32)>],
    fonts: &Fonts,
    geometry: Geometry,
) -> Vec<Vec<Placed>> {
    let mut pages = Pages { pages: vec![Vec::new()], y: geometry.top, geometry };
    let content_width = geometry.content_width();
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => {
                let style = Style::for_heading(*level);
                let lines = wrap(text, content_width, fonts, style);
                // Keep a heading with at least three lines of what comes after it, if anything does.
                let following = if index + 1 < blocks.len() { 3.0 * Style::Body.line_height() } else { 0.0 };
                let needed = style.spacing().0 + lines.len() as f32 * style.line_height() + following;
                pages.ensure(needed);
                pages.lines(index, lines, style, false);
            }
            Block::Paragraph(text) => {
                let lines = wrap(text, content_width, fonts, Style::Body);
                pages.lines(index, lines, Style::Body, false);
            }
            Block::Picture { caption, .. } => {
                let (width, height) = pictures[index].map(|(w, h)| (w as f32, h as f32)).unwrap_or((1.0, 1.0));
                let scale = (content_width / width).min(PICTURE_MAX_HEIGHT / height).min(1.0);
                let (width, height) = (width * scale, height * scale);
                let caption_lines =
                    caption.as_deref().map(|c| wrap(c, content_width, fonts, Style::Small)).unwrap_or_default();
                pages.ensure(height + caption_lines.len().min(2) as f32 * Style::Small.line_height());
                pages.y += 4.0;
                pages.place(Placed::Picture { block: index, x: geometry.margin, y: pages.y, width, height });
                pages.y += height;
                if caption_lines.is_empty() {
                    pages.y += Style::Small.spacing().1;
                } else {
                    pages.lines(index, caption_lines, Style::Small, true);
                }
            }
        }
    }
    pages.pages
}
