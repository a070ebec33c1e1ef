//! Running a kata: the learner's file, the harness and the checks go into a
//! fresh work dir; the harness streams events to a file there, which is read
//! back even if the run crashed or timed out.

use super::process::{self, ProcessOutcome, Spawn};
use super::python::Interpreter;
use super::workdir::WorkDir;
use crate::course::{Check, Kata};
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The harness, shipped verbatim inside the binary.
pub const HARNESS: &str = include_str!("../../assets/harness.py");
pub(crate) const HARNESS_FILE: &str = "_pykata_harness.py";

#[derive(Serialize)]
struct Spec<'a> {
    module: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_python: Option<[u32; 2]>,
    checks: &'a [Check],
    /// Code run before every check and detector, in its namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    helpers: Option<&'a str>,
    mistakes: Vec<MistakeSpec<'a>>,
    /// Characters a check may print before it is stopped.
    output_limit: u64,
    /// The run's wall-clock limit: shortly before it, the harness writes
    /// every thread's stack to stderr (see `stuck_at`).
    wall_ms: u64,
}

#[derive(Serialize)]
struct MistakeSpec<'a> {
    id: &'a str,
    when: &'a str,
}

/// An exception as the harness describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct RaisedError {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub text: Option<String>,
    /// Trimmed to the learner's own file.
    #[serde(default)]
    pub traceback: Option<String>,
    /// The last line of the learner's file it passed through.
    #[serde(default)]
    pub line: Option<u64>,
}

/// One event of the harness protocol (one JSON object per line).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Start {
        python: Vec<u32>,
        #[serde(default)]
        implementation: String,
        /// The protocol the harness speaks; must be [`PROTOCOL`].
        #[serde(default)]
        protocol: Option<u32>,
    },
    Skipped {
        needs: Vec<u32>,
    },
    SyntaxError {
        #[serde(rename = "type")]
        kind: String,
        text: String,
        #[serde(default)]
        line: Option<u64>,
        #[serde(default)]
        column: Option<u64>,
        #[serde(default)]
        code: Option<String>,
    },
    Import {
        ok: bool,
        #[serde(default)]
        output: Option<String>,
        #[serde(default)]
        error: Option<RaisedError>,
    },
    CheckStart {
        id: String,
    },
    CheckEnd(CheckEvent),
    MistakeStart {
        id: String,
    },
    MistakeEnd {
        id: String,
        fired: bool,
    },
    Exit {
        code: String,
    },
    /// The harness found learner code meddling with the judging.
    Tampered {
        what: String,
    },
    Interrupted {},
    /// What a check (or, with an empty id, the import) printed since the
    /// last such event; kept for a run the wall clock or a crash ends.
    PartialOutput {
        id: String,
        text: String,
    },
    /// The harness failed on its own account (its traceback is for the
    /// course's author, or the program used up what the harness needs).
    HarnessError {
        #[serde(rename = "type")]
        kind: String,
        text: String,
        #[serde(default)]
        traceback: String,
    },
    Done {},
}

/// The version of the event protocol this pykata reads; the harness says
/// which it speaks in its first event (`PROTOCOL` in assets/harness.py).
pub const PROTOCOL: u32 = 1;

/// The exit code of a harness that failed on its own account
/// (`HARNESS_FAILED` in assets/harness.py).
pub const HARNESS_FAILED: i32 = 86;

/// What the harness reported for one check.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CheckEvent {
    pub id: String,
    pub status: CheckStatus,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub expected: Option<String>,
    #[serde(default)]
    pub actual: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub line: Option<u64>,
    #[serde(default)]
    pub error: Option<RaisedError>,
    /// The check printed more than was kept.
    #[serde(default)]
    pub truncated: bool,
    /// The check stopped on a NameError in its own code: a name the
    /// learner's code should have let it bind never was.
    #[serde(default)]
    pub own_code: bool,
}

/// How a check ended, as the harness saw it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Pass,
    Fail,
    #[default]
    Error,
    /// Stopped by the output limit.
    Killed,
    /// The output was captured, to be matched in Rust.
    Ran,
}

