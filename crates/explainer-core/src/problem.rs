//! What is wrong with a content file: each problem with the field path an editor
//! needs to find it.

use std::fmt;

/// One thing wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a field path like `steps[2].claims[0].citations[1].source`.
    pub path: String,
    /// What is wrong, in words an editor understands.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// Why a content file cannot be used: the file and every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file name, as the reader and the editor know it.
    pub file: String,
    /// Every problem found; never empty.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} has {} problem(s):", self.file, self.problems.len())?;
        for problem in &self.problems {
            write!(f, "\n- {problem}")?;
        }
        Ok(())
    }
}
