//! `pykata hint KATA`: the next hint, one at a time.

use super::{exit, style, Ctx, Outcome};
use crate::session;

pub fn run(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let next = session::next_hint(&ws, kata);
    show_hint(kata, next.hint);
    // After the hint: a hint not counted still helps.
    if let Some(w) = next.warning {
        super::warn(&w);
    }
    Ok(exit::OK)
}

/// Prints the hint `shown` of `n` (1-based), or that there are none.
fn show_hint(kata: &crate::course::Kata, hint: Option<(u32, usize)>) {
    let Some((shown, n)) = hint else {
        println!(
            "Kata `{}` has no hints. Read its task again, then the lesson of its topic.",
            kata.id
        );
        return;
    };
    // `shown` is 1..=n by `Progress::use_hint`; never index past the hints.
    let Some(text) = (shown as usize)
        .checked_sub(1)
        .and_then(|i| kata.hints.get(i))
    else {
        return;
    };
    println!("Hint {shown} of {n} for {}:", kata.id);
    print!("{}", style::indent(text.trim(), 2));
    if shown as usize == n {
        println!(
            "(that is the last hint; `pykata solution {}` opens after a pass)",
            kata.id
        );
    }
}
