//! Finding the Python interpreter and learning its version.

pub mod facts;
mod venv;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

pub use facts::{Ask, Facts};

/// The oldest Python pykata runs code on: the harness and the course use
/// 3.10's syntax and library. On an older one runs fail in ways that look
/// like the learner's fault (a syntax error in the harness, an exit code).
pub const MIN_PYTHON: (u32, u32) = (3, 10);

/// What to do about an interpreter pykata cannot use.
pub const INSTALL_HELP: &str =
    "install CPython 3.10 or newer, or point pykata at one with --python PATH or PYKATA_PYTHON";

/// How to start Python: a program and the arguments that come before ours
/// (`py -3` on Windows has one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    pub program: PathBuf,
    pub pre_args: Vec<OsString>,
    /// Where the choice came from, for `doctor` ("--python", "PYKATA_PYTHON", "PATH").
    pub found_by: &'static str,
}

/// Why no interpreter could be used.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FindError {
    #[error("the Python interpreter `{0}` given by {1} was not found or is not executable")]
    NotFound(String, &'static str),
    #[error("no Python interpreter found: tried python3 and python on PATH")]
    NoneOnPath,
}

impl FindError {
    pub fn help(&self) -> &'static str {
        INSTALL_HELP
    }
}

/// `--python`, then `PYKATA_PYTHON`, then `python3`, then `python`
/// (and `py -3` on Windows); for a pykata installed into a venv, that
/// venv's interpreter when PATH has none pykata can use (see [`choose`]).
pub fn find(explicit: Option<&Path>) -> Result<Interpreter, FindError> {
    choose(explicit).map(|choice| choice.interpreter)
}

/// The interpreter [`find`] picks, and why, when the reason is more than
/// where it was found (`doctor` says it).
#[derive(Debug, Clone)]
pub struct Choice {
    pub interpreter: Interpreter,
    /// Why the usual order was not followed (the venv fallback), in words.
    pub why: Option<String>,
}

/// What `found_by` says of the venv fallback.
pub const FOUND_IN_VENV: &str = "the venv pykata is installed in";

/// See [`find`]. The venv fallback is for the learners who installed
/// pykata the way Python tools are installed (pipx, `uv tool`, pip into a
/// venv) on a machine whose `python3` is missing or too old: the venv was
/// made with an interpreter pip accepted (`requires-python >= 3.10`), so
/// that one works. The learner's own interpreter still comes first when it
/// is new enough: it is the one they write code for.
pub fn choose(explicit: Option<&Path>) -> Result<Choice, FindError> {
    let plain = |interpreter: Interpreter| Choice {
        interpreter,
        why: None,
    };
    let by = |program: PathBuf, found_by| Interpreter {
        program,
        pre_args: Vec::new(),
        found_by,
    };
    if let Some(p) = explicit {
        return which::which(p)
            .map(|path| plain(by(path, "--python")))
            .map_err(|_| FindError::NotFound(p.display().to_string(), "--python"));
    }
    if let Some(p) = std::env::var_os("PYKATA_PYTHON").filter(|p| !p.is_empty()) {
        return which::which(&p)
            .map(|path| plain(by(path, "PYKATA_PYTHON")))
            .map_err(|_| FindError::NotFound(p.to_string_lossy().into_owned(), "PYKATA_PYTHON"));
    }
    let on_path = on_path();
    // Outside a venv nothing is asked here: the interface opens before the
    // interpreter has said its version.
    let Some(venv) = std::env::current_exe()
        .ok()
        .and_then(|exe| venv::Venv::holding(&exe))
    else {
        return on_path.map(plain).ok_or(FindError::NoneOnPath);
    };
    let problem = match &on_path {
        None => "there is no python3 or python on PATH".to_string(),
        Some(py) => match py.probe_version() {
            Ok(v) if v.at_least(MIN_PYTHON) => return Ok(plain(py.clone())),
            Ok(v) => format!(
                "{} on PATH is Python {v}, older than {}.{}",
                py.program.display(),
                MIN_PYTHON.0,
                MIN_PYTHON.1
            ),
            Err(e) => format!("the Python on PATH cannot be used ({e})"),
        },
    };
    match venv.interpreter() {
        Some(program) => Ok(Choice {
            why: Some(format!(
                "{problem}; this is the interpreter of the venv pykata is installed in ({})",
                venv.root.display()
            )),
            interpreter: by(program, FOUND_IN_VENV),
        }),
        // A venv whose interpreter has gone: the usual refusal says what to do.
        None => on_path.map(plain).ok_or(FindError::NoneOnPath),
    }
}

