//! What the Linux sandbox extras cost: the same runs with the extras (the
//! re-executed helper, user and network namespace, Landlock, seccomp) and
//! with the portable layer alone (`--no-sandbox-extras`), interleaved in one
//! process so both see the same machine load. Also the runner's peak memory.
//!
//! `cargo bench --bench sandbox` prints the table recorded in the "Sandbox"
//! section of docs/performance.md. Set PYKATA_BENCH_ROUNDS to change the
//! number of rounds (default 40).

// The house rules on printing and sleeping (Cargo.toml [lints]) are for
// pykata; a benchmark prints its table and waits on real time.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

use pykata::course::{Check, Kata, Location, PyFile};
use pykata::judge::Status;
use pykata::runner::{self, sandbox, Interpreter, Limits};
use pykata::session;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// The interpreter itself rather than a shim (pyenv's is a bash script that
/// costs more than everything measured here), so both modes run the same
/// binary.
fn interpreter() -> Interpreter {
    let found = runner::python::find(None).expect("a Python interpreter");
    let out = std::process::Command::new(&found.program)
        .args(["-I", "-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python runs");
    let exe = String::from_utf8_lossy(&out.stdout).trim().to_string();
    Interpreter {
        program: exe.into(),
        pre_args: found.pre_args,
        found_by: "benchmark",
    }
}

fn kata() -> Kata {
    let origin = Location::new("benches/sandbox.rs", 0, 0);
    let check = Check::asserting("adds", "add(2, 3) == 5", origin.clone());
    let file = PyFile {
        path: "bench/add.py".into(),
        text: String::new(),
    };
    Kata {
        id: "add".into(),
        topic: "bench".into(),
        title: "Add".into(),
        task: "Add.".into(),
        file_name: "add.py".into(),
        starter: file.clone(),
        solution: file,
        alternatives: Vec::new(),
        hints: Vec::new(),
        min_python: None,
        limits: Limits::default(),
        stdin: None,
        checks: vec![check],
        helpers: None,
        mistakes: Vec::new(),
        equivalent_mutants: Vec::new(),
        renamed_from: Vec::new(),
        origin,
    }
}

/// The runner's own peak resident memory in KiB: VmHWM, which (unlike
/// getrusage's maxrss) does not carry over the memory of whatever exec'd us.
fn peak_rss_kib() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    sandbox::set_helper(env!("CARGO_BIN_EXE_pykata"));
    let rss_start = peak_rss_kib();
    let rounds: usize = std::env::var("PYKATA_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(40);
    let py = interpreter();
    let kata = kata();
    let source = "def add(a, b):\n    return a + b\n";

    let judge = |extras: bool| {
        sandbox::with_extras(extras, || {
            let started = Instant::now();
            let v = session::judge_source(&py, &kata, source, None).unwrap();
            assert_eq!(v.status, Status::Pass, "{}", v.message);
            started.elapsed()
        })
    };
    let snippet = |extras: bool| {
        sandbox::with_extras(extras, || {
            let started = Instant::now();
            let run = runner::run_script(&py, "print(sum(range(10)))\n", 5_000).unwrap();
            assert_eq!(run.process.stdout.display(), "45\n");
            started.elapsed()
        })
    };

    // Warm up: the first extras run asks the interpreter where its files are.
    for _ in 0..3 {
        judge(true);
        judge(false);
        snippet(true);
        snippet(false);
    }
    let rss_before = peak_rss_kib();

    let (mut kata_on, mut kata_off, mut snip_on, mut snip_off) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        // Alternate which mode goes first.
        if round % 2 == 0 {
            kata_on.push(judge(true));
            kata_off.push(judge(false));
            snip_on.push(snippet(true));
            snip_off.push(snippet(false));
        } else {
            kata_off.push(judge(false));
            kata_on.push(judge(true));
            snip_off.push(snippet(false));
            snip_on.push(snippet(true));
        }
    }
    let rss_after = peak_rss_kib();

    let active: Vec<String> = sandbox::layers()
        .into_iter()
        .filter(|l| l.state == sandbox::LayerState::Active)
        .map(|l| l.name.to_string())
        .collect();
    println!("layers active with the extras: {}", active.join(", "));
    println!("rounds: {rounds}, interpreter: {}", py.program.display());
    println!();
    println!("| run | portable layer alone | with the Linux extras | ratio | target |");
    println!("|---|---|---|---|---|");
    for (what, on, off) in [
        ("kata judged (harness, one assert check)", kata_on, kata_off),
        (
            "lesson snippet (`print(sum(range(10)))`)",
            snip_on,
            snip_off,
        ),
    ] {
        let (on, off) = (median(on), median(off));
        println!(
            "| {what} | {} | {} | {:.2} | at most 1.25 |",
            ms(off),
            ms(on),
            on.as_secs_f64() / off.as_secs_f64()
        );
    }
    println!();
    println!(
        "runner peak RSS (this process, library): {:.1} MiB at start, {:.1} MiB after warm-up, {:.1} MiB after {} runs",
        rss_start as f64 / 1024.0,
        rss_before as f64 / 1024.0,
        rss_after as f64 / 1024.0,
        rounds * 4
    );
    for (label, extra) in [
        ("with the extras", None),
        ("portable alone", Some("--no-sandbox-extras")),
    ] {
        let peaks: Vec<i64> = (0..5).map(|_| binary_peak_kib(extra)).collect();
        println!(
            "`pykata check --all` on the fixture course, {label}: peak RSS {:.1} MiB (max of 5)",
            *peaks.iter().max().unwrap_or(&0) as f64 / 1024.0
        );
    }
}

/// The peak resident memory of the pykata binary checking every kata of the
/// fixture course, read from /proc while it runs (VmHWM).
fn binary_peak_kib(extra: Option<&str>) -> i64 {
    use std::process::{Command, Stdio};
    let bin = env!("CARGO_BIN_EXE_pykata");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let ok = Command::new(bin)
        .arg("--course")
        .arg(&fixture)
        .arg("init")
        .arg(&ws)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success());
    let mut cmd = Command::new(bin);
    cmd.args(extra)
        .arg("--course")
        .arg(&fixture)
        .arg("--workspace")
        .arg(&ws)
        .args(["check", "--all"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while matches!(child.try_wait(), Ok(None)) {
        if let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(kib) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<i64>().ok())
            {
                peak = peak.max(kib);
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    peak
}
