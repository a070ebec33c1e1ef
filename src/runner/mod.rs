//! Running Python: finding the interpreter, the sandbox layers, spawning,
//! capturing, limits and cleanup. It knows nothing of verdicts (see judge/).

pub mod harness;
pub mod limits;
pub mod process;
pub mod python;
pub mod sandbox;
pub mod sanitize;
pub mod script;
pub mod workdir;

pub use harness::{run_kata, KataRun};
pub use limits::Limits;
pub use process::{Captured, Ending, ProcessOutcome};
pub use python::{Interpreter, PythonVersion};
pub use script::{run_script, run_script_cancellable, ScriptRun};
