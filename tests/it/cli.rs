//! The command line end to end: the real binary, a real CPython, real files.
//! Most tests use the fixture course in tests/fixtures/course, which has a
//! kata for every check kind.

use crate::common::{self, fixture, python_available, LOADED};

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The binary on the fixture course, with no colour and a clean environment.
fn pykata() -> Command {
    let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON")
        .arg("--course")
        .arg(fixture("course"));
    cmd
}

/// A fresh workspace made by `pykata init`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    pykata()
        .current_dir(dir.path())
        .args(["init", "ws"])
        .assert()
        .success()
        .stdout(predicate::str::contains("6 kata files created"));
    dir
}

fn ws_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("ws")
}

fn write_kata(dir: &tempfile::TempDir, rel: &str, text: &str) {
    std::fs::write(ws_path(dir).join(rel), text).unwrap();
}

/// Changes the learner's file without fixing it: an untouched starter is
/// not an attempt, an edited one is.
fn edit_kata(dir: &tempfile::TempDir, rel: &str) {
    let path = ws_path(dir).join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text + "\n# edited\n").unwrap();
}

fn copy_fixture_solution(dir: &tempfile::TempDir, file: &str, into: &str) {
    let text = std::fs::read_to_string(fixture("course/katas/basics").join(file)).unwrap();
    write_kata(dir, into, &text);
}

/// The JSON verdict on `source` as the learner's `file` for `kata`, in a
/// fresh workspace; `None` (the test skips) where there is no Python.
fn verdict_on(kata: &str, file: &str, source: &str) -> Option<serde_json::Value> {
    if !python_available() {
        return None;
    }
    let dir = workspace();
    write_kata(&dir, file, source);
    Some(check_json(&dir, kata))
}

fn check(dir: &tempfile::TempDir, kata: &str) -> assert_cmd::assert::Assert {
    pykata()
        .current_dir(ws_path(dir))
        .args(["check", kata])
        .assert()
}

fn check_json(dir: &tempfile::TempDir, kata: &str) -> serde_json::Value {
    let out = pykata()
        .current_dir(ws_path(dir))
        .args(["check", kata, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check --format json gave no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn starter_fails_with_the_mistake_message_and_a_diff() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    check(&dir, "fix-default")
        .code(1)
        .stdout(predicate::str::contains(
            "✗ fix-default fail (basics/fix_default.py, ",
        ))
        .stdout(predicate::str::contains(
            "You copy the list but still return the shared default.",
        ))
        .stdout(predicate::str::contains("- ['b']"))
        .stdout(predicate::str::contains("+ ['a', 'b']"))
        .stdout(predicate::str::contains("0 of 2 hints used"));
}

#[test]
fn reference_passes_and_progress_is_saved() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    copy_fixture_solution(&dir, "fix_default.solution.py", "basics/fix_default.py");
    check(&dir, "fix-default")
        .success()
        .stdout(predicate::str::contains("✓ fix-default pass"));
    let progress: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(ws_path(&dir).join(".pykata/progress.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(progress["format"], 1);
    assert_eq!(progress["katas"]["fix-default"]["state"], "done");
    assert_eq!(progress["katas"]["fix-default"]["attempts"], 1);
    pykata()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("1 of 6 katas done"))
        .stdout(predicate::str::contains("✓ fix-default"));
}

#[test]
fn json_verdict_names_each_check() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let v = check_json(&dir, "fix-default");
    assert_eq!(v["format"], 1);
    assert_eq!(v["status"], "fail");
    assert_eq!(v["mistake"], "copied-shared");
    let checks = v["checks"].as_array().unwrap();
    let by_id = |id: &str| checks.iter().find(|c| c["id"] == id).unwrap().clone();
    // output (literal): fails, with expected and actual.
    assert_eq!(by_id("two-calls")["status"], "fail");
    assert_eq!(by_id("two-calls")["actual"], "['a']\n['a', 'b']\n");
    // assert: the explicit list is used even by the starter.
    assert_eq!(by_id("explicit")["status"], "pass");
    // structure: the mutable default is found, with its line.
    assert_eq!(by_id("no-mutable-default")["status"], "fail");
    assert!(by_id("no-mutable-default")["detail"]
        .as_str()
        .unwrap()
        .contains("line 1"));
    for c in checks {
        for key in ["message", "expected", "actual", "output", "truncated"] {
            assert!(c.get(key).is_some(), "check JSON lacks `{key}`: {c}");
        }
    }
}

#[test]
fn assertion_messages_are_filled_from_the_check() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "def add(item, items=None):\n    return [item]\n",
    ) else {
        return;
    };
    let explicit = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "explicit")
        .unwrap()
        .clone();
    assert_eq!(explicit["status"], "fail");
    assert_eq!(
        explicit["message"],
        "An explicit list must be used and returned, got ['x']."
    );
}

#[test]
fn lines_in_order_name_the_line_out_of_place() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    check(&dir, "order")
        .code(1)
        .stdout(predicate::str::contains(
            "The decorators are stacked the wrong way round.",
        ))
        .stdout(predicate::str::contains(
            "`inner enter`, is out of place: it should come after `outer enter`",
        ));
    copy_fixture_solution(&dir, "order.alt.py", "basics/order.py");
    check(&dir, "order").success();
}

#[test]
fn raises_checks_judge_type_and_message() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    // The starter raises nothing.
    let v = check_json(&dir, "validate");
    assert_eq!(v["checks"][0]["status"], "fail");
    assert_eq!(v["checks"][0]["actual"], "nothing was raised");
    // The wrong exception type.
    write_kata(
        &dir,
        "basics/validate.py",
        "def set_port(n):\n    if n < 1:\n        raise TypeError('1..65535')\n    return n\n",
    );
    let v = check_json(&dir, "validate");
    assert_eq!(v["checks"][0]["status"], "fail");
    assert_eq!(v["checks"][0]["actual"], "TypeError: 1..65535");
    // The right type without the range in its message.
    write_kata(
        &dir,
        "basics/validate.py",
        "def set_port(n):\n    if n < 1:\n        raise ValueError('bad port')\n    return n\n",
    );
    let v = check_json(&dir, "validate");
    assert_eq!(v["checks"][0]["status"], "fail");
    // regex output check passes with any port number.
    assert_eq!(v["checks"][2]["status"], "pass");
    copy_fixture_solution(&dir, "validate.alt.py", "basics/validate.py");
    check(&dir, "validate").success();
}

#[test]
fn raises_at_import_phase() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let v = check_json(&dir, "import-guard");
    assert_eq!(v["status"], "fail");
    assert_eq!(
        v["checks"][0]["actual"],
        "the file imported without raising"
    );
    // structure `require` fails too: the name RuntimeError is not used.
    assert_eq!(v["checks"][1]["status"], "fail");
    copy_fixture_solution(&dir, "import_guard.solution.py", "basics/import_guard.py");
    check(&dir, "import-guard").success();
}

#[test]
fn stdin_is_the_katas_input() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    check(&dir, "greet").code(1);
    copy_fixture_solution(&dir, "greet.solution.py", "basics/greet.py");
    check(&dir, "greet").success();
}

#[test]
fn a_kata_for_a_newer_python_is_skipped_not_failed() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    check(&dir, "needs-future")
        .success()
        .stdout(predicate::str::contains("skipped"))
        .stdout(predicate::str::contains("needs Python 3.99 or newer"))
        .stdout(predicate::str::contains("this interpreter is Python 3."))
        // No hint makes the kata run here.
        .stdout(predicate::str::contains("Stuck?").not());
}

#[test]
fn a_hanging_program_times_out_within_the_limit() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    // validate has wall_ms: 3000.
    write_kata(
        &dir,
        "basics/validate.py",
        "def set_port(n):\n    while True:\n        pass\n",
    );
    let started = Instant::now();
    let v = check_json(&dir, "validate");
    let took = started.elapsed().as_secs_f64();
    assert_eq!(v["status"], "timeout");
    assert_eq!(v["checks"][0]["status"], "timeout");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("during check `zero`"));
    assert_eq!(v["checks"][1]["status"], "not_run");
    // Stopped by its limit, not left to run: the limit plus what starting
    // and killing Python take on a loaded machine.
    assert!(
        took < 3.0 + LOADED.as_secs_f64(),
        "took {took:.1} s for a 3 s limit"
    );
}

#[test]
fn a_crashing_program_gets_an_error_verdict() {
    let Some(v) = verdict_on(
        "validate",
        "basics/validate.py",
        "import ctypes\n\ndef set_port(n):\n    return ctypes.string_at(0)\n",
    ) else {
        return;
    };
    assert_eq!(v["status"], "error");
    let message = v["message"].as_str().unwrap();
    assert!(
        message.contains("crashed (segmentation fault)"),
        "message: {message}"
    );
    assert!(message.contains("during check `zero`"));
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "def add(item, items=None):\n    return [item\n\nx = 1)\n",
    ) else {
        return;
    };
    assert_eq!(v["status"], "error");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .starts_with("SyntaxError on line"));
    assert!(v["line"].as_u64().is_some());
    assert!(v["message"].as_str().unwrap().contains("of fix_default.py"));
}

