//! Issue 15's figures, each as a ratio to a bare start of the real
//! interpreter (`python3 -I -c pass`, the binary itself) measured
//! interleaved in the same run: these machines are shared, and only ratios
//! taken side by side mean anything.
//!
//! - `pykata check KATA` on a passing kata of the built-in course, and on a
//!   course ten times its size (the built-in one copied ten times);
//! - `pykata list` on both, which is loading the course and little else;
//! - `pykata verify` of the whole built-in course, in interpreter starts;
//! - in process: loading each course, and `session::follow_course` (run on
//!   every learner command to bring the workspace up to its course);
//! - the interface: save to verdict on screen, for three ways of saving
//!   (write-and-rename, plain overwrite, vim's backup dance).
//!
//! `cargo bench --bench speed` prints the table recorded in
//! docs/performance.md. PYKATA_BENCH_ROUNDS sets the rounds (default 20);
//! PYKATA_BENCH_SKIP=cli,tui,verify leaves parts out (the interface is
//! measured with warm runs, its default, and without); PYKATA_BENCH_BIN
//! times another pykata binary (the in-process figures are this build's).

// A benchmark's report and pauses are its own: the house rules on printing
// and sleeping (Cargo.toml [lints], clippy.toml) are for the program.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

mod common;

use common::*;
use pykata::course::{self, CourseSource};
use pykata::session;
use pykata::workspace::Workspace;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A kata of the built-in course whose solution passes quickly.
const KATA: &str = "mutable-default";
const KATA_FILE: &str = "gotchas/mutable_default.py";
const KATA_SOLUTION: &str = "katas/gotchas/mutable_default.solution.py";

/// A measured figure, turned into a ratio only at the end, against every
/// baseline start of the run.
enum Figure {
    /// A median time, shown with its ratio.
    Time(Duration),
    /// A long single run, shown in interpreter starts.
    Starts(Duration),
    Text(String),
    /// A median time and the median bare start of the interpreter it ran,
    /// shown as their ratio (another interpreter than the baseline's).
    Against(Duration, Duration),
}

#[derive(Default)]
struct Table {
    rows: Vec<(String, Figure, String)>,
}

impl Table {
    fn row(&mut self, what: &str, d: Duration, goal: &str) {
        self.rows
            .push((what.to_string(), Figure::Time(d), goal.into()));
    }

    fn print(self, baseline: Duration) {
        let ratio = |d: Duration| d.as_secs_f64() / baseline.as_secs_f64();
        println!("| what | median | ratio | goal |\n|---|---|---|---|");
        for (what, figure, goal) in self.rows {
            let (value, ratio) = match figure {
                Figure::Time(d) => (ms(d), format!("{:.2}", ratio(d))),
                Figure::Starts(d) => (
                    format!("{:.1} s", d.as_secs_f64()),
                    format!("{:.0} starts", ratio(d)),
                ),
                Figure::Text(t) => (t, String::new()),
                Figure::Against(d, own) => (
                    format!("{} (bare start {})", ms(d), ms(own)),
                    format!("{:.2}", d.as_secs_f64() / own.as_secs_f64()),
                ),
            };
            println!("| {what} | {value} | {ratio} | {goal} |");
        }
    }
}

fn skipped(part: &str) -> bool {
    std::env::var("PYKATA_BENCH_SKIP").is_ok_and(|v| v.split(',').any(|p| p == part))
}

fn pykata(bin: &Path, python: &Path) -> Command {
    let mut c = Command::new(bin);
    c.arg("--python").arg(python);
    c
}

/// A workspace of `course` (None: the built-in one) with the kata solved.
fn solved_workspace(bin: &Path, course: Option<&Path>, ws: &Path, file: &str) {
    let mut init = Command::new(bin);
    if let Some(c) = course {
        init.arg("--course").arg(c);
    }
    let ok = init.arg("init").arg(ws).stdout(Stdio::null()).status();
    assert!(ok.unwrap().success(), "init {}", ws.display());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join(KATA_SOLUTION), ws.join(file)).unwrap();
}

