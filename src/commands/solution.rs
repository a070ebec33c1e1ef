//! `pykata solution KATA`: the reference solution, once the kata is passed;
//! with `--diff`, only where the learner's file differs from it.

use super::style::Style;
use super::{exit, Ctx, Failure, Outcome};
use crate::course::Kata;
use crate::progress::KataState;
use crate::sanitize::escape_controls;
use similar::{ChangeTag, TextDiff};

/// Lines of context around each difference in `--diff`.
const CONTEXT: usize = 3;

pub fn run(ctx: &Ctx, id: &str, diff: bool) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let crate::progress::ReadProgress {
        progress,
        unreadable,
    } = ws.read_progress();
    // Said first: it explains a solution that no longer opens.
    if let Some(w) = unreadable {
        super::warn(&w.to_string());
    }
    if progress.kata(&kata.id).state != KataState::Done {
        return Err(Failure {
            code: exit::NOT_PASSING,
            message: format!(
                "the reference solution of `{}` opens after you pass it",
                kata.id
            ),
            help: Some(format!(
                "`pykata check {}` runs the checks; `pykata hint {}` gives the next hint",
                kata.id, kata.id
            )),
        });
    }
    if diff {
        let yours = ws.read_kata(kata)?;
        print!("{}", against_reference(kata, &yours));
        return Ok(exit::OK);
    }
    println!("# Reference solution of {} ({})\n", kata.id, kata.title);
    print!("{}", kata.solution.text);
    Ok(exit::OK)
}

/// The learner's file against the reference, as a unified diff: `-` lines
/// are the reference's only, `+` lines the learner's only.
fn against_reference(kata: &Kata, yours: &str) -> String {
    let s = Style::stdout();
    let (reference, yours) = (with_newline(&kata.solution.text), with_newline(yours));
    let diff = TextDiff::from_lines(&reference, &yours);
    let groups = diff.grouped_ops(CONTEXT);
    if groups.is_empty() {
        return format!(
            "Your {} is the reference solution of {}, line for line.\n",
            kata.workspace_path(),
            kata.id
        );
    }
    let mut out = format!(
        "{}\n{}\n",
        s.bad(&format!("--- reference  katas/{}", kata.solution.path)),
        s.good(&format!("+++ yours      {}", kata.workspace_path()))
    );
    for group in &groups {
        let header = similar::udiff::UnifiedHunkHeader::new(group);
        out.push_str(&s.dim(&header.to_string()));
        out.push('\n');
        for op in group {
            for change in diff.iter_changes(op) {
                // The learner's text reaches the terminal: escapes escaped.
                let text = escape_controls(change.value().trim_end_matches('\n'));
                let line = match change.tag() {
                    ChangeTag::Delete => s.bad(&format!("-{text}")),
                    ChangeTag::Insert => s.good(&format!("+{text}")),
                    ChangeTag::Equal => format!(" {text}"),
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// A missing last newline is no difference worth a hunk.
fn with_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}
