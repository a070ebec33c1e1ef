//! What pykata remembers of an interpreter between commands (its version,
//! the binary a shim starts, its folders, the harness it compiled), so that
//! a check costs the learner's run and nothing else: no shim, no second
//! start to ask a question. Driven through the real binary with a shim that
//! writes a line to a log each time it is started, in front of the real
//! CPython, and the cache folder of each test its own.

use crate::common;
use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The real interpreter binary behind `python3`, links resolved.
fn real_python() -> Option<PathBuf> {
    if !common::python_available() {
        return None;
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import os, sys; print(os.path.realpath(sys.executable))",
        ])
        .output()
        .ok()?;
    Some(PathBuf::from(String::from_utf8(out.stdout).ok()?.trim()))
}

/// A folder with a solved workspace of the built-in course, a shim that
/// logs its starts and runs the real interpreter, and a cache folder.
struct Setup {
    dir: tempfile::TempDir,
    python: PathBuf,
}

const KATA: &str = "mutable-default";

impl Setup {
    fn new(extra_shim_line: &str) -> Option<Setup> {
        let python = real_python()?;
        let dir = tempfile::tempdir().unwrap();
        let setup = Setup { dir, python };
        setup.write_shim(extra_shim_line);
        let ws = setup.workspace();
        setup.pykata().arg("init").arg(&ws).assert().success();
        std::fs::copy(
            common::root().join("katas/gotchas/mutable_default.solution.py"),
            ws.join("gotchas/mutable_default.py"),
        )
        .unwrap();
        Some(setup)
    }

    fn shim(&self) -> PathBuf {
        self.dir.path().join("bin/python3")
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("starts.log")
    }

