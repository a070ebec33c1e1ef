//! The calls both faces of pykata make (the commands and the interface):
//! judge a learner's file and record it, answer a prediction. Neither face
//! runs or judges anything on its own.

use crate::course::Course;
use crate::course::Kata;
use crate::judge::answer::{self, Truth};
use crate::judge::{self, Verdict};
use crate::progress::{KataState, LastVerdict, Progress};
use crate::runner::{self, script, Interpreter, PythonVersion};
use crate::workspace::{Workspace, WorkspaceError};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("could not prepare a run: {0}")]
    Io(#[from] std::io::Error),
    /// The interpreter is too old (or gave no version): nothing ran.
    #[error("{0}")]
    Unsupported(String),
}

/// Judges `source` as the learner's file of `kata`. Touches no workspace.
pub fn judge_source(
    python: &Interpreter,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<Verdict> {
    let run = runner::run_kata(python, kata, source, cancel)?;
    Ok(judge::judge(kata, &run))
}

/// Judges the learner's file of `kata` in the workspace and records the
/// attempt in their progress. Returns the verdict and any warning about the
/// progress file.
pub fn check_kata(
    python: &Interpreter,
    ws: &Workspace,
    kata: &Kata,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<(Verdict, Option<String>), SessionError> {
    python
        .require_supported()
        .map_err(SessionError::Unsupported)?;
    let source = ws.read_kata(kata)?;
    let verdict = judge_source(python, kata, &source, cancel.clone())?;
    // A run the learner cancelled is not an attempt, nor is a skipped one,
    // nor a run of the starter they have not touched (`check --all` on a
    // fresh workspace would start the clock on every kata).
    if verdict.status == judge::Status::Skipped
        || was_cancelled(&cancel)
        || is_untouched_starter(kata, &source)
    {
        let (_, set_aside) = ws.load_progress();
        return Ok((verdict, set_aside.map(|w| w.to_string())));
    }
    // A record that cannot be saved is a warning after the verdict, never
    // in place of it.
    let updated = ws.update_progress(|progress| {
        progress.record_attempt(
            &kata.id,
            verdict.status.label(),
            verdict.status == judge::Status::Pass,
        );
        progress.record_verdict(&kata.id, last_verdict(&verdict));
    });
    Ok((verdict, updated.warning("this run was not recorded")))
}

/// The summary of `verdict` kept in progress, so that opening the kata
/// again shows where the learner stood.
pub fn last_verdict(verdict: &Verdict) -> LastVerdict {
    LastVerdict {
        status: verdict.status.label().to_string(),
        message: verdict.message.clone(),
        line: verdict.line,
        checks: verdict
            .checks
            .iter()
            .map(|c| (c.id.clone(), c.status.label().to_string()))
            .collect(),
        at: crate::progress::now(),
    }
}

/// Whether `source` is still the starter pykata wrote for `kata`. Line
/// endings and trailing blank space do not count as a change: an editor
/// may rewrite them on a save the learner made without editing.
pub fn is_untouched_starter(kata: &Kata, source: &str) -> bool {
    let plain = |text: &str| text.replace("\r\n", "\n").trim_end().to_string();
    plain(source) == plain(&kata.starter.text)
}

/// Whether `kata` can run on this interpreter: `Err` names both versions.
pub fn supported(kata: &Kata, version: &PythonVersion) -> Result<(), String> {
    match kata.min_python {
        Some(min) if !version.at_least(min) => Err(format!(
            "needs Python {}.{} or newer; this interpreter is Python {version}",
            min.0, min.1
        )),
        _ => Ok(()),
    }
}

/// The result of answering a predict step.
#[derive(Debug, Clone)]
pub struct PredictOutcome {
    pub correct: bool,
    pub truth: Truth,
}

/// Why a lesson run gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum LessonRunError {
    #[error("the run was cancelled")]
    Cancelled,
    #[error("could not run the code: {0}")]
    Io(#[from] std::io::Error),
    /// The interpreter is too old (or gave no version): nothing ran.
    #[error("{0}")]
    Unsupported(String),
}

fn was_cancelled(cancel: &Option<Arc<AtomicBool>>) -> bool {
    cancel
        .as_ref()
        .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
}

/// Runs a predict step's code for real and compares the learner's answer.
/// A cancelled run gives no verdict (it would look like an infinite loop).
pub fn answer_prediction(
    python: &Interpreter,
    code: &str,
    prediction: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<PredictOutcome, LessonRunError> {
    python
        .require_supported()
        .map_err(LessonRunError::Unsupported)?;
    let run =
        runner::run_script_cancellable(python, code, script::PREDICT_WALL_MS, cancel.clone())?;
    if was_cancelled(&cancel) {
        return Err(LessonRunError::Cancelled);
    }
    let truth = Truth::of(&run);
    Ok(PredictOutcome {
        correct: answer::is_correct(prediction, &truth),
        truth,
    })
}

/// The predict steps of a topic: each step's index and progress key.
pub fn prediction_keys(topic: &crate::course::Topic) -> impl Iterator<Item = (usize, String)> + '_ {
    topic
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.step, crate::course::Step::Predict(_)))
        .map(|(i, _)| (i, prediction_key(&topic.id, i)))
}

