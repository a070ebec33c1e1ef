//! Turning a kata run (harness events plus how the process ended) into a
//! verdict a learner can act on.

use super::matchers::{lines_in_order, output_matches};
use crate::course::{Expect, Kata};
use crate::runner::harness::{
    CheckEvent, CheckStatus, Event, KataRun, RaisedError, HARNESS_FAILED, PROTOCOL,
};
use crate::runner::Ending;
use crate::sanitize::escape_controls;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Error,
    Timeout,
    Killed,
    Skipped,
    /// A check that never started because an earlier problem ended the run.
    NotRun,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Error => "error",
            Status::Timeout => "timeout",
            Status::Killed => "killed",
            Status::Skipped => "skipped",
            Status::NotRun => "not run",
        }
    }

    /// Pass and skipped are not failures of the learner.
    pub fn is_ok(self) -> bool {
        matches!(self, Status::Pass | Status::Skipped)
    }

    /// Which status describes a run when several checks disagree.
    fn severity(self) -> u8 {
        match self {
            Status::Pass | Status::NotRun => 0,
            Status::Skipped => 1,
            Status::Fail => 2,
            Status::Error => 3,
            Status::Killed => 4,
            Status::Timeout => 5,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    pub id: String,
    pub status: Status,
    pub message: Option<String>,
    /// More precise than the message: which line is out of place, where a
    /// forbidden construct is.
    pub detail: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    /// What the check's code printed.
    pub output: Option<String>,
    pub truncated: bool,
    /// The learner's traceback, trimmed to their file.
    pub traceback: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MistakeHit {
    pub id: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub status: Status,
    /// The one sentence to show first.
    pub message: String,
    pub mistake: Option<MistakeHit>,
    pub checks: Vec<CheckResult>,
    pub traceback: Option<String>,
    /// Line and column in the learner's file, where one is known.
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// What the learner's file printed while being imported.
    pub import_output: String,
    pub stderr: String,
    pub truncated: bool,
    pub python: Option<String>,
    pub duration_ms: u64,
    /// The CPU time of the run, where it could be read: how much of
    /// `duration_ms` was computing rather than waiting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_ms: Option<u64>,
}

impl Verdict {
    /// The first check that did not pass.
    pub fn first_failure(&self) -> Option<&CheckResult> {
        first_failure(&self.checks)
    }

    fn bare(status: Status, message: String) -> Verdict {
        Verdict {
            status,
            message,
            mistake: None,
            checks: Vec::new(),
            traceback: None,
            line: None,
            column: None,
            import_output: String::new(),
            stderr: String::new(),
            truncated: false,
            python: None,
            duration_ms: 0,
            cpu_ms: None,
        }
    }
}

/// The verdict on one run of `kata`.
pub fn judge(kata: &Kata, run: &KataRun) -> Verdict {
    let mut verdict = judge_events(kata, run);
    escape_display_text(&mut verdict);
    verdict.duration_ms = run.process.elapsed.as_millis() as u64;
    verdict.cpu_ms = run.process.cpu.map(|c| c.as_millis() as u64);
    // The stacks the harness dumps before a timeout are for the verdict's
    // message, not the learner's stderr.
    verdict.stderr =
        crate::runner::harness::stuck_at(&run.process.stderr.display(), &kata.file_name).0;
    verdict.truncated |= run.process.stdout.truncated() || run.process.stderr.truncated();
    verdict
}

fn first_failure(checks: &[CheckResult]) -> Option<&CheckResult> {
    checks
        .iter()
        .find(|c| !c.status.is_ok() && c.status != Status::NotRun)
}

impl CheckResult {
    /// A check the run did not judge (cut short, or never reached).
    fn unjudged(id: &str, status: Status, message: String) -> CheckResult {
        CheckResult {
            id: id.to_string(),
            status,
            message: Some(message),
            detail: None,
            expected: None,
            actual: None,
            output: None,
            truncated: false,
            traceback: None,
        }
    }
}

/// Why the events cannot have come from the harness alone, if they cannot:
/// a check the kata does not have, a check or run that ended twice, or the
/// harness's own report of meddling.
fn tampering(kata: &Kata, events: &[Event]) -> Option<String> {
    let known = |id: &str| kata.checks.iter().any(|c| c.id == id);
    let mut ended: Vec<&str> = Vec::new();
    let (mut starts, mut dones) = (0, 0);
    for event in events {
        match event {
            Event::Tampered { what } => return Some(what.clone()),
            Event::Start { .. } => starts += 1,
            Event::Done {} => dones += 1,
            Event::CheckStart { id } if !known(id) => {
                return Some(format!(
                    "a check `{id}` that this kata does not have started"
                ));
            }
            Event::CheckEnd(c) if !known(&c.id) => {
                return Some(format!(
                    "a check `{}` that this kata does not have ended",
                    c.id
                ));
            }
            Event::CheckEnd(c) if ended.contains(&c.id.as_str()) => {
                return Some(format!("check `{}` ended twice", c.id));
            }
            Event::CheckEnd(c) => ended.push(&c.id),
            _ => {}
        }
    }
    if starts > 1 || dones > 1 {
        return Some("the run started or finished twice".into());
    }
    None
}

fn judge_events(kata: &Kata, run: &KataRun) -> Verdict {
    if let Ending::SpawnFailed(e) = &run.process.ending {
        return Verdict::bare(Status::Error, format!("could not start Python: {e}"));
    }
    let cpu_limit = std::time::Duration::from_millis(kata.limits.cpu_ms);
    if let Some(what) = tampering(kata, &run.events).or_else(|| run.malformed.clone()) {
        return Verdict::bare(
            Status::Error,
            format!(
                "the run's results were tampered with ({what}); pykata only passes results its own judge wrote"
            ),
        );
    }
    let mut python = None;
    let mut import_output = String::new();
    let mut import_error: Option<&RaisedError> = None;
    let mut ended: Vec<&CheckEvent> = Vec::new();
    let mut running: Option<&str> = None;
    let mut fired: Vec<&str> = Vec::new();
    let mut done = false;
    let mut exit_code = None;
    let mut interrupted = false;
    let mut imported = false;
    // Where in the learner's file the program was when the clock ran out.
    let stuck = crate::runner::harness::stuck_at(&run.process.stderr.display(), &kata.file_name).1;
    // What each check (and, under "", the import) printed as it went.
    let mut partial: Vec<(&str, String)> = Vec::new();

    for event in &run.events {
        match event {
            Event::PartialOutput { id, text } => match partial.iter_mut().find(|(p, _)| p == id) {
                Some((_, so_far)) => so_far.push_str(text),
                None => partial.push((id, text.clone())),
            },
            Event::HarnessError {
                kind,
                text,
                traceback,
            } => return harness_failed(kind, text, traceback, python),

            Event::Start {
                python: v,
                protocol,
                ..
            } => {
                python = Some(v.iter().map(u32::to_string).collect::<Vec<_>>().join("."));
                if *protocol != Some(PROTOCOL) {
                    let spoken = protocol.map_or("none".into(), |p| p.to_string());
                    let text = format!(
                        "its results are in protocol {spoken}, and this pykata reads protocol {PROTOCOL}"
                    );
                    return harness_failed("", &text, "", python);
                }
            }
            Event::Skipped { needs } => {
                let needs: Vec<String> = needs.iter().map(u32::to_string).collect();
                let mut v = Verdict::bare(
                    Status::Skipped,
                    format!(
                        "skipped: this kata needs Python {} or newer, and this interpreter is Python {}",
                        needs.join("."),
                        python.clone().unwrap_or_else(|| "older".into())
                    ),
                );
                v.python = python;
                return v;
            }
            Event::SyntaxError {
                kind,
                text,
                line,
                column,
                code,
            } => {
                let place = match (line, column) {
                    (Some(l), Some(c)) => format!(" on line {l}, column {c}"),
                    (Some(l), None) => format!(" on line {l}"),
                    _ => String::new(),
                };
                let mut v = Verdict::bare(
                    Status::Error,
                    format!("{kind}{place} of {}: {text}", kata.file_name),
                );
                if let (Some(code), Some(col)) = (code, column) {
                    let caret = " ".repeat((*col as usize).saturating_sub(1) + 4);
                    v.traceback = Some(format!("    {code}\n{caret}^\n{kind}: {text}"));
                }
                v.line = *line;
                v.column = *column;
                v.python = python;
                return v;
            }
            Event::Import { output, error, .. } => {
                imported = true;
                import_output = output.clone().unwrap_or_default();
                import_error = error.as_ref();
            }
            Event::CheckStart { id } => running = Some(id),
            Event::CheckEnd(c) => {
                running = None;
                ended.push(c);
            }
            Event::MistakeEnd { id, fired: true } => fired.push(id),
            Event::Exit { code } => exit_code = Some(code.clone()),
            Event::Interrupted {} => interrupted = true,
            Event::Done {} => done = true,
            _ => {}
        }
    }

    let printed = |id: &str| {
        partial
            .iter()
            .find(|(p, _)| *p == id)
            .map(|(_, text)| text.clone())
    };
    if !imported {
        // Cut short while importing: what it printed so far.
        import_output = printed("").unwrap_or_default();
    }
    if run.process.ending == Ending::Exited(HARNESS_FAILED) && !done {
        return harness_failed("", "the judge stopped without saying why", "", python);
    }
    // A check still running when the process ended was cut short by it.
    let cut_short = running.is_some();
    let mut checks = Vec::new();
    for check in &kata.checks {
        let result = if let Some(ev) = ended.iter().find(|e| e.id == check.id) {
            judge_check(check, ev)
        } else if running == Some(check.id.as_str()) {
            let (status, message) = ending_message(
                run,
                cpu_limit,
                Some(&check.id),
                exit_code.as_deref(),
                interrupted,
            );
            CheckResult {
                truncated: run.process.stdout.truncated(),
                output: printed(&check.id),
                ..CheckResult::unjudged(&check.id, status, message)
            }
        } else {
            let message = if python.is_none() {
                "the run ended before any check started"
            } else {
                "not run: an earlier problem ended the run"
            };
            CheckResult::unjudged(&check.id, Status::NotRun, message.into())
        };
        checks.push(result);
    }

    let worst = checks
        .iter()
        .map(|c| c.status)
        .max_by_key(|s| s.severity())
        .unwrap_or(Status::Pass);
    let mut status = worst;
    let mut message;
    let mut traceback = None;
    let mut line = None;

    if python.is_none() || (!done && running.is_none() && !cut_short) {
        // The interpreter died before or between checks.
        let (s, m) = ending_message(run, cpu_limit, None, exit_code.as_deref(), interrupted);
        if status.severity() < s.severity() || python.is_none() {
            status = s;
        }
        message = m;
    } else if let Some(first) = first_failure(&checks) {
        message = first
            .message
            .clone()
            .unwrap_or_else(|| format!("check `{}` did not pass", first.id));
        traceback = first.traceback.clone();
    } else {
        message = all_pass(checks.len());
    }

    if status == Status::Timeout && run.process.ending == Ending::TimedOut {
        if let Some((at, function)) = stuck {
            message = if function == "__del__" {
                // A finaliser runs whenever Python collects its object, so
                // the check that happened to be running is not to blame.
                format!(
                    "time limit: a `__del__` in {} never returned (line {at}); Python runs it whenever it \
                     collects the object, so it stopped the run",
                    kata.file_name
                )
            } else {
                format!(
                    "{message}; it was in `{function}`, line {at} of {}",
                    kata.file_name
                )
            };
            line = Some(at);
        }
    }
    if let Some(err) = import_error.filter(|e| e.kind == "OutputLimit") {
        // Printing without end at import time is the output limit, not a bug
        // in the learner's logic.
        status = Status::Killed;
        message = format!(
            "output limit: {} printed too much while being imported and was stopped; the start of it is kept",
            kata.file_name
        );
        line = err.line;
    } else if let Some(err) = import_error {
        if status != Status::Pass {
            message = format!(
                "{} raised {} while being imported{}",
                kata.file_name,
                err.kind,
                limit_hint(&err.kind, err.text.as_deref())
            );
            traceback = err.traceback.clone();
            line = err.line;
            if checks.iter().all(|c| c.status != Status::Fail) {
                status = Status::Error;
            }
        }
    }
    if line.is_none() {
        line = ended
            .iter()
            .find(|e| !matches!(e.status, CheckStatus::Pass | CheckStatus::Ran))
            .and_then(|e| e.error.as_ref().and_then(|x| x.line).or(e.line));
    }

    let mistake = if status.is_ok() {
        None
    } else {
        kata.mistakes
            .iter()
            .find(|m| fired.contains(&m.id.as_str()))
            .map(|m| MistakeHit {
                id: m.id.clone(),
                message: m.message.trim().to_string(),
            })
    };
    if let Some(hit) = &mistake {
        message = hit.message.clone();
    }
    let truncated = checks.iter().any(|c| c.truncated);
    Verdict {
        status,
        message,
        mistake,
        checks,
        traceback,
        line,
        column: None,
        import_output,
        stderr: String::new(),
        truncated,
        python,
        duration_ms: 0,
        cpu_ms: None,
    }
}

fn judge_check(check: &crate::course::Check, ev: &CheckEvent) -> CheckResult {
    let output = ev.output.clone();
    let truncated = ev.truncated;
    let mut result = CheckResult {
        id: check.id.clone(),
        status: Status::Error,
        message: ev.message.clone(),
        detail: ev.detail.clone(),
        expected: ev.expected.clone(),
        actual: ev.actual.clone(),
        output: output.clone(),
        truncated,
        traceback: ev.error.as_ref().and_then(|e| e.traceback.clone()),
    };
    result.status = match ev.status {
        CheckStatus::Pass => Status::Pass,
        CheckStatus::Fail => Status::Fail,
        CheckStatus::Killed => Status::Killed,
        CheckStatus::Ran => {
            let out = output.unwrap_or_default();
            // Only output and lines checks leave their output to be matched
            // here; another kind that says `ran` is judged as not passing.
            let (ok, expected) = match &check.expects {
                Expect::Lines(c) => {
                    let ok = match lines_in_order(&c.lines, &out, c.match_mode, c.only) {
                        Ok(()) => true,
                        Err(problem) => {
                            result.detail = Some(problem.describe());
                            false
                        }
                    };
                    (ok, c.lines.join("\n"))
                }
                Expect::Output(c) => (
                    output_matches(c.match_mode, &c.expect, &out),
                    c.expect.clone(),
                ),
                Expect::Raises(_) | Expect::Assert(_) | Expect::Structure(_) => {
                    (false, String::new())
                }
            };
            result.expected = Some(expected);
            result.actual = Some(out);
            if ok {
                Status::Pass
            } else {
                if result.message.is_none() {
                    result.message = Some(
                        result
                            .detail
                            .clone()
                            .unwrap_or_else(|| "the output is not what was expected".into()),
                    );
                }
                Status::Fail
            }
        }
        CheckStatus::Error => Status::Error,
    };
    if result.status == Status::Pass {
        result.message = None;
    } else if result.status == Status::Error {
        if let Some(err) = &ev.error {
            let text = err.text.as_deref().unwrap_or("");
            let raised = if text.is_empty() {
                err.kind.clone()
            } else {
                format!("{}: {text}", err.kind)
            };
            let what = if ev.own_code {
                format!(
                    "check `{}` could not finish: its own code failed with {raised}, because your code did not get as far as the check expected",
                    check.id
                )
            } else {
                let hint = limit_hint(&err.kind, err.text.as_deref());
                format!("check `{}`: your code raised {raised}{hint}", check.id)
            };
            // The check's own message says what it was after; the
            // exception comes second.
            result.message = Some(match ev.message.as_deref().map(str::trim) {
                Some(lead) if !lead.is_empty() && !lead.starts_with("your file did not import") => {
                    format!("{lead}\n{what}")
                }
                _ => what,
            });
        }
    }
    result
}

/// The verdict when pykata's own judge failed: the program used up what the
/// judge needs (its open files), or the course's checks are broken. The
/// harness's traceback is for the course's author.
fn harness_failed(kind: &str, text: &str, traceback: &str, python: Option<String>) -> Verdict {
    let message = if text.contains("Too many open files") {
        "your program used up its open files (it opened files or sockets and never closed them), \
         so pykata's judge could not go on; close what you open, with `with`"
            .to_string()
    } else {
        let what = if kind.is_empty() {
            text.to_string()
        } else {
            format!("{kind}: {text}")
        };
        format!("pykata's judge failed; this is not your code. For the course's author: {what}")
    };
    let mut v = Verdict::bare(Status::Error, message);
    if !traceback.is_empty() {
        v.traceback = Some(traceback.to_string());
    }
    v.python = python;
    v
}

/// Status and sentence for how the process ended, naming the check that was
/// running if there was one.
/// Whether a run this long could have used up `cpu_limit` of CPU time (the
/// kernel's SIGKILL after SIGXCPU): not even with every core busy.
fn cpu_could_not_run_out(elapsed: std::time::Duration, cpu_limit: std::time::Duration) -> bool {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    elapsed * cores < cpu_limit
}

fn ending_message(
    run: &KataRun,
    cpu_limit: std::time::Duration,
    check: Option<&str>,
    exit: Option<&str>,
    interrupted: bool,
) -> (Status, String) {
    let during = check
        .map(|c| format!(" during check `{c}`"))
        .unwrap_or_default();
    let limits = &run.process;
    match &limits.ending {
        Ending::TimedOut => (
            Status::Timeout,
            format!(
                "time limit: the program was still running after {:.1} s{during} (an infinite loop, or a wait that never ends?)",
                limits.elapsed.as_secs_f64()
            ),
        ),
        Ending::OutputLimit(crate::runner::process::DISK_STREAM) => (
            Status::Killed,
            format!("disk limit: the program filled its folder with too many or too large files{during} and was stopped"),
        ),
        Ending::OutputLimit(stream) => (
            Status::Killed,
            format!("output limit: the program printed too much to {stream}{during} and was stopped; the start of it is kept"),
        ),
        Ending::Signalled(_, name) => match name.as_str() {
            "SIGSEGV" | "SIGBUS" | "SIGILL" | "SIGABRT" | "SIGFPE" => (
                Status::Error,
                format!("the program crashed ({}){during}", crash_name(name)),
            ),
            "SIGXCPU" => (
                Status::Timeout,
                format!("CPU limit: the program used all its CPU time{during}"),
            ),
            "SIGXFSZ" => (
                Status::Killed,
                format!("file size limit: the program wrote a file that is too large{during}"),
            ),
            "SIGKILL" if cpu_could_not_run_out(limits.elapsed, cpu_limit) => (
                Status::Killed,
                format!(
                    "the program was killed by SIGKILL{during}, not by pykata: it (or a process it started) \
                     killed its own process group, or the system ran out of memory"
                ),
            ),
            "SIGKILL" => (
                Status::Killed,
                format!("the program was killed{during} (CPU limit: it used all its CPU time)"),
            ),
            other => (Status::Killed, format!("the program was ended by {other}{during}")),
        },
        Ending::Exited(_) if interrupted => (
            Status::Error,
            format!("the program raised KeyboardInterrupt{during}; checks cannot run after that"),
        ),
        Ending::Exited(code) => match exit {
            Some(code) => (
                Status::Error,
                format!("the program called sys.exit({code}){during}; checks cannot run after that"),
            ),
            None => (
                Status::Error,
                format!("the program exited with code {code}{during} before the checks finished (os._exit?)"),
            ),
        },
        Ending::SpawnFailed(e) => (Status::Error, format!("could not start Python: {e}")),
    }
}

/// The sentences a face prints as they are (message, detail, traceback) can
/// carry the learner's text, exception messages included: escape control
/// characters so no escape sequence reaches a terminal raw. Outputs stay as
/// they were for matching and JSON; faces escape them when they show them.
fn escape_display_text(v: &mut Verdict) {
    let escape = |t: &mut Option<String>| {
        if let Some(text) = t {
            *text = escape_controls(&clip(text, MAX_SENTENCE));
        }
    };
    v.message = escape_controls(&clip(&v.message, MAX_SENTENCE));
    escape(&mut v.traceback);
    for c in &mut v.checks {
        escape(&mut c.message);
        escape(&mut c.detail);
        escape(&mut c.traceback);
        for text in [&mut c.expected, &mut c.actual, &mut c.output]
            .into_iter()
            .flatten()
        {
            *text = clip(text, MAX_OUTPUT);
        }
    }
    v.import_output = clip(&v.import_output, MAX_OUTPUT);
}

/// The most of a message, detail or traceback a verdict keeps: a check's
/// message can quote a learner's value, and a value can be megabytes.
pub const MAX_SENTENCE: usize = 8 * 1024;
/// The most of an output a verdict keeps (the harness keeps as much).
pub const MAX_OUTPUT: usize = 64 * 1024;

/// `text` cut to at most `max` bytes on a character boundary, saying so.
pub fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}… (cut: {} more)",
        &text[..end],
        crate::plural::count(text.len() - end, "byte")
    )
}