fn command_line(
    bin: &Path,
    python: &Path,
    dir: &Path,
    table: &mut Table,
    baselines: &mut Vec<Duration>,
) {
    let big = dir.join("big");
    multiplied_course(&big, 10);
    let ws = dir.join("ws");
    let ws_big = dir.join("ws-big");
    solved_workspace(bin, None, &ws, KATA_FILE);
    solved_workspace(
        bin,
        Some(&big),
        &ws_big,
        &KATA_FILE.replace("gotchas/", "gotchas-c0/"),
    );
    let big_kata = format!("{KATA}-c0");
    // Every command is checked once for success before it is timed.
    for (args, course, ws) in [
        (vec!["check", KATA], None, &ws),
        (vec!["check", big_kata.as_str()], Some(&big), &ws_big),
    ] {
        let mut c = pykata(bin, python);
        if let Some(course) = course {
            c.arg("--course").arg(course);
        }
        let out = c.arg("--workspace").arg(ws).args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} does not pass:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (mut check, mut check_big, mut list, mut list_big) = (vec![], vec![], vec![], vec![]);
    // When `python3` on PATH is a shim (pyenv's is a bash script that starts
    // some twenty processes), a learner's `check` without --python: the
    // shim is asked once (the first check), then its interpreter is run
    // directly.
    let shim = which::which("python3")
        .ok()
        .filter(|p| std::fs::read(p).is_ok_and(|b| b.starts_with(b"#!")));
    let check_shim = |ws: &Path| {
        let mut c = Command::new(bin);
        c.arg("--workspace").arg(ws).args(["check", KATA]);
        c
    };
    let mut through_shim = vec![];
    // A plain CPython (Debian's, no `.pth` files in its site-packages) as
    // well, against its own bare start: this machine's pyenv interpreter
    // imports `certifi` at every start (about 25 ms), which makes
    // everything else look small. PYKATA_BENCH_PLAIN names another.
    let plain = std::env::var_os("PYKATA_BENCH_PLAIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/python3"))
        .canonicalize()
        .ok()
        .filter(|p| python.canonicalize().is_ok_and(|b| b != *p));
    let (mut plain_bare, mut plain_check) = (vec![], vec![]);
    if let Some(plain) = &plain {
        let out = pykata(bin, plain)
            .arg("--workspace")
            .arg(&ws)
            .args(["check", KATA])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "check on {}: {out:?}",
            plain.display()
        );
    }
    if shim.is_some() {
        let out = check_shim(&ws).output().unwrap();
        assert!(out.status.success(), "check through the shim: {out:?}");
    }
    for _ in 0..rounds(20) {
        baselines.push(bare_start(python));
        check.push(time(
            pykata(bin, python)
                .arg("--workspace")
                .arg(&ws)
                .args(["check", KATA]),
        ));
        check_big.push(time(
            pykata(bin, python)
                .arg("--course")
                .arg(&big)
                .arg("--workspace")
                .arg(&ws_big)
                .args(["check", &big_kata]),
        ));
        list.push(time(
            pykata(bin, python).arg("--workspace").arg(&ws).arg("list"),
        ));
        if shim.is_some() {
            through_shim.push(time(&mut check_shim(&ws)));
        }
        if let Some(plain) = &plain {
            plain_bare.push(bare_start(plain));
            plain_check.push(time(
                pykata(bin, plain)
                    .arg("--workspace")
                    .arg(&ws)
                    .args(["check", KATA]),
            ));
        }
        list_big.push(time(
            pykata(bin, python)
                .arg("--course")
                .arg(&big)
                .arg("--workspace")
                .arg(&ws_big)
                .arg("list"),
        ));
    }
    table.row(
        "pykata check on a passing kata, built-in course (66 katas)",
        median(check),
        "<= 1.25x",
    );
    table.row(
        "pykata check on a passing kata, built-in course x10",
        median(check_big),
        "<= 1.25x",
    );
    if let Some(shim) = &shim {
        table.row(
            &format!(
                "pykata check on a passing kata, python3 on PATH a shim ({})",
                shim.display()
            ),
            median(through_shim),
            "<= 1.25x",
        );
    }
    if let Some(plain) = &plain {
        table.rows.push((
            format!(
                "pykata check on a passing kata, a plain CPython ({}), against its own bare start",
                plain.display()
            ),
            Figure::Against(median(plain_check), median(plain_bare)),
            "<= 1.25x".into(),
        ));
    }
    table.row("pykata list, built-in course", median(list), "");
    table.row("pykata list, built-in course x10", median(list_big), "");

    // In process: loading, and following the course on a learner command.
    let (mut load, mut load_big, mut follow, mut follow_big) = (vec![], vec![], vec![], vec![]);
    let ws_handle = Workspace::locate(Some(&ws), &ws).unwrap();
    let ws_big_handle = Workspace::locate(Some(&ws_big), &ws_big).unwrap();
    for _ in 0..rounds(20) {
        let t = Instant::now();
        let c = course::load(CourseSource::Embedded).unwrap();
        load.push(t.elapsed());
        let t = Instant::now();
        let notes = session::follow_course(&ws_handle, &c);
        follow.push(t.elapsed());
        assert!(notes.is_empty(), "{notes:?}");
        let t = Instant::now();
        let c = course::load(CourseSource::from_path(&big)).unwrap();
        load_big.push(t.elapsed());
        let t = Instant::now();
        let notes = session::follow_course(&ws_big_handle, &c);
        follow_big.push(t.elapsed());
        assert!(notes.is_empty(), "{notes:?}");
    }
    table.row(
        "  loading the built-in course (in process)",
        median(load),
        "",
    );
    table.row(
        "  loading the built-in course x10 (in process)",
        median(load_big),
        "",
    );
    table.row(
        "  following the built-in course (per command)",
        median(follow),
        "",
    );
    table.row(
        "  following the built-in course x10 (per command)",
        median(follow_big),
        "",
    );
}

