//! Tagged PDF copies of the documents the portal keeps: headings, paragraphs and pictures with
//! their descriptions, laid out on A4 and tagged so that a screen reader reads them in order.
//! Every copy is checked against PDF/UA-1 as it is written: a picture without a description or a
//! character the font cannot show is an error here, not a silent gap for the reader.
mod layout;
mod text;

use std::num::NonZeroU16;

use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Node, SpanTag, Tag, TagGroup, TagTree};
use krilla::{Document as Pdf, SerializeSettings};

pub use layout::{PageSize, PAGE_HEIGHT, PAGE_WIDTH};
use layout::{Placed, Style};

/// A document to print: its title (also the PDF's title), language and blocks in reading order.
#[derive(Clone, Debug)]
pub struct Document {
    pub title: String,
    /// The language of its words, as a BCP 47 tag (`en-GB`, `pl`).
    pub language: String,
    pub author: String,
    pub blocks: Vec<Block>,
    /// The words at the foot of every page; `{page}` and `{pages}` are filled in. None when empty.
    pub footer: String,
    pub page: PageSize,
}

#[derive(Clone, Debug)]
pub enum Block {
    /// A heading, level 1 to 3.
    Heading { level: u8, text: String },
    /// A paragraph; its line breaks are kept.
    Paragraph(String),
    /// A JPEG picture with its description for people who cannot see it, and a caption.
    Picture { jpeg: Vec<u8>, description: String, caption: Option<String> },
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("a picture could not be read: {0}")]
    Picture(String),
    #[error("a picture has no description for people who cannot see it")]
    Undescribed,
    #[error("the PDF could not be written: {0}")]
    Writing(String),
}

/// What was drawn for one block, so the tag tree can say what it is.
#[derive(Default)]
struct Drawn {
    body: Vec<krilla::tagging::Identifier>,
    caption: Vec<krilla::tagging::Identifier>,
    /// The page and height where it starts, for the outline.
    at: Option<(usize, f32)>,
}

/// Writes the document as a tagged PDF/UA-1 file.
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = text::Fonts::load();
    let pictures: Vec<Option<Image>> = document
        .blocks
        .iter()
        .map(|block| match block {
            Block::Picture { description, .. } if description.trim().is_empty() => Err(PdfError::Undescribed),
            Block::Picture { jpeg, .. } => {
                Image::from_jpeg(jpeg.clone().into(), true).map(Some).map_err(PdfError::Picture)
            }
            _ => Ok(None),
        })
        .collect::<Result<_, _>>()?;
    let sizes: Vec<Option<(u32, u32)>> = pictures.iter().map(|p| p.as_ref().map(Image::size)).collect();
    let geometry = document.page.geometry();
    let pages = layout::lay_out(&document.blocks, &sizes, &fonts, geometry);

    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError::Writing(format!("{e:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
    let mut pdf = Pdf::new_with(settings);
    let mut drawn: Vec<Drawn> = document.blocks.iter().map(|_| Drawn::default()).collect();
    let count = pages.len();
    for (number, placed) in pages.iter().enumerate() {
        let (width, height) = (geometry.width * geometry.scale, geometry.height * geometry.scale);
        let size = PageSettings::from_wh(width, height).ok_or_else(|| PdfError::Writing("page size".into()))?;
        let mut page = pdf.start_page_with(size);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_scale(geometry.scale, geometry.scale));
        for item in placed {
            match item {
                Placed::Line { block, x, y, style, text, caption } => {
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    let font = fonts.font(*style);
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        style.size(),
                        text,
                        false,
                        krilla::text::TextDirection::Auto,
                    );
                    surface.end_tagged();
                    let entry = &mut drawn[*block];
                    entry.at.get_or_insert((number, *y - style.size()));
                    if *caption {
                        entry.caption.push(id)
                    } else {
                        entry.body.push(id)
                    }
                }
                Placed::Picture { block, x, y, width, height } => {
                    let Some(image) = pictures[*block].clone() else { continue };
                    let id = surface.start_tagged(ContentTag::Other);
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    if let Some(size) = Size::from_wh(*width, *height) {
                        surface.draw_image(image, size);
                    }
                    surface.pop();
                    surface.end_tagged();
                    drawn[*block].at.get_or_insert((number, *y));
                    drawn[*block].body.push(id);
                }
            }
        }
        // The page number is furniture, not content: marked so screen readers skip it.
        if !document.footer.is_empty() {
            let footer =
                document.footer.replace("{page}", &(number + 1).to_string()).replace("{pages}", &count.to_string());
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber)));
            surface.draw_text(
                Point::from_xy(geometry.margin, geometry.height - 36.0),
                fonts.font(Style::Small),
                Style::Small.size(),
                &text::printable(&footer, &fonts, Style::Small),
                false,
                krilla::text::TextDirection::Auto,
            );
            surface.end_tagged();
        }
        surface.pop();
        surface.finish();
        page.finish();
    }

    pdf.set_metadata(
        Metadata::new()
            .title(document.title.clone())
            .language(document.language.clone())
            .authors(vec![document.author.clone()])
            .creator(document.author.clone()),
    );
    pdf.set_outline(outline(document, &drawn));
    pdf.set_tag_tree(tag_tree(document, drawn));
    pdf.finish().map_err(|e| PdfError::Writing(format!("{e:?}")))
}

/// Bookmarks for the headings, nested by level, so a long plan can be navigated.
fn outline(document: &Document, drawn: &[Drawn]) -> Outline {
    let mut outline = Outline::new();
    let mut stack: Vec<(u8, OutlineNode)> = Vec::new();
    let close = |stack: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline, level: u8| {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, node) = stack.pop().expect("checked above");
            match stack.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for (block, drawn) in document.blocks.iter().zip(drawn) {
        let (Block::Heading { level, text }, Some((page, y))) = (block, drawn.at) else { continue };
        close(&mut stack, &mut outline, *level);
        let node = OutlineNode::new(text.clone(), XyzDestination::new(page, Point::from_xy(0.0, y.max(0.0))));
        stack.push((*level, node));
    }
    close(&mut stack, &mut outline, 0);
    outline
}

/// The logical structure: each heading, paragraph and figure (with its caption) in order.
fn tag_tree(document: &Document, drawn: Vec<Drawn>) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(document.language.clone()));
    for (block, drawn) in document.blocks.iter().zip(drawn) {
        let children = |ids: Vec<krilla::tagging::Identifier>| ids.into_iter().map(Node::from).collect::<Vec<_>>();
        match block {
            Block::Heading { level, text } => {
                let level = NonZeroU16::new(u16::from((*level).clamp(1, 6))).expect("clamped to 1..=6");
                tree.push(TagGroup::with_children(Tag::Hn(level, Some(text.clone())), children(drawn.body)));
            }
            Block::Paragraph(_) => tree.push(TagGroup::with_children(Tag::P, children(drawn.body))),
            Block::Picture { description, .. } => {
                let figure = TagGroup::with_children(Tag::Figure(Some(description.clone())), children(drawn.body));
                tree.push(figure);
                if !drawn.caption.is_empty() {
                    tree.push(TagGroup::with_children(Tag::Caption, children(drawn.caption)));
                }
            }
        }
    }
    tree
}

#[cfg(test)]
mod tests;
