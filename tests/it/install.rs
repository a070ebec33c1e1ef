//! Installing pykata the way Python tools are installed (README.md, Install):
//! the shell completions and manual pages it prints, and the interpreter it
//! picks when its binary lives in a venv (pipx, `uv tool`, pip). The venv
//! tests make a real venv with `python3 -m venv`, copy the built binary into
//! its bin/ as pip does, and run it with a PATH that holds no usable Python.
//! The wheel itself is built and installed by .ci/wheel.

use crate::common;
use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The built binary, with no colour and none of the user's pykata settings.
fn pykata() -> Command {
    let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every command a user can type, from the same definitions the scripts
/// and pages are made from (`new topic`, `new kata` under `new`).
fn subcommands() -> Vec<String> {
    use clap::CommandFactory;
    let names: Vec<String> = pykata::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for expected in ["check", "doctor", "init", "completions", "man"] {
        assert!(names.iter().any(|n| n == expected), "{names:?}");
    }
    names
}

/// A program on PATH, or `None` (the test skips that part).
fn tool(name: &str) -> Option<PathBuf> {
    which::which(name).ok()
}

// ---- completions -------------------------------------------------------

#[test]
fn every_shell_gets_a_completion_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of(pykata().args(["completions", shell]));
        for name in subcommands() {
            assert!(
                script.contains(&name),
                "the {shell} script does not complete `{name}`"
            );
        }
        // Options too: --python is global, `check` has --all.
        for option in ["python", "all", "workspace"] {
            assert!(script.contains(option), "{shell}: no {option}");
        }
    }
}

