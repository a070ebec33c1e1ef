//! The interface's latency and memory, as recorded in docs/performance.md
//! ("Interface"). `cargo bench --bench tui` prints a Markdown table.
//!
//! - Frame: a kata screen with a 300-line learner file, a failing verdict
//!   and its diff, drawn on a TestBackend (in process), 80x24 and 120x40.
//! - Highlighting the 300-line file once (it happens once per save).
//! - First frame, save-to-verdict and peak memory: the real binary in a
//!   tmux terminal, timed through its trace (`PYKATA_TUI_TRACE`), saving
//!   the file as an editor does (a new file renamed over it).
//!   Save-to-verdict is reported beyond the Python run itself (the run's
//!   own duration, as the verdict states it, is subtracted).
//!
//! The tmux part is skipped, with a message, when tmux or Python is absent.

// The house rules on printing and sleeping (Cargo.toml [lints]) are for
// pykata; a benchmark prints its table and waits on real time.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

mod common;

use common::Tmux;
use pykata::course::{self, CourseSource};
use pykata::judge::{CheckResult, Status, Verdict};
use pykata::runner::{Interpreter, PythonVersion};
use pykata::tui::app::{App, Effect, Msg};
use pykata::tui::highlight::{Highlighted, Highlighter};
use pykata::tui::screens;
use pykata::tui::theme::Theme;
use pykata::workspace::Workspace;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const SAVES: usize = 12;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

/// A plausible 300-line Python file.
fn big_file() -> String {
    let mut s = String::from("\"\"\"A long learner file.\"\"\"\nimport functools\n\n");
    let mut n = 0;
    while s.lines().count() < 296 {
        s.push_str(&format!(
            "@functools.lru_cache(maxsize=None)\ndef f{n}(x: int, items=None) -> list[str]:\n    \"\"\"Doc {n}.\"\"\"\n    if items is None:\n        items = []  # a fresh list\n    items.append(f\"{{x!r}}-{n}\" * 2)\n    return items\n\n"
        ));
        n += 1;
    }
    let mut s: String = s.lines().take(296).map(|l| format!("{l}\n")).collect();
    s.push_str("def add(item, items=None):\n    items = [] if items is None else items\n    items.append(item)\n    return items\n");
    s
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn frames(rows: &mut Vec<(String, String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let course = course::load(CourseSource::Dir(fixture())).unwrap();
    let (ws, _) = Workspace::init(dir.path(), &course).unwrap();
    let kata = course.kata("fix-default").unwrap().clone();
    std::fs::write(ws.kata_path(&kata), big_file()).unwrap();
    let theme = Theme { color: true };
    let started = Instant::now();
    let hl = Arc::new(Highlighter::load());
    let load = started.elapsed();
    let started = Instant::now();
    let h = Highlighted::new(&big_file(), Some(&hl), &theme);
    let highlight = started.elapsed();

    assert_eq!(h.lines.len(), 300);

    let mut app = App::new(course, Some(ws), theme);
    app.python = Some(Interpreter {
        program: "python3".into(),
        pre_args: Vec::new(),
        found_by: "bench",
    });
    app.version = PythonVersion::parse("3.11.7");
    app.update(Msg::HighlighterLoaded(hl));
    let (t, i) = app.locate("fix-default").unwrap();
    app.open_kata(t, i);
    let effects = app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::NONE,
    )));
    // Highlight the file as the worker would, so frames draw styled code.
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Highlight { .. })),
        "the 300-line file is highlighted off the interface thread"
    );
    for e in &effects {
        if let Effect::Highlight {
            hash,
            text,
            hl,
            theme,
        } = e
        {
            let lines = hl.highlight(text, theme);
            app.update(Msg::FileHighlighted { hash: *hash, lines });
        }
    }
    let gen = effects
        .iter()
        .find_map(|e| match e {
            Effect::Check { gen, .. } => Some(*gen),
            _ => None,
        })
        .unwrap();
    let check = CheckResult {
        id: "two-calls".into(),
        status: Status::Fail,
        message: Some("Each call without a list must start from an empty one.".into()),
        detail: None,
        expected: Some("['a']\n['b']\n".into()),
        actual: Some("['a']\n['a', 'b']\n".into()),
        output: None,
        truncated: false,
        traceback: None,
    };
    let verdict = Verdict {
        status: Status::Fail,
        message: "Each call without a list must start from an empty one.".into(),
        mistake: None,
        checks: vec![check],
        traceback: Some("  File \"fix_default.py\", line 300, in add\nAssertionError".into()),
        line: Some(300),
        column: None,
        import_output: String::new(),
        stderr: String::new(),
        truncated: false,
        python: Some("3.11.7".into()),
        duration_ms: 40,
        cpu_ms: None,
    };
    app.update(Msg::Checked {
        gen,
        kata: "fix-default".into(),
        result: Ok((verdict, None)),
        elapsed: Duration::from_millis(50),
    });

    rows.push((
        "Loading the syntax set (once, off the interface thread)".into(),
        ms(load),
        String::new(),
    ));
    rows.push((
        "Highlighting a 300-line file (once per save)".into(),
        ms(highlight),
        String::new(),
    ));
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut times = Vec::new();
        for n in 0..600 {
            // Scroll the file so frames differ, as when a learner reads it.
            if n % 2 == 0 {
                app.update(Msg::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
            }
            app.update(Msg::Key(KeyEvent::new(
                KeyCode::Char('j'),
                KeyModifiers::NONE,
            )));
            let started = Instant::now();
            term.draw(|f| screens::render(f, &mut app)).unwrap();
            times.push(started.elapsed());
        }
        rows.push((
            format!("A kata frame, 300-line file, {w}x{h} (median / p99)"),
            format!(
                "{} / {}",
                ms(percentile(times.clone(), 0.5)),
                ms(percentile(times, 0.99))
            ),
            "< 2 ms".into(),
        ));
    }
}

