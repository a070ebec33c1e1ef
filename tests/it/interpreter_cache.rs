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

fn is_compile(start: &str) -> bool {
    start.contains("marshal")
}

#[test]
fn a_shim_is_asked_once_and_later_checks_start_only_the_interpreter_behind_it() {
    let Some(setup) = Setup::new("") else { return };
    // The first check asks its question and compiles the harness, each
    // through the shim once; the run itself starts the real binary.
    let first = setup.check(&[]);
    assert_eq!(first.len(), 2, "{first:#?}");
    assert!(is_question(&first[0]), "{first:#?}");
    assert!(is_compile(&first[1]), "{first:#?}");
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
    // And says what the shim starts, which is what runs.
    let doctor = String::from_utf8_lossy(&doctor.stdout);
    assert!(
        doctor.contains(&format!(
            "a shim (a script) that starts {}",
            setup.python.display()
        )),
        "{doctor}"
    );
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
    // the damaged file is gone; the next check compiles it again.
    let starts = setup.check(&[]);
    assert!(!starts.iter().any(|s| is_compile(s)), "{starts:#?}");
    assert!(!compiled[0].exists());
    let starts = setup.check(&[]);
    assert!(starts.iter().any(|s| is_compile(s)), "{starts:#?}");
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
