//! The ids content gives its parts (steps, quotes, places, events): they appear
//! in URLs and HTML ids.

/// Ids appear in URLs and HTML ids, so they stay within a safe alphabet.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}
