//! Running Python: finding the interpreter, the sandbox layers, spawning,
//! capturing, limits and cleanup. It knows nothing of verdicts (see judge/).

pub mod cache;
pub mod compiled;
pub mod harness;
pub mod marshal;
pub mod process;
pub mod python;
#[allow(
    unsafe_code,
    reason = "the sandbox's system calls (setrlimit, unshare, close_range) have no safe wrapper; each block says why it holds"
)]
pub mod sandbox;
pub mod script;
pub mod warm;
pub mod workdir;

/// The limits live in the course model (a kata carries them); the runner
/// enforces them.
pub use crate::course::Limits;
pub use harness::{run_kata, KataRun};
pub use process::{Captured, Ending, ProcessOutcome};
pub use python::{Interpreter, PythonVersion};
pub use script::{run_script, run_script_cancellable, ScriptRun};
