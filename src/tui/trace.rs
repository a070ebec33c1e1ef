//! Timings for the benchmark (benches/tui.rs): with `PYKATA_TUI_TRACE=FILE`
//! the interface appends one line per event to FILE:
//! `EVENT UNIX_MICROSECONDS [key=value ...]`. Without it, nothing is done.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Default)]
pub struct Trace {
    file: Option<std::fs::File>,
}

fn unix_us() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0)
}

impl Trace {
    pub fn from_env() -> Trace {
        let file = std::env::var_os("PYKATA_TUI_TRACE").and_then(|p| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .ok()
        });
        Trace { file }
    }

    pub fn log(&mut self, event: &str, extra: &str) {
        if let Some(f) = self.file.as_mut() {
            let _ = writeln!(f, "{event} {} {extra}", unix_us());
        }
    }

    pub fn enabled(&self) -> bool {
        self.file.is_some()
    }
}

/// `peak_rss_kb=N` from /proc (Linux), or nothing elsewhere.
pub fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .map(|kb| format!("peak_rss_kb={kb}"))
        .unwrap_or_default()
}
