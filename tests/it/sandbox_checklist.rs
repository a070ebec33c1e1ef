//! The sandbox checklist of shared/sandbox.md, one test per program, plus
//! hostile programs beyond it. Each runs through the library as a learner's
//! kata file (session::judge_source) or a lesson snippet (runner::run_script)
//! with a real CPython and the real pykata binary as the sandbox helper, and
//! asserts the verdict and its message, the time taken, that the runner (this
//! process) is alive, that nothing of the run is left running, that files
//! outside the work dir are untouched, and that the work dir is gone.
//!
//! Every program starts with a prelude that writes `PYKATA-PID pid pgid sid
//! cwd` to stderr (children it forks do the same), which is how a test knows
//! the run's processes and its work dir. Tests that need a Linux layer this
//! machine lacks print why and skip; on CI (Debian, kernel 6) none may skip:
//! .ci/run sets PYKATA_SANDBOX_STRICT=1, which turns a skip into a failure.
#![cfg(target_os = "linux")]

use crate::common::{self, kata_asserting};

use pykata::course::Kata;
use pykata::judge::{Status, Verdict};
use pykata::runner::sandbox::{self, LayerState};
use pykata::runner::{self, Ending, Interpreter, Limits, ScriptRun};
use pykata::session;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

// ------------------------------------------------------------------ setup

/// Skips a test with the reason, or, where the machine is known to have
/// every layer (`PYKATA_SANDBOX_STRICT=1`, set by .ci/run), fails it: a
/// skipped sandbox test must never hide a broken layer on CI.
fn skip(why: &str) {
    if std::env::var_os("PYKATA_SANDBOX_STRICT").is_some_and(|v| v == "1") {
        panic!("PYKATA_SANDBOX_STRICT=1 and this test would skip: {why}");
    }
    common::skip(why);
}

/// The interpreter, with the pykata binary set as the sandbox helper.
fn python() -> Option<&'static Interpreter> {
    static PY: OnceLock<Option<Interpreter>> = OnceLock::new();
    PY.get_or_init(|| {
        sandbox::set_helper(env!("CARGO_BIN_EXE_pykata"));
        match runner::python::find(None) {
            Ok(py) => Some(py),
            Err(e) => {
                skip(&format!("{e} (CI installs one)"));
                None
            }
        }
    })
    .as_ref()
}

/// None if the named sandbox layers are active, else why not (printed).
fn missing(names: &[&str]) -> Option<String> {
    let layers = sandbox::layers();
    for name in names {
        match layers.iter().find(|l| l.name == *name) {
            Some(l) if l.state == LayerState::Active => {}
            Some(l) => return Some(format!("{name} is unavailable here: {}", l.detail)),
            None => return Some(format!("{name} is not a layer of this system")),
        }
    }
    None
}

macro_rules! need {
    ($($layer:expr),*) => {
        let Some(py) = python() else { return };
        if let Some(why) = missing(&[$($layer),*]) {
            skip(&why);
            return;
        }
        let _ = py;
    };
}

/// A kata whose file is the program; its one check passes once the file
/// imports. `limits` has small wall times so the whole file stays fast.
fn kata(limits: Limits, stdin: Option<&str>) -> Kata {
    kata_asserting(limits, stdin, "True")
}

fn wall(ms: u64) -> Limits {
    Limits {
        wall_ms: ms,
        cpu_ms: ms + 1_000,
        ..Limits::default()
    }
}

/// Files outside every work dir that a run must not touch: a folder with a
/// "secret" in the system temp dir (a sibling of the work dirs).
struct Decoy {
    dir: tempfile::TempDir,
    /// Mode and modification time of everything in it, as made.
    meta: Vec<(PathBuf, u32, i64)>,
}

fn metadata_of(dir: &Path) -> Vec<(PathBuf, u32, i64)> {
    use std::os::unix::fs::MetadataExt;
    let mut all: Vec<PathBuf> = walk(dir);
    all.push(dir.to_path_buf());
    all.sort();
    all.into_iter()
        .map(|p| {
            let m = std::fs::symlink_metadata(&p).unwrap();
            (p, m.mode(), m.mtime())
        })
        .collect()
}

impl Decoy {
    fn new() -> Decoy {
        // Outside /tmp and the home folders: a run gets a private /tmp and
        // has the home folders hidden where it can, which would hide a decoy
        // there instead of testing that it is denied. The checkout itself
        // may be under either, so /var/tmp where there is one.
        let parent = ["/var/tmp", env!("CARGO_TARGET_TMPDIR")]
            .into_iter()
            .map(Path::new)
            .find(|p| p.is_dir())
            .unwrap_or(Path::new(env!("CARGO_TARGET_TMPDIR")));
        let dir = tempfile::Builder::new()
            .prefix("pykata-decoy-")
            .tempdir_in(parent)
            .unwrap();
        std::fs::write(dir.path().join("id_rsa"), "PRIVATE KEY\n").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/notes.txt"), "mine\n").unwrap();
        let meta = metadata_of(dir.path());
        Decoy { dir, meta }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn secret(&self) -> PathBuf {
        self.dir.path().join("id_rsa")
    }

    fn assert_untouched(&self) {
        let mut names: Vec<String> = walk(self.path())
            .iter()
            .map(|p| p.strip_prefix(self.path()).unwrap().display().to_string())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["id_rsa", "sub", "sub/notes.txt"],
            "decoy folder changed"
        );
        assert_eq!(
            std::fs::read_to_string(self.secret()).unwrap(),
            "PRIVATE KEY\n"
        );
        assert_eq!(
            std::fs::read_to_string(self.path().join("sub/notes.txt")).unwrap(),
            "mine\n"
        );
        assert_eq!(
            metadata_of(self.path()),
            self.meta,
            "modes or times in the decoy folder changed"
        );
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        out.push(p.clone());
        if entry.file_type().unwrap().is_dir() {
            out.extend(walk(&p));
        }
    }
    out
}

/// Written before every program: where it runs and who it is.
fn prelude(decoy: &Decoy) -> String {
    format!(
        "import os, sys\n\
         DECOY = {:?}\n\
         SECRET = {:?}\n\
         REAL_HOME = {:?}\n\
         def _report():\n    \
             os.write(2, ('PYKATA-PID %d %d %d %s\\n' % (os.getpid(), os.getpgid(0), os.getsid(0), os.getcwd())).encode())\n\
         _report()\n",
        decoy.path().display().to_string(),
        decoy.secret().display().to_string(),
        std::env::var("HOME").unwrap_or_else(|_| "/nonexistent".into()),
    )
}

/// The processes and work dirs a run reported.
#[derive(Debug, Default)]
struct Reported {
    pids: HashSet<i32>,
    groups: HashSet<i32>,
    workdirs: HashSet<PathBuf>,
}

fn reported(stderr: &str) -> Reported {
    let mut r = Reported::default();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix("PYKATA-PID ") else {
            continue;
        };
        let mut parts = rest.splitn(4, ' ');
        let mut num = || parts.next().and_then(|p| p.parse::<i32>().ok());
        if let (Some(pid), Some(pgid), Some(sid)) = (num(), num(), num()) {
            r.pids.insert(pid);
            r.groups.insert(pgid);
            r.groups.insert(sid);
        }
        if let Some(cwd) = parts.next() {
            r.workdirs.insert(PathBuf::from(cwd));
        }
    }
    r
}

/// Whether some process of the run reported a session other than the
/// run's first one: it left the group and session.
fn escaped(stderr: &str) -> bool {
    let sessions: HashSet<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("PYKATA-PID "))
        .filter_map(|l| l.split(' ').nth(2))
        .collect();
    sessions.len() >= 2
}

