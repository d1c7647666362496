//! Each step's share card, the image social networks show with its address:
//! a 1200 × 630 PNG drawn at build time from the same diagram the page shows
//! ([`drawing`], the diagram component's own SVG, with the `data-lit` hooks the
//! live app reads), with that step's places and flows highlighted by a small
//! stylesheet, beside the explainer's title and the step's. resvg draws it
//! with the fonts in `assets/fonts` only, never the machine's, so every build
//! makes the same image.

use std::sync::Arc;

use explainer_core::diagram::{one_decimal, Orientation, MAX_LABELLED_FLOWS};
use explainer_core::embed::escape_attribute;
use explainer_core::page::{
    step_count, FLOW_CLASS, FLOW_LABEL_CLASS, FLOW_LINE_CLASS, LIT_ATTRIBUTE, PLACE_CLASS,
    PLACE_REGION_CLASS,
};
use explainer_core::share::{fit_lines, CARD_HEIGHT, CARD_WIDTH};
use explainer_core::story::{LOGO_HEIGHT, LOGO_MAX_WIDTH};
use explainer_core::{Content, Perspective};
use leptos::prelude::*;
use resvg::{tiny_skia, usvg};

use crate::components::diagram::drawing;
use crate::prerender::drop_empty_comments;
use crate::words::{provide_words, Words};

/// DejaVu Sans (Bitstream Vera licence, `assets/fonts/LICENSE`), regular and bold.
const FONTS: [&[u8]; 2] = [
    include_bytes!("../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf"),
];
/// Their family name, the only one the cards use.
const FONT_FAMILY: &str = "DejaVu Sans";

/// The light palette of `style/main.css`.
const BACKGROUND: &str = "#fbfaf7";
const PANEL: &str = "#ffffff";
const INK: &str = "#1b1b1b";
const MUTED: &str = "#555049";
const RULE: &str = "#d6d1c6";
const LINK: &str = "#0a5a87";
const HIGHLIGHT: &str = "#fff3d6";

/// Space around everything, and the width of the text column on the left.
const MARGIN: f64 = 56.0;
const TEXT_WIDTH: f64 = 372.0;
/// The diagram's panel on the right, and the space inside it.
const PANEL_LEFT: f64 = MARGIN + TEXT_WIDTH + 28.0;
const PANEL_PADDING: f64 = 12.0;
/// Font sizes tried for the step's title, largest first, and its most lines.
const TITLE_SIZES: [f64; 5] = [46.0, 42.0, 38.0, 34.0, 30.0];
const TITLE_LINES: usize = 5;
/// The explainer's title above it.
const HEADER_SIZE: f64 = 24.0;
const HEADER_LINES: usize = 3;
/// "Step N of M".
const KICKER_SIZE: f64 = 22.0;

/// Draws the cards of one content file: the diagram is rendered once.
pub struct CardMaker {
    options: usvg::Options<'static>,
    /// The landscape drawing for each perspective, as the page has it.
    diagrams: Vec<(Perspective, String)>,
    /// The words table's template of a step's count (`{n}`, `{total}`).
    count: String,
}

/// Which card to draw.
#[derive(Debug, Clone, Copy)]
pub enum Card<'a> {
    /// The explainer's own (its main page's): the publisher's name, the
    /// explainer's title and the whole diagram.
    Front {
        /// The publisher's name.
        publisher: &'a str,
    },
    /// Step `index`'s: the explainer's title, the step's count and title, and
    /// the diagram with the step's places and flows highlighted.
    Step(usize),
}

impl Card<'_> {
    /// What the card is, for messages.
    fn name(self) -> String {
        match self {
            Card::Front { .. } => "the explainer's card".to_owned(),
            Card::Step(index) => format!("the card of step {}", index + 1),
        }
    }
}