/// `python3`, then `python` on PATH (and `py -3` on Windows).
fn on_path() -> Option<Interpreter> {
    for name in ["python3", "python"] {
        if let Ok(program) = which::which(name) {
            return Some(Interpreter {
                program,
                pre_args: Vec::new(),
                found_by: "PATH",
            });
        }
    }
    if cfg!(windows) {
        if let Ok(program) = which::which("py") {
            return Some(Interpreter {
                program,
                pre_args: vec!["-3".into()],
                found_by: "PATH (py launcher)",
            });
        }
    }
    None
}

impl Interpreter {
    /// A command for this interpreter with pykata's standard flags.
    ///
    /// `-S` (no `site`: see [`Interpreter::site_path`]), `-s` (no user
    /// site-packages), `-u` (unbuffered, so output before `os._exit` is
    /// kept) and `-X utf8`. We do not pass `-I`: it implies `-E`, which
    /// would ignore the PYTHONHASHSEED we set to keep set order stable. The
    /// environment is cleared and rebuilt from an allow-list (see
    /// runner::process), so no PYTHON* variable of the user gets through
    /// anyway, and the harness puts the work dir on sys.path itself.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.pre_args)
            .args(["-S", "-s", "-u", "-X", "utf8"]);
        cmd
    }

    /// The folders `site` would add to `sys.path`, joined as PATH is, for a
    /// run to add itself (the harness and runner::script do).
    ///
    /// Runs start without `site` because its `.pth` files run code at every
    /// start, code that has nothing to do with the learner's: a `.pth` that
    /// imports `certifi` made this machine's bare start 46 ms, against 9 ms
    /// without it. The folders are asked once with the interpreter's facts,
    /// so installed packages still import; what a `.pth` file would import
    /// or set up is not run. Empty when the interpreter could not be asked.
    pub fn site_path(&self) -> OsString {
        let Ok(facts) = self.facts(Ask::Remembered) else {
            return OsString::new();
        };
        // A folder whose name holds the separator cannot be passed; it is
        // left out rather than split into two wrong ones.
        let joinable = facts
            .site_path
            .iter()
            .filter(|p| std::env::join_paths([p.as_path()]).is_ok());
        std::env::join_paths(joinable).unwrap_or_default()
    }

    /// What this interpreter says of itself (see [`facts`]): remembered
    /// across commands while its files are unchanged, unless `ask` is
    /// [`Ask::Fresh`].
    pub fn facts(&self, ask: Ask) -> Result<Arc<Facts>, String> {
        facts::facts(&self.program, &self.pre_args, ask)
    }

    /// The interpreter's version (see [`Interpreter::facts`]).
    pub fn probe_version(&self) -> Result<PythonVersion, String> {
        self.facts(Ask::Remembered).map(|f| f.version.clone())
    }

    /// The interpreter's version if pykata can run code on it (see
    /// `MIN_PYTHON`); else a message naming the interpreter, its version
    /// and the minimum. Asked before anything runs, so an old interpreter
    /// is refused the same way by every command and the interface.
    pub fn require_supported(&self) -> Result<PythonVersion, String> {
        self.require_supported_as(Ask::Remembered)
    }

    /// [`Interpreter::require_supported`], asking afresh when `ask` says so.
    pub fn require_supported_as(&self, ask: Ask) -> Result<PythonVersion, String> {
        let version = self.facts(ask)?.version.clone();
        if version.at_least(MIN_PYTHON) {
            Ok(version)
        } else {
            Err(format!(
                "{} is Python {version}; pykata needs Python {}.{} or newer",
                self.program.display(),
                MIN_PYTHON.0,
                MIN_PYTHON.1
            ))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PythonVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
    pub implementation: String,
}

impl PythonVersion {
    /// "3.11.7" -> 3.11.7 (implementation unknown).
    pub fn parse(text: &str) -> Option<PythonVersion> {
        let mut it = text.trim().split('.').map(|p| p.parse::<u32>().ok());
        Some(PythonVersion {
            major: it.next()??,
            minor: it.next()??,
            patch: it.next().flatten().unwrap_or(0),
            implementation: "unknown".into(),
        })
    }

    pub fn at_least(&self, (major, minor): (u32, u32)) -> bool {
        (self.major, self.minor) >= (major, minor)
    }
}

impl std::fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}
