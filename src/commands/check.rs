//! `pykata check KATA` and `pykata check --all`: run the checks on the
//! learner's files and show the verdict.

use super::style::{self, Style};
use super::{exit, Ctx, Failure, Outcome};
use crate::cli::Format;
use crate::course::{Course, Kata};
use crate::judge::{Status, Verdict};
use crate::progress::{Progress, ReadProgress};
use crate::session;
use crate::verdict_view::{last_lines, Section, VerdictView};
use crate::workspace::Workspace;
use serde_json::json;

/// The version of the `--format json` output.
pub const JSON_FORMAT: u32 = 1;

/// The run of `check KATA`, started before the course is loaded (see
/// runner::warm::start_one) under the default limits; a kata with others
/// runs cold. Ended, if unused, when the command ends.
struct EarlyRun {
    python: Option<crate::runner::Interpreter>,
}

impl EarlyRun {
    fn start(ctx: &Ctx) -> EarlyRun {
        let python = ctx.python().ok();
        if let Some(python) = &python {
            crate::runner::warm::start_one(python, crate::runner::Limits::default());
        }
        EarlyRun { python }
    }

    fn none() -> EarlyRun {
        EarlyRun { python: None }
    }
}

impl Drop for EarlyRun {
    fn drop(&mut self) {
        if self.python.is_some() {
            crate::runner::warm::discard();
        }
    }
}