/// Everything a kata run produced: the events in order and the process.
#[derive(Debug, Clone)]
pub struct KataRun {
    pub events: Vec<Event>,
    /// A line of the results that is not an event (other than a last line
    /// cut short by a kill): the results cannot be trusted.
    pub malformed: Option<String>,
    pub process: ProcessOutcome,
}

/// Runs `source` as the learner's file of `kata`: through a warm run
/// (runner::warm) when those are switched on, else started now.
pub fn run_kata(
    python: &Interpreter,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<KataRun> {
    if !super::warm::enabled() {
        return run_cold(python, kata, source, cancel);
    }
    // A warm run that died while it waited ran nothing: run cold.
    let run = match super::warm::take(python, kata)
        .and_then(|w| w.run(kata, source, cancel.clone()).ok())
    {
        Some(run) => Ok(run),
        None => run_cold(python, kata, source, cancel),
    };
    // Once this run is over, so as not to compete with it: the next run of
    // this kata (the next save) finds one waiting.
    super::warm::prepare(python, kata.limits);
    run
}

/// Runs `source` as the learner's file of `kata`, started now.
fn run_cold(
    python: &Interpreter,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<KataRun> {
    let dir = WorkDir::new()?;
    dir.write(HARNESS_FILE, HARNESS)?;
    dir.write(&kata.file_name, source)?;
    let spec_json = spec_json(kata)?;
    dir.write(SPEC_FILE, &spec_json)?;
    let events_path = dir.path().join(EVENTS_FILE);
    // pykata makes the results file and reads it back through this handle,
    // never by its name: whatever the run leaves at that path (a link, a
    // FIFO, a device) is never opened, and the harness removes the name.
    let mut events_file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&events_path)?;

    let mut command = python.command();
    command
        .arg(dir.path().join(HARNESS_FILE))
        .arg(dir.path().join(SPEC_FILE))
        .arg(&events_path);
    let process = process::run(Spawn {
        command,
        workdir: dir.path(),
        stdin: kata.stdin.as_deref().map(str::as_bytes),
        limits: kata.limits,
        cancel,
    });
    Ok(read_run(&mut events_file, process))
}

/// The spec's file name in the work dir.
pub(crate) const SPEC_FILE: &str = "_pykata_spec.json";
/// The results file's name in the work dir.
pub(crate) const EVENTS_FILE: &str = "_pykata_events.jsonl";

/// The events the harness wrote through `events_file`, with the process.
pub(crate) fn read_run(events_file: &mut std::fs::File, process: ProcessOutcome) -> KataRun {
    let (events, malformed) = match read_capped(events_file, EVENTS_CAP) {
        Ok(bytes) => parse_events(&bytes),
        Err(e) => (
            Vec::new(),
            Some(format!("the results could not be read: {e}")),
        ),
    };
    KataRun {
        events,
        malformed,
        process,
    }
}

/// What the harness is told about `kata`, as JSON.
pub(crate) fn spec_json(kata: &Kata) -> std::io::Result<String> {
    let spec = Spec {
        module: kata.module(),
        min_python: kata.min_python.map(|(a, b)| [a, b]),
        checks: &kata.checks,
        helpers: kata.helpers.as_deref(),
        mistakes: kata
            .mistakes
            .iter()
            .map(|m| MistakeSpec {
                id: &m.id,
                when: &m.when,
            })
            .collect(),
        output_limit: kata.limits.output_bytes(),
        wall_ms: kata.limits.wall_ms,
    };
    serde_json::to_string(&spec).map_err(std::io::Error::other)
}

/// The first line of the stacks Python's faulthandler writes to stderr
/// shortly before the wall clock ends a run.
pub const STACKS_HEADER: &str = "Timeout (";

/// Splits stderr into what the program wrote and the stacks the harness
/// dumped before a timeout, and finds the innermost frame in the learner's
/// `file_name` there: (line, function).
pub fn stuck_at(stderr: &str, file_name: &str) -> (String, Option<(u64, String)>) {
    let Some(start) = stderr
        .match_indices(STACKS_HEADER)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || stderr[..i].ends_with('\n'))
    else {
        return (stderr.to_string(), None);
    };
    let (own, stacks) = stderr.split_at(start);
    let wanted = format!("/{file_name}\", line ");
    let frame = stacks.lines().find_map(|l| {
        let rest = &l[l.find(&wanted)? + wanted.len()..];
        let (line, function) = rest.split_once(" in ")?;
        Some((line.trim().parse().ok()?, function.trim().to_string()))
    });
    (own.to_string(), frame)
}

