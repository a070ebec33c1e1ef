//! Running a kata: the learner's file, the harness and the checks go into a
//! fresh work dir; the harness streams events to a file there, which is read
//! back even if the run crashed or timed out.

use super::compiled::{self, HarnessFile};
use super::process::{self, ProcessOutcome, Spawn};
use super::python::Interpreter;
use super::workdir::WorkDir;
use crate::course::check::{Expect, Raised};
use crate::course::{Check, Kata};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The harness, shipped verbatim inside the binary.
pub const HARNESS: &str = include_str!("../../assets/harness.py");
pub(crate) const HARNESS_FILE: &str = "_pykata_harness.py";

/// What the harness is told to do (`_pykata_spec.marshal`): the wire form of
/// a kata, which assets/harness.py reads. It holds only what the harness
/// needs: the expected output of an `output` or `lines` check stays here,
/// where it is matched, and out of reach of the learner's code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spec {
    /// The protocol the spec is written in; the harness refuses another.
    pub protocol: u32,
    pub module: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_python: Option<[u32; 2]>,
    pub checks: Vec<WireCheck>,
    /// Code run before every check and detector, in its namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpers: Option<String>,
    pub mistakes: Vec<WireMistake>,
    /// Characters a check may print before it is stopped.
    pub output_limit: u64,
    /// The run's wall-clock limit: shortly before it, the harness writes
    /// every thread's stack to stderr (see `stuck_at`).
    pub wall_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireMistake {
    pub id: String,
    pub when: String,
}

/// One check as the harness runs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireCheck {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(flatten)]
    pub runs: WireKind,
}

/// What the harness does for each kind of check, under `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WireKind {
    /// Runs `run` (or the file as `__main__`) and sends back what it
    /// printed, for pykata to match (status `ran`).
    Output {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        run: Option<String>,
    },
    /// The same as `Output`; the lines are matched in pykata.
    Lines {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        run: Option<String>,
    },
    /// Expects `exception` on import (no `run`) or from `run`.
    Raises {
        exception: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
        #[serde(flatten)]
        phase: WirePhase,
    },
    Assert {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        setup: Option<String>,
        asserts: Vec<WireAssertion>,
    },
    Structure {
        require: Vec<String>,
        forbid: Vec<String>,
    },
}

