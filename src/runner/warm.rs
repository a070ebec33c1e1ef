//! The warm runner (issue 15, design (a)): a kata run started before it is
//! needed, with its full sandbox, its own work dir and the harness loaded,
//! blocked until it is handed the learner's file. Starting the interpreter
//! and the harness is most of a run; a run started ahead of time leaves a
//! save only the learner's code and the checks to wait for.
//!
//! Nothing about the sandbox changes: the run is started exactly as a cold
//! one (runner::process::start, the same helper, limits, namespaces,
//! Landlock and seccomp); only its program waits, in the harness, on a FIFO
//! in its work dir (`_pykata_go`) before it reads the spec and imports the
//! learner's file. The wall clock starts when the run is handed its file;
//! the CPU limit, set at start, counts the interpreter's start as a cold
//! run's does.
//!
//! With warm runs on, every kata run takes the run kept ready when it fits
//! (same interpreter and limits), else starts cold, and then has the next
//! one started for the same limits: the interface's next save, or its next
//! kata screen, finds a run waiting. The interface and `watch` turn them on
//! unless `PYKATA_WARM_RUNNER=0` ([`SWITCH`]). `check KATA` starts its one
//! run first thing ([`start_one`]), so the interpreter starts while pykata
//! loads the course; `verify` would only waste the runs it started. Where
//! a warm run cannot start (no FIFOs: not Unix), or dies while it waits,
//! runs start cold.

use super::harness::{self, KataRun, EVENTS_FILE, SPEC_FILE};
use super::process::{self, ProcessOutcome, Running};
use super::python::Interpreter;
use super::workdir::WorkDir;
use super::Limits;
use crate::course::Kata;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The FIFO the harness of a warm run waits on, in its work dir.
const GO_FILE: &str = "_pykata_go";

/// Whether kata runs of this process go through warm runs.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// No more warm runs are prepared in this process: it makes one kata run
/// (see [`start_one`]), or it is ending (see [`discard`]).
static NO_MORE: AtomicBool = AtomicBool::new(false);

/// Held by the pool's thread while it starts a run, so that [`discard`]
/// can wait for a start under way instead of leaving its work dir behind
/// when the process exits.
static STARTING: Mutex<()> = Mutex::new(());

/// The switch the interface and `watch` read: `PYKATA_WARM_RUNNER=0` turns
/// warm runs off, for a system where they misbehave.
pub const SWITCH: &str = "PYKATA_WARM_RUNNER";

/// Whether warm runs are wanted: unless switched off (see [`SWITCH`]) by
/// `0`, `false`, `off` or `no`, the ways people write "off".
pub fn wanted() -> bool {
    std::env::var(SWITCH).map_or(true, |v| !is_off(&v))
}

fn is_off(value: &str) -> bool {
    ["0", "false", "off", "no"]
        .iter()
        .any(|off| value.trim().eq_ignore_ascii_case(off))
}

/// Whether kata runs go through warm runs (see the module's comment).
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Switches warm runs on or off for every later run of this process. A
/// face that turns them on calls [`discard`] before it exits.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether a warm run starts on `python` and waits for its file, or why
/// not (for `doctor`): one is started and ended.
pub fn can_start(python: &Interpreter) -> Result<(), String> {
    let mut run = WarmRun::start(python, Limits::default()).map_err(|e| e.to_string())?;
    // Give it the time to reach its FIFO or to fail.
    std::thread::sleep(Duration::from_millis(200));
    match run.running.as_mut().is_some_and(Running::alive) {
        true => Ok(()),
        false => Err("the run it started ended while it waited".into()),
    }
}

/// Whether this system can start warm runs, or why not.
pub fn availability() -> Result<(), String> {
    if cfg!(unix) {
        Ok(())
    } else {
        Err("warm runs wait on a FIFO, which this system lacks; every run starts cold".into())
    }
}

/// The warm run kept ready for the next kata run of this process. Apart
/// from the pool's thread, so that `check`'s one early run, and taking or
/// discarding a run, start no thread.
static READY: Mutex<Option<WarmRun>> = Mutex::new(None);