#[test]
fn the_bash_script_is_valid_bash_and_completes_commands() {
    let Some(bash) = tool("bash") else {
        return common::skip("no bash");
    };
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("pykata.bash");
    std::fs::write(&script, stdout_of(pykata().args(["completions", "bash"]))).unwrap();
    // Sourced, then asked what `pykata ch<TAB>` completes to, as bash
    // would ask it at a prompt.
    let out = std::process::Command::new(bash)
        .arg("-c")
        .arg(format!(
            "set -e; source '{}'; COMP_WORDS=(pykata ch); COMP_CWORD=1; COMP_LINE='pykata ch'; \
             COMP_POINT=${{#COMP_LINE}}; _pykata pykata ch pykata; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        ))
        .output()
        .unwrap();
    let replies = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "bash rejected the script: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        replies.trim(),
        "check",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_unknown_shell_is_a_usage_error_naming_the_shells() {
    pykata()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bash"))
        .stderr(predicates::str::contains("powershell"));
}

// ---- manual pages --------------------------------------------------------

#[test]
fn the_man_page_is_roff_and_lists_every_command() {
    let page = stdout_of(pykata().arg("man"));
    assert!(page.contains("\n.TH pykata 1 "), "{page}");
    for name in subcommands() {
        assert!(
            page.contains(&format!("pykata\\-{name}(1)")),
            "the page does not list `{name}`"
        );
    }
}

#[test]
fn man_renders_the_page() {
    let Some(man) = tool("man") else {
        return common::skip("no man");
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pykata.1");
    std::fs::write(&file, stdout_of(pykata().arg("man"))).unwrap();
    let out = std::process::Command::new(man)
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS", "VERSION"] {
        assert!(text.contains(heading), "no {heading} in:\n{text}");
    }
    assert!(text.contains("pykata-check(1)"), "{text}");
    assert!(text.contains("--python"), "{text}");
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let man1 = dir.path().join("share/man/man1");
    let said = stdout_of(pykata().arg("man").arg("--dir").arg(&man1));
    let mut pages = vec!["pykata.1".to_string(), "pykata-new-kata.1".into()];
    pages.extend(subcommands().iter().map(|n| format!("pykata-{n}.1")));
    for page in &pages {
        let text = std::fs::read_to_string(man1.join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}; said {said}"));
        assert!(text.contains(".TH"), "{page}");
    }
    let written = std::fs::read_dir(&man1).unwrap().count();
    assert!(
        said.contains(&format!("wrote {written} manual pages into")),
        "{said}"
    );
    // The page of `check` documents its own options.
    let check = std::fs::read_to_string(man1.join("pykata-check.1")).unwrap();
    assert!(check.contains("\\-\\-all"), "{check}");
}

// ---- the interpreter of the venv pykata is installed in ------------------

/// A real venv (no pip: faster) with the built binary copied into its bin/,
/// as installing the wheel puts it; `None` without python3.
fn venv_with_pykata(dir: &Path) -> Option<PathBuf> {
    let Some(python3) = tool("python3") else {
        common::skip("no python3 on PATH (CI installs one)");
        return None;
    };
    let venv = dir.join("venv");
    let made = std::process::Command::new(python3)
        .args(["-m", "venv", "--without-pip"])
        .arg(&venv)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let installed = venv.join("bin/pykata");
    std::fs::copy(assert_cmd::cargo::cargo_bin("pykata"), &installed).unwrap();
    Some(installed)
}

/// A folder for PATH holding only what the test puts there.
fn path_dir(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(&path).unwrap();
    path
}

/// `program args` in `cwd` with PATH set to `path` alone.
fn run_with_path(program: &Path, path: &Path, cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("PYKATA_PYTHON")
        .env_remove("PYKATA_COURSE")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The venv's own record of the interpreter it was made with.
fn venv_home(venv_bin_pykata: &Path) -> PathBuf {
    let cfg = venv_bin_pykata
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("pyvenv.cfg");
    let text = std::fs::read_to_string(cfg).unwrap();
    let home = text
        .lines()
        .find_map(|l| l.strip_prefix("home = "))
        .expect("pyvenv.cfg names its home");
    PathBuf::from(home.trim())
}

#[cfg(unix)]
#[test]
fn with_no_python_on_path_a_venv_install_uses_the_venvs_interpreter_and_passes_a_check() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pykata) = venv_with_pykata(dir.path()) else {
        return;
    };
    let empty = path_dir(dir.path(), "no-python");
    let (code, doctor, _) = run_with_path(&pykata, &empty, dir.path(), &["doctor"]);
    assert_eq!(code, 0, "{doctor}");
    let python_line = doctor.lines().next().unwrap();
    assert!(python_line.starts_with("✓ python: "), "{doctor}");
    assert!(
        python_line.contains(&venv_home(&pykata).display().to_string()),
        "not the venv's interpreter: {doctor}"
    );
    assert!(
        python_line.ends_with("found by the venv pykata is installed in)"),
        "{doctor}"
    );
    let venv = dir.path().join("venv");
    assert!(
        doctor.contains(&format!(
            "    chosen because there is no python3 or python on PATH; this is the interpreter of the venv pykata is installed in ({})",
            venv.display()
        )),
        "{doctor}"
    );

    // The learner's first steps, with the sandbox as it is for everyone.
    let (code, out, err) = run_with_path(&pykata, &empty, dir.path(), &["init", "ws"]);
    assert_eq!(code, 0, "{out}{err}");
    let ws = dir.path().join("ws");
    let reference =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("katas/gotchas/mutable_default.solution.py");
    std::fs::copy(reference, ws.join("gotchas/mutable_default.py")).unwrap();
    let (code, out, err) = run_with_path(&pykata, &empty, &ws, &["check", "mutable-default"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("✓ mutable-default pass"), "{out}{err}");
    // A failing file still fails: the interpreter judges, it does not wave through.
    let starter = Path::new(env!("CARGO_MANIFEST_DIR")).join("katas/gotchas/mutable_default.py");
    std::fs::write(
        ws.join("gotchas/mutable_default.py"),
        std::fs::read_to_string(starter).unwrap() + "\n# edited\n",
    )
    .unwrap();
    let (code, out, err) = run_with_path(&pykata, &empty, &ws, &["check", "mutable-default"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.starts_with("✗ mutable-default fail"), "{out}{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_on_path_to_a_venv_install_counts_as_the_venv() {
    // pipx and `uv tool` put a link in ~/.local/bin to the venv's binary.
    let dir = tempfile::tempdir().unwrap();
    let Some(pykata) = venv_with_pykata(dir.path()) else {
        return;
    };
    let local_bin = path_dir(dir.path(), "local-bin");
    std::os::unix::fs::symlink(&pykata, local_bin.join("pykata")).unwrap();
    let (code, doctor, _) = run_with_path(
        &local_bin.join("pykata"),
        &local_bin,
        dir.path(),
        &["doctor"],
    );
    assert_eq!(code, 0, "{doctor}");
    assert!(
        doctor.contains("found by the venv pykata is installed in"),
        "{doctor}"
    );
}

/// CPython 3.8 from pyenv, if this machine has it (CI's image does; .ci/run
/// cannot install it, so its absence is a skip even in strict mode, as for
/// the old interpreters of tests/cli.rs).
fn python38() -> Option<PathBuf> {
    let path =
        PathBuf::from(std::env::var_os("HOME")?).join(".pyenv/versions/3.8.18/bin/python3.8");
    if !path.is_file() {
        eprintln!("skipping: {} is not installed", path.display());
    }
    path.is_file().then_some(path)
}

#[cfg(unix)]
#[test]
fn an_old_python3_on_path_gives_way_to_the_venvs_and_doctor_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let (Some(pykata), Some(old)) = (venv_with_pykata(dir.path()), python38()) else {
        return;
    };
    let path = path_dir(dir.path(), "old-python");
    std::os::unix::fs::symlink(&old, path.join("python3")).unwrap();
    let (code, doctor, _) = run_with_path(&pykata, &path, dir.path(), &["doctor"]);
    assert_eq!(code, 0, "{doctor}");
    assert!(
        doctor.contains(&format!(
            "    chosen because {} on PATH is Python 3.8.18, older than 3.10; this is the interpreter of the venv pykata is installed in",
            path.join("python3").display()
        )),
        "{doctor}"
    );
    assert!(
        doctor.contains("found by the venv pykata is installed in"),
        "{doctor}"
    );
}

#[cfg(unix)]
#[test]
fn a_new_enough_python3_on_path_is_still_the_one_used() {
    // The learner's own interpreter, the one they write code for, comes first.
    let dir = tempfile::tempdir().unwrap();
    let Some(pykata) = venv_with_pykata(dir.path()) else {
        return;
    };
    let path = path_dir(dir.path(), "new-python");
    // A copy of the venv's own base would be found too; a link named
    // python3 that is not in the venv proves PATH was followed.
    std::os::unix::fs::symlink(venv_home(&pykata).join("python3"), path.join("python3")).unwrap();
    let (code, doctor, _) = run_with_path(&pykata, &path, dir.path(), &["doctor"]);
    assert_eq!(code, 0, "{doctor}");
    let first = doctor.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("✓ python: {} (", path.join("python3").display())),
        "{doctor}"
    );
    assert!(first.ends_with("found by PATH)"), "{doctor}");
    assert!(!doctor.contains("chosen because"), "{doctor}");
}

#[cfg(unix)]
#[test]
fn outside_a_venv_no_python_on_path_is_still_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let bin = path_dir(dir.path(), "bin");
    let pykata = bin.join("pykata");
    std::fs::copy(assert_cmd::cargo::cargo_bin("pykata"), &pykata).unwrap();
    let empty = path_dir(dir.path(), "no-python");
    let (code, doctor, _) = run_with_path(&pykata, &empty, dir.path(), &["doctor"]);
    assert_eq!(code, 3, "{doctor}");
    assert!(
        doctor
            .starts_with("✗ python: no Python interpreter found: tried python3 and python on PATH"),
        "{doctor}"
    );
    assert!(
        doctor.contains("--python PATH or PYKATA_PYTHON"),
        "{doctor}"
    );
}

#[cfg(unix)]
#[test]
fn an_activated_venvs_python3_judges_inside_the_sandbox() {
    // With a venv activated, python3 on PATH is the venv's own. Inside the
    // sandbox it could not read its pyvenv.cfg ("Failed to import the site
    // module ... PermissionError"), so every check was an error. Outside
    // /tmp, which each run sees empty.
    let Ok(dir) = tempfile::tempdir_in("/var/tmp") else {
        return common::skip("/var/tmp cannot be written");
    };
    let Some(pykata) = venv_with_pykata(dir.path()) else {
        return;
    };
    let venv_bin = pykata.parent().unwrap().to_path_buf();
    let path = std::env::join_paths([
        venv_bin.clone(),
        PathBuf::from("/usr/bin"),
        PathBuf::from("/bin"),
    ])
    .unwrap();
    let path = Path::new(&path);
    let (code, doctor, _) = run_with_path(&pykata, path, dir.path(), &["doctor"]);
    assert!(
        doctor.contains(&venv_bin.join("python3").display().to_string()),
        "the venv's python3 is the one on PATH: {doctor}"
    );
    assert_eq!(code, 0, "{doctor}");
    let (code, out, err) = run_with_path(&pykata, path, dir.path(), &["init", "ws"]);
    assert_eq!(code, 0, "{out}{err}");
    let ws = dir.path().join("ws");
    let reference =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("katas/gotchas/mutable_default.solution.py");
    std::fs::copy(reference, ws.join("gotchas/mutable_default.py")).unwrap();
    let (code, out, err) = run_with_path(&pykata, path, &ws, &["check", "mutable-default"]);
    assert!(out.starts_with("✓ mutable-default pass"), "{out}{err}");
    assert_eq!(code, 0, "{out}{err}");
}
