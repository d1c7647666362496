//! Geometry of the data-flow diagram, computed from the content so the SVG
//! component only draws: boxes for places, curved arrows for flows, and where
//! each arrow's label goes.

use crate::content::{Content, FlowStatus, Perspective};

/// Size of the diagram's coordinate space; places must lie inside it.
pub const DIAGRAM_WIDTH: f64 = 640.0;
/// Height of the diagram's coordinate space.
pub const DIAGRAM_HEIGHT: f64 = 420.0;

/// Size of an ordinary place's box, in diagram units.
pub const BOX_WIDTH: f64 = 176.0;
/// Height of an ordinary place's box.
pub const BOX_HEIGHT: f64 = 58.0;
/// The most characters a box's label holds on its one line (13.5 px bold; a
/// longer one runs past the box's edges), measured in Chromium and the cards' font.
pub const BOX_LABEL_MAX_CHARS: usize = 22;
/// The most characters a box's second line holds (11.5 px).
pub const BOX_DETAIL_MAX_CHARS: usize = 31;
/// Distance between parallel arrows joining the same two places.
const PARALLEL_SPACING: f64 = 44.0;
/// Length of an arrowhead along the arrow.
const ARROW_LENGTH: f64 = 11.0;
/// Half the width of an arrowhead's base.
const ARROW_HALF_WIDTH: f64 = 5.5;

/// Which way the diagram is drawn. Content positions are for [`Orientation::Landscape`];
/// narrow screens get the same picture transposed, so text stays legible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// 640 wide by 420 high: beside the text on wide screens.
    #[default]
    Landscape,
    /// 420 wide by 640 high: above the text on phones.
    Portrait,
}

impl Orientation {
    /// Both orientations.
    pub const ALL: [Orientation; 2] = [Orientation::Landscape, Orientation::Portrait];

    /// Width and height of the drawing area.
    pub fn size(self) -> (f64, f64) {
        match self {
            Orientation::Landscape => (DIAGRAM_WIDTH, DIAGRAM_HEIGHT),
            Orientation::Portrait => (DIAGRAM_HEIGHT, DIAGRAM_WIDTH),
        }
    }

    /// The SVG `viewBox` attribute.
    pub fn view_box(self) -> String {
        let (w, h) = self.size();
        format!("0 0 {} {}", w as u32, h as u32)
    }

    /// Where a content position (and a region's size) lands in this orientation.
    pub fn place(self, x: f64, y: f64, size: (f64, f64), region: bool) -> Rect {
        let (center, (width, height)) = match self {
            Orientation::Landscape => (Point { x, y }, size),
            // Boxes keep their shape so labels stay horizontal; regions turn with the picture.
            Orientation::Portrait => (
                Point { x: y, y: x },
                if region { (size.1, size.0) } else { size },
            ),
        };
        Rect {
            center,
            width,
            height,
        }
    }
}

