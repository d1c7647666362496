//! Where the diagram draws places, arrows and labels.

use explainer_core::diagram::{layout, FlowShape, Orientation, Point, Rect, BOX_HEIGHT, BOX_WIDTH};
use explainer_core::{Content, FlowStatus, Perspective};

/// Three boxes and a region (listed last, so sorting is needed to draw it first).
/// `upload` and `download` join the same pair in opposite directions, `sync`
/// joins it in the same direction as `upload`, and `payout` is creator-only.
const CONTENT: &str = r#"{
  "title": "T", "dek": "D", "method": [],
  "answer": { "text": "t", "citations": [] },
  "perspectives": [
    { "id": "user", "label": "User", "only_tag": "users only" },
    { "id": "creator", "label": "Creator", "only_tag": "creators only" }
  ],
  "sources": [{ "id": "src", "title": "Article" }],
  "places": [
    { "id": "phone", "label": "Phone", "detail": "d", "x": 100, "y": 110, "step": "one" },
    { "id": "server", "label": "Server", "detail": "d", "x": 470, "y": 110, "step": "one" },
    { "id": "lab", "label": "Lab", "detail": "d", "x": 470, "y": 330, "step": "one" },
    { "id": "us", "label": "United States", "detail": "d", "x": 320, "y": 210,
      "width": 600, "height": 380, "step": "one" }
  ],
  "flows": [
    { "id": "upload", "from": "phone", "to": "server", "label": "l", "detail": "d", "attribution": "a",
      "status": "stated", "step": "one", "citations": [{ "id": "q1", "source": "src", "quote": "q", "speaker": "subject", "who": "W" }] },
    { "id": "download", "from": "server", "to": "phone", "label": "l", "detail": "d", "attribution": "a",
      "status": "reported", "step": "one", "citations": [{ "id": "q2", "source": "src", "quote": "q", "speaker": "outlet", "who": "W" }] },
    { "id": "sync", "from": "phone", "to": "server", "label": "l", "detail": "d", "attribution": "a",
      "status": "planned", "perspectives": ["user", "creator"], "step": "one",
      "citations": [{ "id": "q3", "source": "src", "quote": "q", "speaker": "subject", "who": "W" }] },
    { "id": "payout", "from": "lab", "to": "phone", "label": "l", "detail": "d", "attribution": "a",
      "status": "alleged", "perspectives": ["creator"], "step": "one",
      "citations": [{ "id": "q4", "source": "src", "quote": "q", "speaker": "outlet", "who": "W" }] },
    { "id": "audit", "from": "server", "to": "lab", "label": "l", "detail": "d", "attribution": "a",
      "status": "stated", "perspectives": ["user"], "step": "one",
      "citations": [{ "id": "q5", "source": "src", "quote": "q", "speaker": "subject", "who": "W" }] }
  ],
  "steps": [
    { "id": "one", "title": "One", "lead": "b",
      "citations": [{ "id": "q6", "source": "src", "quote": "q", "speaker": "outlet", "who": "W" }] }
  ]
}"#;

/// Geometry needs no citations, so the fixture is parsed without validation.
/// The fixture's two perspectives, in its order.
const USER: Perspective = Perspective::FIRST;
const CREATOR: Perspective = Perspective::nth(1);

fn content() -> Content {
    serde_json::from_str(CONTENT).unwrap_or_else(|e| panic!("{e}"))
}

fn flow<'a>(flows: &'a [FlowShape], id: &str) -> &'a FlowShape {
    flows
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no flow {id}"))
}

fn ids(flows: &[FlowShape]) -> Vec<&str> {
    flows.iter().map(|f| f.id.as_str()).collect()
}

