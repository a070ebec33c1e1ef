//! `pykata hint KATA`: the next hint, one at a time.

use super::{exit, Ctx, Outcome};

pub fn run(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    if kata.hints.is_empty() {
        println!(
            "Kata `{}` has no hints. Read its task again, then the lesson of its topic.",
            kata.id
        );
        return Ok(exit::OK);
    }
    let (mut progress, _) = ws.load_progress();
    let before = progress.kata(&kata.id).hints_used;
    let shown = progress.use_hint(&kata.id, kata.hints.len());
    ws.save_progress(&progress)?;
    let n = kata.hints.len();
    println!("Hint {shown} of {n} for {}:", kata.id);
    println!(
        "  {}",
        kata.hints[shown as usize - 1].trim().replace('\n', "\n  ")
    );
    if before == shown {
        println!(
            "(that was the last hint; `pykata solution {}` opens after a pass)",
            kata.id
        );
    }
    Ok(exit::OK)
}
