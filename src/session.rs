//! The calls both faces of pykata make (the commands and the interface):
//! judge a learner's file and record it, answer a prediction. Neither face
//! runs or judges anything on its own.

use crate::course::Kata;
use crate::judge::answer::{self, Truth};
use crate::judge::{self, Verdict};
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
    let source = ws.read_kata(kata)?;
    let verdict = judge_source(python, kata, &source, cancel)?;
    let (mut progress, warning) = ws.load_progress();
    if verdict.status != judge::Status::Skipped {
        progress.record_attempt(
            &kata.id,
            verdict.status.label(),
            verdict.status == judge::Status::Pass,
        );
        ws.save_progress(&progress)?;
    }
    Ok((verdict, warning.map(|w| w.to_string())))
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

/// Runs a predict step's code for real and compares the learner's answer.
pub fn answer_prediction(
    python: &Interpreter,
    code: &str,
    prediction: &str,
) -> std::io::Result<PredictOutcome> {
    let run = runner::run_script(python, code, script::PREDICT_WALL_MS)?;
    let truth = Truth::of(&run);
    Ok(PredictOutcome {
        correct: answer::is_correct(prediction, &truth),
        truth,
    })
}

/// The key a prediction is stored under in progress: `topic/step` (1-based).
pub fn prediction_key(topic: &str, step_index: usize) -> String {
    format!("{topic}/{}", step_index + 1)
}