/// The start, control and end points of an `M x,y Q cx,cy ex,ey` path.
fn path_points(path: &str) -> [Point; 3] {
    assert!(path.starts_with('M'), "path {path:?} does not start with M");
    let numbers: Vec<f64> = path
        .split(|c: char| c == 'M' || c == 'Q' || c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .unwrap_or_else(|_| panic!("bad number {s:?} in {path:?}"))
        })
        .collect();
    assert_eq!(numbers.len(), 6, "path {path:?}");
    assert!(
        path.contains(" Q"),
        "path {path:?} is not a quadratic curve"
    );
    let p = |i: usize| Point {
        x: numbers[i],
        y: numbers[i + 1],
    };
    [p(0), p(2), p(4)]
}

fn on_border(rect: &Rect, p: Point, tolerance: f64) -> bool {
    let (dx, dy) = ((p.x - rect.center.x).abs(), (p.y - rect.center.y).abs());
    let (hw, hh) = (rect.width / 2.0, rect.height / 2.0);
    let on_side = (dx - hw).abs() <= tolerance && dy <= hh + tolerance;
    let on_top_or_bottom = (dy - hh).abs() <= tolerance && dx <= hw + tolerance;
    on_side || on_top_or_bottom
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
    Rect {
        center: Point { x, y },
        width,
        height,
    }
}

fn assert_close(actual: Point, expected: Point) {
    assert!(
        distance(actual, expected) < 1e-9,
        "expected {expected:?}, got {actual:?}"
    );
}

// ------------------------------------------------------------------ places

#[test]
fn regions_come_first_and_boxes_keep_their_order() {
    let diagram = layout(&content(), USER, Orientation::Landscape);
    let order: Vec<&str> = diagram.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, ["us", "phone", "server", "lab"]);
    assert!(diagram.places[0].region);
    assert!(diagram.places[1..].iter().all(|p| !p.region));
}

#[test]
fn regions_use_their_size_and_boxes_the_standard_one() {
    let diagram = layout(&content(), USER, Orientation::Landscape);
    assert_eq!(diagram.places[0].rect, rect(320.0, 210.0, 600.0, 380.0));
    assert_eq!(
        diagram.places[1].rect,
        rect(100.0, 110.0, BOX_WIDTH, BOX_HEIGHT)
    );
}

// ------------------------------------------------------------------- flows

#[test]
fn creator_only_flow_is_drawn_only_for_creators() {
    let content = content();
    let user = layout(&content, USER, Orientation::Landscape);
    let creator = layout(&content, CREATOR, Orientation::Landscape);
    assert!(!ids(&user.flows).contains(&"payout"));
    assert!(ids(&creator.flows).contains(&"payout"));
    // And the user-only flow the other way round; shared flows in both.
    assert!(ids(&user.flows).contains(&"audit"));
    assert!(!ids(&creator.flows).contains(&"audit"));
    for shared in ["upload", "download", "sync"] {
        assert!(ids(&user.flows).contains(&shared));
        assert!(ids(&creator.flows).contains(&shared));
    }
    assert_eq!(flow(&creator.flows, "payout").status, FlowStatus::Alleged);
}

#[test]
fn every_flow_starts_and_ends_on_its_places_borders() {
    let content = content();
    for (perspective, orientation) in combinations() {
        let diagram = layout(&content, perspective, orientation);
        assert!(!diagram.flows.is_empty());
        for shape in &diagram.flows {
            let source = content.flows.iter().find(|f| f.id == shape.id).unwrap();
            let rect_of = |id: &str| diagram.places.iter().find(|p| p.id == id).unwrap().rect;
            let [start, _, end] = path_points(&shape.path);
            let (from, to) = (rect_of(&source.from), rect_of(&source.to));
            assert!(
                on_border(&from, start, 0.5),
                "{}: start {start:?} is not on {from:?}",
                shape.id
            );
            assert!(
                on_border(&to, end, 0.5),
                "{}: end {end:?} is not on {to:?}",
                shape.id
            );
        }
    }
}

