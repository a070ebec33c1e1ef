//! `pykata restore KATA`: put back a copy of the learner's file that
//! `reset` kept. The file it replaces is kept too, so nothing is lost.

use super::style::Style;
use super::{exit, Ctx, Failure, Outcome};
use crate::progress::report::utc;
use crate::workspace::backups::{Backup, Restored};
use crate::workspace::Workspace;
use std::path::Path;

pub fn run(ctx: &Ctx, id: &str, from: Option<usize>, list_only: bool) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let backups = ws.backups(kata)?;
    if backups.is_empty() {
        return Err(
            Failure::usage(format!("there is no backup of `{}` to restore", kata.id)).help(
                format!(
                    "`pykata reset {}` keeps one before it puts the starter back",
                    kata.id
                ),
            ),
        );
    }
    let chosen = from.unwrap_or(1);
    if list_only {
        print!("{}", listing(&ws, &kata.id, &backups, None));
        println!("`pykata restore {} --from N` puts backup N back.", kata.id);
        return Ok(exit::OK);
    }
    let Some(backup) = chosen.checked_sub(1).and_then(|i| backups.get(i)) else {
        return Err(Failure::usage(format!(
            "`{}` has {} backup{}; there is no backup {chosen}",
            kata.id,
            backups.len(),
            if backups.len() == 1 { "" } else { "s" }
        ))
        .help(format!(
            "`pykata restore {} --list` lists them, newest first",
            kata.id
        )));
    };
    let file = ws.kata_path(kata);
    match ws.restore(kata, backup)? {
        Restored::AlreadyThere => println!(
            "{} is already the same as backup {chosen} ({}); nothing was changed.",
            file.display(),
            utc(backup.made_at)
        ),
        Restored::Done { saved_current } => {
            println!(
                "{} is back as it was in backup {chosen} ({}).",
                file.display(),
                utc(backup.made_at)
            );
            if let Some(saved) = saved_current {
                println!(
                    "What it held before was copied to {}; `pykata restore {}` brings that back.",
                    saved.display(),
                    kata.id
                );
            }
        }
    }
    // Listed as they are now (the copy just made is number 1), so the
    // numbers are right for the next `--from N`.
    let now = ws.backups(kata)?;
    if now.len() > 1 {
        println!();
        print!("{}", listing(&ws, &kata.id, &now, Some(&backup.path)));
        println!("`pykata restore {} --from N` puts another back.", kata.id);
    }
    Ok(exit::OK)
}

/// The backups, numbered newest first, the one just `restored` marked.
fn listing(ws: &Workspace, id: &str, backups: &[Backup], restored: Option<&Path>) -> String {
    let s = Style::stdout();
    let mut out = format!(
        "{} backup{} of {id}, newest first:\n",
        backups.len(),
        if backups.len() == 1 { "" } else { "s" },
    );
    for (i, b) in backups.iter().enumerate() {
        let shown = b.path.strip_prefix(&ws.root).unwrap_or(&b.path);
        let mark = if restored == Some(b.path.as_path()) {
            "  (restored)"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {:>2}. {}  {}{mark}\n",
            i + 1,
            utc(b.made_at),
            s.dim(&shown.display().to_string())
        ));
    }
    out
}