/// A coordinate as SVG text with one decimal, e.g. `12.5`, `-3.0`.
///
/// Integer arithmetic instead of `format!("{:.1}")`: float formatting would
/// add kilobytes of code to the wasm for no visible difference.
///
/// ```
/// use explainer_core::diagram::one_decimal;
/// assert_eq!(one_decimal(12.46), "12.5");
/// assert_eq!(one_decimal(-0.04), "0.0");
/// assert_eq!(one_decimal(-3.25), "-3.3");
/// ```
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

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

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.center.x + self.width / 2.0
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.center.y + self.height / 2.0
    }

    /// Whether the rectangle lies wholly inside `width` by `height` from the origin.
    pub fn fits_in(&self, width: f64, height: f64) -> bool {
        self.left() >= 0.0 && self.top() >= 0.0 && self.right() <= width && self.bottom() <= height
    }

    /// The rectangle with `margin` added on every side.
    pub fn grown(&self, margin: f64) -> Rect {
        Rect {
            center: self.center,
            width: self.width + 2.0 * margin,
            height: self.height + 2.0 * margin,
        }
    }

    /// Its area.
    pub fn area(&self) -> f64 {
        self.width * self.height
    }

    /// The area it shares with `other`.
    pub fn overlap(&self, other: &Rect) -> f64 {
        let across = self.right().min(other.right()) - self.left().max(other.left());
        let down = self.bottom().min(other.bottom()) - self.top().max(other.top());
        across.max(0.0) * down.max(0.0)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect::spanning(
            self.left().min(other.left()),
            self.top().min(other.top()),
            self.right().max(other.right()),
            self.bottom().max(other.bottom()),
        )
    }

    /// The rectangle from `(left, top)` to `(right, bottom)`.
    pub fn spanning(left: f64, top: f64, right: f64, bottom: f64) -> Rect {
        Rect {
            center: Point {
                x: (left + right) / 2.0,
                y: (top + bottom) / 2.0,
            },
            width: right - left,
            height: bottom - top,
        }
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

impl PlaceShape {
    /// Where its two lines of text go: the label's and the detail's anchor `x`,
    /// then each line's baseline. A box centres them; a region writes them as a
    /// heading at its top left.
    pub fn text_at(&self) -> (f64, f64, f64) {
        let rect = self.rect;
        if self.region {
            (rect.left() + 12.0, rect.top() + 20.0, rect.top() + 36.0)
        } else {
            (rect.center.x, rect.center.y - 3.0, rect.center.y + 15.0)
        }
    }
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
    /// Where the label is anchored (its `text-anchor` point, at mid-height).
    pub label_at: Point,
    /// Which end of the label sits at `label_at`.
    pub label_anchor: LabelAnchor,
    /// The room the label takes (an estimate from its length, with its halo).
    pub label_box: Rect,
    /// How firmly the flow is established (drawn as a line style).
    pub status: FlowStatus,
    /// The smallest box holding the line and its arrowhead.
    pub bounds: Rect,
}

/// Which end of an arrow's label sits at its point: SVG's `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelAnchor {
    /// The label starts at its point and runs right.
    Start,
    /// The label is centred on its point.
    Middle,
    /// The label ends at its point.
    End,
}

impl LabelAnchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            LabelAnchor::Start => "start",
            LabelAnchor::Middle => "middle",
            LabelAnchor::End => "end",
        }
    }
}

/// Width of one character of an arrow's label as drawn (12.5 px bold, with its
/// halo): "Engineers’ access, 2021–22, per BuzzFeed" is 289 px wide in Chromium.
pub const LABEL_CHAR_WIDTH: f64 = 7.4;
/// Height of an arrow's label with its halo.
pub const LABEL_HEIGHT: f64 = 16.0;
/// Above this many highlighted flows, a step's labels show only on hover or
/// focus (the page and the cards mark such steps crowded).
pub const MAX_LABELLED_FLOWS: usize = 3;
/// Room kept between a label and a box, or a label and its own point when it
/// is moved to one side of it.
const LABEL_GAP: f64 = 4.0;

/// Everything the diagram draws for one perspective.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramLayout {
    /// Places, regions first so they sit behind the boxes.
    pub places: Vec<PlaceShape>,
    /// Flows that apply to the perspective.
    pub flows: Vec<FlowShape>,
}

