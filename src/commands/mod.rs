//! The non-interactive commands, one file each, over the library calls in
//! `session`, `course`, `workspace` and `progress`.

mod check;
mod cli_docs;
mod doctor;
mod hint;
mod init;
pub mod lint;
mod list;
mod new;
pub mod pipe;
mod report;
mod reset;
mod restore;
mod schema;
mod solution;
mod verify;
mod watch;

pub use crate::context::{exit, style, warn, Ctx, Failure, Outcome};

use crate::cli::{Cli, Command};
use crate::course::{self, Course};

/// Runs the parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    let ctx = Ctx::from_cli(&cli);
    if cli.python.len() > 1 && !matches!(cli.command, Some(Command::Verify { .. })) {
        let s = style::Style::stderr();
        eprintln!(
            "{} only `verify` takes --python more than once",
            s.bad("error:")
        );
        return exit::USAGE;
    }
    let outcome = match cli.command {
        // Piped or in CI (no terminal for the interface), the course map.
        None | Some(Command::List) => list::run(&ctx),
        Some(Command::Check { kata, all, format }) => {
            check::run(&ctx, kata.as_deref(), all, format)
        }
        Some(Command::Watch { kata, poll }) => watch::run(&ctx, kata.as_deref(), poll || cli.poll),
        Some(Command::Hint { kata }) => hint::run(&ctx, &kata),
        Some(Command::Hints { kata }) => hint::seen(&ctx, &kata),
        Some(Command::Solution { kata, diff }) => solution::run(&ctx, &kata, diff),
        Some(Command::Reset { kata }) => reset::run(&ctx, &kata),
        Some(Command::Restore { kata, from, list }) => restore::run(&ctx, &kata, from, list),
        Some(Command::Init { dir }) => init::run(&ctx, dir),
        Some(Command::Verify {
            only,
            mutants,
            jobs,
            format,
        }) => verify::run(
            &ctx,
            &verify::Options {
                only,
                mutants,
                jobs,
                format,
            },
            &cli.python,
        ),
        Some(Command::Lint { dir, format }) => lint::run(&ctx, dir, format),
        Some(Command::Doctor) => doctor::run(&ctx),
        Some(Command::Schema) => schema::run(),
        Some(Command::Report { merge, out, name }) => {
            report::run(&ctx, &merge, out.as_deref(), name.as_deref())
        }
        Some(Command::New { what }) => match what {
            crate::cli::NewWhat::Topic { name, title } => new::topic(&ctx, &name, title.as_deref()),
            crate::cli::NewWhat::Kata { topic, name, title } => {
                new::kata(&ctx, &topic, &name, title.as_deref())
            }
        },
        Some(Command::Completions { shell }) => cli_docs::completions(shell),
        Some(Command::Man { dir }) => cli_docs::man(dir.as_deref()),
    };
    crate::context::finish(outcome)
}

/// The kata named on the command line by its id or by its file, or a usage
/// failure with a suggestion.
pub fn kata<'c>(course: &'c Course, id: &str) -> Result<&'c course::Kata, Failure> {
    if let Some(kata) = course.kata(id) {
        return Ok(kata);
    }
    match kata_file_key(id) {
        Some(key) => course
            .katas()
            .find(|k| k.workspace_path() == key)
            .ok_or_else(|| {
                let mut msg = format!("no kata of this course has the file {id} ({key})");
                let files: Vec<String> = course.katas().map(|k| k.workspace_path()).collect();
                match course::problem::suggestion(&key, files.iter().map(String::as_str)) {
                    Some(s) => msg.push_str(&format!("; {s}")),
                    None => msg.push_str("; `pykata list` shows the katas"),
                }
                Failure::usage(msg)
            }),
        None => course.find_kata(id).map_err(Failure::usage),
    }
}

/// `topic/file.py` for an argument that is a kata's file rather than its
/// id: the learner's file in the workspace (`gotchas/mutable_default.py`,
/// or `mutable_default.py` from inside `gotchas/`), or the course's own
/// (`katas/gotchas/mutable_default.py`), relative or absolute. Only the
/// last folder and the file name count; the workspace's file is the one
/// judged. `None` for an argument that looks like an id.
fn kata_file_key(arg: &str) -> Option<String> {
    let path = std::path::Path::new(arg);
    if !arg.contains('/') && !arg.contains(std::path::MAIN_SEPARATOR) && !arg.ends_with(".py") {
        return None;
    }
    let absolute = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut parts: Vec<String> = Vec::new();
    for part in absolute.components() {
        match part {
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            std::path::Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    let n = parts.len();
    Some(parts[n.saturating_sub(2)..].join("/"))
}