#[test]
fn arrowhead_points_at_the_end_of_the_path() {
    let diagram = layout(&content(), CREATOR, Orientation::Landscape);
    for shape in &diagram.flows {
        let [_, _, end] = path_points(&shape.path);
        let tip: Vec<f64> = shape
            .arrowhead
            .split([' ', ','])
            .take(2)
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(
            distance(
                Point {
                    x: tip[0],
                    y: tip[1]
                },
                end
            ) < 0.11,
            "{}: arrowhead {} does not start at the path's end {end:?}",
            shape.id,
            shape.arrowhead
        );
        assert_eq!(shape.arrowhead.split(' ').count(), 3, "{}", shape.arrowhead);
    }
}

#[test]
fn flows_between_the_same_places_get_separate_labels() {
    let content = content();
    for (perspective, orientation) in combinations() {
        let diagram = layout(&content, perspective, orientation);
        // upload and sync go the same way, download the other way.
        let pair = ["upload", "sync", "download"];
        for (i, a) in pair.iter().enumerate() {
            for b in &pair[i + 1..] {
                let (la, lb) = (
                    flow(&diagram.flows, a).label_at,
                    flow(&diagram.flows, b).label_at,
                );
                assert!(
                    distance(la, lb) > 24.0,
                    "{perspective:?}: labels of {a} and {b} overlap: {la:?} {lb:?}"
                );
                assert_ne!(flow(&diagram.flows, a).path, flow(&diagram.flows, b).path);
            }
        }
    }
}

#[test]
fn a_flow_and_its_reverse_do_not_overlap() {
    let mut content = content();
    content
        .flows
        .retain(|f| f.id == "upload" || f.id == "download");
    let diagram = layout(&content, USER, Orientation::Landscape);
    let (up, down) = (
        flow(&diagram.flows, "upload"),
        flow(&diagram.flows, "download"),
    );
    assert!(
        distance(up.label_at, down.label_at) > 24.0,
        "{:?} {:?}",
        up.label_at,
        down.label_at
    );
    // The boxes are side by side, so the two labels sit on opposite sides of the line.
    let line_y = 110.0;
    assert!(
        (up.label_at.y - line_y) * (down.label_at.y - line_y) < 0.0,
        "{:?} {:?}",
        up.label_at,
        down.label_at
    );
}

#[test]
fn a_lone_flow_is_straight_between_the_boxes() {
    let content = content();
    let diagram = layout(&content, USER, Orientation::Landscape);
    let audit = flow(&diagram.flows, "audit");
    let [start, control, end] = path_points(&audit.path);
    // server (470,110) straight down to lab (470,330): bottom edge to top edge.
    assert_close(
        start,
        Point {
            x: 470.0,
            y: 110.0 + BOX_HEIGHT / 2.0,
        },
    );
    assert_close(
        end,
        Point {
            x: 470.0,
            y: 330.0 - BOX_HEIGHT / 2.0,
        },
    );
    assert_close(control, Point { x: 470.0, y: 220.0 });
    assert_close(audit.label_at, Point { x: 470.0, y: 220.0 });
}

#[test]
fn flows_to_unknown_places_are_skipped_not_fatal() {
    let mut content = content();
    content.flows[0].to = "nowhere".into();
    let diagram = layout(&content, USER, Orientation::Landscape);
    assert!(!ids(&diagram.flows).contains(&"upload"));
    assert!(ids(&diagram.flows).contains(&"download"));
}

// ----------------------------------------------------------- exit_towards

#[test]
fn exit_towards_the_right_leaves_through_the_right_edge() {
    let r = rect(100.0, 100.0, 150.0, 58.0);
    assert_close(
        r.exit_towards(Point { x: 400.0, y: 100.0 }),
        Point { x: 175.0, y: 100.0 },
    );
    // Even a target inside the box gives the border point in its direction.
    assert_close(
        r.exit_towards(Point { x: 101.0, y: 100.0 }),
        Point { x: 175.0, y: 100.0 },
    );
}

