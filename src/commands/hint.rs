//! `pykata hint KATA`: the next hint, one at a time.

use super::{exit, style, Ctx, Outcome};
use crate::session;

pub fn run(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let (seen, passed, warning) = session::hints_seen(&ws, kata);
    if passed {
        // After a pass every hint is free to read; none is counted.
        show_seen(kata, kata.hints.len() as u32);
        if !kata.hints.is_empty() {
            println!(
                "(you passed this kata: every hint is shown, and none is counted; `pykata solution {}` shows the reference)",
                kata.id
            );
        }
        if let Some(w) = warning {
            super::warn(&w);
        }
        return Ok(exit::OK);
    }
    // The ones already seen first, so they can be read again.
    show_seen(kata, seen);
    let next = session::next_hint(&ws, kata);
    if next.hint.is_some_and(|(shown, _)| shown <= seen) {
        // Every hint was seen already: the list above is all there is.
        println!(
            "(that was every hint; `pykata solution {}` opens after a pass)",
            kata.id
        );
    } else {
        show_hint(kata, next.hint);
    }
    // After the hint: a hint not counted still helps. Reading the progress
    // may have set an unreadable file aside; say so (once).
    for w in [warning, next.warning].into_iter().flatten() {
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

/// `pykata hints KATA`: every hint of the kata seen so far, again; no new one.
pub fn seen(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let (seen, passed, warning) = session::hints_seen(&ws, kata);
    let seen = if passed {
        kata.hints.len() as u32
    } else {
        seen
    };
    if seen == 0 {
        println!(
            "No hints of `{}` seen yet; `pykata hint {}` shows the first.",
            kata.id, kata.id
        );
    } else {
        show_seen(kata, seen);
    }
    if let Some(w) = warning {
        super::warn(&w);
    }
    Ok(exit::OK)
}

/// Prints hints 1..=`seen` of the kata, each with its number.
fn show_seen(kata: &crate::course::Kata, seen: u32) {
    let n = kata.hints.len();
    for (i, text) in kata.hints.iter().take(seen as usize).enumerate() {
        println!("Hint {} of {n} for {}:", i + 1, kata.id);
        print!("{}", style::indent(text.trim(), 2));
    }
}