/// The thread that starts warm runs for what comes next. Runs are started
/// from that one long-lived thread: the Linux helper asks for its process
/// to be killed when the thread that started it ends (`PR_SET_PDEATHSIG`
/// follows the thread, not the process), so a run started from a
/// short-lived worker would die with it.
struct Pool {
    requests: Mutex<mpsc::Sender<(Interpreter, Limits)>>,
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<(Interpreter, Limits)>();
        let started = std::thread::Builder::new()
            .name("pykata-warm".into())
            .spawn(move || {
                while let Ok((python, limits)) = rx.recv() {
                    let _starting = lock(&STARTING);
                    if NO_MORE.load(Ordering::SeqCst) {
                        continue;
                    }
                    // A failure here only means the next run starts cold.
                    let run = WarmRun::start(&python, limits).ok();
                    // Ended at once (work dir and all) if the process
                    // stopped wanting runs while it started.
                    if NO_MORE.load(Ordering::SeqCst) {
                        continue;
                    }
                    let old = std::mem::replace(&mut *lock(&READY), run);
                    drop(old);
                }
            });
        if started.is_err() {
            set_enabled(false);
        }
        Pool {
            requests: Mutex::new(tx),
        }
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts, on the pool's thread, a warm run for the next kata run on
/// `python` under `limits`, replacing the one kept ready.
pub fn prepare(python: &Interpreter, limits: Limits) {
    if NO_MORE.load(Ordering::SeqCst) {
        return;
    }
    let _ = lock(&pool().requests).send((python.clone(), limits));
}

/// For a process that makes one kata run (`check KATA`): starts it now, on
/// this thread, which outlives it, and keeps it ready, so the interpreter
/// starts while pykata loads the course and reads the learner's file. No
/// run is prepared after it. The caller calls [`discard`] before it exits
/// (a run of a kata with other `limits` is not used, nor one of a kata
/// that does not exist). Nothing is started where warm runs are off.
pub fn start_one(python: &Interpreter, limits: Limits) {
    if !wanted() || availability().is_err() {
        return;
    }
    NO_MORE.store(true, Ordering::SeqCst);
    if let Ok(run) = WarmRun::start(python, limits) {
        *lock(&READY) = Some(run);
        set_enabled(true);
    }
}

/// The warm run kept ready, if it can judge `kata` on `python`; one that
/// cannot is ended.
pub fn take(python: &Interpreter, kata: &Kata) -> Option<WarmRun> {
    let mut ready = lock(&READY).take()?;
    ready.fits(python, kata).then_some(ready)
}

/// Ends warm runs for this process, before it exits (a static is never
/// dropped): the run kept ready and one being started (a run asks for the
/// next one as it ends, even when the watch quits during it) are ended,
/// their work dirs removed, and none is started after.
pub fn discard() {
    NO_MORE.store(true, Ordering::SeqCst);
    set_enabled(false);
    // Waits for a start under way: the pool's thread ends it, seeing
    // NO_MORE.
    let starting = lock(&STARTING);
    let old = lock(&READY).take();
    drop(old);
    drop(starting);
}

/// A kata run started ahead of time, waiting for the learner's file.
/// Dropped unused, its processes are killed and swept and its work dir
/// removed.
pub struct WarmRun {
    running: Option<Running>,
    events_file: std::fs::File,
    /// The interpreter and limits it was started with: a run for another
    /// interpreter or other limits cannot use it.
    program: PathBuf,
    limits: Limits,
    started: Instant,
    // Last: the work dir is removed after the run's processes are gone.
    dir: WorkDir,
}

impl WarmRun {
    /// Starts a run under `limits` that waits for its kata and file.
    pub fn start(python: &Interpreter, limits: Limits) -> std::io::Result<WarmRun> {
        availability().map_err(std::io::Error::other)?;
        let dir = WorkDir::new()?;
        let harness = super::compiled::harness_for(python);
        dir.write(harness.name, &harness.bytes)?;
        let go = dir.path().join(GO_FILE);
        make_fifo(&go)?;
        let events_path = dir.path().join(EVENTS_FILE);
        // As in a cold run: pykata reads the results through this handle,
        // never by name (see harness::run_kata).
        let events_file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&events_path)?;
        let mut command = harness::command(python, dir.path(), harness.name, &events_path);
        command.arg(&go);
        let running = process::start(command, dir.path(), true, limits).map_err(|failed| {
            std::io::Error::other(match failed.ending {
                process::Ending::SpawnFailed(why) => why,
                other => format!("{other:?}"),
            })
        })?;
        Ok(WarmRun {
            running: Some(running),
            events_file,
            program: python.program.clone(),
            limits,
            started: Instant::now(),
            dir,
        })
    }

