//! The venv pykata's binary was installed into (by pipx, `uv tool` or pip),
//! and the interpreter that venv was made with.

use std::path::{Path, PathBuf};

/// A Python virtual environment: a folder with `pyvenv.cfg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Venv {
    pub root: PathBuf,
}

/// Where a venv keeps its programs.
const BIN: &str = if cfg!(windows) { "Scripts" } else { "bin" };

impl Venv {
    /// The venv whose programs folder holds `exe` (`<venv>/bin/pykata`,
    /// `<venv>\Scripts\pykata.exe`), if it is one. pipx and `uv tool` put a
    /// symlink on PATH; `exe` is the running binary's own path
    /// (`current_exe`, symlinks resolved), so the link leads here too.
    pub fn holding(exe: &Path) -> Option<Venv> {
        let bin = exe.parent()?;
        if bin.file_name()? != BIN {
            return None;
        }
        let root = bin.parent()?;
        root.join("pyvenv.cfg").is_file().then(|| Venv {
            root: root.to_path_buf(),
        })
    }

    /// The interpreter the venv was made from: the `home` folder its
    /// pyvenv.cfg names, else the venv's own `python` with its symlinks
    /// resolved. Not `<venv>/bin/python` itself: pykata runs learners' code
    /// with `-s` and needs nothing installed in the venv, and an interpreter
    /// started from there finds its standard library only through
    /// pyvenv.cfg, which the sandbox's mount namespace can hide (a venv
    /// under a home folder); a venv made with `--copies` (or on Windows)
    /// then does not start at all.
    pub fn interpreter(&self) -> Option<PathBuf> {
        let cfg = std::fs::read_to_string(self.root.join("pyvenv.cfg")).unwrap_or_default();
        let value = |key: &str| {
            cfg.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| v.trim().to_string())
            })
        };
        let names = interpreter_names(value("version_info").or_else(|| value("version")));
        if let Some(home) = value("home").map(PathBuf::from) {
            if let Some(found) = names.iter().map(|n| home.join(n)).find(|p| p.is_file()) {
                return Some(found);
            }
        }
        let own = names
            .iter()
            .map(|n| self.root.join(BIN).join(n))
            .find(|p| p.is_file())?;
        Some(own.canonicalize().unwrap_or(own))
    }
}

/// The file names an interpreter of `version` ("3.12.1") goes by, the most
/// precise first: `python3.12`, `python3`, `python`.
fn interpreter_names(version: Option<String>) -> Vec<String> {
    if cfg!(windows) {
        return vec!["python.exe".into()];
    }
    let mut names = Vec::new();
    if let Some(version) = version {
        let mut parts = version.split('.');
        if let (Some(major), Some(minor)) = (parts.next(), parts.next()) {
            names.push(format!("python{major}.{minor}"));
        }
    }
    names.extend(["python3".into(), "python".into()]);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_outside_a_venv_has_none() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("bin")).unwrap();
        assert_eq!(Venv::holding(&dir.path().join("bin/pykata")), None);
    }

    #[cfg(unix)]
    #[test]
    fn the_interpreter_is_the_one_pyvenv_cfg_names() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("base/bin");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(home.join("python3.12"), "").unwrap();
        std::fs::write(home.join("python3"), "").unwrap();
        let venv = dir.path().join("venv");
        std::fs::create_dir_all(venv.join("bin")).unwrap();
        std::fs::write(
            venv.join("pyvenv.cfg"),
            format!(
                "home = {}\ninclude-system-site-packages = false\nversion_info = 3.12.1\n",
                home.display()
            ),
        )
        .unwrap();
        let found = Venv::holding(&venv.join("bin/pykata")).expect("a venv");
        assert_eq!(found.root, venv);
        assert_eq!(found.interpreter(), Some(home.join("python3.12")));
    }
}