/// Processes still alive that belong to the run: a reported pid, or anything
/// in a reported process group or session.
fn survivors(r: &Reported) -> Vec<String> {
    let mut found = Vec::new();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return found;
    };
    for entry in procs.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let fields: Vec<&str> = stat[close + 1..].split_whitespace().collect();
        let (pgrp, session) = (
            fields.get(2).and_then(|f| f.parse::<i32>().ok()),
            fields.get(3).and_then(|f| f.parse::<i32>().ok()),
        );
        let ours = r.pids.contains(&pid)
            || pgrp.is_some_and(|g| r.groups.contains(&g))
            || session.is_some_and(|s| r.groups.contains(&s));
        if ours {
            found.push(stat.trim().chars().take(80).collect());
        }
    }
    found
}

/// Everything a test asserts about every run, whatever its verdict.
fn assert_clean(stderr: &str, decoy: &Decoy, elapsed: Duration, limit: Duration) {
    let r = reported(stderr);
    assert!(
        !r.pids.is_empty(),
        "the program never reported its pid; stderr:\n{stderr}"
    );
    // A short grace for the kernel to finish tearing killed processes down.
    let until = Instant::now() + Duration::from_millis(500);
    let mut left = survivors(&r);
    while !left.is_empty() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
        left = survivors(&r);
    }
    assert!(left.is_empty(), "left running: {left:?}");
    for dir in &r.workdirs {
        assert!(!dir.exists(), "work dir {} is still there", dir.display());
        assert!(
            dir.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("pykata-run-")),
            "the program ran outside a pykata work dir: {}",
            dir.display()
        );
    }
    decoy.assert_untouched();
    assert!(elapsed <= limit, "took {elapsed:?}, more than {limit:?}");
    // The runner (this process) is alive, or nothing here would run.
}

/// Margin over the wall limit for starting Python, killing and cleaning up
/// on a busy two-core machine (four test suites at once made a load of
/// about 20). A limit that did not hold would run on for the whole program.
const MARGIN: Duration = Duration::from_millis(5_000);

struct Judged {
    verdict: Verdict,
    decoy: Decoy,
}

/// Judges `program` (after the prelude) as a kata file and checks the
/// invariants; returns the verdict for the test's own assertions.
fn judge(program: &str, limits: Limits, stdin: Option<&str>) -> Judged {
    judge_kata(program, kata(limits, stdin))
}

/// Judges the program on both paths: started when needed (cold) and
/// through a warm run started ahead of time (runner::warm). Every
/// invariant (nothing left running, files untouched, the work dir gone,
/// within the limit) is checked on both; both must reach the same verdict
/// unless a limit ended either (which limit comes first depends on the
/// machine's load, as c20 says). The cold one is returned for the test's
/// own assertions, as before the warm path existed.
fn judge_kata(program: &str, kata: Kata) -> Judged {
    let cold = judge_kata_on(program, &kata, Start::Cold);
    let warm = judge_kata_on(program, &kata, Start::Warm);
    let limited = |s: Status| matches!(s, Status::Timeout | Status::Killed);
    if !limited(cold.verdict.status) && !limited(warm.verdict.status) {
        assert_eq!(
            cold.verdict.status, warm.verdict.status,
            "the warm path judged otherwise: cold said {:?}, warm said {:?}",
            cold.verdict.message, warm.verdict.message
        );
    }
    cold
}

/// How a kata run is started.
#[derive(Debug, Clone, Copy)]
enum Start {
    Cold,
    Warm,
}

fn judge_kata_on(program: &str, kata: &Kata, start: Start) -> Judged {
    let limits = kata.limits;
    let py = python().expect("checked by the caller");
    let decoy = Decoy::new();
    let source = format!("{}{}", prelude(&decoy), program);
    let started = Instant::now();
    let verdict = match start {
        Start::Cold => session::judge_source(py, kata, &source, None).expect("the run starts"),
        Start::Warm => {
            let warm = runner::warm::WarmRun::start(py, limits).expect("a warm run starts");
            let run = warm
                .run(kata, &source, None)
                .expect("the warm run takes the file");
            pykata::judge::judge(kata, &run)
        }
    };
    let elapsed = started.elapsed();
    // Shown with --nocapture: what a learner would read.
    eprintln!(
        "verdict ({start:?}): {:?} in {} ms: {}",
        verdict.status, verdict.duration_ms, verdict.message
    );
    assert!(
        Duration::from_millis(verdict.duration_ms) <= limits.wall() + MARGIN,
        "the run took {} ms",
        verdict.duration_ms
    );
    assert_clean(&verdict.stderr, &decoy, elapsed, limits.wall() + MARGIN);
    Judged { verdict, decoy }
}

/// Runs `program` (after the prelude) as a lesson snippet.
fn snippet(program: &str, wall_ms: u64) -> ScriptRun {
    let py = python().expect("checked by the caller");
    let decoy = Decoy::new();
    let source = format!("{}{}", prelude(&decoy), program);
    let started = Instant::now();
    let run = runner::run_script(py, &source, wall_ms).expect("the run starts");
    let elapsed = started.elapsed();
    assert_clean(
        &String::from_utf8_lossy(&run.process.stderr.kept),
        &decoy,
        elapsed,
        Duration::from_millis(wall_ms) + MARGIN,
    );
    run
}

fn assert_status(v: &Verdict, status: Status, needle: &str) {
    assert_eq!(
        v.status, status,
        "verdict: {} (stderr: {})",
        v.message, v.stderr
    );
    assert!(
        v.message.contains(needle),
        "message {:?} should mention {needle:?}",
        v.message
    );
}

/// The full text a learner could see about a run: message and traceback.
fn shown(v: &Verdict) -> String {
    format!(
        "{}\n{}\n{}",
        v.message,
        v.traceback.clone().unwrap_or_default(),
        v.import_output
    )
}

// ------------------------------------------------------------ the checklist

#[test]
fn c01_busy_loop_hits_the_time_limit() {
    need!();
    let j = judge("while True:\n    pass\n", wall(1_000), None);
    assert_status(&j.verdict, Status::Timeout, "time limit");
    assert!(j.verdict.duration_ms >= 1_000);
}

#[test]
fn c02_sleeping_forever_hits_the_time_limit() {
    need!();
    let j = judge("import time\ntime.sleep(10**6)\n", wall(1_000), None);
    assert_status(&j.verdict, Status::Timeout, "time limit");
}

#[test]
fn c03_input_without_kata_input_gets_eof_at_once() {
    need!();
    let j = judge("name = input()\n", wall(5_000), None);
    assert_status(&j.verdict, Status::Error, "EOFError");
    // At once: not held to the 5 s limit waiting for input (a loaded
    // machine may take seconds to start Python).
    assert!(
        j.verdict.duration_ms < 5_000,
        "{} ms",
        j.verdict.duration_ms
    );
}

#[test]
fn c04_reading_lines_consumes_the_kata_input_then_eof() {
    need!();
    let program = "got = []\ntry:\n    while True:\n        got.append(input())\nfinally:\n    os.write(2, ('GOT %r\\n' % got).encode())\n";
    let j = judge(program, wall(5_000), Some("a\nb\nc\n"));
    assert_status(&j.verdict, Status::Error, "EOFError");
    assert!(
        j.verdict.stderr.contains("GOT ['a', 'b', 'c']"),
        "{}",
        j.verdict.stderr
    );
}

#[test]
fn c05_printing_forever_is_cut_at_the_output_cap() {
    need!();
    // A kata's prints are captured by the harness, which stops the program
    // at the output limit and keeps the head.
    let j = judge("while True:\n    print('x')\n", wall(5_000), None);
    assert!(
        matches!(j.verdict.status, Status::Killed | Status::Error),
        "{:?}",
        j.verdict.status
    );
    assert!(
        j.verdict.message.contains("output limit"),
        "{}",
        j.verdict.message
    );
    // A lesson snippet prints straight to the pipe: the runner cuts it.
    // (One print("x") per loop is two system calls with -u: too slow to
    // reach 1 MiB before a snippet's time limit, which then says so.)
    let run = snippet("while True:\n    print('x' * 1000)\n", 5_000);
    assert_eq!(run.process.ending, Ending::OutputLimit("stdout"));
    assert!(run.process.stdout.truncated());
    assert!(run.process.stdout.display().starts_with("xxxx"));
    let run = snippet("while True:\n    print('x')\n", 1_000);
    // Whichever limit it meets first (a fast idle machine can print 1 MiB
    // of short lines within the second), it is stopped and its head kept.
    assert!(
        matches!(
            run.process.ending,
            Ending::TimedOut | Ending::OutputLimit("stdout")
        ),
        "{:?}",
        run.process.ending
    );
    assert!(run.process.stdout.display().starts_with("x\nx\n"));
}

