//! `pykata list` (and `pykata` alone when there is no terminal): the
//! course map with the learner's progress.

use super::style::Style;
use super::{Ctx, Outcome};
use crate::plural::count;
use crate::progress::KataState;

pub fn run(ctx: &Ctx) -> Outcome {
    let course = ctx.course()?;
    let ws = ctx.workspace_opt();
    let (progress, unreadable) = ws
        .as_ref()
        .map(|w| {
            let read = w.read_progress();
            (read.progress, read.unreadable)
        })
        .unwrap_or_default();
    let s = Style::stdout();
    let total = course.katas().count();
    let done = course
        .katas()
        .filter(|k| progress.kata(&k.id).state == KataState::Done)
        .count();

    let mut out = String::new();
    out.push_str(&format!("{}\n", s.bold(&course.title)));
    match &ws {
        Some(w) => out.push_str(&format!(
            "Workspace {}: {done} of {} done\n",
            w.root.display(),
            count(total, "kata")
        )),
        None => out.push_str(&format!(
            "{} in {}\n",
            count(total, "kata"),
            count(course.topics.len(), "topic")
        )),
    }
    let id_width = course.katas().map(|k| k.id.len()).max().unwrap_or(0);
    let changed = ws
        .as_ref()
        .map(|w| w.changed_katas(&course))
        .unwrap_or_default();
    for (n, topic) in course.topics.iter().enumerate() {
        let topic_done = topic
            .katas
            .iter()
            .filter(|k| progress.kata(&k.id).state == KataState::Done)
            .count();
        out.push_str(&format!(
            "\n{:>2}. {}  {}\n",
            n + 1,
            s.bold(&topic.title),
            s.dim(&format!(
                "[{}] {topic_done}/{} · lesson: {}",
                gauge(topic_done, topic.katas.len(), 10),
                topic.katas.len(),
                count(topic.steps.len(), "step")
            ))
        ));
        for kata in &topic.katas {
            let p = progress.kata(&kata.id);
            let (mark, note) = match p.state {
                KataState::Done => (s.good("✓"), String::new()),
                KataState::Started => (
                    s.warn("•"),
                    s.dim(&format!("  (started, {})", count(p.attempts, "attempt"))),
                ),
                KataState::New => (" ".to_string(), String::new()),
            };
            let note = match changed.contains(&kata.id) {
                true => format!(
                    "{note}{}",
                    s.warn(&format!(
                        "  (task changed since your file was made: `pykata reset {}` gives the new starter)",
                        kata.id
                    ))
                ),
                false => note,
            };
            let needs = kata
                .min_python
                .map(|(a, b)| s.dim(&format!("  [Python {a}.{b}+]")))
                .unwrap_or_default();
            out.push_str(&format!(
                "    {mark} {:<id_width$}  {}{needs}{note}\n",
                kata.id, kata.title
            ));
        }
    }
    if ws.is_none() {
        out.push_str(&format!(
            "\nNo workspace here yet: `pykata init` creates ./{} with every kata's file.\n",
            crate::workspace::DEFAULT_DIR
        ));
    } else {
        out.push_str("\n`pykata check ID` runs a kata's checks on your file.\n");
    }
    print!("{out}");
    // Last, where it is read: why the map shows no progress.
    if let Some(w) = unreadable {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        super::warn(&w.to_string());
    }
    Ok(super::exit::OK)
}

/// A text progress bar: `####------`.
pub fn gauge(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!("{}{}", "#".repeat(filled), "-".repeat(width - filled))
}