    fn workspace(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// Writes the shim anew (a new file: a new inode and time).
    fn write_shim(&self, extra_line: &str) {
        let shim = self.shim();
        std::fs::create_dir_all(shim.parent().unwrap()).unwrap();
        let text = format!(
            "#!/bin/sh\n{extra_line}\nprintf '%s\\n' \"$*\" | tr '\\n' ' ' >> '{log}'\necho >> '{log}'\nexec '{python}' \"$@\"\n",
            log = self.log().display(),
            python = self.python.display()
        );
        let tmp = shim.with_extension("new");
        std::fs::write(&tmp, text).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::rename(&tmp, &shim).unwrap();
    }

    fn pykata(&self) -> Command {
        let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
        cmd.env("NO_COLOR", "1")
            .env("XDG_CACHE_HOME", self.cache())
            .env_remove("PYKATA_COURSE")
            .env_remove("PYKATA_PYTHON")
            .arg("--python")
            .arg(self.shim());
        cmd
    }

    /// `pykata check` of the solved kata, which must pass; returns the
    /// lines the shim logged meanwhile (one per start).
    fn check(&self, extra_args: &[&str]) -> Vec<String> {
        let before = self.starts().len();
        let out = self
            .pykata()
            .args(extra_args)
            .arg("--workspace")
            .arg(self.workspace())
            .args(["check", KATA])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("pass"),
            "the check did not pass:\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.starts().split_off(before)
    }

    fn starts(&self) -> Vec<String> {
        std::fs::read_to_string(self.log())
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn compiled_harnesses(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.cache().join("pykata")) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pyc"))
            .collect()
    }
}

fn is_question(start: &str) -> bool {
    start.contains("sys.version_info")
}

#[test]
fn a_shim_is_asked_once_and_later_checks_start_only_the_interpreter_behind_it() {
    let Some(setup) = Setup::new("") else { return };
    // The first check asks its question through the shim, once; the
    // harness is compiled by the interpreter behind it, and the run starts
    // that binary too.
    let first = setup.check(&[]);
    assert_eq!(first.len(), 1, "{first:#?}");
    assert!(is_question(&first[0]), "{first:#?}");
    assert_eq!(setup.compiled_harnesses().len(), 1);
    // The next checks remember both, with or without the sandbox's extras:
    // the shim is never started again.
    assert_eq!(setup.check(&[]), Vec::<String>::new());
    assert_eq!(setup.check(&["--no-sandbox-extras"]), Vec::<String>::new());
    // A shim that changed may pick another interpreter: asked again, once.
    setup.write_shim("# rehashed");
    let after_change = setup.check(&[]);
    assert_eq!(after_change.len(), 1, "{after_change:#?}");
    assert!(is_question(&after_change[0]));
    assert_eq!(setup.check(&[]), Vec::<String>::new());
    // doctor always asks afresh.
    let before = setup.starts().len();
    let doctor = setup.pykata().arg("doctor").output().unwrap();
    let asked = setup.starts().split_off(before);
    assert!(asked.iter().any(|s| is_question(s)), "{asked:#?}");
    // And says what the shim starts, which is what runs, and how it was
    // picked (a session ago it still said only `pyenv global` counted).
    let doctor = String::from_utf8_lossy(&doctor.stdout);
    assert!(
        doctor.contains(&format!(
            "a shim (a script) that starts {}",
            setup.python.display()
        )),
        "{doctor}"
    );
    assert!(
        doctor
            .contains("`pyenv local`, `pyenv shell` and asdf's version files and variables count"),
        "{doctor}"
    );
    assert!(!doctor.contains("global version counts"), "{doctor}");
}

/// `verify` asks the interpreter about the course's syntax too: that
/// question, like every run, starts the interpreter behind the shim (a
/// pyenv shim is some twenty processes of its own).
#[test]
fn verify_through_a_shim_starts_only_the_interpreter_behind_it() {
    let Some(setup) = Setup::new("") else { return };
    assert_eq!(setup.check(&[]).len(), 1);
    let before = setup.starts().len();
    setup.pykata().args(["verify", KATA]).assert().success();
    assert_eq!(setup.starts().split_off(before), Vec::<String>::new());
}

#[test]
fn changing_pyenvs_global_version_is_seen_by_the_next_check() {
    let Some(setup) = Setup::new("") else { return };
    let pyenv = setup.dir.path().join("pyenv");
    std::fs::create_dir_all(pyenv.join("versions")).unwrap();
    std::fs::write(pyenv.join("version"), "3.11\n").unwrap();
    // A pyenv shim names its root; pykata stamps the version file there.
    setup.write_shim(&format!("export PYENV_ROOT=\"{}\"", pyenv.display()));
    let first = setup.check(&[]);
    assert!(first.iter().any(|s| is_question(s)), "{first:#?}");
    assert_eq!(setup.check(&[]), Vec::<String>::new());
    // `pyenv global 3.12` rewrites the file.
    std::fs::write(pyenv.join("version"), "3.12\n").unwrap();
    let asked = setup.check(&[]);
    assert_eq!(asked.len(), 1, "{asked:#?}");
    assert!(is_question(&asked[0]));
}

#[test]
fn a_damaged_compiled_harness_is_made_again_and_the_check_still_passes() {
    let Some(setup) = Setup::new("") else { return };
    setup.check(&[]);
    let compiled = setup.compiled_harnesses();
    assert_eq!(compiled.len(), 1, "{compiled:#?}");
    let good = std::fs::read(&compiled[0]).unwrap();
    // A magic number and a header, then nothing Python can read.
    let mut damaged = good[..16].to_vec();
    damaged.extend_from_slice(b"\xff\xff\xff\xff not code");
    std::fs::write(&compiled[0], &damaged).unwrap();
    // The learner sees a pass (the run is made again with the source), and
    // the damaged file is gone, not made again by this check; the next
    // check compiles it again.
    setup.check(&[]);
    assert!(!compiled[0].exists());
    setup.check(&[]);
    let remade = std::fs::read(&compiled[0]).unwrap();
    assert_eq!(remade[..4], good[..4]);
    assert_ne!(remade, damaged);
    assert_eq!(setup.check(&[]), Vec::<String>::new());
}

#[test]
fn an_unwritable_cache_folder_costs_time_not_verdicts() {
    let Some(setup) = Setup::new("") else { return };
    // The cache folder is a file: nothing can be kept, every check asks.
    std::fs::write(setup.cache(), "not a folder").unwrap();
    for _ in 0..2 {
        let starts = setup.check(&[]);
        assert!(starts.iter().any(|s| is_question(s)), "{starts:#?}");
    }
    assert!(!Path::new(&setup.cache()).is_dir());
}

/// The version of the interpreter `program`, as `3.11.7`.
fn version_of(program: &Path) -> Option<String> {
    let out = std::process::Command::new(program)
        .args(["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"])
        .output()
        .ok()?;
    Some(String::from_utf8(out.stdout).ok()?.trim().to_string())
}

/// A CPython 3.10 to 3.13 of another version than `than`'s, from pyenv's
/// versions or the system's.
fn another_python(than: &Path) -> Option<(PathBuf, String)> {
    let theirs = version_of(than)?;
    let home = std::env::var_os("HOME").map(PathBuf::from)?;
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(home.join(".pyenv/versions"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|v| (10..=13).map(move |m| v.path().join(format!("bin/python3.{m}"))))
        .collect();
    candidates.extend((10..=13).map(|m| PathBuf::from(format!("/usr/bin/python3.{m}"))));
    candidates
        .into_iter()
        .filter(|p| p.is_file())
        .find_map(|p| Some((p.clone(), version_of(&p).filter(|v| *v != theirs)?)))
}

#[test]
fn a_shim_runs_the_python_that_pyenv_local_or_shell_picks_where_the_learner_is() {
    let Some(python) = real_python() else { return };
    let Some((other, other_version)) = another_python(&python) else {
        common::skip("no second CPython 3.10 to 3.13 here (CI has pyenv's)");
        return;
    };
    let version = version_of(&python).unwrap();
    // A shim that picks as pyenv does: PYENV_VERSION, else a
    // .python-version in the current folder.
    let picks = format!(
        "v=; [ -f .python-version ] && v=$(cat .python-version)\n\
         [ -n \"$PYENV_VERSION\" ] && v=$PYENV_VERSION\n\
         [ \"$v\" = other ] && exec '{}' \"$@\"",
        other.display()
    );
    let Some(setup) = Setup::new(&picks) else {
        return;
    };
    let ws = setup.workspace();
    let judged_by = |cwd: &Path, pyenv_version: Option<&str>| -> String {
        let mut cmd = setup.pykata();
        cmd.current_dir(cwd)
            .arg("--workspace")
            .arg(&ws)
            .args(["check", KATA, "--format", "json"]);
        if let Some(v) = pyenv_version {
            cmd.env("PYENV_VERSION", v);
        } else {
            cmd.env_remove("PYENV_VERSION");
        }
        let out = cmd.output().unwrap();
        let verdict: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
        assert_eq!(verdict["status"], "pass", "{verdict}");
        verdict["python"].as_str().unwrap().to_string()
    };
    assert_eq!(judged_by(&ws, None), version);
    // `pyenv local other` in the workspace.
    std::fs::write(ws.join(".python-version"), "other\n").unwrap();
    assert_eq!(judged_by(&ws, None), other_version);
    // Elsewhere that file does not count; `pyenv shell other` does.
    let elsewhere = setup.dir.path();
    assert_eq!(judged_by(elsewhere, None), version);
    assert_eq!(judged_by(elsewhere, Some("other")), other_version);
    // And `pyenv local --unset` is seen by the next check.
    std::fs::remove_file(ws.join(".python-version")).unwrap();
    assert_eq!(judged_by(&ws, None), version);
}