#[test]
fn an_exception_shows_the_traceback_trimmed_to_the_learners_file() {
    let Some(v) = verdict_on("fix-default", "basics/fix_default.py", "def helper(items):\n    return items[5]\n\ndef add(item, items=None):\n    return helper([item])\n") else {
        return;
    };
    assert_eq!(v["status"], "error");
    let tb = v["traceback"].as_str().unwrap();
    assert!(
        tb.contains("File \"fix_default.py\", line 2, in helper"),
        "{tb}"
    );
    assert!(tb.ends_with("IndexError: list index out of range"), "{tb}");
    assert!(!tb.contains("_pykata_harness"), "harness frames leak: {tb}");
}

#[test]
fn flooding_output_is_cut_and_reported() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    write_kata(
        &dir,
        "basics/validate.py",
        "def set_port(n):\n    while True:\n        print('x' * 1000)\n",
    );
    let started = Instant::now();
    let v = check_json(&dir, "validate");
    assert_eq!(v["status"], "killed");
    assert!(v["message"].as_str().unwrap().contains("output limit"));
    // Stopped at the output limit, well before the 3 s wall limit would
    // have ended it; a loaded machine may add to either.
    let took = started.elapsed();
    assert!(
        took.as_secs_f64() < 3.0 + LOADED.as_secs_f64(),
        "took {took:?}"
    );
}

#[test]
fn exit_calls_and_eof_are_verdicts_not_hangs() {
    let Some(v) = verdict_on(
        "validate",
        "basics/validate.py",
        "import sys\nsys.exit(3)\n",
    ) else {
        return;
    };
    assert_eq!(v["status"], "error");
    assert!(v["message"].as_str().unwrap().contains("SystemExit"));

    let v = verdict_on(
        "validate",
        "basics/validate.py",
        "import os\n\ndef set_port(n):\n    print('bye', end='')\n    os._exit(0)\n",
    )
    .unwrap();
    assert_eq!(v["status"], "error");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("exited with code 0 during check `zero`"));

    let v = verdict_on(
        "validate",
        "basics/validate.py",
        "def set_port(n):\n    return input()\n",
    )
    .unwrap();
    assert_eq!(v["status"], "error");
    assert!(v["checks"][1]["message"]
        .as_str()
        .unwrap()
        .contains("EOFError"));
}

#[test]
fn hints_come_one_at_a_time() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let hint = || {
        pykata()
            .current_dir(ws_path(&dir))
            .args(["hint", "fix-default"])
            .assert()
            .success()
    };
    hint()
        .stdout(predicate::str::contains("Hint 1 of 2"))
        .stdout(predicate::str::contains("last hint").not());
    // The hints already seen come first, so they can be read again.
    hint()
        .stdout(predicate::str::contains("Hint 1 of 2"))
        .stdout(predicate::str::contains("Hint 2 of 2"))
        .stdout(predicate::str::contains("that is the last hint"));
    hint().stdout(predicate::str::contains("that was every hint"));
}

#[test]
fn hints_can_be_read_again_and_cost_nothing_after_a_pass() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let run = |args: &[&str]| {
        let out = pykata()
            .current_dir(ws_path(&dir))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&["hints", "fix-default"]).contains("No hints of `fix-default` seen yet"));
    run(&["hint", "fix-default"]);
    let again = run(&["hints", "fix-default"]);
    assert!(again.contains("Hint 1 of 2"), "{again}");
    assert!(
        !again.contains("Hint 2 of 2"),
        "hints must not use a new hint: {again}"
    );
    // After a pass, `hint` shows them all and counts none.
    copy_fixture_solution(&dir, "fix_default.solution.py", "basics/fix_default.py");
    check(&dir, "fix-default").success();
    let after = run(&["hint", "fix-default"]);
    assert!(
        after.contains("Hint 2 of 2") && after.contains("none is counted"),
        "{after}"
    );
    // Passed: the solution is open, not "opens after a pass".
    assert!(!after.contains("opens after a pass"), "{after}");
    assert!(
        after.contains("`pykata solution fix-default` shows the reference"),
        "{after}"
    );
    let list = run(&["check", "fix-default"]);
    assert!(list.contains("pass"), "{list}");
    let progress = std::fs::read_to_string(ws_path(&dir).join(".pykata/progress.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&progress).unwrap();
    assert_eq!(v["katas"]["fix-default"]["hints_used"], 1, "{progress}");
}

#[test]
fn the_solution_opens_only_after_a_pass() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["solution", "fix-default"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("opens after you pass it"));
    copy_fixture_solution(&dir, "fix_default.alt.py", "basics/fix_default.py");
    check(&dir, "fix-default").success();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["solution", "fix-default"])
        .assert()
        .success()
        .stdout(predicate::str::contains("if items is None:"));
}

