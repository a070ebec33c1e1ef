//! `pykata hint KATA`: the next hint, one at a time.

use super::{exit, style, Ctx, Outcome};
use crate::session;

pub fn run(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let Some((shown, n)) = session::next_hint(&ws, kata)? else {
        println!(
            "Kata `{}` has no hints. Read its task again, then the lesson of its topic.",
            kata.id
        );
        return Ok(exit::OK);
    };
    println!("Hint {shown} of {n} for {}:", kata.id);
    print!(
        "{}",
        style::indent(kata.hints[shown as usize - 1].trim(), 2)
    );
    if shown as usize == n {
        println!(
            "(that is the last hint; `pykata solution {}` opens after a pass)",
            kata.id
        );
    }
    Ok(exit::OK)
}
