//! The integration tests, one binary: one module per subject, sharing
//! `common` (fixtures, skipping for a missing tool). One binary links once
//! and lets the test harness spread every test over the cores; the
//! whole-course tests that load the machine on purpose stay in their own
//! binary (tests/course.rs), which cargo runs after this one, never beside it.
//!
//! Run one subject with a filter: `cargo test --test it cli::`,
//! `cargo test --test it tui_screens::kata_`.

// A test's own output and pauses are not pykata's: the house rules on
// printing and sleeping (Cargo.toml [lints], clippy.toml) are for the program.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod cli;
mod cli_ending;
mod course_loader;
mod install;
mod instructor;
mod interpreter_cache;
mod proof;
#[allow(
    unsafe_code,
    reason = "the sandbox tests make the system calls a hostile program would"
)]
mod sandbox_checklist;
mod site_folders;
mod tui_e2e;
mod tui_ending;
mod tui_screens;
mod upgrade;