#[test]
fn reset_keeps_a_backup_and_says_where() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    write_kata(&dir, "basics/fix_default.py", "# my precious work\n");
    let out = pykata()
        .current_dir(ws_path(&dir))
        .args(["reset", "fix-default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let backup = text
        .lines()
        .find_map(|l| l.strip_prefix("Your file was copied to "))
        .expect("reset says where the backup is");
    assert_eq!(
        std::fs::read_to_string(backup).unwrap(),
        "# my precious work\n"
    );
    let now = std::fs::read_to_string(ws_path(&dir).join("basics/fix_default.py")).unwrap();
    assert!(now.contains("def add(item, items=[]):"));
}

#[test]
fn init_never_overwrites() {
    let dir = workspace();
    write_kata(&dir, "basics/fix_default.py", "# mine\n");
    pykata()
        .current_dir(dir.path())
        .args(["init", "ws"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 kata files created, 6 kept"));
    assert_eq!(
        std::fs::read_to_string(ws_path(&dir).join("basics/fix_default.py")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn commands_find_the_workspace_upward_or_explain() {
    let dir = workspace();
    pykata()
        .current_dir(ws_path(&dir).join("basics"))
        .args(["hint", "order"])
        .assert()
        .success();
    let outside = tempfile::tempdir().unwrap();
    pykata()
        .current_dir(outside.path())
        .args(["hint", "order"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no pykata workspace"))
        .stderr(predicate::str::contains("pykata init"));
    pykata()
        .current_dir(outside.path())
        .args(["--workspace"])
        .arg(ws_path(&dir))
        .args(["hint", "order"])
        .assert()
        .success();
}

#[test]
fn an_unknown_kata_gets_a_did_you_mean() {
    let dir = workspace();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "fix-defualt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `fix-default`?"));
}

#[test]
fn an_unreadable_progress_file_is_kept_and_reported() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    // An edited file: its run is recorded, which sets the old file aside.
    edit_kata(&dir, "basics/order.py");
    let progress = ws_path(&dir).join(".pykata/progress.json");
    std::fs::write(&progress, "{ this is not json").unwrap();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "order"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("could not be read"))
        .stderr(predicate::str::contains("it was kept as"));
    let kept: Vec<_> = std::fs::read_dir(ws_path(&dir).join(".pykata"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("unreadable"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(kept[0].path()).unwrap(),
        "{ this is not json"
    );
}

#[test]
fn check_all_reports_every_kata() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "--all"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("0 of 6 katas pass (1 skipped)"));
}

#[test]
fn verify_proves_the_fixture_course() {
    if !python_available() {
        return;
    }
    pykata()
        .arg("verify")
        .assert()
        .success()
        .stdout(predicate::str::contains("no problems"))
        .stdout(predicate::str::contains("skipped needs-future"));
}

#[test]
fn verify_lists_every_problem_of_an_unsound_course() {
    if !python_available() {
        return;
    }
    let out = Command::cargo_bin("pykata")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("--course")
        .arg(fixture("unsound"))
        .args(["verify", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems: Vec<String> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} | {}", p["subject"], p["problem"]))
        .collect();
    let all = problems.join("\n");
    for expected in [
        "stated `output:` differs from what Python printed",
        "the stated answer `Error` is wrong; a real run gives: a",
        "the starter already passes every check",
        "this solution should pass",
        "does not fire its detector",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
    assert_eq!(problems.len(), 5, "{all}");
}

#[test]
fn a_broken_course_gives_located_errors_all_at_once() {
    let out = Command::cargo_bin("pykata")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("lint")
        .arg(fixture("broken"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let broken = fixture("broken");
    let one = broken.join("lessons/one.yaml").display().to_string();
    for expected in [
        format!("{one}:11:5: unknown field `hnts`"),
        "did you mean `hints`?".to_string(),
        format!("{one}:19:14: the file"),
        "did you mean `one/second.py`?".to_string(),
        format!("{one}:16:9: kata `second` has no checks"),
        format!("{one}:23:9: kata id `second` is already used"),
        "did you mean `mutable_default`?".to_string(),
        "topic `tw0` has no file lessons/tw0.yaml".to_string(),
        "did you mean `two`?".to_string(),
        "lessons/syntax.yaml:3:9".to_string(),
    ] {
        assert!(text.contains(&expected), "missing `{expected}` in:\n{text}");
    }
    // The same problems keep other commands from starting, with the same locations.
    Command::cargo_bin("pykata")
        .unwrap()
        .arg("--course")
        .arg(&broken)
        .arg("list")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(format!("{one}:11:5")));
}

#[test]
fn lint_json_lists_problems_with_locations() {
    let out = Command::cargo_bin("pykata")
        .unwrap()
        .args(["lint", "--format", "json"])
        .arg(fixture("broken"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    let first = &v["problems"][0];
    assert!(first["line"].as_u64().unwrap() > 0);
    assert!(first["column"].as_u64().unwrap() > 0);
    assert!(first["file"].as_str().unwrap().ends_with("one.yaml"));
}

#[test]
fn doctor_reports_interpreter_layers_and_course() {
    if !python_available() {
        return;
    }
    pykata()
        .arg("doctor")
        .assert()
        .success()
        .stdout(predicate::str::contains("✓ python:"))
        .stdout(predicate::str::contains("sandbox portable: active"))
        .stdout(predicate::str::contains("course: Fixture course"));
}

#[test]
fn a_missing_interpreter_is_explained() {
    pykata()
        .args(["--python", "/nonexistent/python9", "doctor"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains("/nonexistent/python9"));
    let dir = workspace();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["--python", "/nonexistent/python9", "check", "order"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--python"));
}

#[test]
fn escape_sequences_from_learner_code_never_reach_the_terminal() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    write_kata(
        &dir,
        "basics/validate.py",
        "def set_port(n):\n    if n < 1:\n        raise ValueError('1..65535')\n    print('\\x1b[2J\\x1b]52;c;aGk=\\x07' + str(n))\n    return n\n",
    );
    // Human output: shown as text, never raw.
    let out = pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "validate"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains('\x1b'), "raw escape in the output: {text:?}");
    assert!(!text.contains('\x07'), "raw bell in the output: {text:?}");
    assert!(
        text.contains("\\x1b[2J"),
        "the escape is shown as text: {text}"
    );
    // JSON keeps the learner's output exactly (JSON escapes it) for tools.
    let v = check_json(&dir, "validate");
    let ok = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ok")
        .unwrap();
    assert!(ok["output"].as_str().unwrap().starts_with("\x1b[2J"));
}

#[test]
fn a_forgotten_thread_does_not_turn_a_pass_into_a_timeout() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let solution =
        std::fs::read_to_string(fixture("course/katas/basics/validate.solution.py")).unwrap();
    write_kata(
        &dir,
        "basics/validate.py",
        &format!("import threading, time\nthreading.Thread(target=time.sleep, args=(60,)).start()\n{solution}"),
    );
    let started = Instant::now();
    // A pass, so not held until the 3 s wall limit; and the command ends with
    // the checks, not with the thread's 60 s sleep.
    check(&dir, "validate").success();
    let took = started.elapsed();
    assert!(
        took.as_secs_f64() < 3.0 + LOADED.as_secs_f64(),
        "took {took:?}"
    );
}

#[test]
fn flooding_output_while_importing_is_the_output_limit() {
    let Some(v) = verdict_on(
        "validate",
        "basics/validate.py",
        "while True:\n    print('x' * 1000)\n",
    ) else {
        return;
    };
    assert_eq!(v["status"], "killed");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("output limit: validate.py printed too much while being imported"));
}

#[test]
fn a_cancelled_lesson_run_stops_at_once_and_gives_no_verdict() {
    if !python_available() {
        return;
    }
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let python = pykata::runner::python::find(None).unwrap();
    let cancel = Arc::new(AtomicBool::new(false));
    let raise = cancel.clone();
    // When the cancel was raised: a loaded machine may wake this thread late,
    // and the time that matters is from the cancel on.
    let raiser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        raise.store(true, Ordering::SeqCst);
        Instant::now()
    });
    let result = pykata::session::answer_prediction(
        &python,
        "while True:\n    pass\n",
        "Infinite loop",
        Some(cancel),
    );
    assert!(matches!(
        result,
        Err(pykata::session::LessonRunError::Cancelled)
    ));
    // Ends soon after the cancel, not left running. How soon is the
    // runner's own test (runner::process, a cancel against a 5 s limit): a
    // load of 17 on two cores took 2.4 s here to start, kill and reap
    // Python, past the 2 s predict limit itself.
    let raised = raiser.join().unwrap();
    let after = raised.elapsed();
    assert!(after < LOADED, "ended {after:?} after the cancel");
}

#[test]
fn a_check_stopped_by_the_learners_exception_leads_with_its_own_message() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "def add(item, items=None):\n    if items is not None:\n        raise KeyError(item)\n    return [item]\n",
    ) else {
        return;
    };
    let explicit = check_named(&v, "explicit");
    assert_eq!(explicit["status"], "error");
    let message = explicit["message"].as_str().unwrap();
    assert!(
        message.starts_with("An explicit list must be used and returned, got (not set)."),
        "{message}"
    );
    assert!(
        message.contains("your code raised KeyError: 'x'"),
        "{message}"
    );
    assert!(
        explicit["detail"].is_null() || !explicit["detail"].as_str().unwrap().contains("NameError")
    );
}

fn check_named<'v>(v: &'v serde_json::Value, id: &str) -> &'v serde_json::Value {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

#[test]
fn import_time_output_and_stderr_are_shown() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    write_kata(
        &dir,
        "basics/fix_default.py",
        "import sys\nprint('loading data')\nsys.stderr.write('warning: deprecated\\n')\ndef add(item, items=[]):\n    items.append(item)\n    return items\n",
    );
    let v = check_json(&dir, "fix-default");
    assert_eq!(v["import_output"], "loading data\n", "{v}");
    assert!(
        v["stderr"]
            .as_str()
            .unwrap()
            .contains("warning: deprecated"),
        "{v}"
    );
    check(&dir, "fix-default")
        .code(1)
        .stdout(predicate::str::contains(
            "Your file printed while imported:",
        ))
        .stdout(predicate::str::contains("loading data"))
        .stdout(predicate::str::contains("It wrote to stderr:"))
        .stdout(predicate::str::contains("warning: deprecated"));
}

#[test]
fn output_printed_before_a_timeout_is_kept() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "def add(item, items=None):\n    print('adding', item)\n    while True:\n        pass\n",
    ) else {
        return;
    };
    assert_eq!(v["status"], "timeout", "{v}");
    let two_calls = check_named(&v, "two-calls");
    assert_eq!(two_calls["status"], "timeout");
    assert_eq!(two_calls["output"], "adding a\n", "{v}");
}

#[test]
fn failure_messages_are_clipped() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "def add(item, items=None):\n    return ['x' * 1000] * 2000\n",
    ) else {
        return;
    };
    let explicit = check_named(&v, "explicit");
    let message = explicit["message"].as_str().unwrap();
    assert!(
        message.starts_with("An explicit list must be used"),
        "{message:.200}"
    );
    assert!(message.len() < 9 * 1024, "{} bytes", message.len());
    assert!(message.contains("(cut: "), "{message:.200}");
    assert!(v["message"].as_str().unwrap().len() < 9 * 1024);
}

/// A program that uses up its open files, then needs one: the verdict says
/// so, and does not blame `os._exit` (the harness leaves through it). The
/// harness itself needs no new descriptor once the program has started: it
/// reads the learner's file once per run.
#[test]
fn running_out_of_descriptors_is_named_not_blamed_on_os_exit() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "import sys\nsys.hog = getattr(sys, 'hog', [])\ntry:\n    while True:\n        sys.hog.append(open(__file__))\nexcept OSError:\n    pass\ndef add(item, items=None):\n    open(__file__).close()\n    return [item] if items is None else items + [item]\n",
    ) else {
        return;
    };
    let message = v["message"].as_str().unwrap();
    assert_ne!(v["status"], "pass", "{v}");
    assert!(!message.contains("os._exit"), "{message}");
    assert!(
        message.contains("open files") || message.contains("Too many open files"),
        "{message}"
    );
}

#[test]
fn a_program_that_kills_its_own_group_is_not_blamed_on_the_limits() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "import os, signal\nos.killpg(0, signal.SIGKILL)\n",
    ) else {
        return;
    };
    let message = v["message"].as_str().unwrap();
    assert_eq!(v["status"], "killed", "{v}");
    assert!(message.contains("not by pykata"), "{message}");
    assert!(!message.contains("memory or CPU limit"), "{message}");
}

