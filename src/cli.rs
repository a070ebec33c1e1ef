//! The command line, as clap definitions. Exit codes are documented in
//! README.md and `commands::ExitCode`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "pykata",
    version,
    about = "A terminal tutor for advanced Python: lessons, predictions and katas judged in a sandbox",
    after_help = "Run with no command to open the course. Exit codes: 0 success, 1 not passing or problems found, 2 usage error, 3 environment problem."
)]
pub struct Cli {
    /// A course folder, or a course archive (.tar, .tar.gz), to use instead of the course the workspace follows (the built-in course by default).
    #[arg(long, global = true, env = "PYKATA_COURSE", value_name = "DIR")]
    pub course: Option<PathBuf>,
    /// The learner's workspace (default: the nearest one from the current folder up).
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// The Python interpreter (default: $PYKATA_PYTHON, then python3, then python; installed
    /// into a venv, pykata falls back to that venv's interpreter when those are missing or too old).
    /// `verify` takes it several times to prove the course under each.
    #[arg(long, global = true, value_name = "PATH", action = clap::ArgAction::Append)]
    pub python: Vec<PathBuf>,
    // The interface's own options are not global: every subcommand's
    // `--help` would list them, and no subcommand reads them.
    /// The interface: the command `e` runs to edit a kata's file, `{}` standing for the file
    /// (default: $VISUAL, then $EDITOR, then `code` in a VS Code terminal, then nano or vi).
    #[arg(long, value_name = "CMD")]
    pub edit_cmd: Option<String>,
    /// The interface: poll the workspace for saves instead of waiting for file events
    /// (for WSL on a Windows drive and network folders, where events do not arrive).
    #[arg(long)]
    pub poll: bool,
    /// Turn off the Linux sandbox extras (namespaces, Landlock, seccomp) when your system
    /// misbehaves with them; programs then can reach your files, the network and other processes.
    #[arg(long, global = true, env = "PYKATA_NO_SANDBOX_EXTRAS")]
    pub no_sandbox_extras: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
}

/// How `lint` and `verify` report problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ProblemFormat {
    /// For a person at a terminal.
    #[default]
    Human,
    /// One JSON document (format 1).
    Json,
    /// GitHub Actions annotations: `::error file=F,line=L,col=C::message`.
    Github,
}

/// What `pykata new` scaffolds (in --course DIR, or the current folder).
#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// lessons/NAME.yaml with a lesson and a first kata, and its Python files; the
    /// topic is added to course.yaml (created, with a schema for editors, if missing).
    Topic {
        /// The topic's id: lowercase letters, digits, '-' and '_'.
        name: String,
        /// The title shown on the course map (default: from the name).
        #[arg(long)]
        title: Option<String>,
    },
    /// A kata appended to lessons/TOPIC.yaml (comments kept), with its starter,
    /// solution, alternative and a mistake sample.
    Kata {
        /// An existing topic.
        topic: String,
        /// The kata's id, unique in the course: lowercase letters, digits and '-'.
        name: String,
        /// The title shown on the course map (default: from the name).
        #[arg(long)]
        title: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The course map: topics, katas and your progress.
    List,
    /// Run the checks of a kata on your file.
    Check {
        /// The kata's id (see `pykata list`) or its file (`basics/order.py`); default:
        /// the current kata, the one to continue (as the interface opens it).
        kata: Option<String>,
        /// Check every kata of the course.
        #[arg(long, conflicts_with = "kata")]
        all: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check the current kata on every save of its file, and move on to the next when it
    /// passes; q or Ctrl-C quits (--poll for folders whose save events do not arrive).
    Watch {
        /// The kata to start with, by id or file (default: the current kata, as `check`).
        kata: Option<String>,
        /// Poll the kata's file for saves instead of waiting for file events
        /// (for WSL on a Windows drive and network folders).
        #[arg(long)]
        poll: bool,
    },
    /// Show the next hint of a kata ("2 of 3"), after the ones you have seen.
    Hint {
        /// The kata's id or file (see `pykata list`).
        kata: String,
    },
    /// Show again every hint of a kata you have seen, without using a new one.
    Hints {
        /// The kata's id or file (see `pykata list`).
        kata: String,
    },
    /// Show the reference solution of a kata you have passed.
    Solution {
        /// The kata's id or file (see `pykata list`).
        kata: String,
        /// Show only where your file differs from the reference (a unified diff).
        #[arg(long)]
        diff: bool,
    },
    /// Put a kata's starter back (your file is backed up first).
    Reset {
        /// The kata's id or file (see `pykata list`).
        kata: String,
    },
    /// Bring back a kata's file from a backup made by `reset` (your file is backed up first).
    Restore {
        /// The kata's id or file.
        kata: String,
        /// Which backup, by its number in `--list` (default: 1, the newest).
        #[arg(long, value_name = "N", conflicts_with = "list")]
        from: Option<usize>,
        /// List the kata's backups, newest first, and restore nothing.
        #[arg(long)]
        list: bool,
    },
    /// Create a workspace with every kata's starter file; never overwrites.
    Init {
        /// Where (default: ./pykata-workspace).
        dir: Option<PathBuf>,
    },
    /// Prove a course: solutions pass, starters fail, mistakes fire, stated outputs are true.
    Verify {
        /// Only these topics or katas (default: the whole course). A path (`.`, `./my-course`,
        /// `course.tar.gz`) names the course folder or archive to prove instead, as `lint DIR` does.
        #[arg(value_name = "TOPIC_OR_KATA")]
        only: Vec<String>,
        /// Also run mutants of every solution: learner-like rewrites that the checks must fail.
        #[arg(long)]
        mutants: bool,
        /// Exactly N runs at a time (default: one computing run per core, and as many more for katas whose checks mostly wait).
        #[arg(long)]
        jobs: Option<usize>,
        #[arg(long, value_enum, default_value_t)]
        format: ProblemFormat,
    },
    /// Validate a course folder without running anything.
    Lint {
        /// The course folder or archive (default: --course, else the built-in course).
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: ProblemFormat,
    },
    /// Check this machine: interpreter, version, sandbox layers, workspace, course.
    Doctor,
    /// Print the JSON Schema of course files (course.yaml, lessons/*.yaml) for editors.
    Schema,
    /// Write your progress as JSON and Markdown; with --merge, a class table from learners' reports.
    Report {
        /// Learners' JSON reports to merge into one class table (Markdown and CSV).
        #[arg(long, num_args = 1.., value_name = "FILES")]
        merge: Vec<PathBuf>,
        /// The folder to write into (default: the current folder).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Your name in the report (default: your login name).
        #[arg(long, conflicts_with = "merge")]
        name: Option<String>,
    },
    /// Scaffold a topic or a kata that passes `lint` and `verify` at once, every field commented.
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
    /// Print a completion script for your shell, e.g.
    /// `pykata completions bash > ~/.local/share/bash-completion/completions/pykata`.
    Completions {
        /// The shell: bash, zsh, fish, powershell (or elvish).
        shell: clap_complete::Shell,
    },
    /// Print pykata's manual page (roff): `pykata man | man -l -`; with --dir, write
    /// pykata.1 and a page per command (pykata-check.1, ...) into DIR for a man folder.
    Man {
        /// The folder to write the pages into (e.g. ~/.local/share/man/man1).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}
