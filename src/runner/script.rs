//! Running a lesson snippet as a plain script: examples and predict steps.

use super::process::{self, Ending, ProcessOutcome, Spawn};
use super::python::Interpreter;
use super::workdir::WorkDir;
use super::Limits;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Predict steps decide "Infinite loop" after this long.
pub const PREDICT_WALL_MS: u64 = 2_000;

/// Runs a snippet as `python SNIPPET` would, in an interpreter started
/// without `site` (see `Interpreter::site_path`): `-c LAUNCHER SITE
/// SNIPPET`. It gives the snippet what `site` and a script start give: the
/// site folders at the end of `sys.path`, the snippet's folder at its head,
/// `sys.argv`, `__file__`, and the builtins exit(), quit(), help()... Then
/// the snippet runs in `__main__` under its own file name; the launcher
/// leaves no name behind. An uncaught error's traceback has one frame more
/// at its top (`<string>`); only its last line is ever shown.
const LAUNCHER: &str = "def _pykata_launch():
    import os, site, sys
    del globals()['_pykata_launch']
    site_path, snippet = sys.argv[1:3]
    sys.argv[:] = [snippet]
    sys.path[0] = os.path.dirname(snippet)
    sys.path.extend(p for p in site_path.split(os.pathsep) if p)
    site.setquit()
    site.setcopyright()
    site.sethelper()
    globals()['__file__'] = snippet
    with open(snippet, 'rb') as source:
        return compile(source.read(), snippet, 'exec')
exec(_pykata_launch())
";

#[derive(Debug, Clone)]
pub struct ScriptRun {
    pub process: ProcessOutcome,
    /// The last line of the traceback (`ValueError: ...`) if it raised.
    pub exception: Option<String>,
}

impl ScriptRun {
    /// Whether the snippet was still running at the end: out of wall-clock
    /// time, or out of CPU time (a loop that spins is stopped by whichever
    /// limit comes first).
    pub fn timed_out(&self) -> bool {
        match &self.process.ending {
            Ending::TimedOut => true,
            Ending::Signalled(_, name) => name == "SIGXCPU",
            _ => false,
        }
    }

    /// What a reader sees: stdout, then the exception line if it raised.
    pub fn shown_output(&self) -> String {
        let mut text = self.process.stdout.display();
        if let Some(exc) = &self.exception {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(exc);
            text.push('\n');
        }
        text
    }
}

pub fn run_script(python: &Interpreter, code: &str, wall_ms: u64) -> std::io::Result<ScriptRun> {
    run_script_cancellable(python, code, wall_ms, None)
}

/// `run_script`, stopped early when `cancel` is raised (the interface's Esc).
pub fn run_script_cancellable(
    python: &Interpreter,
    code: &str,
    wall_ms: u64,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<ScriptRun> {
    let dir = WorkDir::new()?;
    dir.write("snippet.py", code)?;
    let mut command = python.command();
    command
        .args(["-c", LAUNCHER])
        .arg(python.site_path())
        .arg(dir.path().join("snippet.py"));
    // CPU time to match a longer wall clock (verify's second chance): a
    // spinning loop must meet the wall clock, not the CPU limit first.
    let limits = Limits {
        wall_ms,
        cpu_ms: Limits::default().cpu_ms.max(wall_ms + 1_000),
        ..Limits::default()
    };
    let process = process::run(Spawn {
        command,
        workdir: dir.path(),
        stdin: None,
        limits,
        cancel,
    });
    let exception = match process.ending {
        Ending::Exited(code) if code != 0 => {
            let stderr = process.stderr.display();
            stderr
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .filter(|_| stderr.contains("Traceback") || stderr.contains("Error"))
                .map(str::to_string)
        }
        _ => None,
    };
    Ok(ScriptRun { process, exception })
}