/// Lays out the diagram for a perspective and orientation. Flows to unknown
/// places are skipped (validation reports them; drawing must not fail).
pub fn layout(
    content: &Content,
    perspective: Perspective,
    orientation: Orientation,
) -> DiagramLayout {
    let mut places: Vec<PlaceShape> = content
        .places
        .iter()
        .map(|p| {
            let size = p.region_size().unwrap_or((BOX_WIDTH, BOX_HEIGHT));
            PlaceShape {
                id: p.id.clone(),
                rect: orientation.place(p.x, p.y, size, p.region_size().is_some()),
                region: p.region_size().is_some(),
            }
        })
        .collect();
    places.sort_by_key(|p| !p.region);

    let visible: Vec<_> = content
        .flows
        .iter()
        .filter(|f| content.flow_applies(f, perspective))
        .collect();
    let shape_of = |id: &str| places.iter().find(|p| p.id == id).cloned();
    let same_pair = |a: &crate::Flow, b: &crate::Flow| {
        (a.from == b.from && a.to == b.to) || (a.from == b.to && a.to == b.from)
    };

    let mut routes: Vec<Route> = visible
        .iter()
        .filter_map(|flow| {
            let (from, to) = (shape_of(&flow.from)?, shape_of(&flow.to)?);
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
            offset += flow.bend;
            let route = if from.region || to.region {
                straight_from_region(&from, &to, offset)
            } else {
                // The portrait drawing mirrors the landscape one across its
                // diagonal, which turns left bends into right ones: undo that.
                let mirrored = if orientation == Orientation::Portrait {
                    -offset
                } else {
                    offset
                };
                curve(from.rect, to.rect, mirrored)
            };
            // Labels of parallel flows sit at different points along their
            // lines, so they do not overlap where the lines run side by side.
            let label_t =
                0.5 + (index as f64 - (siblings.len() as f64 - 1.0) / 2.0) * LABEL_STAGGER;
            Some(Route {
                id: flow.id.clone(),
                to: flow.to.clone(),
                target: to.rect,
                status: flow.status,
                label_t,
                ..route
            })
        })
        .collect();
    spread_arrivals(&mut routes);
    let mut flows: Vec<FlowShape> = routes.into_iter().map(Route::into_shape).collect();
    place_labels(&mut flows, &places, content, perspective, orientation);
    DiagramLayout { places, flows }
}

/// Moves each arrow's label off the boxes, the regions' headings and the labels
/// placed before it that a step shows with it: centred on its line where that is clear, else beside its
/// point, else a line or two above or below, whichever covers least (the
/// nearest on a tie).
fn place_labels(
    flows: &mut [FlowShape],
    places: &[PlaceShape],
    content: &Content,
    perspective: Perspective,
    orientation: Orientation,
) {
    let perspective_id = content.perspective_id(perspective);
    let boxes: Vec<Rect> = places
        .iter()
        .filter_map(|shape| {
            let place = content.place(&shape.id)?;
            Some(if shape.region {
                // A region's heading: its label (13.5 px bold) over its detail (11.5 px).
                let width = (place.label_for(perspective_id).chars().count() as f64 * 8.4)
                    .max(place.detail.chars().count() as f64 * 6.6);
                let (x, label_y, detail_y) = shape.text_at();
                Rect::spanning(x - 4.0, label_y - 14.0, x + width + 4.0, detail_y + 6.0)
            } else {
                shape.rect.grown(LABEL_GAP)
            })
        })
        .collect();
    // Labels show together when a step that is not crowded lights their flows.
    let together = |a: &str, b: &str| {
        content.steps.iter().any(|s| {
            s.flows.len() <= MAX_LABELLED_FLOWS
                && s.flows.iter().any(|f| f == a)
                && s.flows.iter().any(|f| f == b)
        })
    };
    let (width, height) = orientation.size();
    let mut placed: Vec<(String, Rect)> = Vec::new();
    for flow in flows.iter_mut() {
        let chars = content
            .flows
            .iter()
            .find(|f| f.id == flow.id)
            .map_or(0, |f| f.label.plain().chars().count());
        let label_width = chars as f64 * LABEL_CHAR_WIDTH;
        let at = flow.label_at;
        // On its point, then beside it, then a line or two above or below.
        let candidates = [0.0, -1.0, 1.0, -2.0, 2.0, -3.0, 3.0]
            .into_iter()
            .flat_map(|lines| {
                let y = at.y + lines * LABEL_HEIGHT;
                [
                    (LabelAnchor::Middle, Point { x: at.x, y }),
                    (
                        LabelAnchor::End,
                        Point {
                            x: at.x - LABEL_GAP,
                            y,
                        },
                    ),
                    (
                        LabelAnchor::Start,
                        Point {
                            x: at.x + LABEL_GAP,
                            y,
                        },
                    ),
                ]
            });
        let taken: Vec<Rect> = boxes
            .iter()
            .copied()
            .chain(
                placed
                    .iter()
                    .filter(|(id, _)| together(id, &flow.id))
                    .map(|(_, room)| *room),
            )
            .collect();
        let covered = |room: &Rect| {
            let outside = room.area() - room.overlap(&Rect::spanning(0.0, 0.0, width, height));
            taken.iter().map(|t| t.overlap(room)).sum::<f64>() + outside
        };
        let Some((anchor, point, room)) = candidates
            .map(|(anchor, point)| label_room(anchor, point, label_width, width))
            .min_by(|a, b| covered(&a.2).total_cmp(&covered(&b.2)))
        else {
            continue;
        };
        flow.label_at = point;
        flow.label_anchor = anchor;
        flow.label_box = room;
        placed.push((flow.id.clone(), room));
    }
}

