//! The harness, compiled once per interpreter and kept in the cache folder.
//!
//! Python never caches the bytecode of a script it is given to run, and the
//! harness is some 750 lines: compiling it costs every run about 9 ms, a
//! sixth of a bare start of the interpreter. A run is given the compiled
//! file (`python _pykata_harness.pyc ...` runs it as it would the source)
//! made by the same interpreter the first time it is needed. Anything that
//! keeps it from being made (an old Python, no cache folder, a failure)
//! leaves the run with the source, as before: slower, never wrong.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::cache;
use super::harness::{KataRun, HARNESS, HARNESS_FILE};
use super::process::{probe_environment, stdout_within_fed};
use super::python::{Ask, Interpreter, MIN_PYTHON};
use crate::file_state::FileState;

/// The name the compiled harness has in a run's work dir.
pub const COMPILED_FILE: &str = "_pykata_harness.pyc";

/// Compiled harnesses kept; the oldest go first.
const MOST: usize = 8;

/// How long compiling may take.
const COMPILE_WAIT: Duration = Duration::from_secs(20);

/// Compiles the source read from stdin as the harness (its file name in
/// tracebacks is the source's) and writes what a `.pyc` file holds: the
/// interpreter's magic number, 12 bytes of header a file run directly does
/// not check, and the code.
const COMPILE: &str = "import sys, marshal, importlib.util\n\
code = compile(sys.stdin.buffer.read(), '_pykata_harness.py', 'exec', dont_inherit=True)\n\
sys.stdout.buffer.write(importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code))";

/// The file a run is given as its harness, and what it holds.
pub struct HarnessFile {
    pub name: &'static str,
    pub bytes: Cow<'static, [u8]>,
}

impl HarnessFile {
    /// The harness's source, which every interpreter can run.
    pub fn source() -> HarnessFile {
        HarnessFile {
            name: HARNESS_FILE,
            bytes: Cow::Borrowed(HARNESS.as_bytes()),
        }
    }

    pub fn is_compiled(&self) -> bool {
        self.name == COMPILED_FILE
    }
}

/// The harness for `python`: compiled when it can be, else the source.
pub fn harness_for(python: &Interpreter) -> HarnessFile {
    match compiled(python) {
        Some(bytes) => HarnessFile {
            name: COMPILED_FILE,
            bytes: Cow::Owned(bytes),
        },
        None => HarnessFile::source(),
    }
}

/// Whether a run given the compiled harness ended before the harness said
/// a word because Python could not read the file: what CPython says of a
/// damaged or foreign `.pyc`.
pub fn was_unreadable(run: &KataRun) -> bool {
    let stderr = run.process.stderr.display();
    run.events.is_empty()
        && [".pyc file", "bad marshal data", "EOF read where"]
            .iter()
            .any(|says| stderr.contains(says))
}

/// Throws away the harness compiled for `python`, to be made again.
pub fn forget(python: &Interpreter) {
    if let Some(path) = kept_path(python) {
        let _ = std::fs::remove_file(path);
    }
}

fn compiled(python: &Interpreter) -> Option<Vec<u8>> {
    let path = kept_path(python)?;
    if let Ok(bytes) = std::fs::read(&path) {
        if looks_compiled(&bytes) {
            return Some(bytes);
        }
    }
    let bytes = compile(python)?;
    keep(&path, &bytes);
    Some(bytes)
}

/// Where the harness compiled by `python` is kept: named by the harness's
/// text, this pykata, and the interpreter binary as it is now (a new
/// build of the same version may read bytecode differently).
fn kept_path(python: &Interpreter) -> Option<PathBuf> {
    let facts = python.facts(Ask::Remembered).ok()?;
    if !facts.version.at_least(MIN_PYTHON) {
        return None;
    }
    let binary = facts.real_executable.as_ref()?;
    let mut hasher = std::hash::DefaultHasher::new();
    HARNESS.hash(&mut hasher);
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    binary.hash(&mut hasher);
    FileState::of_target(binary)?.hash(&mut hasher);
    facts.version.to_string().hash(&mut hasher);
    Some(cache::folder()?.join(format!("harness-{:016x}.pyc", hasher.finish())))
}

/// A magic number ends in `\r\n`, and there is code after the header.
fn looks_compiled(bytes: &[u8]) -> bool {
    bytes.len() > 16 && bytes[2..4] == *b"\r\n"
}

fn compile(python: &Interpreter) -> Option<Vec<u8>> {
    let mut cmd = Command::new(&python.program);
    cmd.args(&python.pre_args)
        .args(["-E", "-s", "-S", "-c", COMPILE]);
    // By the interpreter the runs start: a shim asked from the temp folder
    // could pick another one than it picks where the learner is.
    let mut cmd = super::python::facts::without_shim(cmd);
    cmd.env_clear()
        .envs(probe_environment())
        .current_dir(std::env::temp_dir());
    let out = stdout_within_fed(&mut cmd, COMPILE_WAIT, Some(HARNESS.as_bytes())).ok()?;
    looks_compiled(&out).then_some(out)
}

/// Keeps the compiled harness, written beside and renamed over; removes
/// the oldest others past [`MOST`]. Failing only means compiling again.
fn keep(path: &Path, bytes: &[u8]) {
    let _ = super::cache::keep(path, bytes);
    let Some(dir) = path.parent() else { return };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut kept: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("harness-") && name.ends_with(".pyc")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    kept.sort();
    let extra = kept.len().saturating_sub(MOST);
    for (_, old) in kept.into_iter().take(extra) {
        let _ = std::fs::remove_file(old);
    }
}
