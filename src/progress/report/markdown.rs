//! The reports as Markdown: a learner's, to read or attach to an issue,
//! and a class's, for the teacher.

use super::time::{duration, utc};
use super::{number, ClassReport, LearnerReport};
use crate::plural::count;
use crate::progress::KataState;
use std::fmt::Write as _;

impl LearnerReport {
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

impl ClassReport {
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
}

fn state_label(s: &KataState) -> &'static str {
    match s {
        KataState::New => "not started",
        KataState::Started => "started",
        KataState::Done => "done",
    }
}

/// Text safe in a Markdown table cell: no pipes, no line breaks.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{kata, report};
    use super::*;

    #[test]
    fn a_class_of_one_stuck_after_one_attempt_is_said_in_the_singular() {
        let a = report("ada", vec![kata("x", KataState::Started, 1, None)]);
        let md = ClassReport::merge(&[a]).markdown();
        assert!(md.contains("1 learner · course"), "{md}");
        assert!(md.contains("1 stuck (ada), up to 1 attempt\n"), "{md}");
    }

    #[test]
    fn table_cells_hold_no_pipes_or_line_breaks() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }
}
