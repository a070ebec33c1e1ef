//! What the runner tells the sandbox helper, written as command-line
//! arguments. The helper is pykata's own binary started again with
//! [`EXEC_ARG`] (or [`PROBE_ARG`] for `pykata doctor`) as its first argument;
//! `main` hands such a process to the sandbox before clap sees it.
//!
//! Arguments rather than environment variables: the program the helper starts
//! inherits its environment, and a learner's program must see only the
//! allow-listed variables.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// First argument of a helper that applies the layers and starts a program.
pub const EXEC_ARG: &str = "__pykata-sandbox-exec";
/// First argument of a helper that applies the layers and reports them.
pub const PROBE_ARG: &str = "__pykata-sandbox-probe";
/// The helper's exit code when it could not start the program; its stderr
/// then starts with [`FAILURE_PREFIX`].
pub const HELPER_FAILED: i32 = 125;
pub const FAILURE_PREFIX: &str = "pykata sandbox: ";

/// Everything the helper applies before it starts the interpreter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelperConfig {
    /// The runner's process id: the helper dies with it, and the seccomp
    /// filter refuses signals to it.
    pub runner_pid: u32,
    /// The runner's process group (signals to the whole group are refused).
    pub runner_pgid: u32,
    /// RLIMIT_CPU in seconds (0: leave as is).
    pub cpu_s: u64,
    /// RLIMIT_AS in bytes (0: leave as is).
    pub memory: u64,
    /// RLIMIT_FSIZE in bytes (0: leave as is).
    pub file_size: u64,
    /// RLIMIT_NOFILE (0: leave as is).
    pub open_files: u64,
    /// RLIMIT_NPROC, applied only inside a fresh user namespace (0: none).
    pub nproc: u64,
    /// Enter a new user and network namespace.
    pub namespaces: bool,
    /// Apply Landlock with the paths below.
    pub landlock: bool,
    /// Install the seccomp filter.
    pub seccomp: bool,
    /// Let the program create processes (a kata's `limits: {processes: true}`).
    pub allow_processes: bool,
    /// Readable (and executable) folders and files.
    pub read_only: Vec<PathBuf>,
    /// Folders and files the program may change: the work dir, /dev/null.
    pub read_write: Vec<PathBuf>,
    /// Folders hidden behind an empty mount in the mount namespace (the home
    /// folders, /run): where sockets to the rest of the system live.
    pub hide: Vec<PathBuf>,
    /// The program to execute and its arguments (exec mode only).
    pub program: Option<PathBuf>,
    pub args: Vec<OsString>,
}

impl HelperConfig {
    /// The arguments that follow [`EXEC_ARG`] or [`PROBE_ARG`].
    pub fn to_args(&self) -> Vec<OsString> {
        let mut out: Vec<OsString> = Vec::new();
        let mut num = |name: &str, value: u64| {
            out.push(name.into());
            out.push(value.to_string().into());
        };
        num("--runner", u64::from(self.runner_pid));
        num("--runner-group", u64::from(self.runner_pgid));
        num("--cpu", self.cpu_s);
        num("--memory", self.memory);
        num("--file-size", self.file_size);
        num("--open-files", self.open_files);
        num("--nproc", self.nproc);
        for (flag, on) in [
            ("--namespaces", self.namespaces),
            ("--landlock", self.landlock),
            ("--seccomp", self.seccomp),
            ("--processes", self.allow_processes),
        ] {
            if on {
                out.push(flag.into());
            }
        }
        for p in &self.read_only {
            out.push("--ro".into());
            out.push(p.clone().into());
        }
        for p in &self.read_write {
            out.push("--rw".into());
            out.push(p.clone().into());
        }
        for p in &self.hide {
            out.push("--hide".into());
            out.push(p.clone().into());
        }
        if let Some(program) = &self.program {
            out.push("--exec".into());
            out.push(program.clone().into());
            out.push("--".into());
            out.extend(self.args.iter().cloned());
        }
        out
    }

    /// Reads what [`HelperConfig::to_args`] wrote.
    pub fn from_args<I: IntoIterator<Item = OsString>>(args: I) -> Result<HelperConfig, String> {
        let mut cfg = HelperConfig::default();
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            let name = arg.to_string_lossy().into_owned();
            let mut value = || it.next().ok_or_else(|| format!("`{name}` needs a value"));
            match name.as_str() {
                "--runner" => cfg.runner_pid = number(&value()?)? as u32,
                "--runner-group" => cfg.runner_pgid = number(&value()?)? as u32,
                "--cpu" => cfg.cpu_s = number(&value()?)?,
                "--memory" => cfg.memory = number(&value()?)?,
                "--file-size" => cfg.file_size = number(&value()?)?,
                "--open-files" => cfg.open_files = number(&value()?)?,
                "--nproc" => cfg.nproc = number(&value()?)?,
                "--namespaces" => cfg.namespaces = true,
                "--landlock" => cfg.landlock = true,
                "--seccomp" => cfg.seccomp = true,
                "--processes" => cfg.allow_processes = true,
                "--ro" => cfg.read_only.push(value()?.into()),
                "--rw" => cfg.read_write.push(value()?.into()),
                "--hide" => cfg.hide.push(value()?.into()),
                "--exec" => {
                    cfg.program = Some(value()?.into());
                    match it.next() {
                        Some(sep) if sep == "--" => {}
                        _ => return Err("`--exec PROGRAM` must be followed by `--`".into()),
                    }
                    cfg.args = it.by_ref().collect();
                }
                other => return Err(format!("unknown helper argument `{other}`")),
            }
        }
        Ok(cfg)
    }
}

fn number(text: &OsStr) -> Result<u64, String> {
    text.to_str()
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| format!("`{}` is not a number", text.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_round_trip() {
        let cfg = HelperConfig {
            runner_pid: 42,
            runner_pgid: 41,
            cpu_s: 6,
            memory: 512 << 20,
            file_size: 16 << 20,
            open_files: 256,
            nproc: 128,
            namespaces: true,
            landlock: true,
            seccomp: false,
            allow_processes: true,
            read_only: vec!["/usr".into(), "/etc/passwd".into()],
            read_write: vec!["/tmp/pykata-run-x".into()],
            hide: vec!["/run".into(), "/home".into()],
            program: Some("/usr/bin/python3".into()),
            args: vec!["-u".into(), "--".into(), "--ro".into()],
        };
        let back = HelperConfig::from_args(cfg.to_args()).unwrap();
        assert_eq!(back, cfg);
    }

    #[test]
    fn probe_has_no_program() {
        let cfg = HelperConfig {
            seccomp: true,
            ..HelperConfig::default()
        };
        let back = HelperConfig::from_args(cfg.to_args()).unwrap();
        assert_eq!(back.program, None);
        assert!(back.seccomp);
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(HelperConfig::from_args(["--cpu".into()]).is_err());
        assert!(HelperConfig::from_args(["--cpu".into(), "x".into()]).is_err());
        assert!(HelperConfig::from_args(["--what".into()]).is_err());
        assert!(HelperConfig::from_args(["--exec".into(), "p".into()]).is_err());
    }
}
