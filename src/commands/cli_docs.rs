//! `pykata completions SHELL` and `pykata man`: the shell completion
//! scripts and the manual pages, generated from the clap definitions in
//! `cli.rs`, so they never disagree with `--help`. Printed rather than
//! installed: where they go differs by shell and system (README.md, Install).

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;

use super::{exit, Failure, Outcome};
use crate::cli::Cli;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "pykata", &mut out);
    write_stdout(&out)
}

/// The manual page pykata(1) on stdout; with `dir`, pykata.1 and one page
/// per command (pykata-check.1, ...) written there, as git and cargo ship
/// theirs.
pub fn man(dir: Option<&Path>) -> Outcome {
    let cmd = Cli::command();
    let Some(dir) = dir else {
        let mut out = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut out)
            .map_err(|e| Failure::environment(format!("could not render the manual page: {e}")))?;
        return write_stdout(&out);
    };
    let cannot = |e: std::io::Error| {
        Failure::environment(format!(
            "could not write the manual pages into {}: {e}",
            dir.display()
        ))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    let pages = page_count(&cmd);
    clap_mangen::generate_to(cmd, dir).map_err(cannot)?;
    println!(
        "wrote {pages} manual pages into {} (pykata.1 and one per command)",
        dir.display()
    );
    Ok(exit::OK)
}

/// The pages `generate_to` writes: the command's and, in turn, each of its
/// commands' (`new` has `new topic` and `new kata`).
fn page_count(cmd: &clap::Command) -> usize {
    1 + cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(page_count)
        .sum::<usize>()
}

fn write_stdout(bytes: &[u8]) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::environment(format!("could not write to stdout: {e}")))?;
    Ok(exit::OK)
}