impl CardMaker {
    /// Loads the fonts and renders the diagram in the edition's `words` (whose
    /// step count template the step cards use).
    pub fn new(content: &Arc<Content>, words: &Arc<Words>) -> Result<CardMaker, String> {
        let mut fonts = usvg::fontdb::Database::new();
        for font in FONTS {
            fonts.load_font_data(font.to_vec());
        }
        fonts.set_sans_serif_family(FONT_FAMILY);
        let options = usvg::Options {
            font_family: FONT_FAMILY.to_owned(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        let mut diagrams = Vec::new();
        for perspective in content.all_perspectives() {
            let html = Owner::new().with(|| {
                provide_words(Arc::clone(words));
                drawing(content, Orientation::Landscape, perspective, false).to_html()
            });
            let diagram = drop_empty_comments(&html)?;
            if !diagram.starts_with("<svg ") {
                return Err(format!(
                    "the diagram's drawing does not start with <svg: {}",
                    diagram.chars().take(40).collect::<String>()
                ));
            }
            diagrams.push((perspective, diagram));
        }
        Ok(CardMaker {
            options,
            diagrams,
            count: words.pager.count.clone(),
        })
    }

    /// A card as a PNG.
    pub fn png(&self, content: &Content, card: Card) -> Result<Vec<u8>, String> {
        usvg::Tree::from_str(&self.svg(content, card), &self.options)
            .map_err(|e| e.to_string())
            .and_then(|tree| draw(&tree, CARD_WIDTH, CARD_HEIGHT))
            .map_err(|e| format!("{}: {e}", card.name()))
    }

    /// The publisher's logo (an SVG) drawn as a PNG [`LOGO_HEIGHT`] pixels
    /// high with the card's fonts; returns it with its width.
    pub fn logo_png(&self, svg: &str) -> Result<(Vec<u8>, u32), String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let size = tree.size();
        let width =
            (f64::from(size.width()) * f64::from(LOGO_HEIGHT) / f64::from(size.height())).round();
        if !(1.0..=f64::from(LOGO_MAX_WIDTH)).contains(&width) {
            return Err(format!(
                "drawn {LOGO_HEIGHT} pixels high it would be {width} wide; it must fit in \
                 {LOGO_MAX_WIDTH} × {LOGO_HEIGHT}"
            ));
        }
        let width = width as u32;
        Ok((draw(&tree, width, LOGO_HEIGHT)?, width))
    }

    /// A card as SVG.
    pub fn svg(&self, content: &Content, card: Card) -> String {
        let (width, height) = (f64::from(CARD_WIDTH), f64::from(CARD_HEIGHT));
        let (diagram_width, diagram_height) = Orientation::Landscape.size();
        let scale = (width - MARGIN / 2.0 - PANEL_LEFT - 2.0 * PANEL_PADDING) / diagram_width;
        let panel_width = diagram_width * scale + 2.0 * PANEL_PADDING;
        let panel_height = diagram_height * scale + 2.0 * PANEL_PADDING;
        let panel_top = ((height - panel_height) / 2.0).round();
        // Above the rule: the explainer's title on a step's card, the
        // publisher's name on the explainer's own. Below: the step's count and
        // title, or the explainer's title.
        let (header, kicker, title, step) = match card {
            Card::Front { publisher } => (publisher, None, content.title.trim(), None),
            Card::Step(index) => (
                content.title.as_str(),
                Some(step_count(&self.count, index, content.steps.len())),
                content.steps[index].title.trim(),
                Some((index, &content.steps[index])),
            ),
        };

        let mut text = String::new();
        // The header, level with the panel's top.
        let (_, header) = fit_lines(
            header,
            &[HEADER_SIZE],
            TEXT_WIDTH,
            HEADER_LINES,
            |line, size| self.width(line, size, true),
        );
        let mut baseline = panel_top + HEADER_SIZE;
        for line in &header {
            text.push_str(&text_line(line, baseline, HEADER_SIZE, true, MUTED));
            baseline += HEADER_SIZE * 1.3;
        }
        let rule = baseline - HEADER_SIZE * 0.6;
        text.push_str(&format!(
            r#"<rect x="{MARGIN}" y="{}" width="64" height="4" fill="{INK}"/>"#,
            one_decimal(rule)
        ));
        baseline = rule + 24.0;
        if let Some(kicker) = kicker {
            baseline += KICKER_SIZE;
            text.push_str(&text_line(&kicker, baseline, KICKER_SIZE, true, LINK));
        }
        // The title, as large as fits between the kicker and the bottom margin.
        let room = height - MARGIN - baseline;
        let (size, lines) = fit_lines(
            title,
            &TITLE_SIZES,
            TEXT_WIDTH,
            TITLE_LINES,
            |line, size| self.width(line, size, true),
        );
        let leading = size * 1.18;
        let lines: Vec<_> = lines
            .into_iter()
            .take(((room - size * 0.4) / leading).floor().max(1.0) as usize)
            .collect();
        baseline += size * 0.5 + leading;
        for line in &lines {
            text.push_str(&text_line(line, baseline, size, true, INK));
            baseline += leading;
        }

        // The first perspective's picture, unless the step is about flows it
        // lacks: then the first perspective whose picture has them all.
        let has_the_steps_flows = |perspective: &Perspective| {
            step.is_none_or(|(_, step)| {
                content
                    .flows
                    .iter()
                    .filter(|f| step.flows.contains(&f.id))
                    .all(|f| content.flow_applies(f, *perspective))
            })
        };
        let perspective = content
            .all_perspectives()
            .find(has_the_steps_flows)
            .unwrap_or_default();
        let diagram = self
            .diagrams
            .iter()
            .find(|(p, _)| *p == perspective)
            .map_or("", |(_, svg)| svg.as_str());
        let drawing = diagram.replacen(
            "<svg ",
            &format!(
                r#"<svg x="{}" y="{}" width="{}" height="{}" "#,
                one_decimal(PANEL_LEFT + PANEL_PADDING),
                one_decimal(panel_top + PANEL_PADDING),
                one_decimal(diagram_width * scale),
                one_decimal(diagram_height * scale),
            ),
            1,
        );
        let lit = step.map(|(index, step)| (index, step.flows.len() <= MAX_LABELLED_FLOWS));
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" viewBox="0 0 {CARD_WIDTH} {CARD_HEIGHT}">
<style><![CDATA[{style}]]></style>
<rect width="{CARD_WIDTH}" height="{CARD_HEIGHT}" fill="{BACKGROUND}"/>
{text}
<rect x="{PANEL_LEFT}" y="{panel_top}" width="{panel_width}" height="{panel_height}" rx="10" fill="{PANEL}" stroke="{RULE}" stroke-width="1.5"/>
{drawing}
</svg>"#,
            style = card_style(lit),
            panel_width = one_decimal(panel_width),
            panel_height = one_decimal(panel_height),
        )
    }

