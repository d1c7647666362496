//! Geometry of the data-flow diagram, computed from the content so the SVG
//! component only draws: boxes for places, curved arrows for flows, and where
//! each arrow's label goes.

use crate::content::{Content, FlowStatus, Perspective};

/// Size of an ordinary place's box, in diagram units.
pub const BOX_WIDTH: f64 = 170.0;
/// Height of an ordinary place's box.
pub const BOX_HEIGHT: f64 = 58.0;
/// Distance between parallel arrows joining the same two places.
const PARALLEL_SPACING: f64 = 44.0;
/// Length of an arrowhead along the arrow.
const ARROW_LENGTH: f64 = 11.0;
/// Half the width of an arrowhead's base.
const ARROW_HALF_WIDTH: f64 = 5.5;

/// A point in diagram units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Horizontal position, growing rightwards.
    pub x: f64,
    /// Vertical position, growing downwards.
    pub y: f64,
}

/// An axis-aligned rectangle given by its centre and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Centre of the rectangle.
    pub center: Point,
    /// Full width.
    pub width: f64,
    /// Full height.
    pub height: f64,
}

impl Rect {
    /// Left edge.
    pub fn left(&self) -> f64 {
        self.center.x - self.width / 2.0
    }

    /// Top edge.
    pub fn top(&self) -> f64 {
        self.center.y - self.height / 2.0
    }

    /// Where the ray from the centre towards `toward` leaves the rectangle.
    pub fn exit_towards(&self, toward: Point) -> Point {
        let (dx, dy) = (toward.x - self.center.x, toward.y - self.center.y);
        if dx == 0.0 && dy == 0.0 {
            return self.center;
        }
        let tx = if dx == 0.0 {
            f64::INFINITY
        } else {
            (self.width / 2.0) / dx.abs()
        };
        let ty = if dy == 0.0 {
            f64::INFINITY
        } else {
            (self.height / 2.0) / dy.abs()
        };
        let t = tx.min(ty);
        Point {
            x: self.center.x + dx * t,
            y: self.center.y + dy * t,
        }
    }
}

/// A place as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceShape {
    /// The place's id.
    pub id: String,
    /// Its box (or, for a region, the area it encloses).
    pub rect: Rect,
    /// Whether it is a region drawn behind the other places.
    pub region: bool,
}

/// A flow as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowShape {
    /// The flow's id.
    pub id: String,
    /// SVG path data of the curve.
    pub path: String,
    /// SVG points of the arrowhead polygon at the destination.
    pub arrowhead: String,
    /// Where the label is centred.
    pub label_at: Point,
    /// How firmly the flow is established (drawn as a line style).
    pub status: FlowStatus,
}

/// Everything the diagram draws for one perspective.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramLayout {
    /// Places, regions first so they sit behind the boxes.
    pub places: Vec<PlaceShape>,
    /// Flows that apply to the perspective.
    pub flows: Vec<FlowShape>,
}

/// Lays out the diagram for a perspective. Flows to unknown places are skipped
/// (validation reports them; drawing must not fail).
pub fn layout(content: &Content, perspective: Perspective) -> DiagramLayout {
    let mut places: Vec<PlaceShape> = content
        .places
        .iter()
        .map(|p| {
            let (width, height) = p.region_size().unwrap_or((BOX_WIDTH, BOX_HEIGHT));
            PlaceShape {
                id: p.id.clone(),
                rect: Rect {
                    center: Point { x: p.x, y: p.y },
                    width,
                    height,
                },
                region: p.region_size().is_some(),
            }
        })
        .collect();
    places.sort_by_key(|p| !p.region);

    let visible: Vec<_> = content
        .flows
        .iter()
        .filter(|f| f.applies_to(perspective))
        .collect();
    let rect_of = |id: &str| places.iter().find(|p| p.id == id).map(|p| p.rect);
    let same_pair = |a: &crate::Flow, b: &crate::Flow| {
        (a.from == b.from && a.to == b.to) || (a.from == b.to && a.to == b.from)
    };

    let flows = visible
        .iter()
        .filter_map(|flow| {
            let (from, to) = (rect_of(&flow.from)?, rect_of(&flow.to)?);
            let siblings: Vec<_> = visible.iter().filter(|f| same_pair(f, flow)).collect();
            let index = siblings.iter().position(|f| f.id == flow.id).unwrap_or(0);
            // Offsets are measured in one fixed direction per pair, so a flow
            // going back the other way does not land on top of its sibling.
            let reversed = flow.from > flow.to;
            let mut offset =
                (index as f64 - (siblings.len() as f64 - 1.0) / 2.0) * PARALLEL_SPACING;
            if reversed {
                offset = -offset;
            }
            Some(curve(flow.id.clone(), from, to, offset, flow.status))
        })
        .collect();
    DiagramLayout { places, flows }
}

/// A quadratic curve from `from` to `to`, bowed sideways by `offset`.
fn curve(id: String, from: Rect, to: Rect, offset: f64, status: FlowStatus) -> FlowShape {
    let (a, b) = (from.center, to.center);
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let normal = Point {
        x: -dy / length,
        y: dx / length,
    };
    // A quadratic curve passes through half of its control point's offset.
    let control = Point {
        x: (a.x + b.x) / 2.0 + normal.x * offset * 2.0,
        y: (a.y + b.y) / 2.0 + normal.y * offset * 2.0,
    };
    let start = from.exit_towards(control);
    let end = to.exit_towards(control);
    let label_at = Point {
        x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
        y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
    };
    FlowShape {
        id,
        path: format!(
            "M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}",
            start.x, start.y, control.x, control.y, end.x, end.y
        ),
        arrowhead: arrowhead(control, end),
        label_at,
        status,
    }
}

/// A triangle at `tip`, pointing along the direction from `from` to `tip`.
fn arrowhead(from: Point, tip: Point) -> String {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let base = Point {
        x: tip.x - ux * ARROW_LENGTH,
        y: tip.y - uy * ARROW_LENGTH,
    };
    format!(
        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
        tip.x,
        tip.y,
        base.x - uy * ARROW_HALF_WIDTH,
        base.y + ux * ARROW_HALF_WIDTH,
        base.x + uy * ARROW_HALF_WIDTH,
        base.y - ux * ARROW_HALF_WIDTH
    )
}
