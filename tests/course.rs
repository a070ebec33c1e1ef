//! The built-in course, as a learner gets it: it loads, lists its eleven topics
//! in order, and `verify` proves every kata, example and prediction against
//! a real interpreter.

// A test's own output and pauses are not pykata's: the house rules on
// printing and sleeping (Cargo.toml [lints], clippy.toml) are for the program.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

mod common;

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
        .stdout(predicate::str::contains("lint: 11 topics"));
}

#[test]
fn list_shows_all_eleven_topics_in_order() {
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
        "Generators",
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

/// Every CPython 3.10 to 3.13 this machine has besides `python3`: those
/// pyenv keeps (this project's machines have 3.10, 3.12 and 3.13 there) and
/// any named in PYKATA_TEST_PYTHONS (separated by ':').
fn other_interpreters() -> Vec<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = std::env::var("PYKATA_TEST_PYTHONS")
        .map(|v| {
            v.split(':')
                .filter(|p| !p.is_empty())
                .map(Into::into)
                .collect()
        })
        .unwrap_or_default();
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    if let Some(versions) = home.map(|h| h.join(".pyenv/versions")) {
        let mut dirs: Vec<_> = std::fs::read_dir(&versions)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        dirs.sort();
        for dir in dirs {
            let name = dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let minor = name.strip_prefix("3.").and_then(|r| r.split('.').next());
            let Some(minor) = minor.and_then(|m| m.parse::<u32>().ok()) else {
                continue;
            };
            let program = dir.join(format!("bin/python3.{minor}"));
            if (10..=13).contains(&minor) && program.is_file() {
                found.push(program);
            }
        }
    }
    found
}

/// The whole-course runs take both cores each, and the timing test loads
/// the machine on purpose: run side by side they stretched correct code
/// past its limits (3.13, CI). One at a time.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_heavy_test_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|p| p.into_inner())
}

#[test]
fn every_kata_of_the_built_in_course_is_proven_with_its_mutants() {
    let _heavy = one_heavy_test_at_a_time();
    if which::which("python3").is_err() {
        common::skip("no python3 (CI installs one)");
        return;
    }
    let out = pykata()
        .args(["verify", "--mutants"])
        .timeout(std::time::Duration::from_secs(1500))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("no problems"), "{text}");
    assert!(text.contains(" 0 survived; score 100.0%"), "{text}");
}

#[test]
fn every_kata_is_proven_under_every_interpreter_the_machine_has() {
    let _heavy = one_heavy_test_at_a_time();
    let others = other_interpreters();
    if others.is_empty() {
        eprintln!("skipping: no CPython 3.10-3.13 besides python3 here");
        return;
    }
    let mut cmd = pykata();
    for p in &others {
        cmd.arg("--python").arg(p);
    }
    let out = cmd
        .arg("verify")
        .timeout(std::time::Duration::from_secs(1500))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("no problems"), "{text}");
    eprintln!("{text}");
}

/// Busy loops that keep every core loaded while they live.
struct Load(Vec<std::process::Child>);

impl Load {
    fn start(n: usize) -> Load {
        Load(
            (0..n)
                .filter_map(|_| {
                    std::process::Command::new("python3")
                        .args(["-c", "while True: pass"])
                        .spawn()
                        .ok()
                })
                .collect(),
        )
    }
}

impl Drop for Load {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The katas whose checks are about time or concurrency. Their checks count
/// what happened (calls in flight, a forced race, operations, growth between
/// two sizes) instead of timing one sample, so under load the unchanged
/// starter still fails and the reference still passes.
const TIMING_KATAS: &[&str] = &[
    "parallel-downloads",
    "gather-metrics",
    "batch-deadline",
    "process-pool",
    "lost-updates",
    "job-queue",
    "profile-hotspot",
    "slowest-stage",
    "dedup-runs",
];

#[test]
fn timing_katas_hold_under_load() {
    let _heavy = one_heavy_test_at_a_time();
    if which::which("python3").is_err() {
        common::skip("no python3 (CI installs one)");
        return;
    }
    let _load = Load::start(2);
    for round in 1..=5 {
        let out = pykata()
            .arg("verify")
            .args(TIMING_KATAS)
            .timeout(std::time::Duration::from_secs(600))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "round {round} under load:\n{text}");
    }
}
