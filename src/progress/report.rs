//! Reports of progress: one learner's (JSON and Markdown, from their
//! progress file and the course), and a class's, merged from the learners'
//! JSON reports into one table (Markdown and CSV) that shows where people
//! got stuck.
//!
//! A learner's report lists every kata and predict step of the course, in
//! course order, touched or not, so merged reports line up and a kata
//! nobody reached still shows.

use super::{KataState, Progress};
use crate::course::Course;
use crate::plural::count;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;

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

    /// The report as Markdown, for the learner (or to attach to an issue).
    pub fn markdown(&self) -> String {
        let t = &self.totals;
        let mut md = String::new();
        let _ = writeln!(md, "# pykata report: {}\n", md_cell(&self.learner));
        let _ = writeln!(
            md,
            "Course: {} · generated {}\n",
            md_cell(&self.course),
            utc(self.generated_at)
        );
        let _ = writeln!(
            md,
            "Done **{} of {}** ({} started) · {} · {} · predictions: {} of {} answered, {} right the first time, {} · {} on the katas done\n",
            t.done,
            count(t.katas, "kata"),
            t.started,
            count(t.attempts, "attempt"),
            count(t.hints_used, "hint"),
            t.predictions_answered,
            t.predictions,
            t.predictions_right_first_time,
            count(t.predictions_wrong_answers, "wrong answer"),
            duration(t.seconds_on_done_katas)
        );
        md.push_str("## Katas\n\n| Topic | Kata | State | Attempts | Hints | Time | Last run |\n|---|---|---|---:|---:|---:|---|\n");
        for k in &self.katas {
            let _ = writeln!(
                md,
                "| {} | {} ({}) | {} | {} | {} of {} | {} | {} |",
                md_cell(&k.topic),
                md_cell(&k.id),
                md_cell(&k.title),
                state_label(&k.state),
                k.attempts,
                k.hints_used,
                k.hints_available,
                k.seconds.map(duration).unwrap_or_else(|| "-".into()),
                k.last_status
                    .as_deref()
                    .map(md_cell)
                    .unwrap_or_else(|| "-".into()),
            );
        }
        if !self.predictions.is_empty() {
            md.push_str("\n## Predictions\n\n| Step | Answers | Right the first time | Wrong answers |\n|---|---:|---|---:|\n");
            for p in &self.predictions {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} |",
                    md_cell(&p.key),
                    p.attempts,
                    if p.attempts == 0 {
                        "-"
                    } else if p.right_first_time {
                        "yes"
                    } else {
                        "no"
                    },
                    p.wrong_answers
                );
            }
        }
        md
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

/// One kata across the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassKata {
    pub id: String,
    pub topic: String,
    pub title: String,
    /// Learners whose report lists the kata.
    pub learners: u32,
    pub done: u32,
    /// Started and not done: where people got stuck.
    pub stuck: u32,
    pub not_started: u32,
    /// Over learners who ran the checks at least once.
    pub median_attempts: Option<f64>,
    pub max_attempts: u32,
    pub hints_used: u32,
    pub learners_using_hints: u32,
    /// Over learners who are done.
    pub median_seconds_to_pass: Option<u64>,
    pub stuck_learners: Vec<String>,
}

/// One predict step across the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassPrediction {
    pub key: String,
    pub answered: u32,
    pub right_first_time: u32,
    pub wrong_answers: u32,
}

/// One learner's state and attempts on one kata; `None` if their report
/// does not list it.
pub type GridCell = Option<(KataState, u32)>;

/// A room's reports merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub learners: Vec<String>,
    pub courses: Vec<String>,
    pub katas: Vec<ClassKata>,
    pub predictions: Vec<ClassPrediction>,
    /// Per learner, per kata (in `katas` order): state and attempts.
    pub grid: Vec<(String, Vec<GridCell>)>,
}

