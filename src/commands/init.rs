//! `pykata init [DIR]`: create the learner's workspace. Never overwrites.

use super::{exit, Ctx, Failure, Outcome};
use crate::plural::count;
use crate::workspace::course_record::CourseRecord;
use crate::workspace::{Workspace, DEFAULT_DIR, MARKER};
use std::path::{Component, Path, PathBuf};

pub fn run(ctx: &Ctx, dir: Option<PathBuf>) -> Outcome {
    let dir = dir.unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    refuse_nested(&dir)?;
    // Run again on a workspace, init keeps the course it follows unless
    // --course names another (which it then follows from now on).
    let existing = Workspace::locate(Some(&dir), &dir).ok();
    let course = Ctx::load(ctx.choose_course(existing.as_ref())?.source)?;
    let (ws, report) = Workspace::init(&dir, &course)?;
    println!(
        "Workspace ready at {}: {} created, {} kept as they were.",
        ws.root.display(),
        count(report.created.len(), "kata file"),
        report.kept.len()
    );
    let now = CourseRecord::of(&course.source, &ws.root);
    // An old workspace (no record) on the built-in course changed nothing.
    let changed = match &report.course_was {
        Some(None) => now != CourseRecord::BuiltIn,
        other => other.is_some(),
    };
    if let (true, Some(was)) = (changed, &report.course_was) {
        println!(
            "It follows {} from now on{}.",
            now.describe(),
            match was {
                Some(was) => format!(" (it followed {})", was.describe()),
                None => String::new(),
            }
        );
    }
    if let Some(first) = course.katas().next() {
        println!(
            "\nNext: cd {} && pykata list\nThen edit {} and run `pykata check {}`.",
            ws.root.display(),
            first.workspace_path(),
            first.id
        );
    }
    Ok(exit::OK)
}

/// A workspace inside another would split the learner's progress: commands
/// run in the inner one find it, those run beside it find the outer one.
/// `dir` being a workspace itself is fine (init again adds new katas).
fn refuse_nested(dir: &Path) -> Result<(), Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::environment(format!("cannot read the current folder: {e}")))?;
    let target = normalize(&cwd.join(dir));
    match target.ancestors().skip(1).find(|d| d.join(MARKER).is_dir()) {
        None => Ok(()),
        Some(outer) => Err(Failure::usage(format!(
            "{} is inside the pykata workspace at {}; a workspace inside another would split your progress",
            dir.display(),
            outer.display()
        ))
        .help(format!(
            "use the workspace at {} as it is, or create the new one outside it",
            outer.display()
        ))),
    }
}

/// `path` with `.` and `..` resolved by name, so `ws/topic/..` is `ws`
/// (the folder may not exist yet, so it cannot be canonicalized).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
