//! `pykata init [DIR]`: create the learner's workspace. Never overwrites.

use super::{exit, Ctx, Outcome};
use crate::workspace::{Workspace, DEFAULT_DIR};
use std::path::PathBuf;

pub fn run(ctx: &Ctx, dir: Option<PathBuf>) -> Outcome {
    let course = ctx.course()?;
    let dir = dir.unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    let (ws, report) = Workspace::init(&dir, &course)?;
    println!(
        "Workspace ready at {}: {} kata file{} created, {} kept as they were.",
        ws.root.display(),
        report.created.len(),
        if report.created.len() == 1 { "" } else { "s" },
        report.kept.len()
    );
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