fn verify(bin: &Path, python: &Path, table: &mut Table, baselines: &mut Vec<Duration>) {
    // One verify takes tens of seconds: a few baselines before and after
    // it keep the unit honest.
    for _ in 0..5 {
        baselines.push(bare_start(python));
    }
    let t = Instant::now();
    let out = pykata(bin, python).arg("verify").output().unwrap();
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "verify fails:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    for _ in 0..5 {
        baselines.push(bare_start(python));
    }
    table.rows.push((
        "pykata verify, whole built-in course".into(),
        Figure::Starts(took),
        "<= 120 starts".into(),
    ));
}

/// How an editor saves: each writes `text` over `file`.
#[derive(Clone, Copy)]
enum Save {
    /// A new file renamed over the old one (most editors, `:w` in vim with
    /// `backupcopy=no`'s cousin writebackup off).
    WriteRename,
    /// The file truncated and written in place (nano, `backupcopy=yes`).
    Overwrite,
    /// vim's default on Unix: a probe file `4913` made and removed, the old
    /// file renamed to `file~`, a new file written, the backup removed.
    VimBackup,
}

impl Save {
    fn name(self) -> &'static str {
        match self {
            Save::WriteRename => "write and rename",
            Save::Overwrite => "plain overwrite",
            Save::VimBackup => "vim's backup dance",
        }
    }

    /// Saves, and returns the unix µs at which the save began.
    fn save(self, file: &Path, text: &str) -> u128 {
        use std::io::Write;
        match self {
            Save::WriteRename => {
                let tmp = file.with_file_name(".save.tmp");
                std::fs::write(&tmp, text).unwrap();
                let t0 = unix_us();
                std::fs::rename(&tmp, file).unwrap();
                t0
            }
            Save::Overwrite => {
                let t0 = unix_us();
                let mut f = std::fs::File::create(file).unwrap();
                f.write_all(text.as_bytes()).unwrap();
                drop(f);
                t0
            }
            Save::VimBackup => {
                let t0 = unix_us();
                let probe = file.with_file_name("4913");
                drop(std::fs::File::create(&probe).unwrap());
                std::fs::remove_file(&probe).unwrap();
                let backup = file
                    .with_file_name(format!("{}~", file.file_name().unwrap().to_string_lossy()));
                std::fs::rename(file, &backup).unwrap();
                let mut f = std::fs::File::create(file).unwrap();
                f.write_all(text.as_bytes()).unwrap();
                f.sync_all().unwrap();
                drop(f);
                std::fs::remove_file(&backup).unwrap();
                t0
            }
        }
    }
}

