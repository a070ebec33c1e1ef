//! The proving engine in process: `pykata::proof` called as a library, with
//! a real CPython, on small courses written for each test. Every run goes
//! through the learners' calls, so verify holds a course to what a learner
//! will see.

use crate::common;

use pykata::course::{self, CourseSource};
use pykata::proof::{verify_course, Selection, Summary, Workers};
use pykata::runner::{python, Interpreter, PythonVersion};
use std::path::Path;

fn interpreter() -> Option<(Interpreter, PythonVersion)> {
    match python::find(None) {
        Ok(python) => {
            let version = python.require_supported().expect("a supported python3");
            Some((python, version))
        }
        Err(_) => {
            common::skip("no python3 or python on PATH (CI installs one)");
            None
        }
    }
}

/// A one-topic course whose lesson is `lesson` (YAML list items under
/// `lesson:`), with one kata that is sound.
fn course_with_lesson(dir: &Path, lesson: &str) -> course::Course {
    std::fs::create_dir_all(dir.join("lessons")).unwrap();
    std::fs::create_dir_all(dir.join("katas/t")).unwrap();
    std::fs::write(
        dir.join("course.yaml"),
        "format: 1\ntitle: T\ntopics: [t]\n",
    )
    .unwrap();
    std::fs::write(dir.join("katas/t/start.py"), "value = 0\n").unwrap();
    std::fs::write(dir.join("katas/t/done.py"), "value = 1\n").unwrap();
    std::fs::write(dir.join("katas/t/other.py"), "value = 2 - 1\n").unwrap();
    let topic = format!(
        "title: T\nlesson:\n{lesson}katas:\n  - id: one\n    title: One\n    task: Set value to 1.\n    \
         starter: t/start.py\n    solution: t/done.py\n    alternatives: [t/other.py]\n    checks:\n      - id: value\n        \
         kind: output\n        run: print(value)\n        expect: \"1\"\n"
    );
    std::fs::write(dir.join("lessons/t.yaml"), topic).unwrap();
    course::load(CourseSource::from_path(dir)).expect("the test course loads")
}

fn prove(course: &course::Course, python: &(Interpreter, PythonVersion)) -> Summary {
    verify_course(
        course,
        &python.0,
        &python.1,
        Workers::per_core(),
        &Selection::default(),
        false,
    )
}

fn problems(summary: &Summary) -> String {
    summary
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.subject, p.problem))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_sound_course_proves_clean_in_process() {
    let Some(python) = interpreter() else { return };
    let dir = tempfile::tempdir().unwrap();
    let course = course_with_lesson(
        dir.path(),
        "  - example:\n      code: print(2 * 21)\n      output: \"42\"\n  \
         - predict:\n      code: print([1] * 2)\n      answer: \"[1, 1]\"\n",
    );
    let summary = prove(&course, &python);
    assert!(summary.problems.is_empty(), "{}", problems(&summary));
    // The example, the prediction, two solutions and the starter.
    assert_eq!(summary.runs, 5);
}

#[test]
fn an_example_a_learner_would_see_stopped_is_a_problem() {
    // Learners' example runs stop at 2 s (session::run_example). Verify
    // used to prove examples under the 5 s kata limit, so this one passed
    // verify and showed learners "(still running after 2.0 s: stopped)".
    let Some(python) = interpreter() else { return };
    let dir = tempfile::tempdir().unwrap();
    let course = course_with_lesson(
        dir.path(),
        "  - example:\n      code: |\n        import time\n        time.sleep(2.6)\n        \
         print(\"done\")\n      output: done\n",
    );
    let summary = prove(&course, &python);
    let all = problems(&summary);
    assert_eq!(summary.problems.len(), 1, "{all}");
    // How long it ran depends on the machine's load; what the learner
    // would meet does not.
    assert!(all.contains("the example runs for "), "{all}");
    assert!(
        all.contains("a learner's run of it is stopped after 2.0 s; make it finish sooner"),
        "{all}"
    );
}

#[test]
fn a_prediction_is_judged_by_the_learners_rule() {
    // A stated answer that the learners' rule accepts proves, one it
    // rejects is reported with what a real run gives.
    let Some(python) = interpreter() else { return };
    let dir = tempfile::tempdir().unwrap();
    let course = course_with_lesson(
        dir.path(),
        "  - predict:\n      code: print(['v1'])\n      answer: \"['v1', 'v1']\"\n",
    );
    let summary = prove(&course, &python);
    let all = problems(&summary);
    assert_eq!(summary.problems.len(), 1, "{all}");
    assert!(
        all.contains("the stated answer `['v1', 'v1']` is wrong; a real run gives: ['v1']"),
        "{all}"
    );
}

#[test]
fn the_unsound_fixture_has_its_five_problems_in_process() {
    let Some(python) = interpreter() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unsound");
    let course = course::load(CourseSource::from_path(&root)).unwrap();
    let summary = prove(&course, &python);
    let all = problems(&summary);
    for expected in [
        "stated `output:` differs from what Python printed",
        "the stated answer `Error` is wrong; a real run gives: a",
        "the starter already passes every check",
        "this solution should pass",
        "does not fire its detector",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
    assert_eq!(summary.problems.len(), 5, "{all}");
}