/// When a `raises` check expects its exception, under `phase`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum WirePhase {
    Import,
    Call { run: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireAssertion {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl From<&Check> for WireCheck {
    fn from(check: &Check) -> Self {
        let runs = match &check.expects {
            Expect::Output(c) => WireKind::Output { run: c.run.clone() },
            Expect::Lines(c) => WireKind::Lines { run: c.run.clone() },
            Expect::Raises(c) => WireKind::Raises {
                exception: c.exception.clone(),
                pattern: c.pattern.clone(),
                phase: match &c.raised {
                    Raised::OnImport => WirePhase::Import,
                    Raised::OnCall { run } => WirePhase::Call { run: run.clone() },
                },
            },
            Expect::Assert(c) => WireKind::Assert {
                setup: c.setup.clone(),
                asserts: c
                    .asserts
                    .iter()
                    .map(|a| WireAssertion {
                        code: a.code.clone(),
                        message: a.message.clone(),
                    })
                    .collect(),
            },
            Expect::Structure(c) => WireKind::Structure {
                require: c.require.clone(),
                forbid: c.forbid.clone(),
            },
        };
        WireCheck {
            id: check.id.clone(),
            message: check.message.clone(),
            runs,
        }
    }
}

impl Spec {
    /// The spec that runs `kata`'s checks and detectors.
    pub fn of(kata: &Kata) -> Spec {
        Spec {
            protocol: PROTOCOL,
            module: kata.module().to_string(),
            min_python: kata.min_python.map(|(a, b)| [a, b]),
            checks: kata.checks.iter().map(WireCheck::from).collect(),
            helpers: kata.helpers.clone(),
            mistakes: kata
                .mistakes
                .iter()
                .map(|m| WireMistake {
                    id: m.id.clone(),
                    when: m.when.clone(),
                })
                .collect(),
            output_limit: kata.limits.output_bytes(),
            wall_ms: kata.limits.wall_ms,
        }
    }
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

/// The version of the harness protocol: the spec pykata writes (`Spec`)
/// and the events it reads back. The spec says which it is written in, and
/// the harness which it speaks in its first event (`PROTOCOL` in
/// assets/harness.py); each side refuses another. 2: checks in their wire
/// form, one shape per kind, without what pykata matches itself. 3: the
/// spec in `marshal`'s form, so the harness starts without `json`.
pub const PROTOCOL: u32 = 3;

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

/// Runs `source` as the learner's file of `kata`, started now, with the
/// compiled harness when there is one. A compiled harness the interpreter
/// cannot read (a damaged cache) is thrown away and the run made again
/// with the source: the learner never pays for the cache.
fn run_cold(
    python: &Interpreter,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<KataRun> {
    let harness = compiled::harness_for(python);
    let run = run_cold_with(&harness, python, kata, source, cancel.clone())?;
    if harness.is_compiled() && compiled::was_unreadable(&run) {
        compiled::forget(python);
        return run_cold_with(&HarnessFile::source(), python, kata, source, cancel);
    }
    Ok(run)
}

fn run_cold_with(
    harness: &HarnessFile,
    python: &Interpreter,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<KataRun> {
    let dir = WorkDir::new()?;
    dir.write(harness.name, &harness.bytes)?;
    dir.write(&kata.file_name, source)?;
    dir.write(SPEC_FILE, &spec_bytes(kata)?)?;
    let events_path = dir.path().join(EVENTS_FILE);
    // pykata makes the results file and reads it back through this handle,
    // never by its name: whatever the run leaves at that path (a link, a
    // FIFO, a device) is never opened, and the harness removes the name.
    let mut events_file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&events_path)?;

    let command = command(python, dir.path(), harness.name, &events_path);
    let process = process::run(Spawn {
        command,
        workdir: dir.path(),
        stdin: kata.stdin.as_deref().map(str::as_bytes),
        limits: kata.limits,
        cancel,
    });
    Ok(read_run(&mut events_file, process))
}

/// The command that runs the harness `harness_name` in `workdir`, its
/// results going to `events_path` (see the head of assets/harness.py).
pub(crate) fn command(
    python: &Interpreter,
    workdir: &Path,
    harness_name: &str,
    events_path: &Path,
) -> Command {
    let mut command = python.command();
    command
        .arg(workdir.join(harness_name))
        .arg(workdir.join(SPEC_FILE))
        .arg(events_path)
        .arg(python.site_path());
    command
}

/// The spec's file name in the work dir.
pub(crate) const SPEC_FILE: &str = "_pykata_spec.marshal";
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

/// What the harness is told about `kata` (its wire form), in the form it
/// reads without importing `json` (see runner::marshal).
pub(crate) fn spec_bytes(kata: &Kata) -> std::io::Result<Vec<u8>> {
    let value = serde_json::to_value(Spec::of(kata)).map_err(std::io::Error::other)?;
    Ok(super::marshal::dumps(&value))
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
    use super::{parse_events, stuck_at, CheckStatus, Event, Spec, HARNESS, PROTOCOL};
    use crate::course::check::{
        AssertCheck, Expect, LinesCheck, LinesMatch, OutputCheck, Raised, RaisesCheck,
        StructureCheck,
    };
    use crate::course::model::Assertion;
    use crate::course::{Check, Kata, Limits, Location, MatchMode, Mistake, PyFile};

    fn check(id: &str, expects: Expect) -> Check {
        Check {
            id: id.into(),
            message: Some(format!("{id} failed")),
            expects,
            at: Location::new("lessons/t.yaml", 3, 7),
        }
    }

    /// A kata with a check of every kind, and a detector.
    fn kata() -> Kata {
        let file = PyFile {
            path: "t/k.py".into(),
            text: "x = 1\n".into(),
        };
        Kata {
            id: "k".into(),
            topic: "t".into(),
            title: "K".into(),
            task: "Do.".into(),
            file_name: "k.py".into(),
            starter: file.clone(),
            solution: file.clone(),
            alternatives: Vec::new(),
            hints: Vec::new(),
            min_python: Some((3, 10)),
            limits: Limits::default(),
            stdin: None,
            helpers: Some("def f(): return 1".into()),
            checks: vec![
                check(
                    "prints",
                    Expect::Output(OutputCheck {
                        run: None,
                        expect: "THE ANSWER 42".into(),
                        match_mode: MatchMode::Exact,
                    }),
                ),
                check(
                    "traces",
                    Expect::Lines(LinesCheck {
                        run: Some("print(x)".into()),
                        lines: vec!["THE LINE 43".into()],
                        match_mode: LinesMatch::Regex,
                        only: true,
                    }),
                ),
                check(
                    "refuses",
                    Expect::Raises(RaisesCheck {
                        exception: "ValueError".into(),
                        pattern: Some("bad".into()),
                        raised: Raised::OnCall { run: "f()".into() },
                    }),
                ),
                check(
                    "on-import",
                    Expect::Raises(RaisesCheck {
                        exception: "ImportError".into(),
                        pattern: None,
                        raised: Raised::OnImport,
                    }),
                ),
                check(
                    "holds",
                    Expect::Assert(AssertCheck {
                        setup: Some("y = f()".into()),
                        asserts: vec![Assertion {
                            code: "y == 1".into(),
                            message: Some("y is {y}".into()),
                        }],
                    }),
                ),
                check(
                    "shape",
                    Expect::Structure(StructureCheck {
                        require: vec!["def:f".into()],
                        forbid: vec!["global".into()],
                    }),
                ),
            ],
            mistakes: vec![Mistake {
                id: "off-by-one".into(),
                origin: Location::new("lessons/t.yaml", 9, 7),
                when: "x == 0".into(),
                message: "off by one".into(),
                sample: file,
            }],
            equivalent_mutants: Vec::new(),
            renamed_from: Vec::new(),
            origin: Location::new("lessons/t.yaml", 1, 5),
        }
    }

    /// The kata above without its helpers and detector, for a test that
    /// sets its own checks.
    fn kata_without_helpers() -> Kata {
        let mut kata = kata();
        kata.helpers = None;
        kata.mistakes.clear();
        kata
    }

    #[test]
    fn the_spec_goes_over_the_wire_and_back_unchanged() {
        let spec = Spec::of(&kata());
        let text = serde_json::to_string(&spec).unwrap();
        let back: Spec = serde_json::from_str(&text).unwrap();
        assert_eq!(back, spec);
        assert_eq!(spec.protocol, PROTOCOL);
        assert_eq!(spec.checks.len(), 6);
    }

    /// The shape assets/harness.py reads: `kind` and the fields it runs,
    /// `phase` always named on a `raises` check.
    #[test]
    fn each_kind_has_the_wire_shape_the_harness_reads() {
        let wire = serde_json::to_value(Spec::of(&kata())).unwrap();
        let checks = &wire["checks"];
        assert_eq!(
            checks[0],
            serde_json::json!({"id": "prints", "message": "prints failed", "kind": "output"})
        );
        assert_eq!(checks[1]["kind"], "lines");
        assert_eq!(checks[1]["run"], "print(x)");
        assert_eq!(
            checks[2],
            serde_json::json!({"id": "refuses", "message": "refuses failed", "kind": "raises",
                "exception": "ValueError", "pattern": "bad", "phase": "call", "run": "f()"})
        );
        assert_eq!(checks[3]["phase"], "import");
        assert!(checks[3].get("run").is_none());
        assert_eq!(
            checks[4]["asserts"],
            serde_json::json!([{"code": "y == 1", "message": "y is {y}"}])
        );
        assert_eq!(checks[5]["require"], serde_json::json!(["def:f"]));
        assert_eq!(wire["min_python"], serde_json::json!([3, 10]));
        assert_eq!(wire["mistakes"][0]["when"], "x == 0");
    }

    /// What pykata matches itself stays out of the sandbox: the learner's
    /// code can read the spec, and must not find the expected output there.
    #[test]
    fn the_expected_output_is_not_sent_to_the_harness() {
        let text = serde_json::to_string(&Spec::of(&kata())).unwrap();
        for secret in [
            "THE ANSWER 42",
            "THE LINE 43",
            "expect",
            "\"only\"",
            "\"match\"",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }

    /// The harness refuses a spec in another protocol, as the judge does
    /// results in another: a harness error naming both versions.
    #[test]
    fn the_harness_refuses_a_spec_in_another_protocol() {
        let Ok(python) = crate::runner::python::find(None) else {
            eprintln!("no Python: skipped");
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let mut spec = serde_json::to_value(Spec::of(&kata())).unwrap();
        spec["protocol"] = serde_json::json!(PROTOCOL - 1);
        std::fs::write(dir.path().join("k.py"), "x = 1\n").unwrap();
        std::fs::write(dir.path().join("h.py"), HARNESS).unwrap();
        let spec = crate::runner::marshal::dumps(&spec);
        std::fs::write(dir.path().join("spec.json"), spec).unwrap();
        let events = dir.path().join("events.jsonl");
        // Read back through this handle: the harness removes the name.
        let mut results = std::fs::File::create_new(&events).unwrap();
        let status = python
            .command()
            .current_dir(dir.path())
            .arg(dir.path().join("h.py"))
            .arg(dir.path().join("spec.json"))
            .arg(&events)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(super::HARNESS_FAILED));
        let bytes = super::read_capped(&mut results, super::EVENTS_CAP).unwrap();
        let (events, bad) = parse_events(&bytes);
        assert_eq!(bad, None);
        match &events[..] {
            [Event::Start { protocol, .. }, Event::HarnessError { text, .. }] => {
                assert_eq!(*protocol, Some(PROTOCOL));
                let both = format!(
                    "protocol {} and this harness reads protocol {PROTOCOL}",
                    PROTOCOL - 1
                );
                assert!(text.contains(&both), "{text}");
            }
            other => panic!("{other:?}"),
        }
    }

    /// The harness writes its results' JSON itself (not with `json`): what
    /// a program prints comes back exactly, whatever the characters. (What
    /// a str subclass prints is its own `__str__`, as `print` would show.)
    #[test]
    fn whatever_a_program_prints_comes_back_through_the_harness_json() {
        let Ok(python) = crate::runner::python::find(None) else {
            eprintln!("no Python: skipped");
            return;
        };
        let mut kata = kata_without_helpers();
        let printed = r#"import sys
class Sly(str):
    def __str__(self): return 'sly'
    def translate(self, table): return 'sly'
    def __repr__(self): return 'sly'
sys.stdout.write(''.join(map(chr, range(0, 0x300))) + '\u2028 \U0001d11e \ud800 end')
sys.stdout.write(Sly('plain'))
raise ValueError('"quoted" \\ back')
"#;
        kata.checks = vec![check(
            "prints",
            Expect::Output(OutputCheck {
                run: Some(printed.into()),
                expect: String::new(),
                match_mode: MatchMode::Exact,
            }),
        )];
        let run = super::run_cold(&python, &kata, "x = 1\n", None).unwrap();
        assert_eq!(run.malformed, None);
        let ended = run
            .events
            .iter()
            .find_map(|e| match e {
                Event::CheckEnd(c) => Some(c.clone()),
                _ => None,
            })
            .expect("the check ended");
        let sent: String = (0..0x300u32).filter_map(char::from_u32).collect();
        // A lone surrogate cannot be UTF-8: it is replaced, as before.
        assert_eq!(
            ended.output.as_deref(),
            Some(format!("{sent}\u{2028} \u{1d11e} ? endsly").as_str())
        );
        let error = ended.error.expect("the check raised");
        assert_eq!(error.text.as_deref(), Some(r#""quoted" \ back"#));
    }

    /// The harness starts on what the interpreter has loaded already: no
    /// `json`, `re` (but for a pattern), `ast`, `enum` or `collections`,
    /// which cost a plain CPython 3.11 more than the rest of a run of a
    /// passing kata. Run without `site` (`-S`), which loads some of them.
    #[test]
    fn the_harness_imports_nothing_heavy_for_a_kata_without_patterns() {
        let Ok(python) = crate::runner::python::find(None) else {
            eprintln!("no Python: skipped");
            return;
        };
        let mut kata = kata_without_helpers();
        let heavy = r#"{"json", "re", "ast", "enum", "collections", "functools", "contextlib"}"#;
        kata.checks = vec![
            check(
                "shape",
                Expect::Structure(StructureCheck {
                    require: vec!["name:x".into()],
                    forbid: vec!["global".into()],
                }),
            ),
            check(
                "refuses",
                Expect::Raises(RaisesCheck {
                    exception: "ZeroDivisionError".into(),
                    pattern: None,
                    raised: Raised::OnCall {
                        run: "1 / 0".into(),
                    },
                }),
            ),
            check(
                "light",
                Expect::Assert(AssertCheck {
                    setup: Some(format!(
                        "import sys\nloaded = sorted({heavy} & set(sys.modules))"
                    )),
                    asserts: vec![Assertion {
                        code: "loaded == []".into(),
                        message: Some("the harness imported {loaded}".into()),
                    }],
                }),
            ),
        ];
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("k.py"), "x = 1\n").unwrap();
        std::fs::write(dir.path().join("h.py"), HARNESS).unwrap();
        std::fs::write(dir.path().join("spec"), super::spec_bytes(&kata).unwrap()).unwrap();
        let events = dir.path().join("events.jsonl");
        let mut results = std::fs::File::create_new(&events).unwrap();
        let status = std::process::Command::new(&python.program)
            .args(["-S", "-s", "-u"])
            .current_dir(dir.path())
            .arg(dir.path().join("h.py"))
            .arg(dir.path().join("spec"))
            .arg(&events)
            .stdin(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        let bytes = super::read_capped(&mut results, super::EVENTS_CAP).unwrap();
        let (events, bad) = parse_events(&bytes);
        assert_eq!(bad, None);
        let ended: Vec<(String, CheckStatus, Option<String>)> = events
            .into_iter()
            .filter_map(|e| match e {
                Event::CheckEnd(c) => Some((c.id, c.status, c.message)),
                _ => None,
            })
            .collect();
        let passed = |id: &str| (id.to_string(), CheckStatus::Pass, None);
        assert_eq!(
            ended,
            vec![passed("shape"), passed("refuses"), passed("light")]
        );
    }

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