/// What a run that passed every check says: "the check passes", "both
/// checks pass", "all 3 checks pass".
fn all_pass(checks: usize) -> String {
    match checks {
        0 => "it ran without an error (this kata has no checks)".into(),
        1 => "the check passes".into(),
        2 => "both checks pass".into(),
        n => format!("all {n} checks pass"),
    }
}

/// Why an exception may come from the sandbox rather than the code's logic.
fn limit_hint(kind: &str, text: Option<&str>) -> &'static str {
    let text = text.unwrap_or("");
    let refused = text.starts_with("[Errno")
        && (text.contains("Permission denied") || text.contains("Read-only file system"));
    match kind {
        // Only where this machine gives runs no private /tmp (no mount
        // namespace): say what was refused and what works instead.
        _ if refused && (text.contains("'/tmp") || text.contains("'/dev/shm")) => {
            " (this machine's sandbox gives the run no private /tmp, so writing there is refused; \
             tempfile.mkdtemp() and tempfile.TemporaryDirectory() work, since TMPDIR points into the run's own folder)"
        }
        // An error from the system (errno), not one the code raised itself.
        "PermissionError" if text.starts_with("[Errno") => " (the sandbox blocks files outside the kata's folder, the network, new processes and signals to other programs)",
        "MemoryError" => " (the program reached its memory limit)",
        "OutputLimit" => " (output limit: it printed too much and was stopped; the start of it is kept)",
        _ if text.contains("File too large") => " (the program reached the file size limit)",
        _ if text.contains("can't start new thread") => {
            " (the program reached its limit of threads or memory)"
        }
        _ if text.contains("Too many open files") => {
            " (the program reached its limit of open files)"
        }
        "BlockingIOError" if text.contains("Resource temporarily unavailable") => {
            " (the program reached its limit of processes)"
        }
        _ if text.contains("Read-only file system") => {
            " (the sandbox lets a kata change files only in its own folder)"
        }
        _ => "",
    }
}