/// The key a prediction is stored under in progress: `topic/step` (1-based).
pub fn prediction_key(topic: &str, step_index: usize) -> String {
    format!("{topic}/{}", step_index + 1)
}

/// Records an answer to a predict step in the learner's progress. Returns
/// any warning about the progress file (including an answer that could not
/// be saved: the learner still gets their answer judged).
pub fn record_prediction(ws: &Workspace, key: &str, answer: &str, correct: bool) -> Option<String> {
    ws.update_progress(|progress| progress.record_prediction(key, answer, correct))
        .warning("this answer was not recorded")
}

/// The hint to show after `next_hint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextHint {
    /// Which hint to show (1-based, at most `total`) and how many there
    /// are; `None` if the kata has no hints.
    pub hint: Option<(u32, usize)>,
    /// Anything the learner must be told about the progress file.
    pub warning: Option<String>,
}

/// Counts one more hint of `kata` as shown and says which one to show. A
/// count that cannot be saved still gives the hint, with a warning.
/// How many of `kata`'s hints the learner has seen, and whether they have
/// passed it; reads the progress, changes nothing.
pub fn hints_seen(ws: &Workspace, kata: &Kata) -> (u32, bool, Option<String>) {
    let (progress, set_aside) = ws.load_progress();
    let record = progress.kata(&kata.id);
    (
        record.hints_shown(kata.hints.len()),
        record.state == KataState::Done,
        set_aside.map(|w| w.to_string()),
    )
}

pub fn next_hint(ws: &Workspace, kata: &Kata) -> NextHint {
    if kata.hints.is_empty() {
        let (_, set_aside) = ws.load_progress();
        return NextHint {
            hint: None,
            warning: set_aside.map(|w| w.to_string()),
        };
    }
    let total = kata.hints.len();
    let updated = ws.update_progress(|progress| progress.use_hint(&kata.id, total));
    NextHint {
        hint: Some((updated.value, total)),
        warning: updated.warning("this hint was not recorded"),
    }
}

/// Runs a lesson example for real and returns what a reader sees: its
/// output, then the exception line if it raised (made safe to display).
pub fn run_example(
    python: &Interpreter,
    code: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<String, LessonRunError> {
    python
        .require_supported()
        .map_err(LessonRunError::Unsupported)?;
    let run =
        runner::run_script_cancellable(python, code, script::PREDICT_WALL_MS, cancel.clone())?;
    if was_cancelled(&cancel) {
        return Err(LessonRunError::Cancelled);
    }
    let mut shown = run.shown_output();
    if run.timed_out() {
        shown.push_str(&format!(
            "(still running after {:.1} s: stopped)\n",
            script::PREDICT_WALL_MS as f64 / 1000.0
        ));
    }
    Ok(shown)
}

/// Where a kata stands for a learner, including "skipped" when this
/// interpreter is too old for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KataStatus {
    New,
    Started {
        attempts: u32,
    },
    Done,
    /// Why it cannot run here (names both versions).
    Unsupported(String),
}

/// The status of `kata` given the learner's progress and, when known, the
/// interpreter's version.
pub fn kata_status(
    kata: &Kata,
    progress: &Progress,
    version: Option<&PythonVersion>,
) -> KataStatus {
    let p = progress.kata(&kata.id);
    match p.state {
        KataState::Done => KataStatus::Done,
        _ => match version.map(|v| supported(kata, v)) {
            Some(Err(why)) => KataStatus::Unsupported(why),
            _ if p.state == KataState::Started => KataStatus::Started {
                attempts: p.attempts,
            },
            _ => KataStatus::New,
        },
    }
}

/// Where to continue: the last kata worked on if it is not done yet, else
/// the first kata after it (then from the start) that is not done.
pub fn continue_target<'c>(course: &'c Course, progress: &Progress) -> Option<&'c Kata> {
    let katas: Vec<&Kata> = course.katas().collect();
    let start = progress
        .last_kata
        .as_deref()
        .and_then(|id| katas.iter().position(|k| k.id == id))
        .unwrap_or(0);
    let not_done = |k: &&&Kata| progress.kata(&k.id).state != KataState::Done;
    katas[start..]
        .iter()
        .find(not_done)
        .or_else(|| katas[..start].iter().find(not_done))
        .copied()
}