#[test]
fn c06_one_huge_write_is_cut_at_the_output_cap() {
    need!();
    let run = snippet("sys.stdout.write('y' * 50_000_000)\n", 5_000);
    assert_eq!(run.process.ending, Ending::OutputLimit("stdout"));
    assert!(run.process.stdout.display().starts_with("yyyy"));
    let j = judge("os.write(1, b'y' * 50_000_000)\n", wall(5_000), None);
    assert_status(&j.verdict, Status::Killed, "output limit");
    assert!(
        j.verdict.message.contains("stdout"),
        "{}",
        j.verdict.message
    );
}

#[test]
fn c07_lots_of_stderr_then_stdout_does_not_deadlock() {
    need!();
    let run = snippet(
        "sys.stderr.write('e' * 300_000)\nsys.stderr.flush()\nsys.stdout.write('o' * 300_000)\n",
        5_000,
    );
    assert_eq!(run.process.ending, Ending::Exited(0));
    assert_eq!(run.process.stdout.total, 300_000);
    assert!(run.process.stderr.total >= 300_000);
    // Ended by itself (a deadlock would be ended by the 5 s limit).
    assert!(run.process.elapsed < Duration::from_secs(5));
}

#[test]
fn c08_memory_bombs_become_memory_errors() {
    need!();
    let limits = Limits {
        memory_mb: 256,
        ..wall(5_000)
    };
    let j = judge("b = bytearray(4 * 10**9)\n", limits, None);
    assert_status(&j.verdict, Status::Error, "MemoryError");
    assert!(
        j.verdict.message.contains("memory limit"),
        "{}",
        j.verdict.message
    );
    let j = judge(
        "grow = []\nwhile True:\n    grow.append(' ' * 10**6)\n",
        limits,
        None,
    );
    assert!(
        matches!(j.verdict.status, Status::Error | Status::Killed),
        "{:?}: {}",
        j.verdict.status,
        j.verdict.message
    );
    assert!(
        j.verdict.message.contains("MemoryError") || j.verdict.message.contains("killed"),
        "{}",
        j.verdict.message
    );
}

#[test]
fn c09_a_thread_bomb_is_bounded_and_reported() {
    need!();
    let program = "import threading, time\nthreads = []\nwhile True:\n    t = threading.Thread(target=time.sleep, args=(100,), daemon=True)\n    t.start()\n    threads.append(t)\n";
    let j = judge(program, wall(3_000), None);
    assert!(
        matches!(
            j.verdict.status,
            Status::Error | Status::Killed | Status::Timeout
        ),
        "{:?}",
        j.verdict.status
    );
    assert!(
        j.verdict.message.contains("RuntimeError")
            || j.verdict.message.contains("MemoryError")
            || j.verdict.message.contains("limit"),
        "{}",
        j.verdict.message
    );
}

#[test]
fn c10_a_fork_bomb_is_stopped_at_the_first_fork() {
    need!("seccomp");
    let j = judge("while 1:\n    os.fork()\n", wall(3_000), None);
    assert_status(&j.verdict, Status::Error, "PermissionError");
    assert!(
        j.verdict.message.contains("new processes"),
        "{}",
        j.verdict.message
    );
    // Refused, not left to fork until the 3 s limit.
    assert!(
        j.verdict.duration_ms < 3_000,
        "{} ms",
        j.verdict.duration_ms
    );
}

#[test]
fn c11_a_subprocess_is_blocked_or_killed_with_the_group() {
    need!("seccomp");
    let program = "import subprocess\nsubprocess.run(['sleep', '100'])\n";
    let j = judge(program, wall(3_000), None);
    assert_status(&j.verdict, Status::Error, "PermissionError");
    // A kata that allows processes: the child dies with the run.
    let allowed = Limits {
        processes: true,
        ..wall(1_500)
    };
    let program = "import subprocess\np = subprocess.Popen(['sleep', '100'])\nos.write(2, ('PYKATA-PID %d %d %d %s\\n' % (p.pid, os.getpgid(p.pid), os.getsid(p.pid), os.getcwd())).encode())\np.wait()\n";
    let j = judge(program, allowed, None);
    assert_status(&j.verdict, Status::Timeout, "time limit");
}

/// fork, then setsid in the child to leave the group.
const SETSID_ESCAPE: &str = "import time\npid = os.fork()\nif pid == 0:\n    try:\n        os.setsid()\n    except OSError as e:\n        os.write(2, ('SETSID %s\\n' % e).encode())\n    _report()\n    time.sleep(100)\n    os._exit(0)\ntime.sleep(0.3)\n";

#[test]
fn c12_leaving_the_group_with_setsid_is_blocked() {
    need!("seccomp");
    let allowed = Limits {
        processes: true,
        ..wall(3_000)
    };
    let j = judge(SETSID_ESCAPE, allowed, None);
    assert!(j.verdict.stderr.contains("SETSID"), "{}", j.verdict.stderr);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
}

#[test]
fn c12_leaving_the_group_with_setsid_is_swept_without_extras() {
    need!("process sweep");
    let j = sandbox::with_extras(false, || judge(SETSID_ESCAPE, wall(3_000), None));
    // It escaped (two sessions reported), and the sweep killed it anyway.
    assert!(!j.verdict.stderr.contains("SETSID"), "{}", j.verdict.stderr);
    assert!(escaped(&j.verdict.stderr), "{}", j.verdict.stderr);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
}

/// A classic daemon: fork, setsid, fork again, keep stdout open, sleep.
const DAEMON: &str = "import time\nif os.fork() == 0:\n    try:\n        os.setsid()\n    except OSError:\n        pass\n    if os.fork() == 0:\n        _report()\n        time.sleep(100)\n    os._exit(0)\ntime.sleep(0.3)\nos._exit(0)\n";

#[test]
fn c13_a_daemon_holding_stdout_does_not_hold_the_run() {
    need!("seccomp");
    let allowed = Limits {
        processes: true,
        ..wall(5_000)
    };
    let started = Instant::now();
    let j = judge(DAEMON, allowed, None);
    // Not held to the 5 s limit by the daemon's open stdout.
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_status(&j.verdict, Status::Error, "exited with code 0");
}

#[test]
fn c13_a_daemon_is_swept_without_extras() {
    need!("process sweep");
    let started = Instant::now();
    let j = sandbox::with_extras(false, || judge(DAEMON, wall(5_000), None));
    // Not held to the 5 s limit by the daemon's open stdout.
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_status(&j.verdict, Status::Error, "exited with code 0");
}

#[test]
fn c14_killing_the_runner_is_refused() {
    need!("seccomp");
    let j = judge("os.kill(os.getppid(), 9)\n", wall(3_000), None);
    assert_status(&j.verdict, Status::Error, "PermissionError");
    let j = judge(
        "os.killpg(os.getpgid(os.getppid()), 9)\n",
        wall(3_000),
        None,
    );
    assert_status(&j.verdict, Status::Error, "PermissionError");
}

#[test]
fn c14_signals_to_any_outside_process_are_refused() {
    need!("landlock scopes");
    // A process of this user outside the sandbox that the seccomp filter
    // knows nothing about: Landlock's signal scope protects it.
    let mut bystander = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let program = format!(
        "try:\n    os.kill({}, 9)\n    os.write(2, b'SIGNAL SENT\\n')\nexcept PermissionError as e:\n    os.write(2, ('SIGNAL REFUSED %s\\n' % e).encode())\n",
        bystander.id()
    );
    let j = judge(&program, wall(3_000), None);
    let alive = bystander.try_wait().unwrap().is_none();
    let _ = bystander.kill();
    let _ = bystander.wait();
    assert!(
        j.verdict.stderr.contains("SIGNAL REFUSED"),
        "{}",
        j.verdict.stderr
    );
    assert!(alive, "the bystander was killed");
}

