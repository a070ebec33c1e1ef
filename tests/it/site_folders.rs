//! Runs start the interpreter without `site` (`-S`): a `.pth` file's code
//! ran at every start and could cost more than the rest of it. What `site`
//! gives a program must still be there, in a kata run (cold and warm) and a
//! lesson snippet alike: installed packages import, a `.pth` file's paths
//! are on `sys.path` after the standard library, and exit(), quit() and
//! help() exist. What a `.pth` file would run is not run. The venv is
//! made in the temp folder, which the sandbox makes private but for the
//! interpreter's folders (a venv there once could not start at all).
//! `doctor` says where installed packages import from.
#![cfg(unix)]

use crate::common;

use pykata::course::Kata;
use pykata::judge::Status;
use pykata::runner::{self, Interpreter, Limits};
use pykata::session;
use std::path::Path;

/// A venv (no pip) of the tests' python3 holding an installed module, a
/// `.pth` file that names a folder and runs a line, and that folder's
/// module; `None` (skipped) without python3.
fn venv_with_packages(dir: &Path) -> Option<Interpreter> {
    pykata::runner::sandbox::set_helper(env!("CARGO_BIN_EXE_pykata"));
    let Ok(python3) = runner::python::find(None) else {
        common::skip("no python3 (CI installs one)");
        return None;
    };
    let version = python3.probe_version().unwrap();
    let venv = dir.join("venv");
    let made = std::process::Command::new(&python3.program)
        .args(["-m", "venv", "--without-pip"])
        .arg(&venv)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let site_packages = venv.join(format!(
        "lib/python{}.{}/site-packages",
        version.major, version.minor
    ));
    std::fs::write(
        site_packages.join("installed_here.py"),
        "WORD = 'installed'\n",
    )
    .unwrap();
    // Inside the venv: the sandbox lets a run read the interpreter's
    // folders only, wherever a `.pth` file points.
    let extra = venv.join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(extra.join("named_by_pth.py"), "WORD = 'named'\n").unwrap();
    std::fs::write(
        site_packages.join("local.pth"),
        format!(
            "{}\nimport os; os.environ['PTH_LINE_RAN'] = 'yes'\n",
            extra.display()
        ),
    )
    .unwrap();
    Some(Interpreter {
        program: venv.join("bin/python"),
        pre_args: Vec::new(),
        found_by: "test",
    })
}

/// What a program sees of `site`'s work, one line of `name=value`.
const PROBE: &str = "import builtins, os, sys
import installed_here, named_by_pth
stdlib = min(i for i, p in enumerate(sys.path) if p.endswith('lib-dynload'))
packages = max(i for i, p in enumerate(sys.path) if p.endswith('site-packages'))
SEEN = ' '.join([
    'installed=' + installed_here.WORD,
    'pth_path=' + named_by_pth.WORD,
    'after_stdlib=' + str(packages > stdlib),
    'pth_line_ran=' + str(os.environ.get('PTH_LINE_RAN')),
    'builtins=' + str(all(callable(getattr(builtins, n, None)) for n in ('exit', 'quit', 'help'))),
])
";

const SEEN: &str =
    "installed=installed pth_path=named after_stdlib=True pth_line_ran=None builtins=True";

fn kata() -> Kata {
    common::kata_asserting(Limits::default(), None, &format!("SEEN == {SEEN:?}"))
}

#[test]
fn a_kata_run_cold_or_warm_sees_installed_packages_but_runs_no_pth_line() {
    let dir = tempfile::tempdir().unwrap();
    let Some(python) = venv_with_packages(dir.path()) else {
        return;
    };
    let kata = kata();
    let cold = session::judge_source(&python, &kata, PROBE, None).unwrap();
    assert_eq!(cold.status, Status::Pass, "{cold:#?}");
    let warm = runner::warm::WarmRun::start(&python, kata.limits).expect("a warm run starts");
    let run = warm.run(&kata, PROBE, None).unwrap();
    let warm = pykata::judge::judge(&kata, &run);
    assert_eq!(warm.status, Status::Pass, "{warm:#?}");
}

#[test]
fn a_lesson_snippet_sees_the_same_and_runs_as_a_script() {
    let dir = tempfile::tempdir().unwrap();
    let Some(python) = venv_with_packages(dir.path()) else {
        return;
    };
    let snippet = format!(
        "{PROBE}print(SEEN)\n\
         import sys\n\
         print(__name__, __file__ == sys.argv[0], sys.argv[0].endswith('snippet.py'))\n\
         print(sys.path[0] == __import__('os').path.dirname(__file__))\n\
         print(sorted(n for n in globals() if 'pykata' in n))\n\
         exit(3)\n"
    );
    let run = runner::run_script(&python, &snippet, 10_000).unwrap();
    assert_eq!(
        run.process.stdout.display(),
        format!("{SEEN}\n__main__ True True\nTrue\n[]\n"),
        "{}",
        run.process.stderr.display()
    );
    assert_eq!(run.process.ending, runner::Ending::Exited(3));
    // A lesson's `requires:` is looked for on the same path.
    let missing = session::missing_modules(
        &python,
        &[
            "installed_here".to_string(),
            "not_installed_anywhere".to_string(),
        ],
    )
    .unwrap();
    assert_eq!(missing, ["not_installed_anywhere"]);
}

#[test]
fn doctor_says_where_installed_packages_import_from() {
    let dir = tempfile::tempdir().unwrap();
    let Some(python) = venv_with_packages(dir.path()) else {
        return;
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pykata"))
        .arg("--python")
        .arg(&python.program)
        .arg("doctor")
        .env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .output()
        .unwrap();
    let doctor = String::from_utf8_lossy(&out.stdout);
    let site_packages = python
        .facts(runner::python::Ask::Remembered)
        .unwrap()
        .site_path[0]
        .clone();
    assert!(
        site_packages.ends_with("site-packages"),
        "{site_packages:?}"
    );
    assert!(
        doctor.contains(&format!(
            "    installed packages import from {}, {} (runs start without `site`, so the import lines of .pth files there are not run)",
            site_packages.display(),
            dir.path().join("venv/extra").display()
        )),
        "{doctor}"
    );
}