fn crash_name(signal: &str) -> &'static str {
    match signal {
        "SIGSEGV" => "segmentation fault",
        "SIGBUS" => "bus error",
        "SIGILL" => "illegal instruction",
        "SIGABRT" => "aborted",
        _ => "arithmetic fault",
    }
}

#[cfg(test)]
mod tests {
    use super::{judge_events, limit_hint, Status};
    use crate::course::{Kata, Limits, PyFile};
    use crate::runner::harness::{parse_events, KataRun, PROTOCOL};
    use crate::runner::{Captured, Ending, ProcessOutcome};

    fn kata() -> Kata {
        let file = PyFile {
            path: "t/k.py".into(),
            text: String::new(),
        };
        Kata {
            id: "k".into(),
            topic: "t".into(),
            title: "K".into(),
            task: "Do.".into(),
            file_name: "k.py".into(),
            starter: file.clone(),
            solution: file,
            alternatives: Vec::new(),
            hints: Vec::new(),
            min_python: None,
            limits: Limits::default(),
            stdin: None,
            helpers: None,
            checks: Vec::new(),
            mistakes: Vec::new(),
            equivalent_mutants: Vec::new(),
            renamed_from: Vec::new(),
            origin: crate::course::Location::new("t.yaml", 1, 1),
        }
    }