#[test]
fn a_finaliser_that_hangs_at_exit_is_not_blamed_on_a_check() {
    let Some(v) = verdict_on(
        "fix-default",
        "basics/fix_default.py",
        "class Stuck:\n    def __del__(self):\n        while True:\n            pass\nkeep = Stuck()\ndef add(item, items=None):\n    if items is None:\n        items = []\n    items.append(item)\n    return items\n",
    ) else {
        return;
    };
    eprintln!("{v}");
    let message = v["message"].as_str().unwrap();
    assert!(!message.contains("during check"), "{message}");
}

// ---- Progress and the learner's files ------------------------------------

/// The binary as a `std` command, for runs that are spawned (in parallel, or
/// to be killed), with the environment `pykata()` gives.
fn pykata_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_pykata"));
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON")
        .arg("--course")
        .arg(fixture("course"));
    cmd
}

fn progress_path(dir: &tempfile::TempDir) -> PathBuf {
    ws_path(dir).join(".pykata/progress.json")
}

fn read_progress(dir: &tempfile::TempDir) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(progress_path(dir)).unwrap()).unwrap()
}

fn write_progress(dir: &tempfile::TempDir, json: serde_json::Value) {
    std::fs::write(progress_path(dir), json.to_string()).unwrap();
}

/// The files in the workspace's `.pykata` folder whose name contains `part`.
fn in_marker(dir: &tempfile::TempDir, part: &str) -> Vec<PathBuf> {
    std::fs::read_dir(ws_path(dir).join(".pykata"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(part))
        .map(|e| e.path())
        .collect()
}

/// Sets a file's or folder's modification time `secs` into the past.
fn age(path: &Path, secs: u64) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(secs);
    std::fs::File::open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

#[test]
fn recorded_hints_beyond_the_katas_hints_are_clamped() {
    // A course update removed a hint: the learner had seen 5, fix-default now has 2.
    let dir = workspace();
    write_progress(
        &dir,
        serde_json::json!({"format": 1, "katas": {"fix-default":
            {"state": "started", "attempts": 3, "hints_used": 5}}}),
    );
    pykata()
        .current_dir(ws_path(&dir))
        .args(["hint", "fix-default"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 2 of 2 for fix-default"))
        .stdout(predicate::str::contains("that was every hint"));
    assert_eq!(read_progress(&dir)["katas"]["fix-default"]["hints_used"], 2);
    if !python_available() {
        return;
    }
    write_progress(
        &dir,
        serde_json::json!({"format": 1, "katas": {"fix-default":
            {"state": "started", "attempts": 3, "hints_used": 5}}}),
    );
    check(&dir, "fix-default")
        .code(1)
        .stdout(predicate::str::contains("of 2 hints used").not());
}

#[test]
fn every_command_says_once_where_an_unreadable_progress_file_went() {
    // Commands that record something set the file aside, and say where.
    let commands: &[&[&str]] = &[&["hint", "order"], &["check", "order"], &["check", "--all"]];
    for args in commands {
        if args[0] == "check" && !python_available() {
            continue;
        }
        let dir = workspace();
        // An edited file: its run is recorded (a starter's is not).
        edit_kata(&dir, "basics/order.py");
        std::fs::write(progress_path(&dir), "{ this is not json").unwrap();
        let out = pykata()
            .current_dir(ws_path(&dir))
            .args(*args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let said = format!("{stdout}{stderr}");
        assert_eq!(
            said.matches("could not be read").count(),
            1,
            "`pykata {}` must say it once:\n{said}",
            args.join(" ")
        );
        let kept = in_marker(&dir, "unreadable");
        assert_eq!(kept.len(), 1, "`pykata {}`", args.join(" "));
        assert!(
            said.contains(&kept[0].display().to_string()),
            "`pykata {}` must say where the old file is:\n{said}",
            args.join(" ")
        );
        assert_eq!(
            std::fs::read_to_string(&kept[0]).unwrap(),
            "{ this is not json"
        );
    }
}

#[test]
fn read_only_commands_leave_an_unreadable_progress_file_where_it_is() {
    // `list`, `solution`, `doctor` and `report` only read: they say the
    // file cannot be read, once, and change nothing (they used to move it
    // aside while loading).
    let commands: &[&[&str]] = &[
        &["list"],
        &["solution", "order"],
        &["doctor"],
        &["report", "--name", "Ada"],
    ];
    for args in commands {
        let dir = workspace();
        std::fs::write(progress_path(&dir), "{ this is not json").unwrap();
        let out = pykata()
            .current_dir(ws_path(&dir))
            .args(*args)
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            said.matches("cannot be read").count(),
            1,
            "`pykata {}` must say it once:\n{said}",
            args.join(" ")
        );
        assert!(
            said.contains("the next run that records something moves that file aside"),
            "`pykata {}`:\n{said}",
            args.join(" ")
        );
        assert!(
            in_marker(&dir, "unreadable").is_empty(),
            "`pykata {}`",
            args.join(" ")
        );
        assert_eq!(
            std::fs::read_to_string(progress_path(&dir)).unwrap(),
            "{ this is not json",
            "`pykata {}` changed the file",
            args.join(" ")
        );
    }
}

#[test]
fn concurrent_checks_record_every_attempt() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    edit_kata(&dir, "basics/order.py");
    edit_kata(&dir, "basics/validate.py");
    // Two terminals, an interface and a script, all in one workspace.
    let runs: Vec<(&str, std::process::Child)> = (0..16)
        .map(|i| {
            let kata = if i % 2 == 0 { "order" } else { "validate" };
            let child = pykata_process()
                .current_dir(ws_path(&dir))
                .args(["check", kata])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            (kata, child)
        })
        .collect();
    for (kata, child) in runs {
        // What the run said, so a failure on a loaded machine says why.
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "`check {kata}` fails on the starter:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let progress = read_progress(&dir);
    assert_eq!(progress["katas"]["order"]["attempts"], 8, "{progress:#}");
    assert_eq!(progress["katas"]["validate"]["attempts"], 8, "{progress:#}");
    assert!(in_marker(&dir, ".tmp").is_empty());
}

#[cfg(unix)]
#[test]
fn saving_progress_keeps_the_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    if !python_available() {
        return;
    }
    let dir = workspace();
    edit_kata(&dir, "basics/order.py");
    check(&dir, "order").code(1);
    let path = progress_path(&dir);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    check(&dir, "order").code(1);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "mode is now {mode:o}");
    assert_eq!(read_progress(&dir)["katas"]["order"]["attempts"], 2);
}

#[test]
fn counts_at_the_top_of_their_type_saturate() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    write_progress(
        &dir,
        serde_json::json!({"format": 1, "katas": {
            "order": {"state": "started", "attempts": u32::MAX, "hints_used": u32::MAX},
            "fix-default": {"state": "done", "attempts": u32::MAX, "hints_used": u32::MAX,
                "first_attempt_at": 0u64, "done_at": u64::MAX},
            "validate": {"state": "done", "attempts": 1, "hints_used": 0,
                "first_attempt_at": 0u64, "done_at": u64::MAX}}}),
    );
    check(&dir, "order")
        .code(1)
        .stdout(predicate::str::contains("✗ order fail"));
    let progress = read_progress(&dir);
    assert_eq!(progress["katas"]["order"]["attempts"], u32::MAX);
    pykata()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "(started, {} attempts)",
            u32::MAX
        )));
    // The learner's report adds them up without wrapping, and counts no
    // more hints than a kata has.
    let out = tempfile::tempdir().unwrap();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["report", "--name", "Max", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("pykata-report-Max.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(report["totals"]["attempts"], u32::MAX, "{report:#}");
    assert_eq!(report["totals"]["hints_used"], 2 + 1, "{report:#}");
    assert_eq!(
        report["totals"]["seconds_on_done_katas"],
        u64::MAX,
        "{report:#}"
    );
    assert_eq!(report["katas"][0]["hints_used"], 2, "{report:#}");
}

/// Makes the progress file impossible to replace for as long as it lives:
/// immutable where the test runs as root (root ignores permissions), else a
/// read-only `.pykata` folder. `None` where neither can be done.
struct Unwritable {
    path: PathBuf,
    immutable: bool,
}

impl Unwritable {
    #[cfg(unix)]
    fn new(dir: &tempfile::TempDir) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        let root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if root {
            let path = progress_path(dir);
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(&path)
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                eprintln!("skipping: chattr +i is not possible here");
                return None;
            }
            Some(Unwritable {
                path,
                immutable: true,
            })
        } else {
            let path = ws_path(dir).join(".pykata");
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o555)).unwrap();
            Some(Unwritable {
                path,
                immutable: false,
            })
        }
    }

    #[cfg(not(unix))]
    fn new(_dir: &tempfile::TempDir) -> Option<Unwritable> {
        None
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        } else {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ =
                    std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
            }
        }
    }
}