fn unix_us() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_micros()
}

/// One trace line: event, time, key=value pairs.
struct TraceLine {
    event: String,
    at: u128,
    fields: Vec<(String, String)>,
}

fn read_trace(path: &Path) -> Vec<TraceLine> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let event = parts.next()?.to_string();
            let at = parts.next()?.parse().ok()?;
            let fields = parts
                .filter_map(|kv| kv.split_once('=').map(|(k, v)| (k.into(), v.into())))
                .collect();
            Some(TraceLine { event, at, fields })
        })
        .collect()
}

fn field(l: &TraceLine, k: &str) -> Option<u128> {
    l.fields
        .iter()
        .find(|(n, _)| n == k)
        .and_then(|(_, v)| v.parse().ok())
}

fn wait_event(trace: &Path, event: &str, after: u128) -> TraceLine {
    let started = Instant::now();
    loop {
        if let Some(l) = read_trace(trace)
            .into_iter()
            .find(|l| l.event == event && l.at >= after)
        {
            return l;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no {event} in the trace"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn terminal(rows: &mut Vec<(String, String, String)>) {
    if which::which("tmux").is_err() || which::which("python3").is_err() {
        eprintln!("skipping the terminal measurements: they need tmux and python3");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut tmux = Tmux {
        socket: dir.path().join("sock"),
        session: String::new(),
    };
    let trace = dir.path().join("trace");
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let bin = env!("CARGO_BIN_EXE_pykata");
    // A session that outlives the others keeps the tmux server up.
    tmux.run(&["new-session", "-d", "-s", "keep", "sleep", "3600"]);

    // First frame, built-in course, first run (the workspace is created).
    let mut firsts = Vec::new();
    let mut inner = Vec::new();
    for round in 0..5 {
        let _ = std::fs::remove_file(&trace);
        tmux.session = format!("first{round}");
        let t0 = unix_us();
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            &tmux.session,
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            work.to_str().unwrap(),
            "env",
            &format!("PYKATA_TUI_TRACE={}", trace.display()),
            bin,
        ]);
        assert!(out.status.success(), "tmux: {out:?}");
        let first = wait_event(&trace, "first_frame", t0);
        let start = wait_event(&trace, "start", t0);
        if round > 0 {
            firsts.push(Duration::from_micros((first.at - t0) as u64));
            inner.push(Duration::from_micros((first.at - start.at) as u64));
        }
        tmux.keys(&["q"]);
        let _ = wait_event(&trace, "quit", t0);
    }
    rows.push((
        "First frame, built-in course: from the tmux command / from main (median)".into(),
        format!(
            "{} / {}",
            ms(percentile(firsts, 0.5)),
            ms(percentile(inner, 0.5))
        ),
        "< 50 ms".into(),
    ));

    // Save to verdict, fixture course, then peak memory after a session
    // that also opened a lesson and the 300-line file.
    let _ = std::fs::remove_file(&trace);
    let ws = dir.path().join("ws");
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
        "-c",
        work.to_str().unwrap(),
        "env",
        &format!("PYKATA_TUI_TRACE={}", trace.display()),
        bin,
        "--course",
        fixture().to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "tmux: {out:?}");
    tmux.wait_for("Welcome to pykata");
    tmux.keys(&["Enter"]);
    tmux.wait_for("fix-default");
    tmux.keys(&["Up", "Enter"]);
    tmux.wait_for("step 1 of");
    tmux.keys(&["Escape"]);
    tmux.wait_for("≡ lesson");
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("fix_default.py (basics/fix_default.py)");
    let file = ws.join("basics/fix_default.py");
    let solution =
        std::fs::read_to_string(fixture().join("katas/basics/fix_default.solution.py")).unwrap();
    let mut beyond = Vec::new();
    let mut watch = Vec::new();
    let mut python = Vec::new();
    let mut worker_extra = Vec::new();
    for n in 0..SAVES {
        // Alternate a wrong and a right file, each new text; the last is
        // the big file.
        let text = if n == SAVES - 1 {
            big_file()
        } else if n % 2 == 0 {
            format!("def add(item, items=[]):  # {n}\n    items.append(item)\n    return items\n")
        } else {
            format!("{solution}\n# save {n}\n")
        };
        std::thread::sleep(Duration::from_millis(300));
        let tmp = file.with_file_name(".fix_default.py.swp");
        std::fs::write(&tmp, &text).unwrap();
        let t0 = unix_us();
        std::fs::rename(&tmp, &file).unwrap();
        let event = wait_event(&trace, "file_event", t0);
        let checked = wait_event(&trace, "checked", t0);
        let drawn = wait_event(&trace, "verdict_drawn", t0);
        let py = Duration::from_millis(field(&checked, "python_ms").unwrap_or(0) as u64);
        let run = Duration::from_micros(field(&checked, "run_us").unwrap_or(0) as u64);
        let total = Duration::from_micros((drawn.at - t0) as u64);
        beyond.push(total.saturating_sub(py));
        watch.push(Duration::from_micros((event.at - t0) as u64));
        python.push(py);
        worker_extra.push(run.saturating_sub(py));
    }
    rows.push((
        format!("Save to verdict on screen, beyond the Python run ({SAVES} saves: median / max)"),
        format!(
            "{} / {}",
            ms(percentile(beyond.clone(), 0.5)),
            ms(percentile(beyond, 1.0))
        ),
        "< 100 ms".into(),
    ));
    rows.push((
        "  of which: the save seen (watch + 40 ms debounce), median".into(),
        ms(percentile(watch, 0.5)),
        String::new(),
    ));
    rows.push((
        "  of which: the check's own work beyond Python (files, judge, progress), median".into(),
        ms(percentile(worker_extra, 0.5)),
        String::new(),
    ));
    rows.push((
        "  (the Python run itself, as the verdict reports it, median)".into(),
        ms(percentile(python, 0.5)),
        String::new(),
    ));
    let t0 = unix_us();
    tmux.keys(&["q"]);
    let quit = wait_event(&trace, "quit", t0);
    let rss = field(&quit, "peak_rss_kb").unwrap_or(0);
    rows.push((
        "Peak resident memory after a session (lesson, kata, 300-line file)".into(),
        format!("{:.1} MB", rss as f64 / 1024.0),
        "< 30 MB".into(),
    ));
}

fn main() {
    // `cargo test --benches` runs this too; only measure under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let mut rows = Vec::new();
    frames(&mut rows);
    terminal(&mut rows);
    println!("| measure | result | target |\n|---|---|---|");
    for (what, result, target) in rows {
        println!("| {what} | {result} | {target} |");
    }
}