#[test]
fn c15_killing_every_process_is_refused_or_harmless() {
    need!();
    if missing(&["seccomp"]).is_some() && missing(&["landlock scopes"]).is_some() {
        skip("neither seccomp nor Landlock scopes here; kill(-1) would hit this test");
        return;
    }
    let mut bystander = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    // Refused by the seccomp filter (PermissionError), or with Landlock's
    // signal scope alone harmless: it reaches nothing outside the sandbox.
    let j = judge("os.kill(-1, 9)\n", wall(3_000), None);
    let alive = bystander.try_wait().unwrap().is_none();
    let _ = bystander.kill();
    let _ = bystander.wait();
    assert!(alive, "kill(-1) reached a process outside the sandbox");
    match j.verdict.status {
        Status::Error => assert!(j.verdict.message.contains("PermissionError")),
        Status::Pass | Status::Killed => {}
        other => panic!("{other:?}: {}", j.verdict.message),
    }
}

#[test]
fn c16_reading_private_files_is_denied() {
    need!("landlock filesystem");
    let program = "for path in [SECRET, os.path.join(REAL_HOME, '.ssh', 'id_rsa'), os.path.join(REAL_HOME, '.bashrc'), '/etc/shadow']:\n    try:\n        open(path).read()\n        os.write(2, ('READ %s\\n' % path).encode())\n    except FileNotFoundError:\n        pass\n    except PermissionError:\n        os.write(2, ('DENIED %s\\n' % path).encode())\nopen(SECRET).read()\n";
    let j = judge(program, wall(3_000), None);
    assert_status(&j.verdict, Status::Error, "PermissionError");
    assert!(!j.verdict.stderr.contains("READ "), "{}", j.verdict.stderr);
    assert!(j.verdict.stderr.contains("DENIED"), "{}", j.verdict.stderr);
}

#[test]
fn c17_writing_outside_the_work_dir_is_denied() {
    need!("landlock filesystem");
    // /tmp may be the run's private one: writing there is fine as long as
    // nothing appears in the real /tmp.
    let program = "import pathlib\nfor path in [os.path.join(DECOY, 'new.txt'), os.path.join(REAL_HOME, '.bashrc'), '/tmp/pykata-escaped.txt']:\n    try:\n        open(path, 'a').close()\n        if not path.startswith('/tmp/'):\n            os.write(2, ('WROTE %s\\n' % path).encode())\n    except PermissionError:\n        pass\nopen(SECRET, 'w').write('gone')\n";
    let j = judge(program, wall(3_000), None);
    // Landlock says "Permission denied", the read-only mounts "Read-only
    // file system", whichever the kernel checks first.
    assert_status(&j.verdict, Status::Error, "sandbox");
    assert!(!j.verdict.stderr.contains("WROTE"), "{}", j.verdict.stderr);
    assert!(!Path::new("/tmp/pykata-escaped.txt").exists());
}

#[test]
fn c18_a_symlink_to_a_secret_is_denied() {
    need!("landlock filesystem");
    let program = "os.symlink(SECRET, 'link')\nos.symlink(DECOY, 'dirlink')\nopen('link').read()\n";
    let j = judge(program, wall(3_000), None);
    assert_status(&j.verdict, Status::Error, "PermissionError");
}

#[test]
fn c18_cleanup_never_follows_links() {
    need!();
    // Without the extras the program can make the links; cleaning up the
    // work dir must remove them, not what they point to, even with a locked
    // folder in the way.
    let program = "if not os.path.lexists('link'):\n    os.symlink(SECRET, 'link')\n    os.symlink(DECOY, 'dirlink')\n    os.makedirs('locked/inner')\n    os.symlink(DECOY, 'locked/inner/deep')\n    os.chmod('locked', 0)\n";
    let j = sandbox::with_extras(false, || judge(program, wall(3_000), None));
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    j.decoy.assert_untouched();
}

#[test]
fn c19_one_huge_file_hits_the_file_size_limit() {
    need!();
    let program = "with open('big.bin', 'wb') as f:\n    f.write(b'z' * (20 << 20))\n";
    let j = judge(program, wall(5_000), None);
    assert_status(&j.verdict, Status::Error, "OSError");
    assert!(
        shown(&j.verdict).contains("File too large"),
        "{}",
        shown(&j.verdict)
    );
    assert!(
        j.verdict.message.contains("file size limit"),
        "{}",
        j.verdict.message
    );
}

#[test]
fn c20_many_small_files_are_stopped_by_a_limit() {
    need!();
    // The disk cap (5000 entries) or, where making a file costs a
    // millisecond, the wall clock: either way a limit, and the work dir with
    // its thousands of files is removed afterwards.
    let program = "i = 0\nwhile True:\n    open('f%d' % i, 'w').close()\n    i += 1\n";
    let j = judge(program, wall(2_000), None);
    match j.verdict.status {
        Status::Killed => assert!(
            j.verdict.message.contains("disk limit"),
            "{}",
            j.verdict.message
        ),
        Status::Timeout => assert!(
            j.verdict.message.contains("time limit"),
            "{}",
            j.verdict.message
        ),
        other => panic!("{other:?}: {}", j.verdict.message),
    }
}

#[test]
fn c20_many_medium_files_hit_the_disk_limit() {
    need!();
    let program = "i = 0\nwhile True:\n    with open('m%d' % i, 'wb') as f:\n        f.write(b'm' * (8 << 20))\n    i += 1\n";
    let j = judge(program, wall(10_000), None);
    assert_status(&j.verdict, Status::Killed, "disk limit");
}