    fn run_with(events: &str) -> KataRun {
        let (events, malformed) = parse_events(events.as_bytes());
        KataRun {
            events,
            malformed,
            process: ProcessOutcome {
                stdout: Captured::default(),
                stderr: Captured::default(),
                ending: Ending::Exited(0),
                elapsed: std::time::Duration::from_millis(50),
                cpu: None,
            },
        }
    }

    #[test]
    fn results_in_another_protocol_are_the_judges_failure() {
        let done = "{\"event\": \"done\"}\n";
        let start = |protocol: &str| {
            format!("{{\"event\": \"start\", \"python\": [3, 11, 0]{protocol}}}\n")
        };
        let ok = run_with(&format!(
            "{}{done}",
            start(&format!(", \"protocol\": {PROTOCOL}"))
        ));
        assert_eq!(judge_events(&kata(), &ok).status, Status::Pass);
        for other in [format!(", \"protocol\": {}", PROTOCOL - 1), String::new()] {
            let v = judge_events(&kata(), &run_with(&format!("{}{done}", start(&other))));
            assert_eq!(v.status, Status::Error);
            assert!(v.message.contains("pykata's judge failed"), "{}", v.message);
            let reads = format!("reads protocol {PROTOCOL}");
            assert!(v.message.contains(&reads), "{}", v.message);
        }
    }

    #[test]
    fn a_refused_tmp_says_what_works_instead() {
        let hint = limit_hint(
            "PermissionError",
            Some("[Errno 13] Permission denied: '/tmp/tmpab12/ckpt'"),
        );
        assert!(hint.contains("no private /tmp"), "{hint}");
        assert!(hint.contains("tempfile.mkdtemp()"), "{hint}");
        let hint = limit_hint(
            "OSError",
            Some("[Errno 30] Read-only file system: '/dev/shm/sem.x'"),
        );
        assert!(hint.contains("no private /tmp"), "{hint}");
        // Elsewhere the general sandbox hint still applies.
        let hint = limit_hint(
            "PermissionError",
            Some("[Errno 13] Permission denied: '/etc/shadow'"),
        );
        assert!(hint.contains("outside the kata's folder"), "{hint}");
    }
}