    /// How wide `text` is drawn at `size` (its glyphs' extent).
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200">{}</svg>"#,
            text_line(text, 100.0, size, bold, INK)
        );
        usvg::Tree::from_str(&svg, &self.options)
            .map(|tree| f64::from(tree.root().abs_bounding_box().width()))
            .unwrap_or(f64::INFINITY)
    }
}

/// Draws an SVG tree scaled to `width` × `height` pixels, as a PNG.
fn draw(tree: &usvg::Tree, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or("the image's size is not drawable")?;
    let size = tree.size();
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(
            width as f32 / size.width(),
            height as f32 / size.height(),
        ),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// One line of the card's text, at the left margin.
fn text_line(text: &str, baseline: f64, size: f64, bold: bool, fill: &str) -> String {
    format!(
        r#"<text x="{MARGIN}" y="{}" font-size="{size}" font-weight="{}" fill="{fill}">{}</text>"#,
        one_decimal(baseline),
        if bold { 700 } else { 400 },
        escape_attribute(text)
    )
}

/// The page's diagram styles in the light palette (resvg knows no custom
/// properties; text a little smaller, as DejaVu Sans is wider than most
/// system fonts). With `lit` (a step's index, and whether its flows are few
/// enough to label), what that step highlights is drawn as the page draws the
/// current step: its places filled and outlined, its flows at full strength
/// and labelled, the others dimmed. Without, the whole diagram at full strength.
fn card_style(lit: Option<(usize, bool)>) -> String {
    let (dim, highlight) = match lit {
        None => ("1", String::new()),
        Some((index, labelled)) => {
            let lit = format!(r#"[{LIT_ATTRIBUTE}~="{index}"]"#);
            let labels = if labelled {
                format!(".{FLOW_CLASS}{lit} .{FLOW_LABEL_CLASS} {{ display: inline; }}")
            } else {
                String::new()
            };
            (
                "0.4",
                format!(
                    "
.{PLACE_CLASS}{lit} rect {{ fill: {HIGHLIGHT}; stroke: {INK}; stroke-width: 2.5; }}
.{PLACE_REGION_CLASS}{lit} rect {{ fill: none; }}
.{FLOW_CLASS}{lit} {{ opacity: 1; }}
.{FLOW_CLASS}{lit} .{FLOW_LINE_CLASS} {{ stroke-width: 3.5; }}
{labels}"
                ),
            )
        }
    };
    format!(
        "
.place rect {{ fill: {BACKGROUND}; stroke: {RULE}; stroke-width: 1.5; }}
.place-label {{ font-size: 13px; font-weight: 700; fill: {INK}; text-anchor: middle; }}
.place-detail {{ font-size: 10.5px; fill: {MUTED}; text-anchor: middle; }}
.place--region rect {{ fill: none; stroke-dasharray: 6 5; }}
.place--region .place-label, .place--region .place-detail {{ text-anchor: start; }}
.flow {{ opacity: {dim}; }}
.flow-hit {{ display: none; }}
.flow-line {{ fill: none; stroke: currentColor; stroke-width: 2.5; }}
.flow-head {{ fill: currentColor; }}
.flow--stated {{ color: #0b6a94; }}
.flow--reported {{ color: #a34606; }}
.flow--alleged {{ color: #b3261e; }}
.flow--planned {{ color: #5f5f5f; }}
.flow--reported .flow-line {{ stroke-dasharray: 10 4; }}
.flow--alleged .flow-line {{ stroke-dasharray: 3 4; }}
.flow--planned .flow-line {{ stroke-dasharray: 1 5; stroke-linecap: round; }}
.flow-label {{ display: none; font-size: 11.5px; font-weight: 700; fill: currentColor; stroke: {PANEL}; stroke-width: 5px; stroke-linejoin: round; }}
{highlight}
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped story's content.
    fn shipped() -> Result<Arc<Content>, String> {
        let text = explainer_core::story::StoryFiles::default_of_repository()?.content_text;
        let content =
            explainer_core::load_content("content.json", &text).map_err(|e| e.to_string())?;
        Ok(Arc::new(content))
    }

    #[test]
    fn the_explainers_own_card_shows_its_publisher_title_and_whole_diagram() -> Result<(), String> {
        let content = shipped()?;
        let cards = CardMaker::new(&content, &Arc::new(crate::words::english()?))?;
        let svg = cards.svg(
            &content,
            Card::Front {
                publisher: "A Desk",
            },
        );
        assert!(svg.contains(">A Desk</text>"), "no publisher");
        let first_word = content.title.split_whitespace().next().ok_or("no title")?;
        assert!(svg.contains(&escape_attribute(first_word)), "no title");
        assert!(
            !svg.contains(&format!("{LIT_ATTRIBUTE}~=")),
            "the front card highlights a step"
        );
        assert!(
            svg.contains(&format!(".{FLOW_CLASS} {{ opacity: 1; }}")),
            "the front card dims the flows"
        );
        let png = cards.png(
            &content,
            Card::Front {
                publisher: "A Desk",
            },
        )?;
        assert_eq!(png_size(&png), (CARD_WIDTH, CARD_HEIGHT));
        assert_ne!(png, cards.png(&content, Card::Step(0))?);
        Ok(())
    }

    #[test]
    fn a_logo_is_drawn_60_pixels_high_or_refused_when_too_wide() -> Result<(), String> {
        let cards = CardMaker::new(&shipped()?, &Arc::new(crate::words::english()?))?;
        let logo = |w: u32, h: u32| {
            format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"><rect width="{w}" height="{h}" fill="#123"/></svg>"##
            )
        };
        let (png, width) = cards.logo_png(&logo(330, 60))?;
        assert_eq!((width, png_size(&png)), (330, (330, LOGO_HEIGHT)));
        let (png, width) = cards.logo_png(&logo(100, 20))?;
        assert_eq!((width, png_size(&png)), (300, (300, LOGO_HEIGHT)));
        match cards.logo_png(&logo(700, 60)) {
            Ok(_) => return Err("a logo 700 wide was accepted".into()),
            Err(e) => assert!(e.contains("600"), "{e}"),
        }
        assert!(cards.logo_png("<svg").is_err());
        Ok(())
    }

    /// A PNG's width and height, from its header.
    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
        assert_eq!(&png[12..16], b"IHDR");
        let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        (word(16), word(20))
    }

    #[test]
    fn each_step_has_its_own_1200_by_630_card_with_its_title() -> Result<(), String> {
        let content = shipped()?;
        let cards = CardMaker::new(&content, &Arc::new(crate::words::english()?))?;
        let mut seen = Vec::new();
        for index in [0, 1, content.steps.len() - 1] {
            let svg = cards.svg(&content, Card::Step(index));
            let first_word = content.steps[index].title.split_whitespace().next();
            assert!(
                svg.contains(&format!(r#"[{LIT_ATTRIBUTE}~="{index}"]"#)),
                "the card's style highlights another step"
            );
            assert!(first_word.is_some_and(|w| svg.contains(&escape_attribute(w))));
            let png = cards.png(&content, Card::Step(index))?;
            assert_eq!(png_size(&png), (CARD_WIDTH, CARD_HEIGHT));
            assert!(
                !seen.contains(&png),
                "step {} has another step's card",
                index + 1
            );
            seen.push(png);
        }
        Ok(())
    }

    #[test]
    fn card_text_is_measured_with_the_shipped_fonts() -> Result<(), String> {
        let cards = CardMaker::new(&shipped()?, &Arc::new(crate::words::english()?))?;
        let (short, long) = (
            cards.width("Step", 40.0, true),
            cards.width("Step by step", 40.0, true),
        );
        assert!(short > 40.0 && short.is_finite(), "no font: {short}");
        assert!(long > 2.0 * short, "{short} {long}");
        Ok(())
    }
}