#[test]
fn an_unwritable_progress_file_shows_the_verdict_then_the_warning() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    check(&dir, "order").code(1);
    let Some(_locked) = Unwritable::new(&dir) else {
        return;
    };
    check(&dir, "order")
        .code(1)
        .stdout(predicate::str::contains("✗ order fail"))
        .stdout(predicate::str::contains(
            "The decorators are stacked the wrong way round.",
        ))
        .stderr(predicate::str::contains("this run was not recorded"))
        .stderr(predicate::str::contains(
            progress_path(&dir).display().to_string(),
        ));
    let v = check_json(&dir, "order");
    assert_eq!(v["status"], "fail");
    // A hint is still shown, and the answer of a prediction still given.
    pykata()
        .current_dir(ws_path(&dir))
        .args(["hint", "order"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 1 of 1 for order"))
        .stderr(predicate::str::contains("not recorded"));
    assert_eq!(read_progress(&dir)["katas"]["order"]["attempts"], 1);
}

#[cfg(unix)]
#[test]
fn leftovers_of_a_killed_run_are_swept_at_the_next_start() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let tmp = tempfile::tempdir().unwrap();
    write_kata(
        &dir,
        "basics/validate.py",
        "def set_port(n):\n    while True:\n        pass\n",
    );
    // A run killed with -9 leaves its work dir, with a copy of the learner's file.
    let mut killed = pykata_process()
        .current_dir(ws_path(&dir))
        .env("TMPDIR", tmp.path())
        .args(["check", "validate"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let run_dirs = || -> Vec<PathBuf> {
        std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("pykata-run-"))
            .map(|e| e.path())
            .collect()
    };
    let started = Instant::now();
    let left = loop {
        let found: Vec<PathBuf> = run_dirs()
            .into_iter()
            .filter(|d| d.join("validate.py").exists())
            .collect();
        if !found.is_empty() || started.elapsed().as_secs() > 20 {
            break found;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(left.len(), 1, "the run's work dir appears");
    killed.kill().unwrap();
    killed.wait().unwrap();
    let left = left[0].clone();
    assert!(left.join("validate.py").exists());
    age(&left, 86_400);
    // A run dir as old but in use by a live process, and a new one.
    let held = tmp.path().join("pykata-run-held");
    std::fs::create_dir(&held).unwrap();
    std::fs::write(held.join("mine.py"), "x = 1\n").unwrap();
    age(&held, 86_400);
    let holder = std::fs::File::open(&held).unwrap();
    holder.lock().unwrap();
    let fresh = tmp.path().join("pykata-run-fresh");
    std::fs::create_dir(&fresh).unwrap();
    // A temp file of a progress save cut short, and one just made.
    let marker = ws_path(&dir).join(".pykata");
    std::fs::write(marker.join(".tmpAbC123"), "{").unwrap();
    age(&marker.join(".tmpAbC123"), 86_400);
    std::fs::write(marker.join(".tmpNew456"), "{").unwrap();

    write_kata(&dir, "basics/validate.py", "def set_port(n):\n    pass\n");
    pykata()
        .current_dir(ws_path(&dir))
        .env("TMPDIR", tmp.path())
        .args(["check", "validate"])
        .assert()
        .code(1);
    assert!(!left.exists(), "the killed run's work dir is swept");
    assert!(held.join("mine.py").exists(), "a held work dir is kept");
    assert!(fresh.exists(), "a new work dir is kept");
    let mut remaining = run_dirs();
    remaining.sort();
    assert_eq!(remaining, vec![fresh.clone(), held.clone()]);
    assert!(!marker.join(".tmpAbC123").exists());
    assert!(marker.join(".tmpNew456").exists());
    drop(holder);
}

/// Runs `args` in the workspace with stdout a pipe whose reader is gone
/// before the binary starts, as in `pykata doctor | head -0`: every print
/// meets a closed pipe.
fn run_into_closed_pipe(dir: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    std::process::Command::new(assert_cmd::cargo::cargo_bin("pykata"))
        .env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON")
        .arg("--course")
        .arg(fixture("course"))
        .args(args)
        .current_dir(ws_path(dir))
        .stdout(writer)
        .output()
        .unwrap()
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    copy_fixture_solution(&dir, "fix_default.alt.py", "basics/fix_default.py");
    check(&dir, "fix-default").success();
    for args in [
        &["doctor"][..],
        &["check", "--all"],
        &["solution", "fix-default"],
        &["hint", "order"],
        &["list"],
    ] {
        let out = run_into_closed_pipe(&dir, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn init_inside_a_workspace_refuses_and_names_it() {
    let dir = workspace();
    let inner = ws_path(&dir).join("basics");
    for args in [&["init"][..], &["init", "nested"], &["init", "../basics/x"]] {
        pykata()
            .current_dir(&inner)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "is inside the pykata workspace at",
            ))
            .stderr(predicate::str::contains(
                ws_path(&dir).display().to_string(),
            ));
    }
    assert!(!inner.join("pykata-workspace").exists());
    assert!(!inner.join("nested").exists());
    // The workspace itself, named from inside it, is not nested.
    pykata()
        .current_dir(&inner)
        .args(["init", ".."])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 kata files created, 6 kept"));
}

#[test]
fn an_untouched_starter_is_not_an_attempt() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "--all"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("0 of 6 katas pass"));
    pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "order"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "This is still the starter: not counted as an attempt.",
        ));
    pykata()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("started").not())
        .stdout(predicate::str::contains("attempt").not());
    // An edit is an attempt, and says nothing about the starter.
    edit_kata(&dir, "basics/order.py");
    pykata()
        .current_dir(ws_path(&dir))
        .args(["check", "order"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("still the starter").not());
    pykata()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "order         Enter and exit in order  (started, 1 attempt)",
        ));
}

/// An old interpreter from pyenv, if this machine has it (CI's image does).
fn old_python(version: &str, name: &str) -> Option<PathBuf> {
    let path = Path::new(&std::env::var_os("HOME")?)
        .join(".pyenv/versions")
        .join(version)
        .join("bin")
        .join(name);
    if !path.is_file() {
        eprintln!("skipping {version}: {} is not installed", path.display());
    }
    path.is_file().then_some(path)
}

#[test]
fn an_unsupported_interpreter_is_refused_before_anything_runs() {
    if !python_available() {
        return;
    }
    let olds = [
        old_python("3.8.18", "python3.8").map(|p| (p, "Python 3.8.18")),
        old_python("2.7.18", "python2.7").map(|p| (p, "Python 2.7.18")),
    ];
    for (old, version) in olds.into_iter().flatten() {
        let dir = workspace();
        edit_kata(&dir, "basics/order.py");
        let refused = |args: &[&str]| {
            pykata()
                .current_dir(ws_path(&dir))
                .arg("--python")
                .arg(&old)
                .args(args)
                .assert()
                .code(3)
                .stdout("")
                .stderr(predicate::str::contains(format!(
                    "{} is {version}; pykata needs Python 3.10 or newer",
                    old.display()
                )))
                .stderr(predicate::str::contains("install CPython 3.10 or newer"));
        };
        refused(&["check", "order"]);
        refused(&["check", "--all"]);
        refused(&["verify"]);
        // Nothing ran, so nothing was recorded.
        assert!(!progress_path(&dir).exists(), "{version}");
        // Among several, one old interpreter is refused too.
        pykata()
            .args(["--python", "python3", "--python"])
            .arg(&old)
            .arg("verify")
            .assert()
            .code(3)
            .stderr(predicate::str::contains(format!(
                "is {version}; pykata needs Python 3.10 or newer"
            )));
        // `doctor` says the same.
        pykata()
            .current_dir(ws_path(&dir))
            .arg("--python")
            .arg(&old)
            .arg("doctor")
            .assert()
            .stdout(predicate::str::contains(format!(
                "is {version}; pykata needs Python 3.10 or newer"
            )));
        // The interface runs through the same calls: a kata run and a
        // prediction are refused with the same message, nothing recorded.
        let course =
            pykata::course::load(pykata::course::CourseSource::from_path(&fixture("course")))
                .unwrap();
        let kata = course.find_kata("order").unwrap();
        let ws = pykata::workspace::Workspace {
            root: ws_path(&dir),
        };
        let python = pykata::runner::Interpreter {
            program: old.clone(),
            pre_args: Vec::new(),
            found_by: "--python",
        };
        let err = pykata::session::check_kata(&python, &ws, kata, None).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("is {version}; pykata needs")),
            "{err}"
        );
        let err = pykata::session::answer_prediction(&python, "print(1)", "1", None).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("is {version}; pykata needs")),
            "{err}"
        );
        assert!(!progress_path(&dir).exists(), "{version}");
    }
}

