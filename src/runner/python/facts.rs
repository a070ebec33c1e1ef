//! What pykata needs to know about an interpreter, asked in one start of it
//! and remembered on disk: its version (is it new enough?), the binary it
//! really is (a pyenv or asdf shim is a script that starts another program
//! after some twenty processes of its own), and where its files are (the
//! sandbox lets it read those folders and nothing else).
//!
//! A check is meant to cost the learner's run and little more. Asking an
//! interpreter costs a start of it, and through a shim three or four, so
//! the answer is kept in the user's cache folder and used again for as
//! long as the files it was read from are unchanged: the program, the
//! binary it starts, and for a shim the files a version manager chooses by.
//! `pykata doctor` always asks afresh.
//!
//! A shim is asked where the learner is: in the current folder and with
//! the variables that choose a version (`pyenv local`'s `.python-version`,
//! `PYENV_VERSION`, asdf's `.tool-versions`), so a kata runs on the Python
//! that `python3` starts there. Every run then starts that interpreter
//! directly, in its own work dir.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use super::PythonVersion;
use crate::file_state::FileState;
use crate::runner::process::{probe_environment, stdout_within, AskError};

/// How long an interpreter may take to answer.
const ANSWER_WAIT: Duration = Duration::from_secs(20);

/// The question, in a form Python 2 answers too (no `sys.implementation`
/// or `sys.base_prefix` there), so that an old interpreter is named by its
/// version rather than "not Python". A shim is asked in the learner's
/// folder, so the current folder leaves `sys.path` before anything is
/// imported from it. Fields are separated by NUL: version,
/// implementation, executable, executable through links, the four
/// prefixes, then `sys.path`; then, on Python 3, an empty field and the
/// folders `site` adds to `sys.path` (runs start without `site`: see
/// [`Facts::site_path`]). Whatever a `.pth` file prints is kept out of the
/// answer.
const QUESTION: &str = r#"import sys
sys.path = [p for p in sys.path if p]
import os
v = sys.version_info
e = sys.executable or ''
answer = ['%d.%d.%d' % (v[0], v[1], v[2]),
          getattr(getattr(sys, 'implementation', None), 'name', 'unknown'),
          e, e and os.path.realpath(e), sys.prefix, getattr(sys, 'base_prefix', sys.prefix),
          sys.exec_prefix, getattr(sys, 'base_exec_prefix', sys.exec_prefix)] + sys.path
if v[0] >= 3:
    known = set(map(os.path.abspath, sys.path))
    out = sys.stdout
    try:
        import io, site
        sys.stdout = io.StringIO()
        site.main()
        answer += [''] + [p for p in sys.path if p and os.path.abspath(p) not in known]
    except Exception:
        pass
    sys.stdout = out
sys.stdout.write('\0'.join(answer))
"#;

/// What one interpreter said of itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub version: PythonVersion,
    /// `sys.executable`: for a shim, the interpreter it starts; `None`
    /// when Python could not tell.
    pub executable: Option<PathBuf>,
    /// The same, through any links.
    pub real_executable: Option<PathBuf>,
    /// The prefixes, then `sys.path` as a start without `site` has it.
    pub folders: Vec<PathBuf>,
    /// The folders `site` adds to `sys.path` (site-packages, and the paths
    /// its `.pth` files name). Runs start without `site` (`-S`), whose
    /// `.pth` files can cost more than the rest of a start (importing
    /// `certifi`, say), and put these at the end of `sys.path` themselves,
    /// so an installed package imports as it would.
    pub site_path: Vec<PathBuf>,
    /// Whether the program asked is a script (`#!`), not the binary.
    pub is_script: bool,
}

/// Whether a remembered answer will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Use the answer remembered in this process or on disk when nothing
    /// it was read from has changed.
    Remembered,
    /// Start the interpreter and ask (`doctor`), and remember the answer.
    Fresh,
}