#[test]
fn exit_towards_up_leaves_through_the_top_edge() {
    let r = rect(100.0, 100.0, 150.0, 58.0);
    assert_close(
        r.exit_towards(Point { x: 100.0, y: -50.0 }),
        Point { x: 100.0, y: 71.0 },
    );
    assert_close(
        r.exit_towards(Point { x: 100.0, y: 300.0 }),
        Point { x: 100.0, y: 129.0 },
    );
    assert_close(
        r.exit_towards(Point { x: -90.0, y: 100.0 }),
        Point { x: 25.0, y: 100.0 },
    );
}

#[test]
fn exit_towards_a_diagonal_hits_the_nearer_edge() {
    let r = rect(100.0, 100.0, 150.0, 58.0);
    // 45 degrees: the short half-height (29) is reached first.
    assert_close(
        r.exit_towards(Point { x: 200.0, y: 200.0 }),
        Point { x: 129.0, y: 129.0 },
    );
    // Shallow slope (1 in 10): the right edge is reached first, 7.5 units down.
    assert_close(
        r.exit_towards(Point { x: 300.0, y: 120.0 }),
        Point { x: 175.0, y: 107.5 },
    );
    // Exactly through the corner.
    assert_close(
        r.exit_towards(Point { x: 250.0, y: 158.0 }),
        Point { x: 175.0, y: 129.0 },
    );
    assert_close(
        r.exit_towards(Point { x: -50.0, y: 42.0 }),
        Point { x: 25.0, y: 71.0 },
    );
}

#[test]
fn exit_towards_the_centre_itself_is_the_centre() {
    let r = rect(100.0, 100.0, 150.0, 58.0);
    assert_eq!(r.exit_towards(r.center), r.center);
    assert_eq!(r.left(), 25.0);
    assert_eq!(r.top(), 71.0);
}

/// Every perspective in every orientation.
fn combinations() -> Vec<(Perspective, Orientation)> {
    [USER, CREATOR]
        .into_iter()
        .flat_map(|p| Orientation::ALL.into_iter().map(move |o| (p, o)))
        .collect()
}

#[test]
fn portrait_transposes_positions_but_keeps_boxes_upright() {
    let content = content();
    let landscape = layout(&content, USER, Orientation::Landscape);
    let portrait = layout(&content, USER, Orientation::Portrait);
    for (l, p) in landscape.places.iter().zip(&portrait.places) {
        assert_eq!(l.id, p.id);
        assert_eq!(
            (l.rect.center.x, l.rect.center.y),
            (p.rect.center.y, p.rect.center.x)
        );
        if l.region {
            assert_eq!((l.rect.width, l.rect.height), (p.rect.height, p.rect.width));
        } else {
            assert_eq!((p.rect.width, p.rect.height), (BOX_WIDTH, BOX_HEIGHT));
        }
    }
    assert_eq!(Orientation::Portrait.view_box(), "0 0 420 640");
}

/// A point on a quadratic curve.
fn on_curve([a, c, b]: [Point; 3], t: f64) -> Point {
    let u = 1.0 - t;
    Point {
        x: u * u * a.x + 2.0 * u * t * c.x + t * t * b.x,
        y: u * u * a.y + 2.0 * u * t * c.y + t * t * b.y,
    }
}

fn holds(outer: &Rect, inner: &Rect) -> bool {
    let slack = 0.06; // one_decimal rounding of the view box
    outer.left() <= inner.left() + slack
        && outer.top() <= inner.top() + slack
        && outer.right() >= inner.right() - slack
        && outer.bottom() >= inner.bottom() - slack
}

/// Parses an SVG `viewBox` value into a rectangle.
fn view_box(value: &str) -> Rect {
    let n: Vec<f64> = value
        .split(' ')
        .map(|v| v.parse().unwrap_or_else(|e| panic!("{value:?}: {e}")))
        .collect();
    assert_eq!(n.len(), 4, "{value:?}");
    rect(n[0] + n[2] / 2.0, n[1] + n[3] / 2.0, n[2], n[3])
}

