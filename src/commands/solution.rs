//! `pykata solution KATA`: the reference solution, once the kata is passed.

use super::{exit, Ctx, Failure, Outcome};
use crate::progress::KataState;

pub fn run(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let (progress, set_aside) = ws.load_progress();
    // Said first: it explains a solution that no longer opens.
    if let Some(w) = set_aside {
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
    println!("# Reference solution of {} ({})\n", kata.id, kata.title);
    print!("{}", kata.solution.text);
    Ok(exit::OK)
}
