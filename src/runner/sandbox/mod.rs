//! The sandbox layers around a run.
//!
//! - The portable layer (every OS) lives in runner::process: a fresh work
//!   dir, a cleared environment, the wall clock, output and disk caps, and the
//!   whole process group killed however the run ends. On Unix the program also
//!   gets a session of its own and resource limits (unix.rs).
//! - On Linux the extras are applied in a helper: pykata's own binary started
//!   again with a hidden first argument, which `main` hands to [`main_hook`]
//!   before anything else runs. Still single-threaded, it applies resource
//!   limits, user, network and mount namespaces, Landlock and seccomp, then
//!   replaces itself with the interpreter (linux/helper.rs). Every layer is
//!   best effort and `pykata doctor` reports which are active.
//! - On Linux the runner is also a child subreaper and sweeps, after every
//!   run, whatever the run left behind outside its group (linux/sweep.rs).
//!
//! What a learner's program can and cannot do, per OS, is in docs/sandbox.md.

pub mod config;

/// Open files a run may hold, with or without the Linux extras.
pub const OPEN_FILES: u64 = 256;

#[cfg(target_os = "linux")]
mod linux;
#[cfg(unix)]
mod unix;

use super::Limits;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// One protection layer and whether this machine has it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Layer {
    pub name: &'static str,
    pub state: LayerState,
    /// What it does, or why it is missing.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerState {
    Active,
    Unavailable,
    NotApplicable,
}

/// What a learner gives up by turning the extras off; shown when they do.
pub const EXTRAS_OFF_WARNING: &str = "sandbox extras are off (--no-sandbox-extras): \
programs you run can read and change your files, use the network, start processes \
and signal your other programs; only the time, output, memory and file-size limits \
and the process-group kill remain.";

static EXTRAS: AtomicBool = AtomicBool::new(true);
static MAIN_HOOKED: AtomicBool = AtomicBool::new(false);
static HELPER: Mutex<Option<PathBuf>> = Mutex::new(None);

