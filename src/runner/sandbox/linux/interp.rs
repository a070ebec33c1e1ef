//! Where an interpreter keeps its files, so Landlock can let it read them and
//! nothing else, and which binary to execute. Derived from what the
//! interpreter said of itself (`python::facts`, asked once and remembered).

use std::path::{Path, PathBuf};

use crate::runner::python::{facts, Ask};

/// What the sandbox needs to know about one interpreter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interp {
    /// What the helper executes: the program itself, or, when the program is
    /// a script (a pyenv or asdf shim), the interpreter the script starts.
    pub exec: PathBuf,
    /// Folders to make readable: prefixes, the executable's folder, sys.path.
    pub dirs: Vec<PathBuf>,
}

/// The interpreter behind `program`, or why it could not be asked. (Only
/// Windows' `py -3` has arguments before ours, so none are asked with.)
pub fn lookup(program: &Path) -> Result<Interp, String> {
    let facts = facts::facts(program, &[], Ask::Remembered)?;
    let Some(executable) = facts.executable.clone() else {
        return Err(format!(
            "{} did not say where its files are",
            program.display()
        ));
    };
    let mut dirs = Vec::new();
    for exe in [Some(&executable), facts.real_executable.as_ref()]
        .into_iter()
        .flatten()
    {
        if let Some(dir) = exe.parent() {
            dirs.push(dir.to_path_buf());
        }
    }
    dirs.extend(facts.folders.iter().cloned());
    // A venv's interpreter reads its `pyvenv.cfg` as it starts, and its
    // packages after: the question is asked without `site` (-S), so it names
    // only the base interpreter's folders. Grant the venv's own folder too,
    // or an activated venv's python3 cannot start inside the sandbox.
    dirs.extend(venv_root(&executable));
    dirs.retain(|d| acceptable(d));
    dirs.sort();
    dirs.dedup();
    let exec = if facts.is_script {
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