/// A KeyboardInterrupt from the learner's code ends the run; the verdict
/// names it instead of guessing at os._exit (the harness's `interrupted`
/// event was read and ignored).
#[test]
fn a_keyboard_interrupt_is_named_not_guessed() {
    let Some(v) = verdict_on(
        "validate",
        "basics/validate.py",
        "def set_port(n):\n    raise KeyboardInterrupt\n",
    ) else {
        return;
    };
    assert_eq!(v["status"], "error");
    // `zero` expects a ValueError and sees the KeyboardInterrupt; `ok` runs
    // next and is ended by it.
    let message = v["checks"][1]["message"].as_str().unwrap();
    assert!(
        message.contains("raised KeyboardInterrupt during check `ok`"),
        "{message}"
    );
    assert!(!message.contains("os._exit"), "{message}");
}

// ---- The course a workspace follows ---------------------------------------

/// The binary with no `--course`: what a learner types after `init`.
fn pykata_bare() -> Command {
    let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON");
    cmd
}

/// A copy of the fixture course at `to`, which the test may move or delete.
fn copy_course(to: &Path) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    copy(&fixture("course"), to);
}

/// `--course my-course init ws` in a fresh folder, with the course copied
/// there as `my-course` and named by a relative path.
fn workspace_on_own_course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_course(&dir.path().join("my-course"));
    pykata_bare()
        .current_dir(dir.path())
        .args(["--course", "my-course", "init", "ws"])
        .assert()
        .success()
        .stdout(predicate::str::contains("run `pykata check fix-default`"));
    dir
}

