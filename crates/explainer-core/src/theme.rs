//! The colour theme a host page may choose for the explainer.
//!
//! `light` or `dark` force that palette; `auto` (and anything that is not one of
//! the three tokens) follows the reader's own setting (`prefers-color-scheme`).
//! The choice is marked on `<html>` as `data-theme="light|dark"` (no attribute
//! for `auto`), which the stylesheet reads. It comes from the URL (`?theme=`,
//! read in `view_state`, and by the early inline script in `index.html` for the
//! first paint) or from a message of the host page (parsed in `embed`).

/// The query parameter that chooses the theme.
pub const THEME_PARAM: &str = "theme";

/// The attribute on `<html>` that carries a forced theme (a hook of the page).
pub use crate::page::THEME_ATTRIBUTE;

/// Which palette the explainer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The reader's own setting.
    #[default]
    Auto,
    /// The light palette, whatever the reader's setting.
    Light,
    /// The dark palette, whatever the reader's setting.
    Dark,
}

impl Theme {
    /// Every theme, for tests and documentation.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// Reads a token exactly as written (`auto`, `light`, `dark`); anything else is `None`.
    ///
    /// ```
    /// use explainer_core::theme::Theme;
    /// assert_eq!(Theme::from_token("dark"), Some(Theme::Dark));
    /// assert_eq!(Theme::from_token("Dark"), None);
    /// ```
    pub fn from_token(token: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == token)
    }

    /// The token for this theme.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The value of `data-theme` on `<html>`: none for `auto`.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::Auto).then(|| self.as_str())
    }
}