#[test]
fn c21_tcp_and_udp_to_localhost_are_blocked() {
    need!("seccomp");
    let tcp = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    tcp.set_nonblocking(true).unwrap();
    let udp = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    udp.set_nonblocking(true).unwrap();
    let program = format!(
        "import socket\nfor kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):\n    try:\n        s = socket.socket(socket.AF_INET, kind)\n        s.settimeout(1)\n        s.connect(('127.0.0.1', {tp} if kind == socket.SOCK_STREAM else {up}))\n        s.send(b'hello')\n        os.write(2, b'SENT\\n')\n    except OSError as e:\n        os.write(2, ('BLOCKED %s\\n' % e).encode())\n",
        tp = tcp.local_addr().unwrap().port(),
        up = udp.local_addr().unwrap().port()
    );
    let j = judge(&program, wall(5_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(!j.verdict.stderr.contains("SENT"), "{}", j.verdict.stderr);
    assert!(j.verdict.stderr.matches("BLOCKED").count() >= 2);
    assert!(tcp.accept().is_err(), "a TCP connection got through");
    let mut buf = [0u8; 16];
    assert!(
        udp.recv_from(&mut buf).is_err(),
        "a UDP datagram got through"
    );
}

#[test]
fn c22_a_segfault_is_reported_as_a_crash() {
    need!();
    let j = judge("import ctypes\nctypes.string_at(0)\n", wall(5_000), None);
    assert_status(&j.verdict, Status::Error, "crashed (segmentation fault)");
}

#[test]
fn c23_a_deeply_nested_repr_is_reported_not_hung() {
    need!();
    let program = "x = []\nfor _ in range(10**6):\n    x = [x]\nrepr(x)\n";
    let j = judge(program, wall(5_000), None);
    assert_eq!(j.verdict.status, Status::Error, "{}", j.verdict.message);
    assert!(
        j.verdict.message.contains("RecursionError") || j.verdict.message.contains("crashed"),
        "{}",
        j.verdict.message
    );
}

#[test]
fn c24_invalid_utf8_and_nul_bytes_are_shown_lossily() {
    need!();
    let run = snippet("os.write(1, b'ok \\xff\\xfe \\x00 end\\n')\n", 5_000);
    assert_eq!(run.process.ending, Ending::Exited(0));
    let shown = run.process.stdout.display();
    assert!(shown.contains("ok \u{fffd}\u{fffd} \\x00 end"), "{shown:?}");
    let j = judge("print('nul \\x00 and \\udcff')\n", wall(5_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
}

const ESCAPES: &str =
    "print('\\x1b[2J\\x1b]0;pwned\\x07\\x1b]52;c;aGVsbG8=\\x07\\x1b[6n\\x9b31m done')\n";

#[test]
fn c25_escape_sequences_are_shown_escaped() {
    need!();
    let run = snippet(ESCAPES, 5_000);
    let shown = run.process.stdout.display();
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{9b}'),
        "{shown:?}"
    );
    assert!(shown.contains("\\x1b[2J"), "{shown:?}");
    assert!(shown.contains("done"));
    let run = snippet("sys.stderr.write('\\x1b]52;c;eA==\\x07')\n", 5_000);
    assert!(!run.process.stderr.display().contains('\u{1b}'));
}

#[test]
fn c26_output_before_os_exit_is_kept() {
    need!();
    let run = snippet("print('kept', end='')\nos._exit(0)\n", 5_000);
    assert_eq!(run.process.ending, Ending::Exited(0));
    assert_eq!(run.process.stdout.display(), "kept");
    let j = judge("print('kept', end='')\nos._exit(0)\n", wall(5_000), None);
    assert_status(&j.verdict, Status::Error, "exited with code 0");
}

#[test]
fn c27_the_environment_is_only_the_allow_list() {
    need!();
    let run = snippet("print(' '.join(sorted(os.environ)))\n", 5_000);
    let names: Vec<String> = run
        .process
        .stdout
        .display()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let allowed = [
        "BROWSER",
        "HOME",
        "LANG",
        "MALLOC_ARENA_MAX",
        "PATH",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONHASHSEED",
        "PYTHONUTF8",
        "TMPDIR",
        "LC_CTYPE",
    ];
    for name in &names {
        assert!(
            allowed.contains(&name.as_str()),
            "{name} leaked into the run: {names:?}"
        );
    }
    assert!(names.iter().any(|n| n == "HOME"));
}

#[test]
fn c28_ignoring_sigterm_and_sigint_does_not_help() {
    need!();
    let program = "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n";
    let j = judge(program, wall(1_000), None);
    assert_status(&j.verdict, Status::Timeout, "time limit");
}

#[test]
fn c29_closing_stdout_and_stderr_then_hanging_still_times_out() {
    need!();
    let program = "import time\nos.close(1)\nos.close(2)\ntime.sleep(100)\n";
    let j = judge(program, wall(1_000), None);
    assert_status(&j.verdict, Status::Timeout, "time limit");
}

#[test]
fn c30_a_locked_work_dir_is_cleaned_up_anyway() {
    need!();
    let program = "if not os.path.exists('a'):\n    os.makedirs('a/b/c')\n    open('a/b/c/f', 'w').write('x')\n    os.chmod('a/b/c', 0)\n    os.chmod('a/b', 0o500)\n    os.chmod('.', 0o500)\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
}

#[test]
fn c31_catching_sigxcpu_does_not_help() {
    need!();
    // The wall limit is the ceiling, far from the CPU limit: on a loaded
    // machine a busy loop gets a fraction of a core, and 1 s of CPU took
    // 6 s of wall clock (a load of about 12 on two cores).
    let limits = Limits {
        wall_ms: 30_000,
        cpu_ms: 1_000,
        ..Limits::default()
    };
    let program = "import signal\nsignal.signal(signal.SIGXCPU, lambda *a: os.write(2, b'XCPU\\n'))\nwhile True:\n    pass\n";
    let j = judge(program, limits, None);
    assert!(
        matches!(j.verdict.status, Status::Killed | Status::Timeout),
        "{:?}: {}",
        j.verdict.status,
        j.verdict.message
    );
    assert!(j.verdict.stderr.contains("XCPU"), "{}", j.verdict.stderr);
    // Stopped by the CPU limit, well before the wall clock.
    assert!(
        j.verdict.duration_ms < 25_000,
        "{} ms",
        j.verdict.duration_ms
    );
}

#[test]
fn c32_megabytes_of_unread_stdin_do_not_hang() {
    need!();
    let input = "x".repeat(10 << 20);
    let j = judge("pass\n", wall(5_000), Some(&input));
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    let run = snippet("import time\ntime.sleep(0.1)\n", 5_000);
    assert_eq!(run.process.ending, Ending::Exited(0));
}

#[test]
fn c33_a_nul_byte_in_the_source_is_a_clear_error() {
    need!();
    let py = python().unwrap();
    let decoy = Decoy::new();
    let source = format!("{}x = 1\0\n", prelude(&decoy));
    let v = session::judge_source(py, &kata(wall(5_000), None), &source, None).unwrap();
    assert_status(&v, Status::Error, "null bytes");
    decoy.assert_untouched();
}

#[test]
fn c34_webbrowser_open_opens_nothing() {
    need!();
    let program = "import webbrowser\nos.write(2, ('OPENED %r\\n' % webbrowser.open('https://example.com')).encode())\n";
    let j = judge(program, wall(5_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    // BROWSER=true: the "browser" is `true`, which opens nothing (and with
    // seccomp it cannot even be started).
    assert!(j.verdict.stderr.contains("OPENED "), "{}", j.verdict.stderr);
    if missing(&["seccomp"]).is_none() {
        assert!(
            j.verdict.stderr.contains("OPENED False"),
            "{}",
            j.verdict.stderr
        );
    }
}

// ------------------------------------------------- beyond the checklist

#[test]
fn h01_the_runners_memory_and_files_are_out_of_reach() {
    need!("landlock filesystem");
    let program = "ppid = os.getppid()\nfor path in ['/proc/%d/environ' % ppid, '/proc/%d/mem' % ppid, '/proc/%d/cwd/Cargo.toml' % ppid, '/proc/%d/root%s' % (ppid, SECRET)]:\n    try:\n        open(path, 'rb').read(16)\n        os.write(2, ('READ %s\\n' % path).encode())\n    except OSError:\n        pass\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(!j.verdict.stderr.contains("READ"), "{}", j.verdict.stderr);
}

#[test]
fn h02_ptrace_unshare_and_setrlimit_are_refused() {
    need!("seccomp");
    let program = "import ctypes, resource\nlibc = ctypes.CDLL(None, use_errno=True)\nresults = [libc.ptrace(16, os.getppid(), 0, 0), libc.unshare(0x10000000), libc.unshare(0x40000000), libc.syscall(321, 0, 0, 0)]\nos.write(2, ('RESULTS %r\\n' % results).encode())\nsoft, hard = resource.getrlimit(resource.RLIMIT_AS)\ntry:\n    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))\n    os.write(2, b'RAISED\\n')\nexcept (ValueError, OSError):\n    pass\ntry:\n    os.setsid()\nexcept PermissionError:\n    os.write(2, b'NO SETSID\\n')\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(
        j.verdict.stderr.contains("RESULTS [-1, -1, -1, -1]"),
        "{}",
        j.verdict.stderr
    );
    assert!(
        j.verdict.stderr.contains("NO SETSID"),
        "{}",
        j.verdict.stderr
    );
    // Root may raise a hard limit: the filter refuses; others cannot anyway.
    assert!(!j.verdict.stderr.contains("RAISED"), "{}", j.verdict.stderr);
}

#[test]
fn h03_hard_links_renames_and_truncation_of_outside_files_are_denied() {
    need!("landlock filesystem");
    let program = "for attempt in (lambda: os.link(SECRET, 'stolen'), lambda: os.rename(SECRET, 'stolen'), lambda: os.truncate(SECRET, 0), lambda: os.unlink(SECRET), lambda: os.mkdir(os.path.join(DECOY, 'x')), lambda: os.rename(os.path.join(DECOY, 'sub'), os.path.join(DECOY, 'moved'))):\n    try:\n        attempt()\n        os.write(2, b'DONE\\n')\n    except OSError:\n        pass\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(!j.verdict.stderr.contains("DONE"), "{}", j.verdict.stderr);
}

#[test]
fn h14_permissions_owners_and_times_of_outside_files_cannot_change() {
    need!("mount namespace");
    // Landlock does not cover chmod, chown or utime; the read-only mounts do.
    let program = "import time\nfor attempt in (lambda: os.chmod(SECRET, 0o777), lambda: os.chmod(DECOY, 0), lambda: os.utime(SECRET, (0, 0)), lambda: os.chown(SECRET, os.getuid(), os.getgid()), lambda: os.setxattr(SECRET, 'user.x', b'1')):\n    try:\n        attempt()\n        os.write(2, b'CHANGED\\n')\n    except OSError:\n        pass\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(
        !j.verdict.stderr.contains("CHANGED"),
        "{}",
        j.verdict.stderr
    );
}

#[test]
fn h15_the_sweep_spares_daemons_that_are_not_from_a_run() {
    need!("process sweep");
    // Make this process the subreaper (it becomes one with its first run).
    let first = judge("pass\n", wall(3_000), None);
    assert_eq!(first.verdict.status, Status::Pass);
    // Like an editor the interface started that daemonises (gvim, code):
    // a process in a session of its own, re-parented to the runner.
    let out = std::process::Command::new("sh")
        .args(["-c", "setsid sleep 30 >/dev/null 2>&1 & echo $!"])
        .output()
        .unwrap();
    let pid: i32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    let me = std::process::id().to_string();
    let adopted = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(5));
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            s.rsplit(')')
                .next()
                .and_then(|r| r.split_whitespace().nth(1))
                == Some(&me)
        })
    });
    // Runs in this process (and other tests' runs) sweep in between.
    let j = judge("pass\n", wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass);
    let alive = std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit(')')
            .next()
            .is_some_and(|r| !r.trim_start().starts_with('Z'))
    });
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::SIGKILL);
    let _ = nix::sys::wait::waitpid(nix::unistd::Pid::from_raw(pid), None);
    assert!(adopted, "the daemon was not re-parented to this process");
    assert!(alive, "the sweep killed a daemon that was not from a run");
}

