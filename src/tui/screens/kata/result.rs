//! The result pane's text: the verdict as the shared presentation model
//! (`verdict_view`) lays it out, painted in the screen's theme, with the
//! last verdict kept from an earlier run, hints and the solution.

use super::*;

/// A message, hint or note in the result pane, reflowed to the pane's
/// width (see [`text::reflow`]).
fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, width: u16, style: Style, theme: &Theme) {
    out.extend(text::reflow(text, width, style, theme));
}

/// The result pane's lines (without the "running" line).
pub(super) fn result_lines(
    view: &KataView,
    width: u16,
    theme: &Theme,
    cannot_run: Option<&str>,
    no_ws: bool,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();

    // Hints shown so far, newest last (after a pass, only when asked for).
    let total = view.hints.len();
    let passed = view
        .verdict
        .as_ref()
        .is_some_and(|v| v.status == Status::Pass);
    let hints_now = if view.all_hints {
        total
    } else if passed {
        0
    } else {
        view.hints_shown as usize
    };
    for (i, hint) in view.hints.iter().take(hints_now).enumerate() {
        out.push(Line::styled(
            format!("Hint {} of {total}", i + 1),
            theme.warn(),
        ));
        push_wrapped(&mut out, hint.trim(), width, Style::new(), theme);
        out.push(Line::raw(""));
    }

    if let Some(why) = cannot_run {
        push_wrapped(
            &mut out,
            &format!("The checks cannot run: {why}"),
            width,
            theme.bad(),
            theme,
        );
        return out;
    }
    if no_ws {
        push_wrapped(
            &mut out,
            "There is no workspace, so there is no file to judge. Restart pykata in a folder you can write to.",
            width,
            theme.bad(),
            theme,
        );
        return out;
    }
    if let Some(e) = &view.run_error {
        push_wrapped(
            &mut out,
            &format!("The run failed: {e}"),
            width,
            theme.bad(),
            theme,
        );
        return out;
    }
    if matches!(view.run, RunState::Cancelled) && view.verdict.is_none() {
        out.push(Line::styled(
            "Run cancelled. r runs the checks again.",
            theme.warn(),
        ));
        return out;
    }

    let Some(v) = &view.verdict else {
        if let Some(last) = &view.last {
            push_last(&mut out, view, last, width, theme);
            return out;
        }
        if !view.running() {
            push_wrapped(
                &mut out,
                &format!(
                    "Edit `{}` in your editor (e opens it) and save: the checks run on every save. r runs them now.",
                    view.rel_path
                ),
                width,
                Style::new(),
                theme,
            );
            if view.done {
                out.push(Line::raw(""));
                out.push(Line::styled("You passed this kata before.", theme.good()));
                push_solution(&mut out, view, theme);
            }
        }
        return out;
    };

    // The verdict line.
    let shown = VerdictView::of(v, view.hints_shown, total);
    let (mark, label, style) = status_look(shown.status, theme);
    let python = shown
        .python
        .as_deref()
        .map(|p| format!(" · Python {p}"))
        .unwrap_or_default();
    out.push(Line::from(vec![
        Span::styled(
            format!("{mark} {label}"),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(format!("  {} ms{python}", shown.duration_ms), theme.dim()),
    ]));
    if matches!(view.run, RunState::Cancelled) {
        out.push(Line::styled(
            "(the run after this one was cancelled)",
            theme.warn(),
        ));
    }
    push_wrapped(&mut out, &shown.message, width, Style::new(), theme);

    if shown.status == Status::Pass {
        out.push(Line::raw(""));
        out.push(Line::styled(
            "Kata done; your progress is saved.",
            theme.good(),
        ));
        push_solution(&mut out, view, theme);
        return out;
    }

    for section in &shown.sections {
        match section {
            Section::Detail(detail) => push_wrapped(&mut out, detail, width, theme.dim(), theme),
            Section::Diff { check, lines } => {
                out.push(Line::raw(""));
                out.push(Line::from(vec![
                    Span::styled(format!("check `{check}`: "), theme.dim()),
                    Span::styled("- expected", theme.bad()),
                    Span::raw("  "),
                    Span::styled("+ yours", theme.good()),
                ]));
                for d in lines {
                    let style = match d.tag {
                        '-' => theme.bad(),
                        '+' => theme.good(),
                        _ => Style::new(),
                    };
                    out.extend(text::verbatim(
                        &format!("{} {}", d.tag, d.text),
                        width,
                        style,
                    ));
                }
            }
            Section::Traceback(tb) => {
                out.push(Line::raw(""));
                out.extend(text::verbatim(tb, width, theme.bad()));
            }
            Section::Printed { title, text } => {
                out.push(Line::raw(""));
                out.push(Line::styled(*title, theme.dim()));
                out.extend(text::verbatim(text, width, Style::new()));
            }
        }
    }
    if shown.truncated {
        out.push(Line::styled("(output was cut at the limit)", theme.warn()));
    }
    if let Some(w) = &view.progress_warning {
        push_wrapped(&mut out, w, width, theme.warn(), theme);
    }

    // The checks at a glance.
    push_check_marks(&mut out, &shown.checks, width, theme);
    if let Some((used, total)) = shown.stuck {
        out.push(Line::from(vec![
            Span::raw("Stuck? "),
            Span::styled("h", theme.key()),
            Span::raw(format!(" shows a hint ({used} of {total} used)")),
        ]));
    }
    out
}

/// The checks at a glance: a mark and the id of each.
fn push_check_marks(
    out: &mut Vec<Line<'static>>,
    checks: &[(String, Status)],
    width: u16,
    theme: &Theme,
) {
    if checks.is_empty() {
        return;
    }
    out.push(Line::raw(""));
    let mut spans = vec![Span::styled("checks: ", theme.dim())];
    for (id, status) in checks {
        let (m, st) = match status {
            Status::Pass => ("✓", theme.good()),
            Status::NotRun => ("·", theme.dim()),
            Status::Skipped => ("–", theme.dim()),
            _ => ("✗", theme.bad()),
        };
        spans.push(Span::styled(format!("{m} {id}  "), st));
    }
    out.extend(text::wrap(
        &spans,
        usize::from(width.max(8)),
        "",
        "        ",
    ));
}

/// The mark, label and style a verdict's status is shown with.
fn status_look(status: Status, theme: &Theme) -> (&'static str, &'static str, Style) {
    match status {
        Status::Pass => ("✓", "PASS", theme.good()),
        Status::Fail => ("✗", "FAIL", theme.bad()),
        Status::Error => ("✗", "ERROR", theme.bad()),
        Status::Timeout => ("⏱", "TIMEOUT", theme.bad()),
        Status::Killed => ("✗", "STOPPED", theme.bad()),
        Status::Skipped => ("–", "SKIPPED", theme.warn()),
        Status::NotRun => ("·", "NOT RUN", theme.dim()),
    }
}

/// How long ago `at` was, in words.
fn ago(at: u64, now: u64) -> String {
    let secs = now.saturating_sub(at);
    let (n, unit) = match secs {
        0..=59 => return "just now".into(),
        60..=3599 => (secs / 60, "minute"),
        3600..=86_399 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

/// The last verdict kept in progress, marked as such: what the learner
/// saw when they last ran this kata, until a run now replaces it.
fn push_last(
    out: &mut Vec<Line<'static>>,
    view: &KataView,
    last: &LastVerdict,
    width: u16,
    theme: &Theme,
) {
    let when = ago(last.at, crate::progress::now());
    let (mark, label, style) = match last.status.status() {
        Some(s) => status_look(s, theme),
        None => ("·", "?", theme.dim()),
    };
    out.push(Line::from(vec![
        Span::styled(format!("Your last result ({when}): "), theme.dim()),
        Span::styled(
            format!("{mark} {label}"),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
    ]));
    push_wrapped(out, &last.message, width, Style::new(), theme);
    // A status a newer pykata recorded is shown as not passing.
    let checks: Vec<(String, Status)> = last
        .checks
        .iter()
        .map(|(id, status)| (id.clone(), status.status().unwrap_or(Status::Error)))
        .collect();
    push_check_marks(out, &checks, width, theme);
    out.push(Line::raw(""));
    let changed = view.saved_since(last.at);
    out.push(Line::from(vec![
        Span::styled(
            if changed {
                "Your file was saved since. "
            } else {
                ""
            },
            theme.dim(),
        ),
        Span::styled("r", theme.key()),
        Span::styled(" runs the checks now; every save does too.", theme.dim()),
    ]));
    if view.done {
        out.push(Line::raw(""));
        out.push(Line::styled("You passed this kata before.", theme.good()));
        push_solution(out, view, theme);
    }
}

fn push_solution(out: &mut Vec<Line<'static>>, view: &KataView, theme: &Theme) {
    let Some(sol) = &view.solution else {
        out.push(Line::from(vec![
            Span::styled("r", theme.key()),
            Span::raw(" runs your file again; the reference solution shows after a pass."),
        ]));
        return;
    };
    if !view.show_solution {
        out.push(Line::from(vec![
            Span::styled("s", theme.key()),
            Span::raw(" shows the reference solution"),
        ]));
        return;
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "The reference solution, to compare with yours:",
        theme.heading(),
    ));
    out.extend(text::code_block(&sol.lines, theme));
}