fn interface(
    bin: &Path,
    python: &Path,
    dir: &Path,
    warm: bool,
    table: &mut Table,
    baselines: &mut Vec<Duration>,
) {
    let mode = if warm { "warm" } else { "cold" };
    if which::which("tmux").is_err() {
        eprintln!("skipping the interface: it needs tmux");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/course");
    let mut tmux = Tmux {
        socket: dir.join(format!("sock-{mode}")),
        session: "keep".into(),
    };
    tmux.run(&["new-session", "-d", "-s", "keep", "sleep", "3600"]);
    let trace = dir.join(format!("trace-{mode}"));
    let ws = dir.join(format!("ws-tui-{mode}"));
    tmux.session = "save".into();
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "save",
        "-x",
        "120",
        "-y",
        "40",
        "env",
        &format!("PYKATA_TUI_TRACE={}", trace.display()),
        // Warm runs are the interface's default; 0 turns them off.
        if warm {
            "PYKATA_WARM_RUNNER=1"
        } else {
            "PYKATA_WARM_RUNNER=0"
        },
        bin.to_str().unwrap(),
        "--python",
        python.to_str().unwrap(),
        "--course",
        fixture.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "tmux: {out:?}");
    tmux.wait_for("Welcome to pykata");
    tmux.keys(&["Enter"]);
    tmux.wait_for("fix-default");
    // The map opens on the lesson: one down is the first kata.
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("fix_default.py (basics/fix_default.py)");
    let file = ws.join("basics/fix_default.py");
    let solution =
        std::fs::read_to_string(fixture.join("katas/basics/fix_default.solution.py")).unwrap();
    for save in [Save::WriteRename, Save::Overwrite, Save::VimBackup] {
        let (mut seen, mut total, mut python_ms) = (vec![], vec![], vec![]);
        for n in 0..rounds(20).min(12) {
            baselines.push(bare_start(python));
            std::thread::sleep(Duration::from_millis(200));
            let text = if n % 2 == 0 {
                format!(
                    "def add(item, items=[]):  # {n}\n    items.append(item)\n    return items\n"
                )
            } else {
                format!("{solution}\n# save {n}\n")
            };
            let t0 = save.save(&file, &text);
            let event = wait_event(&trace, "file_event", t0);
            let checked = wait_event(&trace, "checked", t0);
            let drawn = wait_event(&trace, "verdict_drawn", t0);
            seen.push(Duration::from_micros((event.at - t0) as u64));
            total.push(Duration::from_micros((drawn.at - t0) as u64));
            python_ms.push(Duration::from_millis(
                field(&checked, "python_ms").unwrap_or(0) as u64,
            ));
            // Let the last run's events die down before the next save.
            std::thread::sleep(Duration::from_millis(100));
        }
        table.row(
            &format!(
                "interface, save to verdict on screen ({}, {mode})",
                save.name()
            ),
            median(total),
            "<= 1.0x",
        );
        table.row(
            &format!("  of which the save is seen ({}, {mode})", save.name()),
            median(seen),
            "",
        );
        table.row(
            "  (the Python run as the verdict reports it)",
            median(python_ms),
            "",
        );
    }
    if warm {
        // The run kept ready for the next save, as it waits.
        std::thread::sleep(Duration::from_millis(500));
        let waiting = waiting_run_rss_kb();
        table.rows.push((
            "a run waiting for the next save, resident memory".into(),
            Figure::Text(match waiting {
                Some(kb) => format!("{:.1} MB", kb as f64 / 1024.0),
                None => "none found".into(),
            }),
            "< 10 MB".into(),
        ));
    }
    let t0 = unix_us();
    tmux.keys(&["q"]);
    let quit = wait_event(&trace, "quit", t0);
    let rss = field(&quit, "peak_rss_kb").unwrap_or(0);
    table.rows.push((
        format!("interface peak resident memory ({mode})"),
        Figure::Text(format!("{:.1} MB", rss as f64 / 1024.0)),
        "< 30 MB".into(),
    ));
}

/// The resident memory of a run waiting for its file (runner::warm: its
/// harness names the FIFO `_pykata_go`), if one is found.
fn waiting_run_rss_kb() -> Option<u64> {
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
            if !String::from_utf8_lossy(&cmdline).contains("_pykata_go") {
                return None;
            }
            let status = std::fs::read_to_string(entry.path().join("status")).ok()?;
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
}

fn main() {
    // `cargo test --benches` runs this too; only measure under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let python = real_python();
    // PYKATA_BENCH_BIN measures another build (an older one, to compare).
    let bin = std::env::var_os("PYKATA_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_pykata")));
    let dir = tempfile::tempdir().unwrap();
    let mut table = Table::default();
    let mut baselines = Vec::new();
    if !skipped("cli") {
        command_line(&bin, &python, dir.path(), &mut table, &mut baselines);
    }
    if !skipped("tui") {
        for warm in [true, false] {
            interface(&bin, &python, dir.path(), warm, &mut table, &mut baselines);
        }
    }
    if !skipped("verify") {
        verify(&bin, &python, &mut table, &mut baselines);
    }
    println!("interpreter {}", python.display());
    let baseline = median(baselines.clone());
    println!(
        "baseline: python3 -I -c pass, median of {} interleaved starts: {}\n",
        baselines.len(),
        ms(baseline)
    );
    table.print(baseline);
}