#[test]
fn h16_abstract_unix_sockets_outside_the_sandbox_are_out_of_reach() {
    need!();
    if missing(&["landlock scopes"]).is_some() && missing(&["network namespace"]).is_some() {
        skip("neither Landlock scopes nor a network namespace here");
        return;
    }
    use std::os::linux::net::SocketAddrExt;
    let name = format!("pykata-test-{}", std::process::id());
    let addr = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes()).unwrap();
    let listener = std::os::unix::net::UnixListener::bind_addr(&addr).unwrap();
    listener.set_nonblocking(true).unwrap();
    let program = format!(
        "import socket\ntry:\n    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n    s.connect('\\0{name}')\n    os.write(2, b'CONNECTED\\n')\nexcept OSError as e:\n    os.write(2, ('REFUSED %s\\n' % e).encode())\n"
    );
    let j = judge(&program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(j.verdict.stderr.contains("REFUSED"), "{}", j.verdict.stderr);
    assert!(listener.accept().is_err(), "a connection got through");
}

#[test]
fn h04_no_terminal_no_keystroke_injection_no_shared_memory() {
    need!("seccomp", "landlock filesystem");
    let shared = "try:\n    open('/dev/shm/pykata-test', 'w').close()\nexcept OSError:\n    pass\n";
    let j = judge(shared, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(!Path::new("/dev/shm/pykata-test").exists());
    // /dev/shm may be the run's private one; what matters is that nothing
    // reaches the real one.
    let program = "import fcntl, termios\nfor path in ['/dev/tty']:\n    try:\n        open(path, 'w').close()\n        os.write(2, ('OPENED %s\\n' % path).encode())\n    except OSError:\n        pass\ntry:\n    fcntl.ioctl(0, termios.TIOCSTI, b'x')\n    os.write(2, b'INJECTED\\n')\nexcept OSError:\n    pass\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(!j.verdict.stderr.contains("OPENED"), "{}", j.verdict.stderr);
    assert!(
        !j.verdict.stderr.contains("INJECTED"),
        "{}",
        j.verdict.stderr
    );
}

#[test]
fn h05_raw_and_netlink_sockets_are_refused_unix_sockets_work() {
    need!("seccomp");
    let program = "import socket\nfor family in (socket.AF_INET6, socket.AF_NETLINK, socket.AF_PACKET):\n    try:\n        socket.socket(family, socket.SOCK_RAW if family == socket.AF_PACKET else socket.SOCK_DGRAM)\n        os.write(2, ('MADE %r\\n' % family).encode())\n    except OSError:\n        pass\na, b = socket.socketpair()\na.send(b'ping')\nassert b.recv(4) == b'ping'\nos.write(2, b'UNIX OK\\n')\n";
    let j = judge(program, wall(3_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(!j.verdict.stderr.contains("MADE"), "{}", j.verdict.stderr);
    assert!(j.verdict.stderr.contains("UNIX OK"), "{}", j.verdict.stderr);
}

#[test]
fn h06_replacing_the_interpreter_with_a_shell_loop_still_times_out() {
    need!();
    let program = "os.execv('/bin/sh', ['sh', '-c', 'while :; do :; done'])\n";
    let j = judge(program, wall(1_000), None);
    assert_status(&j.verdict, Status::Timeout, "time limit");
}

#[test]
fn h07_escaping_the_group_with_setpgid_is_swept() {
    need!("process sweep");
    let program = "import time\nif os.fork() == 0:\n    os.setpgid(0, 0)\n    _report()\n    time.sleep(100)\ntime.sleep(0.3)\n";
    let j = sandbox::with_extras(false, || judge(program, wall(3_000), None));
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    let groups: HashSet<&str> = j
        .verdict
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("PYKATA-PID "))
        .filter_map(|l| l.split(' ').nth(1))
        .collect();
    assert!(groups.len() >= 2, "{}", j.verdict.stderr);
}

#[test]
fn h08_a_bounded_fork_storm_without_extras_leaves_nothing() {
    need!("process sweep");
    // Twenty children, each leaving the group and session, each sleeping.
    let program = "import time\nfor _ in range(20):\n    if os.fork() == 0:\n        os.setsid()\n        if os.fork() == 0:\n            _report()\n            time.sleep(100)\n        os._exit(0)\ntime.sleep(0.5)\n";
    let j = sandbox::with_extras(false, || judge(program, wall(5_000), None));
    assert_eq!(j.verdict.status, Status::Pass, "{}", j.verdict.message);
    assert!(
        reported(&j.verdict.stderr).pids.len() >= 15,
        "{}",
        j.verdict.stderr
    );
}

#[test]
fn h09_ordinary_advanced_python_still_works_in_the_sandbox() {
    need!();
    let program = r#"
import asyncio, concurrent.futures, decimal, json, sqlite3, tempfile, threading, zoneinfo, datetime, locale, subprocess

async def main():
    await asyncio.sleep(0.01)
    return 42

assert asyncio.run(main()) == 42
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    assert sum(pool.map(lambda x: x * x, range(100))) == 328350
db = sqlite3.connect("data.db")
db.execute("create table if not exists t (x)")
db.execute("insert into t values (1)")
db.commit()
with tempfile.NamedTemporaryFile() as f:
    f.write(b"ok")
assert tempfile.gettempdir().startswith(os.getcwd())
assert datetime.datetime(2024, 1, 1, tzinfo=zoneinfo.ZoneInfo("UTC")).year == 2024
assert json.loads("[1]") == [1] and decimal.Decimal("1.1") + 1 == decimal.Decimal("2.1")
os.write(2, b"ALL GOOD\n")
"#;
    let j = judge(program, wall(10_000), None);
    assert_eq!(
        j.verdict.status,
        Status::Pass,
        "{}: {}",
        j.verdict.message,
        j.verdict.stderr
    );
    assert!(j.verdict.stderr.contains("ALL GOOD"));
}

#[test]
fn h10_a_kata_that_allows_processes_can_use_multiprocessing() {
    need!();
    let limits = Limits {
        processes: true,
        ..wall(15_000)
    };
    // Pools are started by the check, not while the module is imported
    // (forking under the import lock deadlocks, sandbox or not).
    let program = r#"
import concurrent.futures, subprocess

def square(x):
    return x * x

def main():
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        assert list(pool.map(square, range(5))) == [0, 1, 4, 9, 16]
    assert subprocess.run(["true"]).returncode == 0
    os.write(2, b"PROCESSES OK\n")
    return True
"#;
    let j = judge_kata(program, kata_asserting(limits, None, "main()"));
    assert_eq!(
        j.verdict.status,
        Status::Pass,
        "{}: {}",
        j.verdict.message,
        j.verdict.stderr
    );
    assert!(
        j.verdict.stderr.contains("PROCESSES OK"),
        "{}",
        j.verdict.stderr
    );
}

#[test]
fn h11_the_extras_can_be_turned_off() {
    need!();
    // Without extras a program may make an AF_INET socket (it still has the
    // portable limits); with them it may not.
    let program = "import socket\ntry:\n    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()\n    os.write(2, b'SOCKET MADE\\n')\nexcept PermissionError:\n    os.write(2, b'SOCKET REFUSED\\n')\n";
    let off = sandbox::with_extras(false, || judge(program, wall(3_000), None));
    assert!(
        off.verdict.stderr.contains("SOCKET MADE"),
        "{}",
        off.verdict.stderr
    );
    if missing(&["seccomp"]).is_none() {
        let on = judge(program, wall(3_000), None);
        assert!(
            on.verdict.stderr.contains("SOCKET REFUSED"),
            "{}",
            on.verdict.stderr
        );
    }
}

#[test]
fn h12_doctor_lists_every_layer() {
    need!();
    let layers = sandbox::layers();
    for name in [
        "portable",
        "resource limits",
        "process sweep",
        "user namespace",
        "network namespace",
        "mount namespace",
        "private /tmp",
        "landlock filesystem",
        "landlock network",
        "landlock scopes",
        "seccomp",
    ] {
        let layer = layers.iter().find(|l| l.name == name);
        let layer = layer.unwrap_or_else(|| panic!("{name} missing from {layers:?}"));
        assert!(!layer.detail.is_empty());
        eprintln!("{name}: {:?}: {}", layer.state, layer.detail);
    }
}

#[test]
fn h13_the_binary_never_sends_escape_sequences_to_the_terminal() {
    need!();
    // `pykata check` on a kata whose output is full of escape sequences: the
    // verdict printed to the terminal has them escaped.
    let course = tempfile::tempdir().unwrap();
    let root = course.path();
    std::fs::create_dir_all(root.join("lessons")).unwrap();
    std::fs::create_dir_all(root.join("katas/t")).unwrap();
    std::fs::write(
        root.join("course.yaml"),
        "format: 1\ntitle: Escapes\ntopics: [t]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("lessons/t.yaml"),
        "title: T\nkatas:\n  - id: esc\n    title: Escapes\n    task: Print.\n    starter: t/esc.py\n    solution: t/esc.solution.py\n    alternatives: [t/esc.alt.py]\n    checks:\n      - id: out\n        kind: output\n        expect: \"hello\"\n",
    )
    .unwrap();
    for f in ["esc.solution.py", "esc.alt.py"] {
        std::fs::write(root.join("katas/t").join(f), "print('hello')\n").unwrap();
    }
    let hostile = format!("import sys\n{ESCAPES}sys.stderr.write('\\x1b]52;c;eA==\\x07')\n");
    std::fs::write(root.join("katas/t/esc.py"), &hostile).unwrap();
    let ws = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_pykata");
    let init = std::process::Command::new(bin)
        .arg("--course")
        .arg(root)
        .args(["init"])
        .arg(ws.path().join("ws"))
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    for format in ["human", "json"] {
        let out = std::process::Command::new(bin)
            .arg("--course")
            .arg(root)
            .arg("--workspace")
            .arg(ws.path().join("ws"))
            .args(["check", "esc", "--format", format])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "raw control bytes reached the terminal ({format}): {}",
            String::from_utf8_lossy(&all)
        );
        // JSON is for tools (serde escapes C0 controls, not C1); the human
        // format escapes every control character.
        if format == "human" {
            assert!(!String::from_utf8_lossy(&all).contains('\u{9b}'));
            assert!(String::from_utf8_lossy(&all).contains("\\x1b"));
        }
    }
}

#[test]
fn h19_a_run_has_a_private_writable_tmp_and_dev_shm() {
    need!("mount namespace", "private /tmp");
    // Correct code that uses /tmp directly, a ThreadPool (POSIX semaphores
    // in /dev/shm) and tempfile works; what others keep in /tmp is not there.
    let outside = tempfile::Builder::new()
        .prefix("pykata-outside-")
        .tempfile_in("/tmp")
        .unwrap();
    let program = format!(
        "import tempfile, multiprocessing.pool\n\
         with open('/tmp/scratch.txt', 'w') as fh:\n    fh.write('ok')\n\
         assert open('/tmp/scratch.txt').read() == 'ok'\n\
         with open('/dev/shm/scratch', 'w') as fh:\n    fh.write('ok')\n\
         with multiprocessing.pool.ThreadPool(2) as pool:\n    assert pool.map(abs, [-1, -2]) == [1, 2]\n\
         with tempfile.TemporaryDirectory(dir='/tmp') as d:\n    open(os.path.join(d, 'f'), 'w').close()\n\
         assert not os.path.exists({:?}), 'a file kept in /tmp outside is visible'\n",
        outside.path().display().to_string()
    );
    let j = judge(&program, wall(5_000), None);
    assert_eq!(j.verdict.status, Status::Pass, "{}", shown(&j.verdict));
    assert!(!Path::new("/tmp/scratch.txt").exists());
    assert!(!Path::new("/dev/shm/scratch").exists());
}

#[test]
fn h17_the_results_file_swapped_for_a_fifo_or_a_device_cannot_hang_or_flood_the_runner() {
    need!();
    // The harness removes the results file's name at once and pykata reads
    // it through the handle it made, so whatever the run puts at that path
    // is never opened: a FIFO (a read would block for ever), /dev/zero (read
    // until memory runs out), /dev/tty (it would swallow the user's keys).
    for trap in [
        "os.mkfifo(name)",
        "os.symlink('/dev/zero', name)",
        "os.symlink('/dev/tty', name)",
    ] {
        let program = format!(
            "name = '_pykata_events.jsonl'\n\
             try:\n    os.remove(name)\nexcept OSError:\n    pass\n\
             try:\n    {trap}\nexcept OSError as e:\n    os.write(2, ('REFUSED %s\\n' % e).encode())\n"
        );
        let started = Instant::now();
        let j = judge(&program, wall(3_000), None);
        assert_eq!(
            j.verdict.status,
            Status::Pass,
            "{trap}: {}",
            shown(&j.verdict)
        );
        assert!(started.elapsed() < Duration::from_secs(10), "{trap}");
    }
}

#[test]
fn h18_cheap_forgeries_of_a_pass_are_caught() {
    need!();
    // Each program would pass a check that can never pass (`False`) if the
    // judge believed it.
    let forgeries = [
        (
            "calls the harness's emit",
            "import __main__\n__main__.emit(event='check_end', id='imports', status='pass')\n",
        ),
        (
            "writes the results channel through emit's closure",
            "import __main__\nfor cell in __main__.emit.__closure__:\n    if callable(cell.cell_contents) and getattr(cell.cell_contents, '__name__', '') == 'write':\n        cell.cell_contents(b'{\"event\": \"check_end\", \"id\": \"imports\", \"status\": \"pass\"}\\n')\n",
        ),
        (
            "writes a line that is not an event, then a pass",
            "import __main__\nfor cell in __main__.emit.__closure__:\n    if callable(cell.cell_contents) and getattr(cell.cell_contents, '__name__', '') == 'write':\n        cell.cell_contents(b'not an event\\n{\"event\": \"check_end\", \"id\": \"imports\", \"status\": \"pass\"}\\n')\n",
        ),
        (
            "patches marshal.dumps, which tells a rewritten spec",
            "import marshal\n_real = marshal.dumps\nmarshal.dumps = lambda value, *rest: _real(value, *rest)\n",
        ),
        (
            "edits the escapes of the results' JSON",
            "import __main__\n__main__._ESCAPES[ord('\"')] = '\"'\n",
        ),
        (
            "rewrites SPEC",
            "import __main__\nfor c in __main__.SPEC['checks']:\n    c['asserts'] = [{'code': 'True'}]\n",
        ),
        (
            "replaces a harness function",
            "import __main__\n__main__.run_check = lambda check, source, err: {'id': check['id'], 'kind': 'assert', 'status': 'pass'}\n",
        ),
        (
            "sets a profile function",
            "import sys\nsys.setprofile(lambda frame, event, arg: None)\n",
        ),
    ];
    for (what, program) in forgeries {
        let j = judge_kata(program, kata_asserting(wall(3_000), None, "False"));
        assert_ne!(
            j.verdict.status,
            Status::Pass,
            "{what}: {}",
            shown(&j.verdict)
        );
        eprintln!("{what}: {}", j.verdict.message);
    }
    // Those that reach the judge's own bookkeeping are named as tampering.
    for (what, program) in forgeries.iter().filter(|(w, _)| !w.contains("closure")) {
        let j = judge_kata(program, kata_asserting(wall(3_000), None, "False"));
        let flagged = j.verdict.message.contains("tampered");
        assert!(flagged, "{what}: {}", shown(&j.verdict));
    }
    // A line that is not an event is not skipped over to the pass after it.
    for (what, program) in forgeries.iter().filter(|(w, _)| w.contains("not an event")) {
        let j = judge_kata(program, kata_asserting(wall(3_000), None, "False"));
        assert!(
            j.verdict.message.contains("is not an event"),
            "{what}: {}",
            shown(&j.verdict)
        );
    }
}

/// A tmux server of the test's own, killed when dropped.
struct TmuxServer(PathBuf);

impl TmuxServer {
    fn start(socket: PathBuf) -> Option<TmuxServer> {
        let ok = std::process::Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(["new-session", "-d", "-s", "pykata-escape-test"])
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TmuxServer(socket))
    }
}