impl ClassReport {
    /// Merges learners' reports. Katas and predictions keep the order of
    /// the first report that lists them; learners with the same name are
    /// told apart by a number.
    pub fn merge(reports: &[LearnerReport]) -> ClassReport {
        let mut learners: Vec<String> = Vec::new();
        for r in reports {
            let mut name = r.learner.clone();
            let mut n = 2;
            while learners.contains(&name) {
                name = format!("{} ({n})", r.learner);
                n += 1;
            }
            learners.push(name);
        }
        let mut courses: Vec<String> = Vec::new();
        for r in reports {
            if !courses.contains(&r.course) {
                courses.push(r.course.clone());
            }
        }
        // Kata order: first seen.
        let mut order: Vec<(String, String, String)> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for r in reports {
            for k in &r.katas {
                if !index.contains_key(&k.id) {
                    index.insert(k.id.clone(), order.len());
                    order.push((k.id.clone(), k.topic.clone(), k.title.clone()));
                }
            }
        }
        let mut katas = Vec::new();
        for (id, topic, title) in &order {
            let entries: Vec<(&String, &KataReport)> = reports
                .iter()
                .zip(&learners)
                .filter_map(|(r, name)| r.katas.iter().find(|k| &k.id == id).map(|k| (name, k)))
                .collect();
            let count = |s: KataState| entries.iter().filter(|(_, k)| k.state == s).count() as u32;
            let mut attempts: Vec<f64> = entries
                .iter()
                .filter(|(_, k)| k.attempts > 0)
                .map(|(_, k)| f64::from(k.attempts))
                .collect();
            let mut times: Vec<f64> = entries
                .iter()
                .filter(|(_, k)| k.state == KataState::Done)
                .filter_map(|(_, k)| k.seconds.map(|s| s as f64))
                .collect();
            katas.push(ClassKata {
                id: id.clone(),
                topic: topic.clone(),
                title: title.clone(),
                learners: entries.len() as u32,
                done: count(KataState::Done),
                stuck: count(KataState::Started),
                not_started: count(KataState::New),
                median_attempts: median(&mut attempts),
                max_attempts: entries.iter().map(|(_, k)| k.attempts).max().unwrap_or(0),
                hints_used: entries
                    .iter()
                    .fold(0u32, |n, (_, k)| n.saturating_add(k.hints_used)),
                learners_using_hints: entries.iter().filter(|(_, k)| k.hints_used > 0).count()
                    as u32,
                median_seconds_to_pass: median(&mut times).map(|m| m.round() as u64),
                stuck_learners: entries
                    .iter()
                    .filter(|(_, k)| k.state == KataState::Started)
                    .map(|(name, _)| (*name).clone())
                    .collect(),
            });
        }
        let mut predictions: Vec<ClassPrediction> = Vec::new();
        for r in reports {
            for p in &r.predictions {
                let at = match predictions.iter().position(|c| c.key == p.key) {
                    Some(at) => at,
                    None => {
                        predictions.push(ClassPrediction {
                            key: p.key.clone(),
                            answered: 0,
                            right_first_time: 0,
                            wrong_answers: 0,
                        });
                        predictions.len() - 1
                    }
                };
                let c = &mut predictions[at];
                c.answered += u32::from(p.attempts > 0);
                c.right_first_time += u32::from(p.right_first_time);
                c.wrong_answers = c.wrong_answers.saturating_add(p.wrong_answers);
            }
        }
        let grid = reports
            .iter()
            .zip(&learners)
            .map(|(r, name)| {
                let row = order
                    .iter()
                    .map(|(id, _, _)| {
                        r.katas
                            .iter()
                            .find(|k| &k.id == id)
                            .map(|k| (k.state.clone(), k.attempts))
                    })
                    .collect();
                (name.clone(), row)
            })
            .collect();
        ClassReport {
            learners,
            courses,
            katas,
            predictions,
            grid,
        }
    }