pub fn run(ctx: &Ctx, kata: Option<&str>, all: bool, format: Format) -> Outcome {
    // One kata: its run starts first (the interpreter's start is most of a
    // check), and pykata loads the course while it does.
    let early = match (kata, all) {
        (Some(_), false) => EarlyRun::start(ctx),
        _ => EarlyRun::none(),
    };
    // One kata needs only its topic loaded (see `course::for_kata`).
    let course = match (kata, all) {
        (Some(id), false) => ctx.course_for_kata(id)?,
        _ => ctx.course()?,
    };
    let ws = ctx.workspace()?;
    let katas: Vec<&Kata> = match (kata, all) {
        (Some(id), _) => vec![super::kata(&course, id)?],
        (None, true) => course.katas().collect(),
        (None, false) => match current(&course, &ws)? {
            Some(kata) => vec![kata],
            None => return Ok(exit::OK),
        },
    };
    let python = match &early.python {
        Some(python) => python.clone(),
        None => ctx.python()?,
    };
    // What was complete before these checks, for the ending after them
    // (read only: an unreadable file is set aside, and said, by the record).
    let before = Progress::peek(&ws.progress_path()).unwrap_or_default();
    let mut results = Vec::new();
    for kata in &katas {
        let (verdict, warning) = session::check_kata(&python, &ws, kata, None)?;
        if format == Format::Human {
            // An unreadable file was told with the verdict's warning.
            let hints_used = ws
                .read_progress()
                .progress
                .kata(&kata.id)
                .hints_shown(kata.hints.len());
            print!("{}", human(kata, &verdict, hints_used, katas.len() == 1));
            if katas.len() == 1 && untouched(&ws, kata) {
                println!("  {}", Style::stdout().dim(UNTOUCHED_NOTE));
            }
            // Until a pass or a reset, a kata whose task changed under the
            // learner's file says so (its checks are the new task's).
            if !verdict.status.is_ok() && ws.changed(kata) {
                println!(
                    "  {}",
                    Style::stdout().warn(&format!(
                        "This kata's task changed since your file was made; your file is kept. `pykata reset {}` gives the new starter (your file is backed up first).",
                        kata.id
                    ))
                );
            }
        }
        // The verdict first, then what went wrong with the progress file.
        if let Some(w) = warning {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            super::warn(&w);
        }
        results.push((*kata, verdict));
    }
    let passing = results.iter().all(|(_, v)| v.status.is_ok());
    match format {
        Format::Json => {
            let items: Vec<_> = results.iter().map(|(k, v)| to_json(k, v)).collect();
            let doc = if all {
                json!({"format": JSON_FORMAT, "status": if passing {"pass"} else {"fail"}, "results": items})
            } else {
                items.into_iter().next().unwrap_or_default()
            };
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Human if all => {
            let passed = results
                .iter()
                .filter(|(_, v)| v.status == Status::Pass)
                .count();
            let skipped = results
                .iter()
                .filter(|(_, v)| v.status == Status::Skipped)
                .count();
            println!(
                "\n{passed} of {} pass{}",
                crate::plural::count(results.len(), "kata"),
                if skipped > 0 {
                    format!(" ({skipped} skipped)")
                } else {
                    String::new()
                }
            );
        }
        Format::Human => {}
    }
    if format == Format::Human {
        print_endings(ctx, &course, &ws, &before, &results);
    }
    Ok(if passing { exit::OK } else { exit::NOT_PASSING })
}

/// After the checks: the topics they completed, and the course if it is
/// complete now, with what to do next (see `crate::ending`).
fn print_endings(
    ctx: &Ctx,
    course: &crate::course::Course,
    ws: &crate::workspace::Workspace,
    before: &Progress,
    results: &[(&Kata, Verdict)],
) {
    use crate::ending::{completed, Face};
    // Which katas are skipped depends on the interpreter the checks ran.
    let version = results
        .iter()
        .find_map(|(_, v)| v.python.as_deref())
        .and_then(crate::runner::PythonVersion::parse);
    let after = Progress::peek(&ws.progress_path()).unwrap_or_default();
    let s = Style::stdout();
    let mut endings = completed(course, before, &after, version.as_ref());
    // A topic completed: what comes next, and whether the course is
    // complete, needs every topic.
    let whole;
    let course = match course.partial && !endings.is_empty() {
        true => match ctx.course() {
            Ok(loaded) => {
                whole = loaded;
                endings = completed(&whole, before, &after, version.as_ref());
                &whole
            }
            // Said by the next command; a part must not call itself the
            // whole course complete.
            Err(_) => return,
        },
        false => course,
    };
    // Several topics at once (`--all`): each is named, and what next is
    // said once, by the course's ending or else the last topic's.
    let said = endings
        .iter()
        .position(|e| e.course_complete())
        .unwrap_or(endings.len().saturating_sub(1));
    for (i, ending) in endings.iter().enumerate() {
        let title = format!("\n{} {}", s.good("✓"), s.bold(&ending.title(course)));
        if i != said {
            println!("{title}");
            continue;
        }
        let body = ending.body(course, &after, version.as_ref(), Face::CommandLine);
        // The body is prose with `# ` headings; a terminal shows them bold.
        let body: Vec<String> = body
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(h) => format!("  {}", s.bold(h)),
                None if l.is_empty() => String::new(),
                None => format!("  {}", l.replace("**", "")),
            })
            .collect();
        println!("{title}\n{}", body.join("\n"));
    }
}

/// The kata to check when none is named: the one the interface would open
/// (the last one worked on if not done, else the next not done). `None`,
/// said, when every kata is done.
pub(super) fn current<'c>(course: &'c Course, ws: &Workspace) -> Result<Option<&'c Kata>, Failure> {
    let ReadProgress {
        progress,
        unreadable,
    } = ws.read_progress();
    if let Some(w) = unreadable {
        super::warn(&w.to_string());
    }
    match session::continue_target(course, &progress) {
        Some(kata) => Ok(Some(kata)),
        None if course.katas().next().is_none() => Err(Failure::usage("this course has no katas")),
        None => {
            println!(
                "Every kata of this course is done. `pykata check ID` checks one again, `pykata check --all` all of them."
            );
            Ok(None)
        }
    }
}

/// Said under the verdict on a starter the learner has not edited yet.
const UNTOUCHED_NOTE: &str =
    "This is still the starter: not counted as an attempt. Edit the file, then check again.";

/// Whether the learner's file of `kata` is still its starter (an unreadable
/// file was reported by the check already).
fn untouched(ws: &crate::workspace::Workspace, kata: &Kata) -> bool {
    ws.read_kata(kata)
        .is_ok_and(|source| session::is_untouched_starter(kata, &source))
}