impl Drop for TmuxServer {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.0)
            .arg("kill-server")
            .status();
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn h20_unix_socket_servers_and_tmux_outside_are_out_of_reach() {
    need!("seccomp", "private /tmp");
    use std::os::unix::net::UnixListener;
    let pid = std::process::id();
    let home = PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| "/root".into()));
    // Servers where real ones live: the home folder (tmux, gpg), /tmp
    // (tmux's default, X11), /run (D-Bus, docker).
    let places: Vec<PathBuf> = [
        home.join(format!(".pykata-escape-{pid}.sock")),
        PathBuf::from(format!("/tmp/pykata-escape-{pid}.sock")),
        PathBuf::from(format!("/run/pykata-escape-{pid}.sock")),
    ]
    .into_iter()
    .collect();
    let mut listeners = Vec::new();
    for place in &places {
        let _ = std::fs::remove_file(place);
        if let Ok(l) = UnixListener::bind(place) {
            l.set_nonblocking(true).unwrap();
            listeners.push((place.clone(), l));
        }
    }
    assert!(!listeners.is_empty(), "no test server could listen");
    let tmux_socket = PathBuf::from(format!("/tmp/pykata-escape-tmux-{pid}"));
    let tmux = TmuxServer::start(tmux_socket.clone());
    let marker = home.join(format!(".pykata-escaped-{pid}"));
    let _ = std::fs::remove_file(&marker);

    let paths: Vec<String> = listeners
        .iter()
        .map(|(p, _)| p.display().to_string())
        .chain(std::iter::once(tmux_socket.display().to_string()))
        .collect();
    let program = format!(
        "import socket, subprocess\n\
         for path in {paths:?}:\n    \
             try:\n        \
                 s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n        \
                 s.connect(path)\n        \
                 os.write(2, ('CONNECTED %s\\n' % path).encode())\n    \
             except OSError as e:\n        \
                 os.write(2, ('REFUSED %s %s\\n' % (path, e)).encode())\n\
         try:\n    \
             subprocess.run(['tmux', '-S', {tmux:?}, 'run-shell', 'touch {marker}'], timeout=2)\n\
         except Exception as e:\n    \
             os.write(2, ('TMUX %s\\n' % e).encode())\n",
        tmux = tmux_socket.display().to_string(),
        marker = marker.display(),
    );
    // A kata without processes (no socket at all), and one with them
    // (AF_UNIX sockets allowed, but nothing outside is left to reach).
    for processes in [false, true] {
        let limits = Limits {
            processes,
            ..wall(4_000)
        };
        let j = judge(&program, limits, None);
        assert!(
            !j.verdict.stderr.contains("CONNECTED"),
            "processes={processes}: {}",
            j.verdict.stderr
        );
        for (place, listener) in &listeners {
            assert!(
                listener.accept().is_err(),
                "a connection reached {}",
                place.display()
            );
        }
        assert!(!marker.exists(), "tmux ran a command outside the sandbox");
    }
    drop(tmux);
    for (place, _) in &listeners {
        let _ = std::fs::remove_file(place);
    }
}

