//! pykata: a terminal tutor and kata runner for advanced Python.
//!
//! Data flows one way: course -> (learner edits a file) -> runner -> judge
//! -> progress -> screen. The command line (`commands`) and the interface
//! (`tui`) are two faces over the same calls (`session`), given the same
//! `context`; neither imports the other, and the binary chooses the face.

// Tests may wait on real time (a file watcher, a process); the program
// may not outside the runner (Cargo.toml [lints]).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod answers;
pub mod cli;
#[allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the commands are the text face: what they print is what the user asked for"
)]
pub mod commands;
pub mod context;
pub mod course;
pub mod ending;
pub mod file_state;
pub mod judge;
pub mod mutants;
pub mod plural;
pub mod progress;
pub mod proof;
#[allow(
    clippy::disallowed_methods,
    reason = "the runner polls child processes and the sandbox's sweep between looks"
)]
pub mod runner;
pub mod sanitize;
pub mod session;
pub mod syntax;
pub mod tui;
pub mod verdict_view;
pub mod workspace;