/// A label `width` wide anchored at `point`, moved sideways into a drawing
/// `drawing_width` wide (keeping a gap from its edges) where it would run out of
/// it: its anchor, its point and the room it takes.
fn label_room(
    anchor: LabelAnchor,
    point: Point,
    width: f64,
    drawing_width: f64,
) -> (LabelAnchor, Point, Rect) {
    let left = match anchor {
        LabelAnchor::Start => point.x,
        LabelAnchor::Middle => point.x - width / 2.0,
        LabelAnchor::End => point.x - width,
    };
    let shift = left.clamp(
        LABEL_GAP,
        (drawing_width - width - LABEL_GAP).max(LABEL_GAP),
    ) - left;
    let room = Rect::spanning(
        left + shift,
        point.y - LABEL_HEIGHT / 2.0,
        left + shift + width,
        point.y + LABEL_HEIGHT / 2.0,
    );
    let point = Point {
        x: point.x + shift,
        ..point
    };
    (anchor, point, room)
}

/// How far apart along their lines (as a share of the line) the labels of
/// parallel flows sit.
const LABEL_STAGGER: f64 = 0.2;

/// Gap between the arrowheads of flows that end at the same place: wider than an
/// arrow's click area, so each arrow can be selected right up to its head.
const ARRIVAL_SPACING: f64 = 14.0;

/// A flow's line before it is turned into SVG.
#[derive(Debug, Clone)]
struct Route {
    id: String,
    to: String,
    target: Rect,
    status: FlowStatus,
    start: Point,
    control: Point,
    end: Point,
    /// Drawn straight: the control point stays midway between the ends.
    straight: bool,
    /// Where along the line (0 at the start, 1 at the end) the label sits.
    label_t: f64,
}

impl Route {
    fn new(start: Point, control: Point, end: Point, straight: bool) -> Route {
        Route {
            id: String::new(),
            to: String::new(),
            target: Rect {
                center: end,
                width: 0.0,
                height: 0.0,
            },
            status: FlowStatus::Stated,
            start,
            control,
            end,
            straight,
            label_t: 0.5,
        }
    }

    fn into_shape(self) -> FlowShape {
        let Route {
            start,
            control,
            end,
            label_t: t,
            ..
        } = self;
        let u = 1.0 - t;
        let label_at = Point {
            x: u * u * start.x + 2.0 * u * t * control.x + t * t * end.x,
            y: u * u * start.y + 2.0 * u * t * control.y + t * t * end.y,
        };
        FlowShape {
            id: self.id,
            path: format!(
                "M{},{} Q{},{} {},{}",
                one_decimal(start.x),
                one_decimal(start.y),
                one_decimal(control.x),
                one_decimal(control.y),
                one_decimal(end.x),
                one_decimal(end.y)
            ),
            arrowhead: arrowhead(control, end),
            label_at,
            label_anchor: LabelAnchor::Middle,
            // Placed by `place_labels`, once every line is drawn.
            label_box: Rect {
                center: label_at,
                width: 0.0,
                height: 0.0,
            },
            status: self.status,
            bounds: curve_bounds(start, control, end).grown(ARROW_LENGTH),
        }
    }
}

