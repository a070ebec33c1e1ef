//! The built-in course, as a learner gets it: it loads, lists its ten topics
//! in order, and `verify` proves every kata, example and prediction against
//! a real interpreter.

use assert_cmd::Command;
use predicates::prelude::*;

fn pykata() -> Command {
    let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON");
    cmd
}

#[test]
fn the_built_in_course_lints_clean() {
    pykata()
        .arg("lint")
        .assert()
        .success()
        .stdout(predicate::str::contains("lint: 10 topics"));
}

#[test]
fn list_shows_all_ten_topics_in_order() {
    let out = pykata()
        .arg("list")
        .current_dir(tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let titles = [
        "Gotchas",
        "Decorators",
        "Context managers",
        "Descriptors",
        "Dunder",
        "Classes that build classes",
        "Modern Python",
        "Concurrency",
        "Performance",
        "Capstone",
    ];
    let mut at = 0;
    for (n, title) in titles.iter().enumerate() {
        let marker = format!("{:>2}. ", n + 1);
        let found = text[at..]
            .find(&marker)
            .unwrap_or_else(|| panic!("topic {} missing in:\n{text}", n + 1));
        at += found;
        let line = text[at..].lines().next().unwrap();
        assert!(
            line.to_lowercase().contains(&title.to_lowercase()),
            "topic {} should be {title}: {line}",
            n + 1
        );
        at += line.len();
    }
    assert!(text.contains("mutable-default"));
    assert!(text.contains("decorator-order"));
    assert!(text.contains("No workspace here yet"));
}

#[test]
fn every_kata_of_the_built_in_course_is_proven() {
    if which::which("python3").is_err() {
        eprintln!("skipping: no python3 (CI installs one)");
        return;
    }
    pykata()
        .arg("verify")
        .timeout(std::time::Duration::from_secs(900))
        .assert()
        .success()
        .stdout(predicate::str::contains("no problems"));
}
