//! Where an interpreter keeps its files, so Landlock can let it read them and
//! nothing else. Asked once per interpreter and cached: one extra start of
//! Python the first time a process runs code.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::runner::process::{stdout_within, AskError};

/// What the sandbox needs to know about one interpreter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interp {
    /// What the helper executes: the program itself, or, when the program is
    /// a script (a pyenv or asdf shim), the interpreter the script starts.
    pub exec: PathBuf,
    /// Folders to make readable: prefixes, the executable's folder, sys.path.
    pub dirs: Vec<PathBuf>,
}

const PROBE: &str = "import os, sys\n\
sys.stdout.write('\\0'.join([sys.executable, os.path.realpath(sys.executable), sys.prefix, \
sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix] + sys.path))";

type Found = Result<Arc<Interp>, String>;

/// The interpreter behind `program`, or why it could not be asked.
pub fn lookup(program: &Path) -> Found {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Interp>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(program) {
        return Ok(found.clone());
    }
    let found = probe(program).map(Arc::new);
    // Only an answer is remembered: a probe that failed (a timeout on a busy
    // machine) is asked again by the next run instead of leaving every later
    // run of this process without Landlock.
    if let Ok(interp) = &found {
        cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(program.to_path_buf(), interp.clone());
    }
    found
}

fn probe(program: &Path) -> Result<Interp, String> {
    // The same cleared environment and kind of folder as a run, so a shim
    // picks the same interpreter it would pick for the run.
    let mut cmd = Command::new(program);
    cmd.args(["-I", "-S", "-c", PROBE])
        .env_clear()
        .env("LANG", "C.UTF-8")
        .current_dir(std::env::temp_dir());
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    let out = stdout_within(&mut cmd, Duration::from_secs(20)).map_err(|e| match e {
        AskError::Spawn(e) => format!("could not start {}: {e}", program.display()),
        AskError::TimedOut => format!("{} did not answer where its files are", program.display()),
    })?;
    let parts: Vec<&[u8]> = out.split(|b| *b == 0).collect();
    if parts.len() < 6 || parts[0].is_empty() {
        return Err(format!(
            "{} did not say where its files are",
            program.display()
        ));
    }
    let path = |bytes: &[u8]| PathBuf::from(OsStr::from_bytes(bytes));
    let executable = path(parts[0]);
    let mut dirs = Vec::new();
    for exe in [&executable, &path(parts[1])] {
        if let Some(dir) = exe.parent() {
            dirs.push(dir.to_path_buf());
        }
    }
    dirs.extend(parts[2..].iter().map(|p| path(p)));
    // A venv's interpreter reads its `pyvenv.cfg` as it starts, and its
    // packages after: the probe runs without `site` (-S), so it names only
    // the base interpreter's folders. Grant the venv's own folder too, or an
    // activated venv's python3 cannot start inside the sandbox.
    dirs.extend(venv_root(&executable));
    dirs.retain(|d| acceptable(d));
    dirs.sort();
    dirs.dedup();
    let exec = if is_script(program) {
        executable
    } else {
        program.to_path_buf()
    };
    Ok(Interp { exec, dirs })
}

/// The venv `executable` belongs to: the folder holding `pyvenv.cfg`,
/// beside the executable or one level up, where Python looks for it.
fn venv_root(executable: &Path) -> Option<PathBuf> {
    let bin = executable.parent()?;
    [Some(bin), bin.parent()]
        .into_iter()
        .flatten()
        .find(|dir| dir.join("pyvenv.cfg").is_file())
        .map(Path::to_path_buf)
}

/// A script (`#!`) rather than a binary: pyenv, asdf and similar shims.
fn is_script(program: &Path) -> bool {
    let mut head = [0u8; 2];
    std::fs::File::open(program)
        .and_then(|mut f| f.read_exact(&mut head))
        .map(|()| &head == b"#!")
        .unwrap_or(false)
}

/// Never grant a folder that would open up the learner's files: the root,
/// their home or one of its parents, the temp folder, a relative path.
fn acceptable(dir: &Path) -> bool {
    if !dir.is_absolute() || dir.parent().is_none() {
        return false;
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        if home.starts_with(dir) {
            return false;
        }
    }
    let tmp = std::env::temp_dir();
    if tmp.starts_with(dir) || dir == Path::new("/tmp") || dir == Path::new("/var/tmp") {
        return false;
    }
    dir.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_venv_is_found_beside_its_interpreter_or_one_level_up() {
        let dir = tempfile::tempdir().unwrap();
        let venv = dir.path().join("venv");
        std::fs::create_dir_all(venv.join("bin")).unwrap();
        assert_eq!(venv_root(&venv.join("bin/python3")), None);
        std::fs::write(venv.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
        assert_eq!(venv_root(&venv.join("bin/python3")), Some(venv.clone()));
        std::fs::write(venv.join("bin/pyvenv.cfg"), "home = /usr/bin\n").unwrap();
        assert_eq!(venv_root(&venv.join("bin/python3")), Some(venv.join("bin")));
    }

    #[test]
    fn broad_folders_are_refused() {
        assert!(!acceptable(Path::new("/")));
        assert!(!acceptable(Path::new("relative")));
        assert!(!acceptable(Path::new("/tmp")));
        assert!(acceptable(Path::new("/usr")));
        if let Some(home) = std::env::var_os("HOME") {
            assert!(!acceptable(Path::new(&home)));
        }
    }
}