/// The facts of `program` started with `pre_args`, or why it could not
/// be asked (it would not start, took too long, or is not Python).
pub fn facts(program: &Path, pre_args: &[OsString], ask: Ask) -> Result<Arc<Facts>, String> {
    static MEMORY: OnceLock<Mutex<HashMap<Key, Arc<Facts>>>> = OnceLock::new();
    let memory = MEMORY.get_or_init(Default::default);
    let key: Key = (program.to_path_buf(), pre_args.to_vec());
    if ask == Ask::Remembered {
        if let Some(found) = memory.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(found.clone());
        }
        if let Some(found) = disk::recall(program, pre_args) {
            let found = Arc::new(found);
            memory
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, found.clone());
            return Ok(found);
        }
    }
    // Stamped before the question, so a change while it is asked is seen
    // by the next command rather than hidden under the answer.
    let before = disk::stamps_before(program);
    // Only an answer is remembered: a question that failed (a timeout on a
    // busy machine) is asked again next time.
    let found = Arc::new(ask_now(program, pre_args)?);
    disk::remember(program, pre_args, before, &found);
    memory
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, found.clone());
    Ok(found)
}

type Key = (PathBuf, Vec<OsString>);

fn ask_now(program: &Path, pre_args: &[OsString]) -> Result<Facts, String> {
    let mut cmd = Command::new(program);
    // `-E -s` rather than `-I`, which Python 2 does not know. `-S`: no
    // `site`, which is most of a bare start and which the answer needs
    // nothing of. A shim picks in the learner's folder, with the variables
    // that choose a version: the interpreter `python3` starts there.
    let chooser = Chooser::here(program);
    cmd.args(pre_args)
        .args(["-E", "-s", "-S", "-c", QUESTION])
        .env_clear()
        .envs(probe_environment())
        .envs(chooser.variables.iter().map(|(k, v)| (k, v)))
        .current_dir(&chooser.folder);
    let out = stdout_within(&mut cmd, ANSWER_WAIT).map_err(|e| match e {
        AskError::Spawn(e) => format!("could not start {}: {e}", program.display()),
        AskError::TimedOut => format!(
            "{} did not report its version within {} s",
            program.display(),
            ANSWER_WAIT.as_secs()
        ),
    })?;
    parse(&out, is_script(program)).ok_or_else(|| {
        format!(
            "{} did not report a Python version (is it Python 3?)",
            program.display()
        )
    })
}

fn parse(out: &[u8], is_script: bool) -> Option<Facts> {
    let mut parts = out.split(|b| *b == 0);
    let version = PythonVersion::parse(std::str::from_utf8(parts.next()?).ok()?)?;
    let implementation = String::from_utf8_lossy(parts.next()?).into_owned();
    let path = |bytes: &[u8]| (!bytes.is_empty()).then(|| path_of(bytes));
    let executable = path(parts.next()?);
    let real_executable = path(parts.next()?);
    // The folders, then (Python 3) an empty field and the site folders.
    let mut folders = Vec::new();
    for part in parts.by_ref() {
        if part.is_empty() {
            break;
        }
        folders.push(path_of(part));
    }
    let site_path = parts.filter_map(path).collect();
    Some(Facts {
        version: PythonVersion {
            implementation,
            ..version
        },
        executable,
        real_executable,
        folders,
        site_path,
        is_script,
    })
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// A script (`#!`) rather than a binary: pyenv, asdf and similar shims.
pub fn is_script(program: &Path) -> bool {
    let mut head = [0u8; 2];
    std::fs::File::open(program)
        .and_then(|mut f| f.read_exact(&mut head))
        .map(|()| &head == b"#!")
        .unwrap_or(false)
}

/// The variables version managers choose an interpreter by, passed to a
/// shim: pyenv's (`pyenv shell` sets PYENV_VERSION; PYENV_DIR is where it
/// looks for `.python-version`) and asdf's.
const CHOOSING_VARIABLES: &[&str] = &["PYENV_VERSION", "PYENV_DIR", "ASDF_PYTHON_VERSION"];

/// Where and with what a program is asked: for a shim, the current folder
/// and the choosing variables that are set; for a binary, which chooses
/// nothing, the temp folder and none.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chooser {
    folder: PathBuf,
    variables: Vec<(String, String)>,
}

impl Chooser {
    fn here(program: &Path) -> Chooser {
        let temp = std::env::temp_dir();
        if !is_script(program) {
            return Chooser {
                folder: temp,
                variables: Vec::new(),
            };
        }
        Chooser {
            folder: std::env::current_dir().unwrap_or(temp),
            variables: CHOOSING_VARIABLES
                .iter()
                .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?)))
                .collect(),
        }
    }

    /// The same as text, for the answers kept on disk.
    fn describe(&self) -> Vec<String> {
        std::iter::once(self.folder.to_string_lossy().into_owned())
            .chain(self.variables.iter().map(|(k, v)| format!("{k}={v}")))
            .collect()
    }
}

/// The answers kept in the cache folder, one file for every interpreter.
mod disk {
    use super::*;

