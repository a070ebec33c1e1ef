//! What a learner reads about a verdict, decided once for both faces.
//!
//! `pykata check` and the kata screen used to render a `Verdict` each with
//! their own rules: only the interface showed what the file printed while
//! imported, one showed a check's detail always and the other only when it
//! said more than the message, and outputs were escaped in four places.
//! This model holds the rules (what is shown, in which order, escaped for a
//! terminal); the faces only paint it, with their own marks, colours and
//! words for keys or commands.

use crate::judge::diff::{self, DiffLine};
use crate::judge::{Status, Verdict};
use crate::sanitize::escape_controls;

/// One part of the verdict after its message, in the order shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// More precise than the message: which line is out of place, where a
    /// forbidden construct is. Prose, to be reflowed.
    Detail(String),
    /// What a failed comparison expected against what the learner's code
    /// gave, line by line (`-` expected, `+` theirs).
    Diff { check: String, lines: Vec<DiffLine> },
    /// Program output no check compares, shown as printed (escaped).
    Printed { title: &'static str, text: String },
    /// The learner's traceback, trimmed to their file.
    Traceback(String),
}

/// What the learner reads about one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictView {
    pub status: Status,
    /// The one sentence to show first.
    pub message: String,
    pub duration_ms: u64,
    /// The interpreter's version ("3.11.7"), when the run said it.
    pub python: Option<String>,
    /// Shown after the message, in order. Empty after a pass.
    pub sections: Vec<Section>,
    /// Some output was cut at the limit.
    pub truncated: bool,
    /// Every check and how it fared, for the at-a-glance line.
    pub checks: Vec<(String, Status)>,
    /// Hints used and available, when pointing at the next hint helps:
    /// the code does not pass yet, the kata could run, and hints are left.
    pub stuck: Option<(u32, usize)>,
}

impl VerdictView {
    /// The view of `verdict` for a learner who has used `hints_used` of the
    /// kata's `hints` hints.
    pub fn of(verdict: &Verdict, hints_used: u32, hints: usize) -> VerdictView {
        let passed = verdict.status == Status::Pass;
        VerdictView {
            status: verdict.status,
            message: verdict.message.clone(),
            duration_ms: verdict.duration_ms,
            python: verdict.python.clone(),
            sections: if passed {
                Vec::new()
            } else {
                sections(verdict)
            },
            truncated: verdict.truncated && !passed,
            checks: verdict
                .checks
                .iter()
                .map(|c| (c.id.clone(), c.status))
                .collect(),
            stuck: stuck(verdict.status, hints_used, hints),
        }
    }
}

/// Whether pointing at the next hint helps: a hint helps with code that
/// does not pass yet, not with a kata this interpreter cannot run.
fn stuck(status: Status, hints_used: u32, hints: usize) -> Option<(u32, usize)> {
    let helps = !matches!(status, Status::Pass | Status::Skipped | Status::NotRun);
    (helps && (hints_used as usize) < hints).then_some((hints_used, hints))
}

fn sections(v: &Verdict) -> Vec<Section> {
    let mut out = Vec::new();
    let first = v.first_failure();
    if let Some(first) = first {
        // A detail that only repeats the message says nothing more.
        if let Some(detail) = &first.detail {
            if detail.trim() != v.message.trim() {
                out.push(Section::Detail(detail.trim_end().to_string()));
            }
        }
        if first.status == Status::Fail {
            if let (Some(e), Some(a)) = (&first.expected, &first.actual) {
                out.push(Section::Diff {
                    check: first.id.clone(),
                    lines: diff::lines(e, a),
                });
            }
        }
    }
    // What the program printed where no check compares it: a check that
    // errored or was stopped (before its traceback, as Python prints them),
    // the import, and stderr (warnings, logging).
    let printed = first
        .filter(|c| c.status != Status::Fail)
        .and_then(|c| c.output.as_deref())
        .unwrap_or("");
    push_printed(&mut out, "It printed:", printed);
    if let Some(tb) = &v.traceback {
        out.push(Section::Traceback(tb.trim_end().to_string()));
    }
    push_printed(
        &mut out,
        "Your file printed while imported:",
        &v.import_output,
    );
    push_printed(&mut out, "It wrote to stderr:", &v.stderr);
    out
}

fn push_printed(out: &mut Vec<Section>, title: &'static str, text: &str) {
    if !text.trim().is_empty() {
        out.push(Section::Printed {
            title,
            text: escape_controls(text.trim_end()),
        });
    }
}