    /// The katas where most people are stuck, most first (ties: more
    /// attempts first); katas nobody is stuck on are left out.
    pub fn stuck_ranking(&self) -> Vec<&ClassKata> {
        let mut stuck: Vec<&ClassKata> = self.katas.iter().filter(|k| k.stuck > 0).collect();
        stuck.sort_by(|a, b| {
            b.stuck
                .cmp(&a.stuck)
                .then(b.max_attempts.cmp(&a.max_attempts))
        });
        stuck
    }

    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# pykata class report\n");
        let _ = writeln!(
            md,
            "{} · course: {}\n",
            count(self.learners.len(), "learner"),
            self.courses
                .iter()
                .map(|c| md_cell(c))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if self.courses.len() > 1 {
            md.push_str(
                "> These reports come from different courses; katas are matched by id.\n\n",
            );
        }
        md.push_str("## Where people got stuck\n\n");
        let ranking = self.stuck_ranking();
        if ranking.is_empty() {
            md.push_str("Nobody is stuck: every kata started has been passed.\n");
        }
        for k in ranking {
            let _ = writeln!(
                md,
                "- **{}** ({}): {} stuck ({}), up to {}",
                md_cell(&k.id),
                md_cell(&k.title),
                k.stuck,
                k.stuck_learners
                    .iter()
                    .map(|n| md_cell(n))
                    .collect::<Vec<_>>()
                    .join(", "),
                count(k.max_attempts, "attempt")
            );
        }
        md.push_str("\n## Katas\n\n| Topic | Kata | Done | Stuck | Not started | Median attempts | Max attempts | Hints used (learners) | Median time to pass |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for k in &self.katas {
            let _ = writeln!(
                md,
                "| {} | {} ({}) | {}/{} | {} | {} | {} | {} | {} ({}) | {} |",
                md_cell(&k.topic),
                md_cell(&k.id),
                md_cell(&k.title),
                k.done,
                k.learners,
                k.stuck,
                k.not_started,
                k.median_attempts.map(number).unwrap_or_else(|| "-".into()),
                k.max_attempts,
                k.hints_used,
                k.learners_using_hints,
                k.median_seconds_to_pass
                    .map(duration)
                    .unwrap_or_else(|| "-".into()),
            );
        }
        if !self.katas.is_empty() {
            md.push_str("\n## Learners\n\n✓ done, ✗ stuck, · not started; the number is attempts.\n\n| Learner |");
            for k in &self.katas {
                let _ = write!(md, " {} |", md_cell(&k.id));
            }
            md.push_str("\n|---|");
            md.push_str(&"---|".repeat(self.katas.len()));
            md.push('\n');
            for (name, row) in &self.grid {
                let _ = write!(md, "| {} |", md_cell(name));
                for cell in row {
                    let text = match cell {
                        None => String::new(),
                        Some((KataState::Done, n)) => format!("✓ {n}"),
                        Some((KataState::Started, n)) => format!("✗ {n}"),
                        Some((KataState::New, _)) => "·".into(),
                    };
                    let _ = write!(md, " {text} |");
                }
                md.push('\n');
            }
        }
        if !self.predictions.is_empty() {
            md.push_str("\n## Predictions\n\n| Step | Answered | Right the first time | Wrong answers |\n|---|---:|---:|---:|\n");
            for p in &self.predictions {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} |",
                    md_cell(&p.key),
                    p.answered,
                    p.right_first_time,
                    p.wrong_answers
                );
            }
        }
        md
    }

    /// One row per kata; spreadsheet-friendly (RFC 4180 quoting).
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "topic,kata,title,learners,done,stuck,not_started,median_attempts,max_attempts,hints_used,learners_using_hints,median_seconds_to_pass,stuck_learners\r\n",
        );
        for k in &self.katas {
            let fields = [
                k.topic.clone(),
                k.id.clone(),
                k.title.clone(),
                k.learners.to_string(),
                k.done.to_string(),
                k.stuck.to_string(),
                k.not_started.to_string(),
                k.median_attempts.map(number).unwrap_or_default(),
                k.max_attempts.to_string(),
                k.hints_used.to_string(),
                k.learners_using_hints.to_string(),
                k.median_seconds_to_pass
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                k.stuck_learners.join("; "),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn state_label(s: &KataState) -> &'static str {
    match s {
        KataState::New => "not started",
        KataState::Started => "started",
        KataState::Done => "done",
    }
}

/// "45 s", "12 min", "2 h 05 min".
pub fn duration(seconds: u64) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else if seconds < 3600 {
        format!("{} min", (seconds + 30) / 60)
    } else {
        let minutes = seconds.saturating_add(30) / 60;
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

/// Text safe in a Markdown table cell: no pipes, no line breaks.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn csv_field(s: &str) -> String {
    // A leading = + - @ would be run as a formula by spreadsheets.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// "2026-11-21 13:05 UTC" from Unix seconds, without a date crate.
pub fn utc(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rem = seconds % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kata(id: &str, state: KataState, attempts: u32, seconds: Option<u64>) -> KataReport {
        KataReport {
            id: id.into(),
            topic: "t".into(),
            title: format!("Kata {id}"),
            state,
            attempts,
            hints_used: 0,
            hints_available: 2,
            last_status: None,
            first_attempt_at: None,
            done_at: None,
            seconds,
        }
    }

    fn report(name: &str, katas: Vec<KataReport>) -> LearnerReport {
        LearnerReport {
            kind: REPORT_KIND.into(),
            format: REPORT_FORMAT,
            learner: name.into(),
            course: "C".into(),
            generated_at: 0,
            katas,
            predictions: vec![],
            totals: Totals::default(),
        }
    }

    #[test]
    fn merging_counts_done_and_stuck_and_names_the_stuck() {
        let a = report(
            "ada",
            vec![
                kata("x", KataState::Done, 3, Some(120)),
                kata("y", KataState::Started, 9, Some(600)),
            ],
        );
        let b = report(
            "bob",
            vec![
                kata("x", KataState::Done, 1, Some(60)),
                kata("y", KataState::New, 0, None),
            ],
        );
        let c = report(
            "ada",
            vec![
                kata("x", KataState::Started, 4, Some(60)),
                kata("y", KataState::Started, 2, None),
            ],
        );
        let class = ClassReport::merge(&[a, b, c]);
        assert_eq!(class.learners, vec!["ada", "bob", "ada (2)"]);
        let x = &class.katas[0];
        assert_eq!((x.done, x.stuck, x.not_started), (2, 1, 0));
        assert_eq!(x.median_attempts, Some(3.0));
        assert_eq!(x.median_seconds_to_pass, Some(90));
        let y = &class.katas[1];
        assert_eq!(y.stuck_learners, vec!["ada", "ada (2)"]);
        assert_eq!(class.stuck_ranking()[0].id, "y");
        let csv = class.csv();
        assert!(
            csv.contains("\r\nt,y,Kata y,3,0,2,1,5.5,9,0,0,,ada; ada (2)\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn a_class_of_one_stuck_after_one_attempt_is_said_in_the_singular() {
        let a = report("ada", vec![kata("x", KataState::Started, 1, None)]);
        let md = ClassReport::merge(&[a]).markdown();
        assert!(md.contains("1 learner · course"), "{md}");
        assert!(md.contains("1 stuck (ada), up to 1 attempt\n"), "{md}");
    }

    #[test]
    fn helpers_format_plainly() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_700_000_000), "2023-11-14 22:13 UTC");
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(3 * 3600 + 5 * 60), "3 h 05 min");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert!(LearnerReport::parse("{}")
            .unwrap_err()
            .contains("not a pykata learner report"));
    }
}
