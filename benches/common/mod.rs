//! What the benchmarks share: the real interpreter (never a pyenv shim),
//! medians, a tmux terminal driving the real binary, the interface's trace
//! (`PYKATA_TUI_TRACE`), and a large course made from the built-in one.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The interpreter `python3` really is. Version managers put a shell script
/// (a "shim") first on PATH; timing through it would inflate the baseline,
/// and pykata's sandbox helper skips such shims, so both sides use the real
/// binary (`sys.executable`, then its real path).
pub fn real_python() -> PathBuf {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 runs");
    let exe = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    exe.canonicalize().unwrap_or(exe)
}

/// How long a command takes to end, its output thrown away.
pub fn time(cmd: &mut Command) -> Duration {
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

/// One bare start of the interpreter: the unit every figure is given in.
pub fn bare_start(python: &Path) -> Duration {
    time(Command::new(python).args(["-I", "-c", "pass"]))
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    assert!(!v.is_empty(), "no samples");
    v.sort();
    v[v.len() / 2]
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// `PYKATA_BENCH_ROUNDS` if set, else `default`.
pub fn rounds(default: usize) -> usize {
    std::env::var("PYKATA_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn unix_us() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_micros()
}

/// One trace line: event, time, key=value pairs.
pub struct TraceLine {
    pub event: String,
    pub at: u128,
    pub fields: Vec<(String, String)>,
}

pub fn read_trace(path: &Path) -> Vec<TraceLine> {
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

pub fn field(l: &TraceLine, k: &str) -> Option<u128> {
    l.fields
        .iter()
        .find(|(n, _)| n == k)
        .and_then(|(_, v)| v.parse().ok())
}

/// The first `event` in the trace at or after `after` (unix µs).
pub fn wait_event(trace: &Path, event: &str, after: u128) -> TraceLine {
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
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A tmux server of its own (its socket in a temporary folder), killed on
/// drop.
pub struct Tmux {
    pub socket: PathBuf,
    pub session: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .unwrap()
    }
    pub fn keys(&self, keys: &[&str]) {
        let mut a = vec!["send-keys", "-t", self.session.as_str()];
        a.extend_from_slice(keys);
        self.run(&a);
    }
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-t", &self.session])
                .stdout,
        )
        .into_owned()
    }
    pub fn wait_for(&self, text: &str) {
        let started = Instant::now();
        while !self.screen().contains(text) {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "waited for {text:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Writes into `dest` the built-in course (the repository's course.yaml,
/// lessons/ and katas/) copied `copies` times: copy `n` of topic `t` is
/// topic `t-cn`, with its katas renamed `id-cn` and its kata files under
/// `katas/t-cn/`. Ten copies make the 440-kata course of issue 15 (660
/// katas with today's 66).
pub fn multiplied_course(dest: &Path, copies: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("course.yaml")).unwrap();
    let (head, rest) = manifest.split_once("topics:\n").expect("a topics list");
    let topics: Vec<&str> = rest
        .lines()
        .map_while(|l| l.trim().strip_prefix("- "))
        .collect();
    let mut out = format!("{head}topics:\n");
    std::fs::create_dir_all(dest.join("lessons")).unwrap();
    for n in 0..copies {
        for topic in &topics {
            let new = format!("{topic}-c{n}");
            out.push_str(&format!("  - {new}\n"));
            let text = std::fs::read_to_string(root.join(format!("lessons/{topic}.yaml"))).unwrap();
            let mut in_katas = false;
            let mut lesson = String::new();
            for line in text.lines() {
                if line.starts_with("katas:") {
                    in_katas = true;
                }
                let line = match line.strip_prefix("  - id: ") {
                    Some(id) if in_katas => format!("  - id: {id}-c{n}"),
                    _ => line.replace(&format!(" {topic}/"), &format!(" {new}/")),
                };
                lesson.push_str(&line);
                lesson.push('\n');
            }
            std::fs::write(dest.join(format!("lessons/{new}.yaml")), lesson).unwrap();
            copy_dir(
                &root.join("katas").join(topic),
                &dest.join("katas").join(&new),
            );
        }
    }
    std::fs::write(dest.join("course.yaml"), out).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}
