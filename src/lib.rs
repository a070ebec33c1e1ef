//! pykata: a terminal tutor and kata runner for advanced Python.
//!
//! Data flows one way: course -> (learner edits a file) -> runner -> judge
//! -> progress -> screen. The command line (`commands`) and the interface
//! (`tui`) are two faces over the same calls (`session`), given the same
//! `context`; neither imports the other, and the binary chooses the face.

pub mod answers;
pub mod cli;
pub mod commands;
pub mod context;
pub mod course;
pub mod ending;
pub mod judge;
pub mod mutants;
pub mod plural;
pub mod progress;
pub mod proof;
pub mod runner;
pub mod sanitize;
pub mod session;
pub mod syntax;
pub mod tui;
pub mod verdict_view;
pub mod workspace;