/// The last `n` lines of `text`, saying how many came before (a terminal's
/// scrollback is no place for a program's whole output; the JSON has it).
pub fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    if lines.len() <= n {
        return lines.join("\n");
    }
    format!(
        "… ({} before)\n{}",
        crate::plural::count(lines.len() - n, "line"),
        lines[lines.len() - n..].join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::CheckResult;

    fn verdict(status: Status, checks: Vec<CheckResult>) -> Verdict {
        Verdict {
            status,
            message: "the list grows between calls".into(),
            mistake: None,
            checks,
            traceback: None,
            line: None,
            column: None,
            import_output: String::new(),
            stderr: String::new(),
            truncated: false,
            python: Some("3.11.7".into()),
            duration_ms: 12,
            cpu_ms: None,
        }
    }

    fn check(id: &str, status: Status) -> CheckResult {
        CheckResult {
            id: id.into(),
            status,
            message: None,
            detail: None,
            expected: None,
            actual: None,
            output: None,
            truncated: false,
            traceback: None,
        }
    }

    #[test]
    fn a_failed_comparison_shows_its_detail_then_its_diff() {
        let mut failed = check("twice", Status::Fail);
        failed.detail = Some("line 2 differs".into());
        failed.expected = Some("['v1']\n['v1']\n".into());
        failed.actual = Some("['v1']\n['v1', 'v1']\n".into());
        let v = verdict(Status::Fail, vec![check("once", Status::Pass), failed]);
        let view = VerdictView::of(&v, 1, 3);
        assert_eq!(view.sections.len(), 2, "{:?}", view.sections);
        assert_eq!(view.sections[0], Section::Detail("line 2 differs".into()));
        let Section::Diff { check, lines } = &view.sections[1] else {
            panic!("{:?}", view.sections[1])
        };
        assert_eq!(check, "twice");
        let tagged: Vec<String> = lines
            .iter()
            .map(|l| format!("{}{}", l.tag, l.text))
            .collect();
        assert_eq!(tagged, [" ['v1']", "-['v1']", "+['v1', 'v1']"]);
        assert_eq!(
            view.checks,
            [
                ("once".to_string(), Status::Pass),
                ("twice".into(), Status::Fail)
            ]
        );
        assert_eq!(view.stuck, Some((1, 3)));
    }

    #[test]
    fn a_detail_that_repeats_the_message_is_left_out() {
        let mut failed = check("grows", Status::Fail);
        failed.detail = Some("the list grows between calls\n".into());
        let view = VerdictView::of(&verdict(Status::Fail, vec![failed]), 0, 0);
        assert!(view.sections.is_empty(), "{:?}", view.sections);
    }

    #[test]
    fn output_no_check_compares_is_shown_escaped_in_order() {
        let mut errored = check("runs", Status::Error);
        errored.output = Some("before the error\n".into());
        let mut v = verdict(Status::Error, vec![errored]);
        v.traceback = Some("ValueError: bad\n".into());
        v.import_output = "imported \x1b[2J\n".into();
        v.stderr = "DeprecationWarning: old\n".into();
        let view = VerdictView::of(&v, 0, 2);
        assert_eq!(
            view.sections,
            [
                Section::Printed {
                    title: "It printed:",
                    text: "before the error".into()
                },
                Section::Traceback("ValueError: bad".into()),
                Section::Printed {
                    title: "Your file printed while imported:",
                    text: "imported \\x1b[2J".into()
                },
                Section::Printed {
                    title: "It wrote to stderr:",
                    text: "DeprecationWarning: old".into()
                },
            ]
        );
    }

    #[test]
    fn a_pass_shows_the_message_only_and_points_at_no_hint() {
        let mut v = verdict(Status::Pass, vec![check("once", Status::Pass)]);
        v.import_output = "debug print\n".into();
        v.truncated = true;
        let view = VerdictView::of(&v, 0, 3);
        assert!(view.sections.is_empty());
        assert!(!view.truncated);
        assert_eq!(view.stuck, None);
    }

    #[test]
    fn hints_are_offered_only_where_they_can_help() {
        assert_eq!(stuck(Status::Fail, 3, 3), None, "none left");
        assert_eq!(stuck(Status::Skipped, 0, 3), None, "cannot run here");
        assert_eq!(stuck(Status::NotRun, 0, 3), None);
        assert_eq!(stuck(Status::Timeout, 2, 3), Some((2, 3)));
    }

    #[test]
    fn long_output_keeps_its_last_lines() {
        let text: String = (1..=25).map(|i| format!("{i}\n")).collect();
        let shown = last_lines(&text, 20);
        assert!(shown.starts_with("… (5 lines before)\n6\n"), "{shown}");
        assert!(shown.ends_with("\n25"));
        assert_eq!(last_lines("a\nb\n", 20), "a\nb");
    }
}