#[test]
fn h21_descriptors_inherited_from_pykatas_parent_do_not_reach_the_program() {
    need!();
    use std::os::fd::AsRawFd;
    // A file outside the run, opened by "pykata's parent" (this process)
    // without close-on-exec, as a shell redirection would leave it.
    let outside = tempfile::NamedTempFile::new_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(outside.path())
        .unwrap();
    // dup() makes a descriptor without close-on-exec.
    // SAFETY: dup takes a descriptor number this test owns and touches no memory.
    let fd = unsafe { libc::dup(file.as_raw_fd()) };
    assert!(fd > 2);
    // Every descriptor that leads to the outside file gets written to (not
    // the harness's own results channel, which a program can only spoil).
    let program = format!(
        "for fd in range(3, 256):\n    try:\n        target = os.readlink('/proc/self/fd/%d' % fd)\n    except OSError:\n        continue\n    if target == {:?}:\n        os.write(fd, b'ESCAPED')\n        os.write(2, b'WROTE\\n')\n",
        outside.path().display().to_string()
    );
    for extras in [true, false] {
        let j = sandbox::with_extras(extras, || judge(&program, wall(3_000), None));
        assert_eq!(j.verdict.status, Status::Pass, "{}", shown(&j.verdict));
        let written = std::fs::read_to_string(outside.path()).unwrap();
        assert!(
            !written.contains("ESCAPED"),
            "fd {fd} reached the program (extras {extras})"
        );
    }
    // SAFETY: closes the descriptor dup() made above, once.
    unsafe { libc::close(fd) };
}

/// A file the program writes into its folder named like a standard module
/// (traceback.py) does not stand in for the module the harness imports
/// later to describe an error: the verdict shows the real traceback.
#[test]
fn h22_files_named_like_standard_modules_do_not_reach_the_harness() {
    need!();
    let program = "with open('traceback.py', 'w') as fh:\n    fh.write('def format_exception(*a, **k):\\n    return [\"forged\"]\\ndef extract_tb(*a, **k):\\n    return []\\n')\nimport importlib\nimportlib.invalidate_caches()\n\ndef fail():\n    raise ValueError('boom')\n";
    let j = judge_kata(program, kata_asserting(wall(3_000), None, "fail() is None"));
    let shown = shown(&j.verdict);
    assert_ne!(j.verdict.status, Status::Pass, "{shown}");
    assert!(shown.contains("ValueError"), "{shown}");
    assert!(!shown.contains("forged"), "{shown}");
}