/// The machine-readable verdict (format 1).
pub fn to_json(kata: &Kata, v: &Verdict) -> serde_json::Value {
    json!({
        "format": JSON_FORMAT,
        "kata": kata.id,
        "status": v.status,
        "message": v.message,
        "mistake": v.mistake.as_ref().map(|m| &m.id),
        "python": v.python,
        "duration_ms": v.duration_ms,
        "line": v.line,
        "column": v.column,
        "traceback": v.traceback,
        "import_output": v.import_output,
        "stderr": v.stderr,
        "truncated": v.truncated,
        "checks": v.checks.iter().map(|c| json!({
            "id": c.id,
            "status": c.status,
            "message": c.message,
            "detail": c.detail,
            "expected": c.expected,
            "actual": c.actual,
            "output": c.output,
            "truncated": c.truncated,
        })).collect::<Vec<_>>(),
    })
}

/// How many lines of an output the human verdict shows (the JSON has all).
const SHOWN_LINES: usize = 20;

/// The verdict as a learner reads it in a terminal: the shared view
/// (`verdict_view`), painted for a terminal's scrollback.
pub fn human(kata: &Kata, v: &Verdict, hints_used: u32, detailed: bool) -> String {
    let s = Style::stdout();
    let view = VerdictView::of(v, hints_used, kata.hints.len());
    let mut out = String::new();
    let (mark, label) = match view.status {
        Status::Pass => (s.good("✓"), s.good("pass")),
        Status::Skipped => (s.dim("-"), s.dim("skipped")),
        other => (s.bad("✗"), s.bad(other.label())),
    };
    let python = view
        .python
        .as_deref()
        .map(|p| format!(", Python {p}"))
        .unwrap_or_default();
    out.push_str(&format!(
        "{mark} {} {label} {}\n",
        s.bold(&kata.id),
        s.dim(&format!(
            "({}, {} ms{python})",
            kata.workspace_path(),
            view.duration_ms
        ))
    ));
    if view.status == Status::Pass {
        if detailed {
            out.push_str(&format!("  {}\n", view.message));
            out.push_str(&format!(
                "  Compare with the reference: `pykata solution {}` (`--diff` for what differs from yours)\n",
                kata.id
            ));
        }
        return out;
    }
    out.push_str(&style::indent(&view.message, 2));
    if !detailed {
        return out;
    }
    for section in &view.sections {
        match section {
            Section::Detail(detail) => out.push_str(&style::indent(detail, 2)),
            Section::Diff { check, lines } => {
                out.push_str(&format!(
                    "\n  {} {}\n",
                    s.dim(&format!("check `{check}`:")),
                    s.dim("- expected, + yours")
                ));
                for line in lines {
                    let text = format!("{} {}", line.tag, line.text);
                    let painted = match line.tag {
                        '-' => s.bad(&text),
                        '+' => s.good(&text),
                        _ => text,
                    };
                    out.push_str(&format!("    {painted}\n"));
                }
            }
            Section::Traceback(tb) => {
                out.push('\n');
                out.push_str(&style::indent(tb, 2));
            }
            Section::Printed { title, text } => {
                out.push_str(&format!("\n  {}\n", s.dim(title)));
                out.push_str(&style::indent(&last_lines(text, SHOWN_LINES), 4));
            }
        }
    }
    if view.truncated {
        out.push_str(&format!("  {}\n", s.warn("(output was cut at the limit)")));
    }
    let marks: Vec<String> = view
        .checks
        .iter()
        .map(|(id, status)| match status {
            Status::Pass => s.good(&format!("✓ {id}")),
            Status::NotRun => s.dim(&format!("· {id}")),
            _ => s.bad(&format!("✗ {id}")),
        })
        .collect();
    if !marks.is_empty() {
        out.push_str(&format!("\n  checks: {}\n", marks.join("  ")));
    }
    if let Some((used, total)) = view.stuck {
        out.push_str(&format!(
            "  Stuck? `pykata hint {}` ({used} of {} used)\n",
            kata.id,
            crate::plural::count(total, "hint")
        ));
    }
    out
}