    /// Bumped when the question or the file's form changes: answers of
    /// another form are asked again.
    const FORM: u32 = 3;
    /// Interpreters remembered; the oldest answers go first.
    const MOST: usize = 32;
    /// How long a shim's answer is used at most. The files a version
    /// manager chooses by are stamped (pyenv's and asdf's); one this code
    /// does not know changes its choice some other way, and is asked again
    /// after this long (or at once by `doctor`).
    const SCRIPT_ANSWER_KEPT: Duration = Duration::from_secs(60 * 60);

    #[derive(serde::Serialize, serde::Deserialize, Default)]
    struct File {
        form: u32,
        entries: Vec<Entry>,
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Entry {
        program: PathBuf,
        pre_args: Vec<String>,
        /// Where a shim was asked and the choosing variables set then
        /// (see `Chooser`): another folder may choose another interpreter.
        chooser: Vec<String>,
        /// Seconds since 1970 when it was asked.
        asked_at: u64,
        /// Every file the answer depends on, as it was (`None`: absent).
        stamps: Vec<(PathBuf, Option<FileState>)>,
        facts: Facts,
    }

    fn file_path() -> Option<PathBuf> {
        crate::runner::cache::folder().map(|d| d.join("interpreters.json"))
    }

    fn read() -> File {
        file_path()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|bytes| serde_json::from_slice::<File>(&bytes).ok())
            .filter(|f| f.form == FORM)
            .unwrap_or_default()
    }

