//! What the integration test binaries share: where the fixtures are, and
//! how a test that needs a missing tool says so. Each binary uses part of
//! it (`it` nearly all, `course` only `skip`).
#![allow(dead_code)]

use pykata::course::{Check, Kata, Location, PyFile};
use pykata::runner::Limits;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a loaded machine may add to a run where the time taken is not what
/// a test is about, only a guard against waiting on the wrong thing (a
/// leftover thread, a 60 s sleep). Four test suites on two cores made a load
/// of about 20, and a run that takes 1 s alone took over 2.5 s.
pub const LOADED: Duration = Duration::from_secs(5);

/// Says a test is skipped because a tool it needs (`why`) is missing. With
/// `PYKATA_TEST_STRICT=1`, which CI sets after installing every tool, the
/// test fails instead: a test that cannot run must not look like a pass.
pub fn skip(why: &str) {
    if std::env::var_os("PYKATA_TEST_STRICT").is_some_and(|v| v == "1") {
        panic!("PYKATA_TEST_STRICT=1 and this test would skip: {why}");
    }
    eprintln!("skipping: {why}");
}

/// Whether a Python interpreter is on PATH; if not, the test is skipped
/// (see [`skip`]).
pub fn python_available() -> bool {
    let found = which::which("python3").is_ok() || which::which("python").is_ok();
    if !found {
        skip("no python3 or python on PATH (CI installs one)");
    }
    found
}

/// The repository's root: the built-in course, docs/.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The small course most tests run on (`tests/fixtures/course`).
pub fn fixture_course() -> PathBuf {
    fixture("course")
}

/// The run work dirs (`pykata-run-*`) in `folder`, a temp folder given to
/// pykata as TMPDIR: what a run or a warm run left behind.
pub fn run_dirs_in(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("pykata-run-"))
        .collect()
}

/// A kata whose file is the program under test (`prog.py`), with one check
/// asserting `code` in the program's namespace: the sandbox checklist's
/// hostile programs, and any test that needs a run judged.
pub fn kata_asserting(limits: Limits, stdin: Option<&str>, code: &str) -> Kata {
    let origin = Location::new("tests/common/mod.rs", 0, 0);
    let file = PyFile {
        path: "sandbox/prog.py".into(),
        text: String::new(),
    };
    Kata {
        id: "sandbox".into(),
        topic: "sandbox".into(),
        title: "Sandbox".into(),
        task: "Survive".into(),
        file_name: "prog.py".into(),
        starter: file.clone(),
        solution: file,
        alternatives: Vec::new(),
        hints: Vec::new(),
        min_python: None,
        limits,
        stdin: stdin.map(str::to_string),
        checks: vec![Check::asserting("imports", code, origin.clone())],
        helpers: None,
        mistakes: Vec::new(),
        equivalent_mutants: Vec::new(),
        renamed_from: Vec::new(),
        origin,
    }
}