    /// Whether this run can judge `kata` on `python`: same interpreter and
    /// limits, and still waiting.
    pub fn fits(&mut self, python: &Interpreter, kata: &Kata) -> bool {
        self.program == python.program
            && self.limits == kata.limits
            && self.running.as_mut().is_some_and(Running::alive)
    }

    /// How long ago it was started.
    pub fn age(&self) -> Duration {
        self.started.elapsed()
    }

    /// Hands the run `kata` and the learner's `source`, and waits for it
    /// as a cold run would. An error means nothing ran (the run had died
    /// while it waited): run cold instead.
    pub fn run(
        mut self,
        kata: &Kata,
        source: &str,
        cancel: Option<Arc<AtomicBool>>,
    ) -> std::io::Result<KataRun> {
        let mut running = self
            .running
            .take()
            .ok_or_else(|| std::io::Error::other("the warm run was used already"))?;
        self.dir.write(&kata.file_name, source)?;
        self.dir.write(SPEC_FILE, &harness::spec_bytes(kata)?)?;
        let started = Instant::now();
        if let Err(e) = open_go(&self.dir.path().join(GO_FILE), &mut running, kata.limits) {
            running.abandon();
            return Err(e);
        }
        match kata.stdin.as_deref() {
            Some(input) => running.give_input(input.as_bytes()),
            None => running.close_input(),
        }
        let process: ProcessOutcome = running.supervise(started, cancel);
        Ok(harness::read_run(&mut self.events_file, process))
    }
}

impl Drop for WarmRun {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            running.abandon();
        }
    }
}

/// Opens the run's FIFO for writing and closes it: the harness, blocked
/// reading it, goes on. Opened without blocking, so a harness that has not
/// reached the FIFO yet (still starting) is waited for, and one that died
/// is noticed, within the run's wall limit.
#[cfg(unix)]
fn open_go(path: &std::path::Path, running: &mut Running, limits: Limits) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let deadline = Instant::now() + limits.wall();
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc_nonblock())
            .open(path)
        {
            Ok(file) => {
                drop(file);
                return Ok(());
            }
            // No reader yet (ENXIO): the harness is still starting.
            Err(e) if e.raw_os_error() == Some(NO_READER) => {
                if !running.alive() || Instant::now() >= deadline {
                    return Err(std::io::Error::other(
                        "the warm run ended before it was handed the learner's file",
                    ));
                }
                std::thread::sleep(Duration::from_micros(300));
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(not(unix))]
fn open_go(_: &std::path::Path, _: &mut Running, _: Limits) -> std::io::Result<()> {
    Err(std::io::Error::other("warm runs need Unix"))
}

/// ENXIO: a FIFO opened for writing without blocking has no reader.
#[cfg(unix)]
const NO_READER: i32 = nix::errno::Errno::ENXIO as i32;

#[cfg(unix)]
fn libc_nonblock() -> i32 {
    nix::fcntl::OFlag::O_NONBLOCK.bits()
}

#[cfg(unix)]
fn make_fifo(path: &std::path::Path) -> std::io::Result<()> {
    nix::unistd::mkfifo(
        path,
        nix::sys::stat::Mode::S_IRUSR | nix::sys::stat::Mode::S_IWUSR,
    )
    .map_err(std::io::Error::from)
}

#[cfg(not(unix))]
fn make_fifo(_: &std::path::Path) -> std::io::Result<()> {
    Err(std::io::Error::other("warm runs need Unix"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_of_writing_off_switch_warm_runs_off() {
        for off in ["0", "false", "OFF", " no "] {
            assert!(is_off(off), "{off}");
        }
        for on in ["1", "", "yes", "true"] {
            assert!(!is_off(on), "{on}");
        }
    }
}
