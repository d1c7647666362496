//! The shipped content tells the whole story the explainer promises.

mod sources_dir;

use explainer_core::{FlowStatus, Side, Speaker};

/// The field list must follow the model: serialize the shipped content and compare keys.
#[test]
fn top_level_fields_match_the_model() {
    let content: explainer_core::Content =
        serde_json::from_str(&sources_dir::shipped_text()).expect("shipped content parses");
    let value = serde_json::to_value(&content).expect("content serializes");
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = explainer_core::structure::TOP_LEVEL_FIELDS.to_vec();
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn content_has_at_least_seven_steps_each_cited_with_a_short_lead() {
    let content = sources_dir::shipped_content();
    assert!(
        content.steps.len() >= 7,
        "only {} steps",
        content.steps.len()
    );
    for step in &content.steps {
        assert!(
            !step.citations.is_empty(),
            "step {} has no citation",
            step.id
        );
        let lead = explainer_core::reading::cited_words(&step.lead);
        assert!(
            lead <= explainer_core::reading::LEAD_MAX_WORDS,
            "step {} has a lead of {lead} words",
            step.id
        );
        assert!(
            step.lead.sentences().iter().all(|s| !s.refs.is_empty()),
            "step {}'s lead has an uncited sentence",
            step.id
        );
    }
    let answer = content.answer.text.sentences();
    assert!(
        !answer.is_empty() && answer.len() <= explainer_core::reading::ANSWER_MAX_SENTENCES,
        "the answer has {} sentences",
        answer.len()
    );
    assert!(!content.answer.citations.is_empty());
}

#[test]
fn every_source_is_cited_by_some_step() {
    let content = sources_dir::shipped_content();
    for source in &content.sources {
        assert!(
            !content.steps_citing(&source.id).is_empty(),
            "source {} is cited by no step",
            source.id
        );
    }
}

#[test]
fn diagram_has_the_required_places() {
    let content = sources_dir::shipped_content();
    for id in ["device", "oracle", "tiktok-us", "singapore", "china"] {
        assert!(content.place(id).is_some(), "missing place {id}");
    }
}

#[test]
fn creator_perspective_adds_a_path_the_user_does_not_have() {
    let content = sources_dir::shipped_content();
    let creator_only: Vec<_> = content
        .flows
        .iter()
        .filter(|f| f.applies_to("creator") && !f.applies_to("user"))
        .collect();
    assert!(!creator_only.is_empty(), "no creator-only flow");
    assert!(content
        .steps
        .iter()
        .any(|s| s.perspective_notes.contains_key("creator")));
}

#[test]
fn disputes_show_both_sides_and_all_voices_appear() {
    let content = sources_dir::shipped_content();
    let disputed: Vec<_> = content
        .steps
        .iter()
        .filter(|s| s.dispute.is_some())
        .collect();
    assert!(!disputed.is_empty());
    // Each dispute has a point on each side, each point citing one side only.
    for step in &disputed {
        let scope = explainer_core::QuoteScope::new(&step.citations);
        let sides: Vec<Vec<Side>> = step
            .details
            .iter()
            .map(|d| {
                let mut sides: Vec<Side> = d
                    .sentences()
                    .iter()
                    .flat_map(|s| scope.resolve_all(&s.refs))
                    .map(|q| q.speaker.side())
                    .collect();
                sides.dedup();
                sides
            })
            .collect();
        assert!(
            sides.iter().all(|s| s.len() == 1),
            "step {}: {sides:?}",
            step.id
        );
        for side in [Side::Subject, Side::Others] {
            assert!(
                sides.iter().any(|s| s[0] == side),
                "step {}: no point for {side:?}",
                step.id
            );
        }
    }
    let speakers: Vec<Speaker> = content
        .steps
        .iter()
        .flat_map(|s| s.citations.iter().map(|c| c.speaker))
        .collect();
    for speaker in Speaker::ALL {
        assert!(speakers.contains(&speaker), "no step quotes {speaker:?}");
    }
    assert!(content
        .flows
        .iter()
        .any(|f| f.status == FlowStatus::Alleged));
}

/// Points along a flow's quadratic curve, parsed from its SVG path.
fn sample(path: &str, n: usize) -> Vec<(f64, f64)> {
    let numbers: Vec<f64> = path
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    let [x0, y0, cx, cy, x1, y1] = numbers[..] else {
        panic!("unexpected path {path}")
    };
    (0..=n)
        .map(|i| {
            let t = i as f64 / n as f64;
            let u = 1.0 - t;
            (
                u * u * x0 + 2.0 * u * t * cx + t * t * x1,
                u * u * y0 + 2.0 * u * t * cy + t * t * y1,
            )
        })
        .collect()
}

#[test]
fn every_arrow_stays_clear_of_the_others_for_most_of_its_length() {
    use explainer_core::diagram::{layout, Orientation};
    let content = sources_dir::shipped_content();
    for perspective in content.all_perspectives() {
        for orientation in Orientation::ALL {
            let drawn = layout(&content, perspective, orientation);
            let samples: Vec<_> = drawn
                .flows
                .iter()
                .map(|f| (f.id.clone(), sample(&f.path, 40)))
                .collect();
            for (id, points) in &samples {
                let clear = points
                    .iter()
                    .filter(|(x, y)| {
                        samples
                            .iter()
                            .filter(|(other, _)| other != id)
                            .all(|(_, others)| {
                                others.iter().all(|(ox, oy)| {
                                    ((x - ox).powi(2) + (y - oy).powi(2)).sqrt() > 9.0
                                })
                            })
                    })
                    .count();
                assert!(
                    clear * 2 >= points.len(),
                    "{perspective:?} {orientation:?}: {id} is within 9 units of another arrow for {} of {} points",
                    points.len() - clear,
                    points.len()
                );
            }
        }
    }
}

/// Every sentence of our own words in the shipped content names a quote of its
/// own step or flow; removing any one marker makes the content invalid, with
/// the field path of the sentence.
#[test]
fn removing_any_sentence_marker_from_the_shipped_content_is_caught() {
    let text = sources_dir::shipped_text();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut checked = 0;
    let disputed = value["steps"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s.get("dispute").is_some())
        .expect("a step with a dispute");
    let dispute_lead = format!("steps[{disputed}].lead");
    let dispute_detail = format!("steps[{disputed}].details[0]");
    let dispute = format!("steps[{disputed}].dispute");
    let (lead_at, detail_at, dispute_at) = (
        format!("/steps/{disputed}/lead"),
        format!("/steps/{disputed}/details/0"),
        format!("/steps/{disputed}/dispute"),
    );
    for (field, pointer) in [
        ("answer.text", "/answer/text"),
        ("steps[0].lead", "/steps/0/lead"),
        ("steps[0].details[0]", "/steps/0/details/0"),
        (dispute_lead.as_str(), lead_at.as_str()),
        (dispute_detail.as_str(), detail_at.as_str()),
        (dispute.as_str(), dispute_at.as_str()),
        ("flows[0].label", "/flows/0/label"),
        ("flows[0].detail", "/flows/0/detail"),
        ("flows[0].attribution", "/flows/0/attribution"),
    ] {
        let original = value.pointer(pointer).unwrap().as_str().unwrap().to_owned();
        // Drop the last marker: the last sentence then names nothing.
        let cut = original.rfind(" [").unwrap();
        *value.pointer_mut(pointer).unwrap() =
            serde_json::Value::String(original[..cut].to_owned());
        let err = explainer_core::load_content("content.json", &value.to_string()).unwrap_err();
        assert!(
            err.problems
                .iter()
                .any(|p| p.path == field && p.reason.contains("names no citation")),
            "{field}: {err}"
        );
        *value.pointer_mut(pointer).unwrap() = serde_json::Value::String(original);
        checked += 1;
    }
    assert_eq!(checked, 9);
    explainer_core::load_content("content.json", &value.to_string()).unwrap();
}

/// The labels a step shows on its arrows overlap neither each other nor a box,
/// in any view and orientation of every edition, nor run out of the drawing (a
/// label's room is estimated from its length at its drawn size; the diagram
/// shows labels for at most three flows at once). The browser test measures the
/// drawn text too.
#[test]
fn labels_shown_together_do_not_overlap() {
    for (name, content) in sources_dir::shipped_contents() {
        labels_do_not_overlap(&name, &content);
    }
}

fn labels_do_not_overlap(name: &str, content: &explainer_core::Content) {
    use explainer_core::diagram::{layout, Orientation};
    for perspective in content.all_perspectives() {
        for orientation in Orientation::ALL {
            let drawn = layout(content, perspective, orientation);
            let (width, height) = orientation.size();
            let boxes: Vec<_> = drawn.places.iter().filter(|p| !p.region).collect();
            for step in content.steps.iter().filter(|s| s.flows.len() <= 3) {
                let shown: Vec<_> = drawn
                    .flows
                    .iter()
                    .filter(|f| step.flows.contains(&f.id))
                    .collect();
                let at = format!("{name}: {perspective:?} {orientation:?} step {}", step.id);
                for (i, a) in shown.iter().enumerate() {
                    assert!(
                        a.label_box.fits_in(width, height),
                        "{at}: the label of {} runs out of the drawing",
                        a.id
                    );
                    for place in &boxes {
                        assert_eq!(
                            a.label_box.overlap(&place.rect),
                            0.0,
                            "{at}: the label of {} covers the box {}",
                            a.id,
                            place.id
                        );
                    }
                    for b in &shown[i + 1..] {
                        assert_eq!(
                            a.label_box.overlap(&b.label_box),
                            0.0,
                            "{at}: the labels of {} and {} overlap",
                            a.id,
                            b.id
                        );
                    }
                }
            }
        }
    }
}
