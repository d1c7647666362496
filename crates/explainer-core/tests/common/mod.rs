//! What the property tests share: how many cases each runs.

use proptest::test_runner::Config;

/// The runner's configuration: `default_cases` (the strength CI runs) unless the
/// standard `PROPTEST_CASES` variable asks for another count (`scripts/test.sh
/// --quick` sets a small one). No failure files are written into the tree.
pub fn config(default_cases: u32) -> Config {
    // `Config::default()` reads PROPTEST_CASES (and proptest's other variables).
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    config.failure_persistence = None;
    config
}