#[test]
fn a_workspace_remembers_the_course_it_was_made_with() {
    if !python_available() {
        return;
    }
    let dir = workspace_on_own_course();
    // The next step init printed works as printed, with no --course.
    pykata_bare()
        .current_dir(ws_path(&dir))
        .args(["check", "fix-default"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("✗ fix-default fail"))
        .stderr(predicate::str::is_empty());
    pykata_bare()
        .current_dir(ws_path(&dir).join("basics"))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Fixture course"))
        .stdout(predicate::str::contains("fix-default"));
    // Opened from elsewhere (the course was named relative to the parent).
    let elsewhere = tempfile::tempdir().unwrap();
    pykata_bare()
        .current_dir(elsewhere.path())
        .arg("--workspace")
        .arg(ws_path(&dir))
        .args(["hint", "fix-default"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 1 of 2 for fix-default"));
}

#[test]
fn a_course_moved_along_with_its_workspace_is_still_found() {
    let dir = workspace_on_own_course();
    let moved = dir.path().join("moved");
    std::fs::create_dir(&moved).unwrap();
    std::fs::rename(dir.path().join("my-course"), moved.join("my-course")).unwrap();
    std::fs::rename(ws_path(&dir), moved.join("ws")).unwrap();
    pykata_bare()
        .current_dir(moved.join("ws"))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Fixture course"));
    // Naming it where it is now is no override.
    pykata_bare()
        .current_dir(moved.join("ws"))
        .args(["--course", "../my-course", "list"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn another_course_asked_for_is_used_and_said() {
    let dir = workspace_on_own_course();
    copy_course(&dir.path().join("other-course"));
    pykata_bare()
        .current_dir(ws_path(&dir))
        .args(["--course", "../other-course", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Fixture course"))
        .stderr(predicate::str::contains("warning: using the course at "))
        .stderr(predicate::str::contains(
            "other-course (from --course or PYKATA_COURSE), not the course at ",
        ))
        .stderr(predicate::str::contains(
            "my-course, which this workspace follows",
        ));
    // PYKATA_COURSE is the same override.
    pykata_bare()
        .current_dir(ws_path(&dir))
        .env("PYKATA_COURSE", dir.path().join("other-course"))
        .arg("list")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "other-course (from --course or PYKATA_COURSE)",
        ));
    // Naming the workspace's own course is no override.
    pykata_bare()
        .current_dir(ws_path(&dir))
        .args(["--course", "../my-course", "list"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_course_that_is_gone_is_explained_not_replaced() {
    let dir = workspace_on_own_course();
    std::fs::remove_dir_all(dir.path().join("my-course")).unwrap();
    for args in [&["list"][..], &["check", "fix-default"], &["doctor"]] {
        let out = pykata_bare()
            .current_dir(ws_path(&dir))
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {text}");
        assert!(
            text.contains("this workspace follows the course at ")
                && text.contains("my-course, which is gone"),
            "{args:?}: {text}"
        );
        assert!(
            text.contains("`pykata --course DIR init "),
            "{args:?} says how to fix it: {text}"
        );
        assert!(!text.contains("Advanced Python"), "{args:?}: {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
    }
    // The fix the help gives: follow a course at its new place from now on.
    copy_course(&dir.path().join("new-place"));
    pykata_bare()
        .current_dir(dir.path())
        .args(["--course", "new-place", "init", "ws"])
        .assert()
        .success()
        .stdout(predicate::str::contains("It follows the course at "))
        .stdout(predicate::str::contains("(it followed the course at "));
    pykata_bare()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Fixture course"))
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_workspace_from_before_the_record_keeps_the_built_in_course() {
    let dir = workspace_on_own_course();
    std::fs::remove_file(ws_path(&dir).join(".pykata/course.json")).unwrap();
    pykata_bare()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Advanced Python"))
        .stderr(predicate::str::is_empty());
    // A record pykata cannot read is said, not guessed around.
    std::fs::write(ws_path(&dir).join(".pykata/course.json"), "{oops").unwrap();
    pykata_bare()
        .current_dir(ws_path(&dir))
        .arg("list")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "course.json does not say which course this workspace follows",
        ))
        .stderr(predicate::str::contains("writes it again"));
}

// ---- Which kata: the current one, or one named by its file ----------------

#[test]
fn check_with_no_kata_judges_the_one_to_continue() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    // A fresh learner: the first kata.
    pykata()
        .current_dir(ws_path(&dir))
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("✗ fix-default fail"));
    // The last kata worked on, while it is not done.
    edit_kata(&dir, "basics/order.py");
    check(&dir, "order").code(1);
    pykata()
        .current_dir(ws_path(&dir))
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("✗ order fail"));
    // Once it passes, the next one not done.
    copy_fixture_solution(&dir, "order.solution.py", "basics/order.py");
    pykata()
        .current_dir(ws_path(&dir))
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("✓ order pass"));
    pykata()
        .current_dir(ws_path(&dir))
        .arg("check")
        .assert()
        .stdout(predicate::str::starts_with("✗ validate "));
}

#[test]
fn check_with_no_kata_when_every_kata_is_done_says_so() {
    let dir = workspace();
    let katas: serde_json::Map<String, serde_json::Value> = [
        "fix-default",
        "order",
        "validate",
        "import-guard",
        "greet",
        "needs-future",
    ]
    .iter()
    .map(|id| {
        (
            id.to_string(),
            serde_json::json!({"state": "done", "attempts": 1, "hints_used": 0}),
        )
    })
    .collect();
    write_progress(&dir, serde_json::json!({"format": 1, "katas": katas}));
    pykata()
        .current_dir(ws_path(&dir))
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Every kata of this course is done",
        ));
}

#[test]
fn check_takes_the_katas_file_as_well_as_its_id() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let ws = ws_path(&dir);
    let absolute = ws.join("basics/order.py");
    for (cwd, arg) in [
        (ws.clone(), "basics/order.py"),
        (ws.join("basics"), "order.py"),
        (ws.join("basics"), "./order.py"),
        (ws.clone(), "katas/basics/order.py"),
        (ws.join("basics"), absolute.to_str().unwrap()),
    ] {
        pykata()
            .current_dir(&cwd)
            .args(["check", arg])
            .assert()
            .code(1)
            .stdout(predicate::str::starts_with(
                "✗ order fail (basics/order.py,",
            ));
    }
    pykata()
        .current_dir(&ws)
        .args(["check", "basics/ordr.py"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no kata of this course has the file basics/ordr.py",
        ))
        .stderr(predicate::str::contains("did you mean `basics/order.py`?"));
}

// ---- restore ---------------------------------------------------------------

fn restore(dir: &tempfile::TempDir, args: &[&str]) -> (Option<i32>, String, String) {
    let out = pykata()
        .current_dir(ws_path(dir))
        .arg("restore")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn order_file(dir: &tempfile::TempDir) -> String {
    std::fs::read_to_string(ws_path(dir).join("basics/order.py")).unwrap()
}

#[test]
fn restore_brings_back_what_reset_kept_and_loses_nothing() {
    let dir = workspace();
    let starter = order_file(&dir);
    let (code, _, err) = restore(&dir, &["order"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("there is no backup of `order` to restore"),
        "{err}"
    );
    assert!(err.contains("`pykata reset order` keeps one"), "{err}");

    for version in ["# first try\n", "# second try\n"] {
        write_kata(&dir, "basics/order.py", version);
        pykata()
            .current_dir(ws_path(&dir))
            .args(["reset", "order"])
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "`pykata restore order` brings your file back.",
            ));
    }
    assert_eq!(order_file(&dir), starter);

    // The newest by default; the starter it replaces is kept.
    let (code, out, err) = restore(&dir, &["order"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(order_file(&dir), "# second try\n");
    assert!(
        out.contains("basics/order.py is back as it was in backup 1 ("),
        "{out}"
    );
    assert!(out.contains("What it held before was copied to "), "{out}");
    // Listed as they are now: the copy of the starter first.
    assert!(out.contains("3 backups of order, newest first:"), "{out}");
    let listed: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("   ") && l.contains(".pykata/backups/basics/order."))
        .collect();
    assert_eq!(listed.len(), 3, "{out}");
    assert!(listed[0].trim_start().starts_with("1. "), "{out}");
    assert!(listed[1].ends_with("(restored)"), "{out}");
    assert!(
        out.contains("`pykata restore order --from N` puts another back."),
        "{out}"
    );

    // An older one by number, from the list.
    let (_, out, _) = restore(&dir, &["order", "--list"]);
    assert!(out.contains("3 backups of order, newest first:"), "{out}");
    let (code, _, err) = restore(&dir, &["order", "--from", "3"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(order_file(&dir), "# first try\n");

    // Every version the learner had is still somewhere.
    let kept: Vec<String> = std::fs::read_dir(ws_path(&dir).join(".pykata/backups/basics"))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    for version in ["# first try\n", "# second try\n", starter.as_str()] {
        assert!(kept.iter().any(|k| k == version), "{version:?} was lost");
    }

    // Nothing to do, and a number that is not there.
    let (code, out, _) = restore(&dir, &["order", "--from", "4"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("is already the same as backup 4"), "{out}");
    let (code, _, err) = restore(&dir, &["order", "--from", "9"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`order` has 4 backups; there is no backup 9"),
        "{err}"
    );
}

// ---- solution --diff -------------------------------------------------------

#[test]
fn after_a_pass_the_solution_can_be_diffed_against_yours() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let solution = |extra: &[&str]| {
        pykata()
            .current_dir(ws_path(&dir))
            .args(["solution", "fix-default"])
            .args(extra)
            .assert()
    };
    solution(&["--diff"])
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("opens after you pass it"));
    copy_fixture_solution(&dir, "fix_default.alt.py", "basics/fix_default.py");
    check(&dir, "fix-default")
        .success()
        .stdout(predicate::str::contains(
            "`pykata solution fix-default` (`--diff` for what differs from yours)",
        ));
    let out = solution(&["--diff"]).success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with(
            "--- reference  katas/basics/fix_default.solution.py\n+++ yours      basics/fix_default.py\n@@ -1,"
        ),
        "{out}"
    );
    for line in [
        "-def add(item, items=None):",
        "-    if items is None:",
        "+_MISSING = object()",
        "+def add(item, items=_MISSING):",
        "+    items = [] if items is _MISSING else items",
    ] {
        assert!(out.lines().any(|l| l == line), "no {line:?} in:\n{out}");
    }
    // Lines both share are context, not differences.
    assert!(
        !out.lines()
            .any(|l| l.starts_with(['-', '+']) && l.contains("items.append(item)")),
        "{out}"
    );
    copy_fixture_solution(&dir, "fix_default.solution.py", "basics/fix_default.py");
    solution(&["--diff"])
        .success()
        .stdout(predicate::str::contains(
            "Your basics/fix_default.py is the reference solution of fix-default, line for line.",
        ));
}

// ---- watch -----------------------------------------------------------------

/// `pykata watch` running in the background, its output collected as it
/// comes.
struct Watch {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    out: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Watch {
    fn start(dir: &tempfile::TempDir, args: &[&str]) -> Watch {
        Watch::start_with_temp(dir, args, &std::env::temp_dir())
    }

    /// Started with `temp` as its temp folder, where its runs' work dirs go.
    fn start_with_temp(dir: &tempfile::TempDir, args: &[&str], temp: &Path) -> Watch {
        use std::io::Read;
        use std::process::Stdio;
        let mut child = pykata_process()
            .current_dir(ws_path(dir))
            .env("TMPDIR", temp)
            .arg("watch")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        for mut stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let out = out.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    out.lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
        }
        let stdin = child.stdin.take();
        Watch { child, stdin, out }
    }

    fn output(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    /// Waits until `text` has been printed `times` times in all.
    fn wait_for(&self, text: &str, times: usize) -> String {
        let started = Instant::now();
        loop {
            let out = self.output();
            if out.matches(text).count() >= times {
                return out;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "waited for {text:?} ×{times}; watch printed:\n{out}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn type_keys(&mut self, keys: &str) {
        use std::io::Write;
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(keys.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits for the process to end; its exit code and everything printed.
    fn wait_end(mut self) -> (Option<i32>, String) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The readers get the last of the output.
                std::thread::sleep(std::time::Duration::from_millis(100));
                return (status.code(), self.output());
            }
            if started.elapsed() > std::time::Duration::from_secs(15) {
                let _ = self.child.kill();
                panic!("watch did not end; it printed:\n{}", self.output());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// Saves `text` as `rel` the way editors do: a new file renamed over it.
fn save_as_an_editor(dir: &tempfile::TempDir, rel: &str, text: &str) {
    let path = ws_path(dir).join(rel);
    let tmp = path.with_extension("py.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
}

#[test]
fn watch_judges_every_save_and_moves_on_after_a_pass() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let mut watch = Watch::start(&dir, &[]);
    // The current kata, judged at once.
    watch.wait_for("Watching basics/fix_default.py (fix-default).", 1);
    let out = watch.output();
    assert!(out.contains("✗ fix-default fail"), "{out}");

    // A wrong save: judged again, with no key pressed.
    save_as_an_editor(
        &dir,
        "basics/fix_default.py",
        "def add(item, items=[]):\n    items = items + [item]\n    return items\n",
    );
    watch.wait_for("✗ fix-default ", 2);
    // A save of another kata is not judged, but said.
    edit_kata(&dir, "basics/validate.py");
    watch.wait_for("(saved basics/validate.py; watching basics/fix_default.py: `pykata watch validate` watches that one)", 1);

    // The right one: a pass, then the next kata, judged at once.
    let solution =
        std::fs::read_to_string(fixture("course/katas/basics/fix_default.solution.py")).unwrap();
    save_as_an_editor(&dir, "basics/fix_default.py", &solution);
    watch.wait_for("✓ fix-default pass", 1);
    watch.wait_for("→ fix-default is done. Next: order (basics/order.py): ", 1);
    watch.wait_for("Watching basics/order.py (order).", 1);
    assert_eq!(read_progress(&dir)["katas"]["fix-default"]["state"], "done");

    // q quits cleanly.
    watch.type_keys("q");
    let (code, out) = watch.wait_end();
    assert_eq!(code, Some(0), "{out}");
    assert!(out.trim_end().ends_with("Stopped watching."), "{out}");
    assert!(!out.contains("✗ validate"), "{out}");
}

#[test]
fn watch_starts_on_a_named_kata_and_ctrl_c_quits_cleanly() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    let watch = Watch::start(&dir, &["basics/order.py"]);
    watch.wait_for("Watching basics/order.py (order).", 1);
    // Ctrl-C in a terminal sends SIGINT.
    let pid = nix::unistd::Pid::from_raw(watch.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
    let (code, out) = watch.wait_end();
    assert_eq!(code, Some(0), "{out}");
    assert!(out.trim_end().ends_with("Stopped watching."), "{out}");
}

#[test]
fn quitting_watch_during_a_run_stops_the_run_at_once() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    // A run that would take the whole time limit (5 s).
    write_kata(&dir, "basics/fix_default.py", "while True:\n    pass\n");
    let temp = tempfile::tempdir().unwrap();
    let mut watch = Watch::start_with_temp(&dir, &[], temp.path());
    watch.wait_for("── checking basics/fix_default.py ──", 1);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let asked = Instant::now();
    watch.type_keys("q");
    let (code, out) = watch.wait_end();
    // The run would go on to its 5 s limit; quitting ends it before that.
    assert!(
        asked.elapsed() < std::time::Duration::from_secs(4),
        "took {:?}: {out}",
        asked.elapsed()
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        !out.contains("timeout"),
        "no verdict on a stopped run: {out}"
    );
    // A stopped run is no attempt.
    assert!(!progress_path(&dir).exists() || read_progress(&dir)["katas"]["fix-default"].is_null());
    // And leaves no work dir: neither the stopped run's nor one started
    // for the next save as the watch ended.
    let left = common::run_dirs_in(temp.path());
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A course of one topic whose lesson is `steps` (YAML list items).
fn lesson_course(steps: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("lessons")).unwrap();
    std::fs::write(
        dir.path().join("course.yaml"),
        "format: 1\ntitle: Extras\ntopics: [extras]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("lessons/extras.yaml"),
        format!("title: Extras\nlesson:\n{steps}"),
    )
    .unwrap();
    dir
}

#[test]
fn verify_skips_an_example_whose_module_is_missing_and_runs_the_others() {
    if !python_available() {
        return;
    }
    // The first example would fail if it ran; the second needs a module
    // every Python has, so it runs, and its wrong output is reported.
    let course = lesson_course(
        "  - example:\n      code: |\n        import pykata_no_such_module\n      output: \"42\"\n      requires: [pykata_no_such_module]\n\
         \x20 - example:\n      code: |\n        import json\n        print(json.dumps([1]))\n      output: \"[2]\"\n      requires: [json]\n",
    );
    let out = Command::cargo_bin("pykata")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("--course")
        .arg(course.path())
        .arg("verify")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("skipped")
            && text.contains(
                "(step `import-pykata-no-such-module` of extras): needs pykata_no_such_module, not installed for this Python"
            ),
        "{text}"
    );
    assert!(
        text.contains("(step `import-json` of extras)")
            && text.contains("stated `output:` differs"),
        "{text}"
    );
    assert!(text.contains(": 1 problem\n"), "{text}");
}

#[test]
fn lint_refuses_a_required_module_that_is_not_a_module_name() {
    let course = lesson_course(
        "  - example:\n      code: print(1)\n      output: \"1\"\n      requires: [numpy, \"numpy-2\"]\n",
    );
    let out = Command::cargo_bin("pykata")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("lint")
        .arg(course.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("extras.yaml:6:25: `requires: numpy-2` is not a module name"),
        "{text}"
    );
    assert!(text.contains("lint: 1 problem\n"), "{text}");
}

#[test]
fn running_an_example_whose_module_is_missing_names_it_and_runs_nothing() {
    if !python_available() {
        return;
    }
    let python = pykata::runner::Interpreter {
        program: "python3".into(),
        pre_args: Vec::new(),
        found_by: "test",
    };
    let err = pykata::session::run_example(
        &python,
        "print('ran')",
        &["json".to_string(), "pykata_no_such_module.sub".to_string()],
        None,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("this example needs pykata_no_such_module.sub, which is not installed")
            && text.contains("`python -m pip install pykata_no_such_module`"),
        "{text}"
    );
    // A module every Python has does not stop the run.
    let out =
        pykata::session::run_example(&python, "print('ran')", &["json".to_string()], None).unwrap();
    assert_eq!(out, "ran\n");
}

#[test]
fn a_module_probe_that_does_not_answer_is_an_error_not_a_missing_module() {
    // `true` takes the probe script, prints nothing and exits 0, as an
    // interpreter stopped by a loaded machine's wall clock prints nothing:
    // that must not read as "json is not installed".
    let Ok(program) = which::which("true") else {
        return;
    };
    let silent = pykata::runner::Interpreter {
        program,
        pre_args: Vec::new(),
        found_by: "test",
    };
    let got = pykata::session::missing_modules(&silent, &["json".to_string()]);
    let err = got.expect_err("a silent probe must be an error");
    assert!(
        err.to_string()
            .contains("could not find out whether json is installed"),
        "{err}"
    );
}

#[test]
fn a_check_keeps_its_verdict_for_the_interface_to_show_again() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    write_kata(
        &dir,
        "basics/fix_default.py",
        "def add(item, items=None):\n    return [item] +\n",
    );
    check(&dir, "fix-default").code(1);
    let progress = std::fs::read_to_string(progress_path(&dir)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&progress).unwrap();
    let last = &v["katas"]["fix-default"]["last_verdict"];
    assert_eq!(last["status"], "error", "{progress}");
    assert_eq!(last["line"], 2, "{progress}");
    assert!(
        last["message"].as_str().unwrap().contains("SyntaxError"),
        "{progress}"
    );
    assert!(last["at"].as_u64().unwrap() > 1_700_000_000, "{progress}");
}

/// The fixture course copied into `dir/course` with a second topic,
/// `extra`: the basics topic again under other kata ids (`ID-2`).
fn course_with_two_topics(dir: &Path) -> PathBuf {
    let course = dir.join("course");
    copy_course(&course);
    let extra_katas = course.join("katas/extra");
    std::fs::create_dir_all(&extra_katas).unwrap();
    for f in std::fs::read_dir(course.join("katas/basics"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(f.path(), extra_katas.join(f.file_name())).unwrap();
    }
    let basics = std::fs::read_to_string(course.join("lessons/basics.yaml")).unwrap();
    let mut in_katas = false;
    let extra: String = basics
        .lines()
        .map(|line| {
            in_katas |= line.starts_with("katas:");
            match line.strip_prefix("  - id: ") {
                Some(id) if in_katas => format!("  - id: {id}-2\n"),
                _ => format!("{}\n", line.replace(" basics/", " extra/")),
            }
        })
        .collect();
    std::fs::write(course.join("lessons/extra.yaml"), extra).unwrap();
    let manifest = std::fs::read_to_string(course.join("course.yaml")).unwrap();
    std::fs::write(course.join("course.yaml"), format!("{manifest}  - extra\n")).unwrap();
    course
}

#[test]
fn check_follows_a_change_to_its_own_topic_and_leaves_other_topics_to_the_next_full_command() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let course = course_with_two_topics(dir.path());
    let ws = dir.path().join("ws");
    pykata_bare()
        .arg("--course")
        .arg(&course)
        .arg("init")
        .arg(&ws)
        .assert()
        .success();
    let check = || {
        pykata_bare()
            .arg("--workspace")
            .arg(&ws)
            .args(["check", "fix-default"])
            .output()
            .unwrap()
    };
    check();
    // Untouched starters are refreshed when the course's change is followed.
    let new_starter = "# Stack them in order (a new starter).\n";
    std::fs::write(course.join("katas/extra/order.py"), new_starter).unwrap();
    let out = check();
    assert!(String::from_utf8_lossy(&out.stdout).contains("fix-default"));
    // A check of a basics kata does not stamp the other topic, so its
    // change waits for a command that looks at the whole course.
    assert_ne!(
        std::fs::read_to_string(ws.join("extra/order.py")).unwrap(),
        new_starter
    );
    pykata_bare()
        .arg("--workspace")
        .arg(&ws)
        .arg("list")
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(ws.join("extra/order.py")).unwrap(),
        new_starter
    );
    // A change to the kata's own topic is followed by the check itself.
    std::fs::write(course.join("katas/basics/order.py"), new_starter).unwrap();
    check();
    assert_eq!(
        std::fs::read_to_string(ws.join("basics/order.py")).unwrap(),
        new_starter
    );
}

#[test]
fn watch_judges_a_save_no_event_reported() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    // A second name for the kata's file outside the workspace: a write
    // through it changes the file, and the folder watcher hears nothing
    // (as with --poll missing a quick change back, or a mount without
    // events).
    let file = ws_path(&dir).join("basics/fix_default.py");
    let other = dir.path().join("elsewhere.py");
    std::fs::hard_link(&file, &other).unwrap();
    let mut watch = Watch::start(&dir, &[]);
    watch.wait_for("Watching basics/fix_default.py (fix-default).", 1);
    let solution =
        std::fs::read_to_string(fixture("course/katas/basics/fix_default.solution.py")).unwrap();
    std::fs::write(&other, solution).unwrap();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        std::fs::read_to_string(&other).unwrap()
    );
    // Within a few seconds the file is compared with the text judged.
    watch.wait_for("✓ fix-default pass", 1);
    watch.type_keys("q");
    let (code, out) = watch.wait_end();
    assert_eq!(code, Some(0), "{out}");
}

/// `check KATA` starts its run before it loads the course (see
/// runner::warm::start_one). Whether that run is used (a kata with the
/// default limits), thrown away (one with its own limits), or never handed
/// a kata (an id no kata has), the verdict is the one a run started after
/// loading gives, and no run's folder is left in the temp folder (it goes
/// after the run's processes).
#[test]
fn check_leaves_no_run_behind_whether_its_early_run_is_used_or_not() {
    if !python_available() {
        return;
    }
    let dir = workspace();
    copy_fixture_solution(&dir, "fix_default.solution.py", "basics/fix_default.py");
    copy_fixture_solution(&dir, "validate.solution.py", "basics/validate.py");
    let tmp = tempfile::tempdir().unwrap();
    for (kata, verdict) in [
        ("fix-default", Some("pass")),
        ("validate", Some("pass")),
        ("no-such-kata", None),
    ] {
        for warm in ["1", "0"] {
            let out = pykata()
                .current_dir(ws_path(&dir))
                .env("TMPDIR", tmp.path())
                .env("PYKATA_WARM_RUNNER", warm)
                .args(["check", kata, "--format", "json"])
                .output()
                .unwrap();
            let judged = serde_json::from_slice::<serde_json::Value>(&out.stdout).ok();
            assert_eq!(
                judged.as_ref().and_then(|v| v["status"].as_str()),
                verdict,
                "{kata} (warm runs {warm}): {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let left: Vec<_> = std::fs::read_dir(tmp.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert!(left.is_empty(), "{kata} (warm runs {warm}) left {left:?}");
        }
    }
}
