//! Start-up and judging latency of the command line, as ratios against a
//! bare interpreter start measured in the same run (these machines are
//! noisy, so absolute times mean little).
//!
//! `cargo bench --bench cli` prints the medians and ratios recorded in
//! docs/performance.md.

// The house rules on printing and sleeping (Cargo.toml [lints]) are for
// pykata; a benchmark prints its table and waits on real time.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 40;

fn time(cmd: &mut Command) -> Duration {
    let started = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command runs");
    let took = started.elapsed();
    assert!(status.code().is_some(), "command was killed");
    took
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The interpreter `python3` really is. Version managers put a shell script
/// (a "shim") first on PATH; timing through it would inflate the baseline,
/// and pykata's sandbox helper skips such shims, so both sides use the real
/// binary.
fn real_python() -> PathBuf {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 runs");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = real_python();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_pykata"));
    let fixture = root.join("tests/fixtures/course");
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let ok = Command::new(&bin)
        .arg("--course")
        .arg(&fixture)
        .arg("init")
        .arg(&ws)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success());
    std::fs::copy(
        fixture.join("katas/basics/validate.solution.py"),
        ws.join("basics/validate.py"),
    )
    .unwrap();

    let mut baseline = Vec::new();
    let mut check = Vec::new();
    let mut list = Vec::new();
    // Interleave the three so drift in machine load hits them alike.
    for _ in 0..ROUNDS {
        baseline.push(time(Command::new(&python).args(["-I", "-c", "pass"])));
        check.push(time(
            Command::new(&bin)
                .arg("--python")
                .arg(&python)
                .arg("--course")
                .arg(&fixture)
                .arg("--workspace")
                .arg(&ws)
                .args(["check", "validate"]),
        ));
        list.push(time(Command::new(&bin).arg("list").current_dir(dir.path())));
    }
    let b = median(baseline);
    let c = median(check);
    let l = median(list);
    let ratio = |d: Duration| d.as_secs_f64() / b.as_secs_f64();
    println!("rounds: {ROUNDS}, interpreter {}", python.display());
    println!(
        "python3 -I -c pass           median {:>7.2} ms  (1.00)",
        b.as_secs_f64() * 1e3
    );
    println!(
        "pykata check (passing kata)  median {:>7.2} ms  ({:.2} x, target <= 1.6)",
        c.as_secs_f64() * 1e3,
        ratio(c)
    );
    println!(
        "pykata list (built-in)       median {:>7.2} ms  ({:.2} x, target < 0.5)",
        l.as_secs_f64() * 1e3,
        ratio(l)
    );
}