thread_local! {
    static EXTRAS_HERE: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Call first thing in `main`, before parsing the command line. In a helper
/// process (pykata started again by the runner) it applies the sandbox and
/// becomes the learner's program, never returning. Otherwise it notes that
/// this binary can serve as its own helper and returns.
pub fn main_hook() {
    #[cfg(target_os = "linux")]
    {
        let mut args = std::env::args_os().skip(1);
        if let Some(first) = args.next() {
            linux::hook(&first, args);
        }
    }
    MAIN_HOOKED.store(true, Ordering::Relaxed);
}

/// Turns the Linux extras (namespaces, Landlock, seccomp) on or off for every
/// later run of this process: `--no-sandbox-extras`.
pub fn set_extras(enabled: bool) {
    EXTRAS.store(enabled, Ordering::Relaxed);
}

/// Whether runs started from this thread get the Linux extras.
pub fn extras_enabled() -> bool {
    EXTRAS_HERE
        .with(Cell::get)
        .unwrap_or_else(|| EXTRAS.load(Ordering::Relaxed))
}

/// Runs `f` with the extras on or off for runs started from this thread
/// only (tests compare both in one process).
pub fn with_extras<T>(enabled: bool, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<bool>);
    impl Drop for Restore {
        fn drop(&mut self) {
            EXTRAS_HERE.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(EXTRAS_HERE.with(|c| c.replace(Some(enabled))));
    f()
}

/// Names the pykata binary to start as the helper. Only needed where the
/// library runs inside another program (tests, benchmarks): pykata's own
/// binary is its own helper once `main` has called [`main_hook`].
pub fn set_helper(program: impl Into<PathBuf>) {
    *HELPER.lock().unwrap_or_else(|e| e.into_inner()) = Some(program.into());
}

/// The program that serves as the helper, if there is one.
pub fn helper() -> Option<PathBuf> {
    if let Some(p) = HELPER.lock().unwrap_or_else(|e| e.into_inner()).clone() {
        return Some(p);
    }
    if !MAIN_HOOKED.load(Ordering::Relaxed) {
        return None;
    }
    // /proc/self/exe still starts this binary if it was replaced on disk.
    let proc_exe = Path::new("/proc/self/exe");
    if cfg!(target_os = "linux") && proc_exe.exists() {
        Some(proc_exe.to_path_buf())
    } else {
        std::env::current_exe().ok()
    }
}

/// The command that runs `original` (an interpreter with its arguments)
/// under `limits` in `workdir`, with every layer this system offers. The
/// caller sets the environment, working folder and standard streams on the
/// result, and spawns it with [`spawn`].
pub fn prepare(original: Command, limits: &Limits, workdir: &Path) -> Command {
    #[cfg(target_os = "linux")]
    if extras_enabled() {
        if let Some(helper) = helper() {
            return linux::wrap(&original, limits, workdir, &helper);
        }
    }
    let _ = workdir;
    #[allow(unused_mut)]
    let mut cmd = crate::runner::python::facts::without_shim(original);
    #[cfg(unix)]
    unix::prepare(&mut cmd, limits);
    #[cfg(not(unix))]
    let _ = limits;
    cmd
}

/// Starts a prepared command as the leader of a run.
pub fn spawn(cmd: &mut Command) -> std::io::Result<Child> {
    #[cfg(target_os = "linux")]
    return linux::sweep::spawn(cmd);
    #[cfg(not(target_os = "linux"))]
    cmd.spawn()
}

/// Waits for a run's leader to end: at once when it does (Linux), else
/// after a short pause; either way a limit, a cancel or the end of the run
/// is looked at again within `most`.
pub struct ExitWatch {
    #[cfg(target_os = "linux")]
    pidfd: Option<std::os::fd::OwnedFd>,
    #[cfg(target_os = "linux")]
    leader: u32,
}

impl ExitWatch {
    pub fn new(leader: u32) -> ExitWatch {
        #[cfg(target_os = "linux")]
        return ExitWatch {
            pidfd: linux::exit_watch::open(leader),
            leader,
        };
        #[cfg(not(target_os = "linux"))]
        {
            let _ = leader;
            ExitWatch {}
        }
    }

    /// Whether the leader may have ended, and then the CPU time it used
    /// (its threads, and the processes it started and waited for) where
    /// that can be read: `None` only when it is known to be running (Linux
    /// asks without reaping it); elsewhere it may have ended at any time,
    /// CPU unknown.
    pub fn ended(&self) -> Option<Option<std::time::Duration>> {
        #[cfg(target_os = "linux")]
        return linux::exit_watch::ended(self.leader);
        #[cfg(not(target_os = "linux"))]
        Some(None)
    }

    /// Whether the end is seen as it happens (else only after a pause).
    pub fn immediate(&self) -> bool {
        #[cfg(target_os = "linux")]
        return self.pidfd.is_some();
        #[cfg(not(target_os = "linux"))]
        false
    }

    /// Returns when the leader has ended (if that is seen at once), or
    /// after `most`.
    pub fn wait(&self, most: std::time::Duration) {
        #[cfg(target_os = "linux")]
        if let Some(fd) = &self.pidfd {
            return linux::exit_watch::wait(fd, most);
        }
        std::thread::sleep(most);
    }
}

/// Called once the run's leader has been reaped and its group killed:
/// removes whatever the run (working in `workdir`) left outside its group
/// (Linux). Returns how many processes that killed.
pub fn finish(leader: u32, workdir: &Path) -> usize {
    #[cfg(target_os = "linux")]
    return linux::sweep::finish(leader, workdir);
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (leader, workdir);
        0
    }
}

/// The message of a helper that could not start the program, if `stderr`
/// and `code` are one.
pub fn helper_failure(code: i32, stderr: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(stderr);
    (code == config::HELPER_FAILED)
        .then(|| text.strip_prefix(config::FAILURE_PREFIX))
        .flatten()
        .map(|m| m.trim().to_string())
}

/// The layers as they apply on this machine, for `pykata doctor`.
pub fn layers() -> Vec<Layer> {
    let mut layers = vec![Layer {
        name: "portable",
        state: LayerState::Active,
        detail: "fresh work dir, cleared environment, wall-clock limit, output and disk caps, \
                 the whole process group killed after every run"
            .into(),
    }];
    #[cfg(unix)]
    layers.push(unix::layer());
    #[cfg(not(unix))]
    layers.push(Layer {
        name: "resource limits",
        state: LayerState::NotApplicable,
        detail: "CPU, memory and file-size limits need Unix rlimits; the wall clock still applies"
            .into(),
    });
    #[cfg(target_os = "linux")]
    layers.extend(linux::layers(helper().as_deref()));
    #[cfg(not(target_os = "linux"))]
    for name in [
        "process sweep",
        "user namespace",
        "network namespace",
        "mount namespace",
        "private /tmp",
        "landlock filesystem",
        "landlock network",
        "landlock scopes",
        "seccomp",
    ] {
        layers.push(Layer {
            name,
            state: LayerState::NotApplicable,
            detail: "Linux only; see docs/sandbox.md for what this system lacks".into(),
        });
    }
    layers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helper_failures_are_recognised() {
        let msg = format!("{}could not start /x: No such file", config::FAILURE_PREFIX);
        assert_eq!(
            helper_failure(config::HELPER_FAILED, msg.as_bytes()).as_deref(),
            Some("could not start /x: No such file")
        );
        assert_eq!(helper_failure(1, msg.as_bytes()), None);
        assert_eq!(helper_failure(config::HELPER_FAILED, b"Traceback"), None);
    }

    #[test]
    fn extras_can_be_turned_off_for_one_thread() {
        let before = extras_enabled();
        with_extras(!before, || assert_eq!(extras_enabled(), !before));
        assert_eq!(extras_enabled(), before);
    }
}