/// The most of the results channel pykata reads: far more than any honest
/// run writes (each check's texts are clipped to 64 KiB by the harness).
pub const EVENTS_CAP: u64 = 32 << 20;

/// Reads `file` from its start, at most `cap` bytes.
fn read_capped(file: &mut std::fs::File, cap: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek};
    file.seek(std::io::SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    file.take(cap).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses the event stream: the events, and what is wrong with a line that
/// is not one. Only a last line without its newline (cut short when the
/// process was killed mid-write) is dropped quietly.
pub fn parse_events(bytes: &[u8]) -> (Vec<Event>, Option<String>) {
    let text = String::from_utf8_lossy(bytes);
    let complete = text.ends_with('\n');
    let lines: Vec<&str> = text.lines().collect();
    let mut events = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        match serde_json::from_str(line) {
            Ok(event) => events.push(event),
            Err(_) if index + 1 == lines.len() && !complete => {}
            Err(e) => {
                return (
                    events,
                    Some(format!(
                        "line {} of the results is not an event ({e})",
                        index + 1
                    )),
                )
            }
        }
    }
    (events, None)
}

#[cfg(test)]
mod tests {
    use super::{parse_events, stuck_at, CheckStatus, Event};

    #[test]
    fn only_a_last_line_cut_short_is_dropped() {
        let start = r#"{"event": "start", "python": [3, 11, 2], "protocol": 1}"#;
        let (events, bad) = parse_events(format!("{start}\n{{\"event\": \"do").as_bytes());
        assert_eq!((events.len(), bad), (1, None));
        let (events, bad) = parse_events(format!("{start}\nnot json\n{start}\n").as_bytes());
        assert_eq!(events.len(), 1);
        assert!(bad
            .unwrap()
            .starts_with("line 2 of the results is not an event"));
        // A whole last line that is not an event was written so, not cut.
        let (_, bad) = parse_events(format!("{start}\n{{\"event\": \"nope\"}}\n").as_bytes());
        assert!(bad.is_some());
    }

    #[test]
    fn a_check_status_is_one_the_protocol_knows() {
        let end = |status: &str| {
            parse_events(
                format!("{{\"event\": \"check_end\", \"id\": \"a\", \"status\": \"{status}\"}}\n")
                    .as_bytes(),
            )
        };
        match &end("ran").0[..] {
            [Event::CheckEnd(c)] => assert_eq!(c.status, CheckStatus::Ran),
            other => panic!("{other:?}"),
        }
        let (events, bad) = end("passed");
        assert!(events.is_empty());
        assert!(bad.is_some(), "an unknown status is not read as an error");
    }

    #[test]
    fn the_stacks_are_split_off_and_the_learners_frame_found() {
        let stderr = "warning: mine\nTimeout (0:00:04.600000)!\nThread 0x00007f (most recent call first):\n  File \"/tmp/pykata-run-x/fix_default.py\", line 4 in __del__\n  File \"/tmp/pykata-run-x/_pykata_harness.py\", line 130 in fresh_import\n";
        let (own, frame) = stuck_at(stderr, "fix_default.py");
        assert_eq!(own, "warning: mine\n");
        assert_eq!(frame, Some((4, "__del__".to_string())));
        let (own, frame) = stuck_at("no stacks\n", "fix_default.py");
        assert_eq!((own.as_str(), frame), ("no stacks\n", None));
    }
}
