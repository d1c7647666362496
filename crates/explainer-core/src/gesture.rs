//! Which touch gestures move between steps: a quick, mostly horizontal swipe.
//! Vertical drags (scrolling), slow drags (selecting text) and short
//! movements (taps) are left to the browser.

/// Where a swipe moves the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swipe {
    /// Finger moved leftwards: the next step comes in from the right.
    Next,
    /// Finger moved rightwards: back to the previous step.
    Previous,
}

/// Shortest horizontal travel that counts as a swipe, in CSS px.
pub const MIN_TRAVEL: f64 = 60.0;
/// A swipe is at least this many times as wide as it is tall.
pub const MIN_SLOPE: f64 = 2.0;
/// Longest a swipe may take, in milliseconds; slower drags select text or pan.
pub const MAX_DURATION_MS: f64 = 800.0;

/// What a one-finger touch that moved `dx`, `dy` px in `duration_ms` asks
/// for, if anything.
///
/// ```
/// use explainer_core::gesture::{swipe, Swipe};
/// assert_eq!(swipe(-120.0, 10.0, 250.0), Some(Swipe::Next));
/// assert_eq!(swipe(120.0, -20.0, 250.0), Some(Swipe::Previous));
/// assert_eq!(swipe(-20.0, 300.0, 250.0), None); // a scroll
/// assert_eq!(swipe(-120.0, 10.0, 2_000.0), None); // a slow drag
/// ```
pub fn swipe(dx: f64, dy: f64, duration_ms: f64) -> Option<Swipe> {
    let finite = dx.is_finite() && dy.is_finite() && duration_ms.is_finite();
    let quick = (0.0..=MAX_DURATION_MS).contains(&duration_ms);
    let wide = dx.abs() >= MIN_TRAVEL && dx.abs() >= MIN_SLOPE * dy.abs();
    (finite && quick && wide).then_some(if dx < 0.0 {
        Swipe::Next
    } else {
        Swipe::Previous
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_inclusive_and_direction_follows_the_finger() {
        assert_eq!(swipe(-MIN_TRAVEL, 0.0, 0.0), Some(Swipe::Next));
        assert_eq!(
            swipe(MIN_TRAVEL, 30.0, MAX_DURATION_MS),
            Some(Swipe::Previous)
        );
        assert_eq!(swipe(MIN_TRAVEL - 0.5, 0.0, 100.0), None);
        assert_eq!(swipe(100.0, 50.5, 100.0), None);
        assert_eq!(swipe(100.0, 0.0, MAX_DURATION_MS + 1.0), None);
        assert_eq!(swipe(100.0, 0.0, -1.0), None);
        assert_eq!(swipe(f64::NAN, 0.0, 100.0), None);
        assert_eq!(swipe(f64::INFINITY, 0.0, 100.0), None);
    }
}