#[test]
fn a_flows_bounds_hold_its_whole_curve_and_touch_it() {
    for (perspective, orientation) in combinations() {
        for shape in layout(&content(), perspective, orientation).flows {
            let points = path_points(&shape.path);
            let samples: Vec<Point> = (0..=200)
                .map(|i| on_curve(points, i as f64 / 200.0))
                .collect();
            for p in &samples {
                assert!(
                    holds(&shape.bounds, &rect(p.x, p.y, 0.0, 0.0)),
                    "{} leaves its bounds at {p:?}",
                    shape.id
                );
            }
            // Tight: the curve comes within the arrowhead margin (plus rounding) of every side.
            let near = |edge: f64, value: fn(&Point) -> f64| {
                samples
                    .iter()
                    .any(|p| (value(p) - edge).abs() <= 11.0 + 0.2)
            };
            assert!(
                near(shape.bounds.left(), |p| p.x),
                "{}: loose left edge",
                shape.id
            );
            assert!(
                near(shape.bounds.right(), |p| p.x),
                "{}: loose right edge",
                shape.id
            );
            assert!(
                near(shape.bounds.top(), |p| p.y),
                "{}: loose top edge",
                shape.id
            );
            assert!(
                near(shape.bounds.bottom(), |p| p.y),
                "{}: loose bottom edge",
                shape.id
            );
        }
    }
}

#[test]
fn the_focus_box_holds_what_the_step_highlights_at_the_strips_shape() {
    use explainer_core::diagram::focus_view_box;
    let content = content();
    let drawing = layout(&content, USER, Orientation::Landscape);
    let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases: [(&[&str], &[&str]); 4] = [
        (&["phone"], &[]),
        (&["server"], &["upload"]),
        (&["phone", "lab"], &["audit"]),
        (
            &["phone", "server", "lab"],
            &["upload", "download", "sync", "audit"],
        ),
    ];
    for (places, flows) in cases {
        let focus = view_box(&focus_view_box(
            &drawing,
            Orientation::Landscape,
            &ids(places),
            &ids(flows),
            16.0 / 9.0,
            300.0,
        ));
        assert!(
            ((focus.width / focus.height) - 16.0 / 9.0).abs() < 0.01,
            "{focus:?}"
        );
        assert!(focus.width >= 299.9, "zoomed in too far: {focus:?}");
        let wanted = drawing
            .places
            .iter()
            .filter(|p| places.contains(&p.id.as_str()))
            .map(|p| p.rect)
            .chain(
                drawing
                    .flows
                    .iter()
                    .filter(|f| flows.contains(&f.id.as_str()))
                    .map(|f| f.bounds),
            );
        for part in wanted {
            assert!(
                holds(&focus, &part),
                "{places:?}/{flows:?}: {focus:?} misses {part:?}"
            );
        }
        // Within the drawing when it fits there.
        if focus.width <= 640.0 && focus.height <= 420.0 {
            assert!(
                holds(&rect(320.0, 210.0, 640.0, 420.0), &focus),
                "{focus:?} leaves the drawing"
            );
        }
    }
    // One box: zoomed in as far as allowed, around it.
    let one = view_box(&focus_view_box(
        &drawing,
        Orientation::Landscape,
        &ids(&["phone"]),
        &[],
        2.0,
        300.0,
    ));
    assert_eq!((one.width, one.height), (300.0, 150.0));
    // Nothing highlighted but the region: the region; nothing at all: the whole drawing.
    let region = view_box(&focus_view_box(
        &drawing,
        Orientation::Landscape,
        &ids(&["us"]),
        &[],
        2.0,
        300.0,
    ));
    assert!(region.width >= 600.0, "{region:?}");
    assert_eq!(
        focus_view_box(&drawing, Orientation::Landscape, &[], &[], 2.0, 300.0),
        Orientation::Landscape.view_box()
    );
}