/// Flows ending at the same place get their own spot on its edge, in the order
/// they arrive from, so their lines do not merge near the arrowheads.
fn spread_arrivals(routes: &mut [Route]) {
    let mut targets: Vec<String> = routes.iter().map(|r| r.to.clone()).collect();
    targets.sort();
    targets.dedup();
    for target in targets {
        let mut arriving: Vec<usize> = (0..routes.len())
            .filter(|&i| routes[i].to == target)
            .collect();
        if arriving.len() < 2 {
            continue;
        }
        let rect = routes[arriving[0]].target;
        let on_side =
            |p: Point| (p.x - rect.left()).abs() < 0.5 || (p.x - rect.right()).abs() < 0.5;
        let sideways =
            arriving.iter().filter(|&&i| on_side(routes[i].end)).count() * 2 >= arriving.len();
        let along = |p: Point| if sideways { p.y } else { p.x };
        arriving.sort_by(|&a, &b| along(routes[a].control).total_cmp(&along(routes[b].control)));
        let count = arriving.len() as f64;
        for (slot, &i) in arriving.iter().enumerate() {
            let shift = (slot as f64 - (count - 1.0) / 2.0) * ARRIVAL_SPACING;
            let route = &mut routes[i];
            let (c, half_w, half_h) = (rect.center, rect.width / 2.0, rect.height / 2.0);
            // Aim at the shifted spot and land where that line meets the edge.
            let aim = if sideways {
                Point {
                    x: c.x,
                    y: (c.y + shift).clamp(c.y - half_h + 4.0, c.y + half_h - 4.0),
                }
            } else {
                Point {
                    x: (c.x + shift).clamp(c.x - half_w + 4.0, c.x + half_w - 4.0),
                    y: c.y,
                }
            };
            let end = if sideways {
                let x = if route.control.x < c.x {
                    rect.left()
                } else {
                    rect.right()
                };
                Point { x, y: aim.y }
            } else {
                let y = if route.control.y < c.y {
                    rect.top()
                } else {
                    rect.bottom()
                };
                Point { x: aim.x, y }
            };
            route.end = end;
            if route.straight {
                route.control = Point {
                    x: (route.start.x + end.x) / 2.0,
                    y: (route.start.y + end.y) / 2.0,
                };
            }
        }
    }
}

/// A quadratic curve from `from` to `to`, bowed sideways by `offset`.
fn curve(from: Rect, to: Rect, offset: f64) -> Route {
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
    Route::new(
        from.exit_towards(control),
        control,
        to.exit_towards(control),
        false,
    )
}

/// A flow between a region and a place outside it: a near-straight line from the
/// region's edge facing the place, parallel flows spread along that edge, so they
/// do not loop around the places inside the region.
fn straight_from_region(from: &PlaceShape, to: &PlaceShape, offset: f64) -> Route {
    let (region, other) = if from.region {
        (from.rect, to.rect)
    } else {
        (to.rect, from.rect)
    };
    let target = other.center;
    let facing_sideways = target.x > region.right() || target.x < region.left();
    let edge_point = if facing_sideways {
        let x = if target.x > region.right() {
            region.right()
        } else {
            region.left()
        };
        Point {
            x,
            y: (target.y + offset).clamp(region.top(), region.bottom()),
        }
    } else {
        let y = if target.y > region.bottom() {
            region.bottom()
        } else {
            region.top()
        };
        Point {
            x: (target.x + offset).clamp(region.left(), region.right()),
            y,
        }
    };
    let aim = if facing_sideways {
        Point {
            x: edge_point.x,
            y: target.y + offset / 2.0,
        }
    } else {
        Point {
            x: target.x + offset / 2.0,
            y: edge_point.y,
        }
    };
    let other_point = other.exit_towards(aim);
    let (start, end) = if from.region {
        (edge_point, other_point)
    } else {
        (other_point, edge_point)
    };
    let middle = Point {
        x: (start.x + end.x) / 2.0,
        y: (start.y + end.y) / 2.0,
    };
    Route::new(start, middle, end, true)
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
        "{},{} {},{} {},{}",
        one_decimal(tip.x),
        one_decimal(tip.y),
        one_decimal(base.x - uy * ARROW_HALF_WIDTH),
        one_decimal(base.y + ux * ARROW_HALF_WIDTH),
        one_decimal(base.x + uy * ARROW_HALF_WIDTH),
        one_decimal(base.y - ux * ARROW_HALF_WIDTH),
    )
}

