//! One learner's report: built from their progress file and the course,
//! or read back from the JSON `pykata report` wrote.

use crate::course::Course;
use crate::progress::{KataState, Progress};
use serde::{Deserialize, Serialize};

/// The version of the report JSON.
pub const REPORT_FORMAT: u32 = 1;
/// The `kind` of a learner's report, so `--merge` can refuse other JSON.
pub const REPORT_KIND: &str = "pykata-report";

/// One learner's progress through a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerReport {
    pub kind: String,
    pub format: u32,
    pub learner: String,
    /// The course's title.
    pub course: String,
    /// Unix seconds.
    pub generated_at: u64,
    pub katas: Vec<KataReport>,
    pub predictions: Vec<PredictionReport>,
    pub totals: Totals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KataReport {
    pub id: String,
    pub topic: String,
    pub title: String,
    pub state: KataState,
    /// Runs of the checks.
    pub attempts: u32,
    pub hints_used: u32,
    pub hints_available: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// Unix seconds of the first run of the checks and of the first pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_attempt_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<u64>,
    /// Time on the kata: for a done kata, from the first run of the checks
    /// to the first pass; for a started one, from the first run to the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionReport {
    /// `topic/step-id`, as in the progress file (`topic/N` in older ones).
    pub key: String,
    pub topic: String,
    /// The step's position in its topic (1-based); 0 for a step the
    /// course no longer has.
    pub step: u32,
    pub attempts: u32,
    pub right_first_time: bool,
    pub answered_correctly: bool,
    /// Answers that were wrong.
    pub wrong_answers: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub katas: u32,
    pub done: u32,
    pub started: u32,
    pub attempts: u32,
    pub hints_used: u32,
    pub predictions: u32,
    pub predictions_answered: u32,
    pub predictions_right_first_time: u32,
    pub predictions_wrong_answers: u32,
    /// Time on the katas that are done, added up.
    pub seconds_on_done_katas: u64,
}

impl LearnerReport {
    /// The report of `progress` against `course`, as of `now` (Unix seconds).
    pub fn build(course: &Course, progress: &Progress, learner: &str, now: u64) -> LearnerReport {
        let mut katas = Vec::new();
        for kata in course.katas() {
            katas.push(kata_report(
                &kata.id,
                &kata.topic,
                &kata.title,
                kata.hints.len() as u32,
                progress,
                now,
            ));
        }
        // Progress on katas this course no longer has is kept, not dropped.
        for id in progress.katas.keys() {
            if course.kata(id).is_none() {
                katas.push(kata_report(
                    id,
                    "",
                    "(not in this course)",
                    0,
                    progress,
                    now,
                ));
            }
        }
        let mut predictions = Vec::new();
        let mut known = std::collections::HashSet::new();
        for topic in &course.topics {
            for (index, key) in topic.prediction_keys() {
                let mut report = prediction_report(&key, progress);
                report.step = index as u32 + 1;
                predictions.push(report);
                known.insert(key);
            }
        }
        for key in progress.predictions.keys() {
            if !known.contains(key) {
                predictions.push(prediction_report(key, progress));
            }
        }
        let mut totals = Totals {
            katas: course.katas().count() as u32,
            predictions: known.len() as u32,
            ..Totals::default()
        };
        // Totals are of this course: progress on katas and predictions it no
        // longer has is listed above but not counted.
        for k in katas.iter().filter(|k| !k.topic.is_empty()) {
            match k.state {
                KataState::Done => {
                    totals.done += 1;
                    totals.seconds_on_done_katas = totals
                        .seconds_on_done_katas
                        .saturating_add(k.seconds.unwrap_or(0));
                }
                KataState::Started => totals.started += 1,
                KataState::New => {}
            }
            // Counts on file may be near the top of their type: saturate.
            totals.attempts = totals.attempts.saturating_add(k.attempts);
            totals.hints_used = totals.hints_used.saturating_add(k.hints_used);
        }
        for p in predictions.iter().filter(|p| known.contains(&p.key)) {
            if p.attempts > 0 {
                totals.predictions_answered += 1;
            }
            totals.predictions_right_first_time += u32::from(p.right_first_time);
            totals.predictions_wrong_answers = totals
                .predictions_wrong_answers
                .saturating_add(p.wrong_answers);
        }
        LearnerReport {
            kind: REPORT_KIND.into(),
            format: REPORT_FORMAT,
            learner: learner.into(),
            course: course.title.clone(),
            generated_at: now,
            katas,
            predictions,
            totals,
        }
    }

    /// Reads a report written by `pykata report`, or says why it is not one.
    pub fn parse(text: &str) -> Result<LearnerReport, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("it is not JSON: {e}"))?;
        if value.get("kind").and_then(|k| k.as_str()) != Some(REPORT_KIND) {
            return Err(format!(
                "it is not a pykata learner report (no \"kind\": \"{REPORT_KIND}\"); `pykata report` writes one"
            ));
        }
        match value.get("format").and_then(|f| f.as_u64()) {
            Some(f) if f == u64::from(REPORT_FORMAT) => {}
            other => {
                return Err(format!(
                    "it has report format {}, this pykata reads {REPORT_FORMAT}",
                    other
                        .map(|f| f.to_string())
                        .unwrap_or_else(|| "none".into())
                ))
            }
        }
        serde_json::from_value(value).map_err(|e| format!("it is not a readable report: {e}"))
    }
}

fn kata_report(
    id: &str,
    topic: &str,
    title: &str,
    hints: u32,
    progress: &Progress,
    now: u64,
) -> KataReport {
    let k = progress.kata(id);
    // A course update may have removed hints the learner saw.
    let hints_used = k.hints_shown(hints as usize);
    let seconds = match (k.state.clone(), k.first_attempt_at, k.done_at) {
        (KataState::Done, Some(first), Some(done)) => Some(done.saturating_sub(first)),
        (KataState::Started, Some(first), _) => Some(now.saturating_sub(first)),
        _ => None,
    };
    KataReport {
        id: id.into(),
        topic: topic.into(),
        title: title.into(),
        state: k.state,
        attempts: k.attempts,
        hints_used,
        hints_available: hints,
        last_status: k.last_status.map(|s| s.label().to_string()),
        first_attempt_at: k.first_attempt_at,
        done_at: k.done_at,
        seconds,
    }
}

fn prediction_report(key: &str, progress: &Progress) -> PredictionReport {
    let p = progress.predictions.get(key).cloned().unwrap_or_default();
    let (topic, step) = match key.rsplit_once('/') {
        Some((topic, step)) => (topic.to_string(), step.parse().unwrap_or(0)),
        None => (key.to_string(), 0),
    };
    PredictionReport {
        key: key.into(),
        topic,
        step,
        attempts: p.attempts,
        right_first_time: p.attempts > 0 && p.first_correct,
        answered_correctly: p.answered_correctly,
        wrong_answers: p.attempts.saturating_sub(u32::from(p.answered_correctly)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_that_is_not_a_report_is_refused_with_why() {
        assert!(LearnerReport::parse("{}")
            .unwrap_err()
            .contains("not a pykata learner report"));
    }
}
