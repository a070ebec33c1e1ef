//! What the integration test binaries share.

/// Says a test is skipped because a tool it needs (`why`) is missing. With
/// `PYKATA_TEST_STRICT=1`, which CI sets after installing every tool, the
/// test fails instead: a test that cannot run must not look like a pass.
pub fn skip(why: &str) {
    if std::env::var_os("PYKATA_TEST_STRICT").is_some_and(|v| v == "1") {
        panic!("PYKATA_TEST_STRICT=1 and this test would skip: {why}");
    }
    eprintln!("skipping: {why}");
}