/// The exact bounding box of a quadratic curve: its ends, and on each axis the
/// point where the curve turns, if it turns between them.
fn curve_bounds(start: Point, control: Point, end: Point) -> Rect {
    let extremes = |a: f64, c: f64, b: f64| {
        let mut low = a.min(b);
        let mut high = a.max(b);
        let denominator = a - 2.0 * c + b;
        if denominator.abs() > f64::EPSILON {
            let t = (a - c) / denominator;
            if (0.0..=1.0).contains(&t) {
                let u = 1.0 - t;
                let turn = u * u * a + 2.0 * u * t * c + t * t * b;
                low = low.min(turn);
                high = high.max(turn);
            }
        }
        (low, high)
    };
    let (left, right) = extremes(start.x, control.x, end.x);
    let (top, bottom) = extremes(start.y, control.y, end.y);
    Rect::spanning(left, top, right, bottom)
}

/// The part of the drawing to show in a small strip for one step: the places
/// and flows the step highlights, with a margin, widened or heightened to the
/// strip's `aspect` (width / height) and never zoomed in beyond `min_width`
/// units across, then moved inside the drawing where it fits. A step that
/// highlights nothing gets the whole drawing. Regions count only when the step
/// highlights nothing else (a region spans half the map).
///
/// Returned as an SVG `viewBox` value, e.g. `"12.0 0.0 320.0 180.0"`.
pub fn focus_view_box(
    layout: &DiagramLayout,
    orientation: Orientation,
    places: &[String],
    flows: &[String],
    aspect: f64,
    min_width: f64,
) -> String {
    let (drawing_width, drawing_height) = orientation.size();
    let lit_places = |regions: bool| {
        layout
            .places
            .iter()
            .filter(move |p| p.region == regions && places.contains(&p.id))
            .map(|p| p.rect)
    };
    let lit_flows = layout
        .flows
        .iter()
        .filter(|f| flows.contains(&f.id))
        .map(|f| f.bounds.union(&f.label_box));
    let mut boxes: Vec<Rect> = lit_places(false).chain(lit_flows).collect();
    if boxes.is_empty() {
        boxes = lit_places(true).collect();
    }
    let Some(first) = boxes.first() else {
        return orientation.view_box();
    };
    let focus = boxes
        .iter()
        .fold(*first, |all, next| all.union(next))
        .grown(FOCUS_MARGIN);
    let width = focus.width.max(focus.height * aspect).max(min_width);
    let height = width / aspect;
    // Inside the drawing where the box fits; centred on it where it does not.
    let place = |center: f64, size: f64, limit: f64| {
        if size >= limit {
            (limit - size) / 2.0
        } else {
            (center - size / 2.0).clamp(0.0, limit - size)
        }
    };
    let left = place(focus.center.x, width, drawing_width);
    let top = place(focus.center.y, height, drawing_height);
    [left, top, width, height]
        .into_iter()
        .map(one_decimal)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Room around the highlighted part of the drawing when it is shown zoomed in.
const FOCUS_MARGIN: f64 = 14.0;
