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
    /// A course folder to use instead of the built-in course.
    #[arg(long, global = true, env = "PYKATA_COURSE", value_name = "DIR")]
    pub course: Option<PathBuf>,
    /// The learner's workspace (default: the nearest one from the current folder up).
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// The Python interpreter (default: $PYKATA_PYTHON, then python3, then python).
    #[arg(long, global = true, value_name = "PATH")]
    pub python: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The course map: topics, katas and your progress.
    List,
    /// Run the checks of a kata on your file.
    Check {
        /// The kata's id (see `pykata list`).
        kata: Option<String>,
        /// Check every kata of the course.
        #[arg(long, conflicts_with = "kata")]
        all: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Show the next hint of a kata ("2 of 3").
    Hint { kata: String },
    /// Show the reference solution of a kata you have passed.
    Solution { kata: String },
    /// Put a kata's starter back (your file is backed up first).
    Reset { kata: String },
    /// Create a workspace with every kata's starter file; never overwrites.
    Init {
        /// Where (default: ./pykata-workspace).
        dir: Option<PathBuf>,
    },
    /// Prove a course: solutions pass, starters fail, mistakes fire, stated outputs are true.
    Verify {
        /// Parallel runs (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Validate a course folder without running anything.
    Lint {
        /// The course folder (default: --course, else the built-in course).
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check this machine: interpreter, version, sandbox layers, workspace, course.
    Doctor,
    /// Print the JSON Schema of course files (course.yaml, lessons/*.yaml) for editors.
    Schema,
}