    fn args_text(pre_args: &[OsString]) -> Vec<String> {
        pre_args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    fn now_s() -> u64 {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    /// The remembered answer for `program`, if nothing it was read from
    /// has changed since.
    pub fn recall(program: &Path, pre_args: &[OsString]) -> Option<Facts> {
        let args = args_text(pre_args);
        let chooser = Chooser::here(program).describe();
        let entry = read()
            .entries
            .into_iter()
            .find(|e| e.program == program && e.pre_args == args && e.chooser == chooser)?;
        let fresh = entry
            .stamps
            .iter()
            .all(|(path, state)| FileState::of_target(path) == *state);
        let young = !entry.facts.is_script
            || now_s().saturating_sub(entry.asked_at) < SCRIPT_ANSWER_KEPT.as_secs();
        (fresh && young).then_some(entry.facts)
    }

    /// The program and, for a shim, the files version managers choose by,
    /// as they are before the question is asked.
    pub fn stamps_before(program: &Path) -> Vec<(PathBuf, Option<FileState>)> {
        let mut paths = vec![program.to_path_buf()];
        if is_script(program) {
            paths.extend(choosing_files(program));
        }
        paths
            .into_iter()
            .map(|p| {
                let state = FileState::of_target(&p);
                (p, state)
            })
            .collect()
    }

    /// The files pyenv and asdf choose an interpreter by when started
    /// where the question is asked (see `Chooser`): pyenv's global version
    /// file and its installed versions, and a version file in that folder
    /// or above it.
    fn choosing_files(shim: &Path) -> Vec<PathBuf> {
        let text = std::fs::read_to_string(shim).unwrap_or_default();
        let pyenv_root = text
            .split("PYENV_ROOT=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("PYENV_ROOT").map(PathBuf::from));
        let mut files = Vec::new();
        if let Some(root) = pyenv_root {
            files.push(root.join("version"));
            files.push(root.join("versions"));
        }
        let chooser = Chooser::here(shim);
        let pyenv_dir = chooser
            .variables
            .iter()
            .find(|(k, _)| k == "PYENV_DIR")
            .map(|(_, v)| PathBuf::from(v));
        let folders = [Some(chooser.folder), pyenv_dir];
        for dir in folders.iter().flatten().flat_map(|f| f.ancestors()) {
            files.push(dir.join(".python-version"));
            files.push(dir.join(".tool-versions"));
        }
        files
    }

    /// Keeps the answer. Failing to (no cache folder, a read-only home, a
    /// path that is not UTF-8) only means asking again next time.
    pub fn remember(
        program: &Path,
        pre_args: &[OsString],
        mut stamps: Vec<(PathBuf, Option<FileState>)>,
        facts: &Facts,
    ) {
        let Some(path) = file_path() else {
            return;
        };
        // The site folders too: a package installed there with a `.pth`
        // file changes what runs put on `sys.path`.
        for file in [&facts.executable, &facts.real_executable]
            .into_iter()
            .flatten()
            .chain(&facts.site_path)
        {
            stamps.push((file.clone(), FileState::of_target(file)));
        }
        let args = args_text(pre_args);
        let chooser = Chooser::here(program).describe();
        let mut file = read();
        file.form = FORM;
        file.entries
            .retain(|e| !(e.program == program && e.pre_args == args && e.chooser == chooser));
        file.entries.push(Entry {
            program: program.to_path_buf(),
            pre_args: args,
            chooser,
            asked_at: now_s(),
            stamps,
            facts: facts.clone(),
        });
        let extra = file.entries.len().saturating_sub(MOST);
        file.entries.drain(..extra);
        if let Ok(bytes) = serde_json::to_vec_pretty(&file) {
            let _ = crate::runner::cache::keep(&path, &bytes);
        }
    }
}

/// `original` (an interpreter and its arguments) with a shim, a script that
/// picks an interpreter and starts it, replaced by the interpreter it
/// picks, as remembered (see [`facts`]): a run starts Python and nothing
/// else. Anything else is left as it is.
pub fn without_shim(original: Command) -> Command {
    let program = Path::new(original.get_program());
    if !is_script(program) {
        return original;
    }
    match facts(program, &[], Ask::Remembered) {
        Ok(found) if found.is_script => match &found.executable {
            Some(exe) => {
                let mut direct = Command::new(exe);
                direct.args(original.get_args());
                direct
            }
            None => original,
        },
        _ => original,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_read_field_by_field() {
        let out = b"3.11.7\0cpython\0/v/bin/python3\0/opt/py/bin/python3.11\0/v\0/opt/py\0/v\0/opt/py\0/opt/py/lib/python311.zip\0/opt/py/lib/python3.11\0\0/v/lib/python3.11/site-packages\0/src/editable";
        let facts = parse(out, true).unwrap();
        assert_eq!(facts.version.to_string(), "3.11.7");
        assert_eq!(facts.version.implementation, "cpython");
        assert_eq!(facts.executable, Some(PathBuf::from("/v/bin/python3")));
        assert_eq!(
            facts.real_executable,
            Some(PathBuf::from("/opt/py/bin/python3.11"))
        );
        // The four prefixes and sys.path, up to the empty field; then what
        // `site` adds.
        assert_eq!(facts.folders.len(), 6);
        assert_eq!(
            facts.site_path,
            [
                PathBuf::from("/v/lib/python3.11/site-packages"),
                PathBuf::from("/src/editable")
            ]
        );
        assert!(facts.is_script);
    }

    /// The question itself, asked of the interpreter the tests run on:
    /// `site`'s folders come back apart from the others, and what a `.pth`
    /// file prints as `site` runs stays out of the answer.
    #[test]
    fn the_interpreter_names_its_site_folders_and_a_pth_cannot_garble_the_answer() {
        let Ok(python) = crate::runner::python::find(None) else {
            eprintln!("no Python: skipped");
            return;
        };
        let Ok(real) = python.facts(Ask::Remembered) else {
            panic!("the interpreter did not answer");
        };
        let exe = real.executable.clone().expect("an executable");
        let venv = tempfile::tempdir().unwrap();
        let made = Command::new(&exe)
            .args(["-m", "venv", "--without-pip"])
            .arg(venv.path())
            .status()
            .unwrap();
        assert!(made.success());
        let python_in_venv = venv.path().join("bin/python");
        let site_packages = venv.path().join(format!(
            "lib/python{}.{}/site-packages",
            real.version.major, real.version.minor
        ));
        std::fs::write(
            site_packages.join("noisy.pth"),
            "import sys; sys.stdout.write('noise\\0' * 3)\n",
        )
        .unwrap();
        let facts = ask_now(&python_in_venv, &[]).unwrap();
        assert_eq!(facts.version, real.version);
        assert_eq!(facts.site_path, std::slice::from_ref(&site_packages));
        assert!(!facts.folders.contains(&site_packages), "{facts:?}");
    }

    #[test]
    fn something_else_is_not_an_answer() {
        assert_eq!(parse(b"", false), None);
        assert_eq!(parse(b"hello world\n", false), None);
        // Python without an executable it can name still has a version.
        let facts = parse(b"2.7.18\0unknown\0\0\0/usr\0/usr\0/usr\0/usr", false).unwrap();
        assert_eq!(facts.executable, None);
        assert_eq!(facts.version.to_string(), "2.7.18");
    }
}
