//! `pykata check` says when a pass completes a topic (naming the next) or
//! the whole course (with the report to send and what else to do), and
//! counts are said in the singular for one ("the check passes", "1
//! topic"). The real binary, a real CPython, real files.

use crate::common::{fixture_course, python_available, root};
use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// The binary, on `course` (None: the built-in one), no colour.
fn pykata(course: Option<&Path>) -> Command {
    let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON");
    if let Some(c) = course {
        cmd.arg("--course").arg(c);
    }
    cmd
}

/// A workspace made by `pykata init` in a temp dir; returns the dir and
/// the workspace inside it.
fn workspace(course: Option<&Path>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    pykata(course)
        .current_dir(dir.path())
        .args(["init", "ws"])
        .assert()
        .success();
    let ws = dir.path().join("ws");
    (dir, ws)
}

/// Puts the reference solution of `topic/file` in the learner's file.
fn solve(course: &Path, ws: &Path, topic: &str, file: &str) {
    let stem = file.trim_end_matches(".py");
    let text = std::fs::read_to_string(
        course
            .join("katas")
            .join(topic)
            .join(format!("{stem}.solution.py")),
    )
    .unwrap();
    std::fs::write(ws.join(topic).join(file), text).unwrap();
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_check_that_completes_the_course_says_so_with_the_report_to_send() {
    if !python_available() {
        return;
    }
    let course = fixture_course();
    let (_d, ws) = workspace(Some(&course));
    for file in [
        "fix_default.py",
        "order.py",
        "validate.py",
        "import_guard.py",
    ] {
        solve(&course, &ws, "basics", file);
    }
    // Four pass, `greet` is still its starter, `needs-future` is skipped:
    // not complete, nothing said.
    let all = stdout(
        pykata(Some(&course))
            .current_dir(&ws)
            .args(["check", "--all"]),
    );
    assert!(all.contains("4 of 6 katas pass (1 skipped)"), "{all}");
    assert!(!all.contains("complete"), "{all}");

    solve(&course, &ws, "basics", "greet.py");
    let out = stdout(
        pykata(Some(&course))
            .current_dir(&ws)
            .args(["check", "greet"]),
    );
    assert!(out.contains("✓ greet pass"), "{out}");
    assert!(out.contains("✓ Course complete: Fixture course"), "{out}");
    assert!(
        out.contains("5 of the course's 6 katas pass; 1 was skipped."),
        "{out}"
    );
    assert!(out.contains("`pykata report` writes"), "{out}");
    assert!(
        out.contains("`pykata --python python3.99 check needs-future`"),
        "{out}"
    );
    assert!(!out.contains("Any key closes"), "{out}");

    // The pass after it completed nothing new: nothing more is said.
    let again = stdout(
        pykata(Some(&course))
            .current_dir(&ws)
            .args(["check", "greet"]),
    );
    assert!(again.contains("✓ greet pass"), "{again}");
    assert!(!again.contains("complete"), "{again}");
}

#[test]
fn the_check_that_completes_a_topic_names_the_next_topic() {
    if !python_available() {
        return;
    }
    let course = root().to_path_buf();
    let (_d, ws) = workspace(None);
    let files = [
        ("mutable-default", "mutable_default.py"),
        ("late-binding", "late_binding.py"),
        ("identity-compare", "identity_compare.py"),
        ("sentinel-default", "sentinel_default.py"),
        ("deep-copy-config", "deep_copy_config.py"),
    ];
    for (id, file) in &files[..4] {
        solve(&course, &ws, "gotchas", file);
        let out = stdout(pykata(None).current_dir(&ws).args(["check", id]));
        assert!(out.contains(&format!("✓ {id} pass")), "{out}");
        assert!(!out.contains("complete"), "{out}");
    }
    solve(&course, &ws, "gotchas", files[4].1);
    pykata(None)
        .current_dir(&ws)
        .args(["check", "deep-copy-config"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "✓ Topic complete: Gotchas that fail silently",
        ))
        .stdout(predicate::str::contains("All 5 of its katas pass."))
        .stdout(predicate::str::contains(
            "Next: topic 2, Decorators: its lesson, then 8 katas.",
        ))
        .stdout(predicate::str::contains("pykata check"))
        .stdout(predicate::str::contains("Course complete").not());
}

#[test]
fn one_check_or_two_are_counted_in_words() {
    if !python_available() {
        return;
    }
    let course = fixture_course();
    let (dir, ws) = workspace(Some(&course));
    solve(&course, &ws, "basics", "greet.py");
    solve(&course, &ws, "basics", "import_guard.py");
    pykata(Some(&course))
        .current_dir(&ws)
        .args(["check", "greet"])
        .assert()
        .success()
        .stdout(predicate::str::contains("the check passes"));
    pykata(Some(&course))
        .current_dir(&ws)
        .args(["check", "import-guard"])
        .assert()
        .success()
        .stdout(predicate::str::contains("both checks pass"));
    // Outside the workspace: one topic (before: "1 topics").
    pykata(Some(&course))
        .current_dir(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("6 katas in 1 topic\n"));
}

#[test]
fn check_all_that_completes_two_topics_names_both_and_says_what_next_once() {
    if !python_available() {
        return;
    }
    let course = root().to_path_buf();
    let (_d, ws) = workspace(None);
    for topic in ["gotchas", "decorators"] {
        for entry in std::fs::read_dir(course.join("katas").join(topic)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".solution.py") {
                solve(&course, &ws, topic, &format!("{stem}.py"));
            }
        }
    }
    let out = stdout(pykata(None).current_dir(&ws).args(["check", "--all"]));
    assert!(
        out.contains("✓ Topic complete: Gotchas that fail silently\n"),
        "{out}"
    );
    assert!(out.contains("✓ Topic complete: Decorators\n"), "{out}");
    assert_eq!(out.matches("Next: topic").count(), 1, "{out}");
    assert!(
        out.contains("Next: topic 3, Generators and iterators: its lesson, then"),
        "{out}"
    );
}
