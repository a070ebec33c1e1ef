//! Spawning one interpreter run: the sandbox's command (runner::sandbox),
//! cleared environment, stdin, concurrent capture of stdout and stderr with a
//! cap, the wall clock, the disk cap on the work dir, and killing the whole
//! process group however the run ends, then sweeping what left it (Linux).

use super::Limits;

/// Bytes of each stream kept for display and judging; the rest is counted.
pub const KEPT_OUTPUT_BYTES: usize = 64 * 1024;
use super::sandbox;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// One captured stream: the head that was kept and how much there was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captured {
    pub kept: Vec<u8>,
    pub total: u64,
}

impl Captured {
    pub fn truncated(&self) -> bool {
        self.total > self.kept.len() as u64
    }

    /// The kept text, made safe to display.
    pub fn display(&self) -> String {
        crate::sanitize::for_display(&self.kept)
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The interpreter exited with this code.
    Exited(i32),
    /// A signal ended it (Unix): its number and name.
    Signalled(i32, String),
    /// The wall clock ran out; the group was killed.
    TimedOut,
    /// A stream went past the output limit; the group was killed.
    OutputLimit(&'static str),
    /// It could not be started at all.
    SpawnFailed(String),
}

/// What a run gave back; dropping it loses the verdict's evidence.
#[derive(Debug, Clone)]
#[must_use]
pub struct ProcessOutcome {
    pub stdout: Captured,
    pub stderr: Captured,
    pub ending: Ending,
    pub elapsed: Duration,
    /// The CPU time the run used, where it could be read (Linux): how
    /// much of `elapsed` it computed rather than waited.
    pub cpu: Option<Duration>,
}

/// What to run and under which limits.
pub struct Spawn<'a> {
    pub command: Command,
    pub workdir: &'a Path,
    pub stdin: Option<&'a [u8]>,
    pub limits: Limits,
    /// Set from another thread to stop the run early (the interface's Esc).
    pub cancel: Option<Arc<AtomicBool>>,
}

/// The variables a run sees. Everything else is dropped.
fn environment(workdir: &Path) -> Vec<(OsString, OsString)> {
    let tmp = workdir.join(super::workdir::TMP);
    let mut env: Vec<(OsString, OsString)> = vec![
        ("HOME".into(), workdir.into()),
        ("TMPDIR".into(), tmp.clone().into()),
        ("PYTHONHASHSEED".into(), "0".into()),
        ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
        ("PYTHONUTF8".into(), "1".into()),
        ("MALLOC_ARENA_MAX".into(), "2".into()),
        // Keeps webbrowser.open and friends from finding a browser.
        ("BROWSER".into(), "true".into()),
    ];
    env.extend(probe_environment());
    if cfg!(windows) {
        env.push(("TEMP".into(), tmp.clone().into()));
        env.push(("TMP".into(), tmp.into()));
    }
    env
}

/// The variables that choose and start an interpreter, which a run and a
/// question asked of the interpreter (its version, its folders) share, so
/// that a shim picks the same interpreter for both.
pub fn probe_environment() -> Vec<(OsString, OsString)> {
    let mut env: Vec<(OsString, OsString)> = vec![("LANG".into(), "C.UTF-8".into())];
    if let Some(path) = std::env::var_os("PATH") {
        env.push(("PATH".into(), path));
    }
    if cfg!(windows) {
        for key in ["SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "PATHEXT", "COMSPEC"] {
            if let Some(v) = std::env::var_os(key) {
                env.push((key.into(), v));
            }
        }
    }
    env
}

/// Bytes the work dir may hold, as a multiple of the file-size limit.
pub const DISK_FACTOR: u64 = 4;
/// Files and folders the work dir may hold.
pub const DISK_ENTRIES: u64 = 5_000;
/// How often the work dir is measured while a run goes on.
const DISK_EVERY: Duration = Duration::from_millis(100);

/// The stream name `Ending::OutputLimit` carries when the work dir grew past
/// its cap rather than stdout or stderr.
pub const DISK_STREAM: &str = "disk";

/// The streams read from a run, in the order of their reader threads.
const STREAMS: [&str; 2] = ["stdout", "stderr"];

/// Runs the command to completion, a limit, or cancellation.
pub fn run(spawn: Spawn<'_>) -> ProcessOutcome {
    let Spawn {
        command,
        workdir,
        stdin,
        limits,
        cancel,
    } = spawn;
    let started = Instant::now();
    match start(command, workdir, stdin.is_some(), limits) {
        Ok(mut running) => {
            if let Some(input) = stdin {
                running.give_input(input);
            }
            running.supervise(started, cancel)
        }
        Err(failed) => *failed,
    }
}

/// A run started and not yet supervised: a warm run (runner::warm) waits
/// like this, its interpreter started and blocked, until it is handed the
/// learner's file.
pub struct Running {
    child: Child,
    workdir: std::path::PathBuf,
    limits: Limits,
    over_limit: Arc<AtomicU8>,
    streams: mpsc::Receiver<(usize, Captured)>,
}

/// Starts `command` in its sandbox (runner::sandbox) with a cleared
/// environment, in `workdir`, its output read from now on. With
/// `piped_stdin` its input is a pipe given by [`Running::give_input`],
/// else nothing (end of file at once). A run that cannot start is its
/// outcome already.
pub fn start(
    command: Command,
    workdir: &Path,
    piped_stdin: bool,
    limits: Limits,
) -> Result<Running, Box<ProcessOutcome>> {
    let started = Instant::now();
    // The sandbox may swap the command for its helper (Linux) or add the
    // Unix limits; its own session and process group come with either.
    let mut command = sandbox::prepare(command, &limits, workdir);
    command
        .current_dir(workdir)
        .env_clear()
        .envs(environment(workdir))
        .stdin(if piped_stdin {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());

    let mut child = match sandbox::spawn(&mut command) {
        Ok(c) => c,
        Err(e) => {
            return Err(Box::new(ProcessOutcome {
                stdout: Captured::default(),
                stderr: Captured::default(),
                ending: Ending::SpawnFailed(e.to_string()),
                elapsed: started.elapsed(),
                cpu: None,
            }))
        }
    };

    // 0 while within the limit, else 1 + the index in STREAMS of the first
    // stream that went past it.
    let over_limit = Arc::new(AtomicU8::new(0));
    let cap = limits.output_bytes();
    let (tx, rx) = mpsc::channel();
    let readers = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ];
    for (index, reader) in readers.into_iter().enumerate() {
        let Some(reader) = reader else { continue };
        let tx = tx.clone();
        let over = over_limit.clone();
        thread::spawn(move || {
            let captured = capture(reader, cap, &over, index as u8 + 1);
            let _ = tx.send((index, captured));
        });
    }
    drop(tx);
    Ok(Running {
        child,
        workdir: workdir.to_path_buf(),
        limits,
        over_limit,
        streams: rx,
    })
}

impl Running {
    /// Writes `input` to the program's standard input, then closes it.
    /// From a thread: a program that never reads its input must not block
    /// us (a broken pipe is given up on).
    pub fn give_input(&mut self, input: &[u8]) {
        if let Some(mut pipe) = self.child.stdin.take() {
            let input = input.to_vec();
            thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
    }

    /// Closes the program's standard input without writing to it.
    pub fn close_input(&mut self) {
        self.child.stdin.take();
    }

    /// Whether the program is still running (a warm run that died while
    /// it waited is not used).
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits for the run to end, a limit, or `cancel`, then kills its group
    /// and sweeps what left it. The wall clock counts from `started`.
    pub fn supervise(
        mut self,
        started: Instant,
        cancel: Option<Arc<AtomicBool>>,
    ) -> ProcessOutcome {
        let child = &mut self.child;
        let workdir = self.workdir.as_path();
        let limits = self.limits;
        let leader = child.id();
        let deadline = started + limits.wall();
        let disk_bytes = (limits.file_size_mb << 20).saturating_mul(DISK_FACTOR);
        let mut next_disk_check = started + DISK_EVERY;
        let mut ending = None;
        let exit = sandbox::ExitWatch::new(leader);
        let mut cpu = None;
        let status = loop {
            // Asked without reaping the leader, so its CPU time is read
            // before reaping loses it.
            if let Some(cpu_at_end) = exit.ended() {
                match child.try_wait() {
                    Ok(Some(status)) => {
                        cpu = cpu_at_end;
                        break Some(status);
                    }
                    Ok(None) => {}
                    Err(_) => break None,
                }
            }
            let now = Instant::now();
            let over = self.over_limit.load(Ordering::Relaxed);
            if over != 0 {
                ending.get_or_insert(Ending::OutputLimit(STREAMS[usize::from(over) - 1]));
                kill_group(child);
            } else if now >= deadline || cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
            {
                ending.get_or_insert(Ending::TimedOut);
                kill_group(child);
            } else if now >= next_disk_check {
                next_disk_check = now + DISK_EVERY;
                if disk_usage_over(workdir, disk_bytes, DISK_ENTRIES) {
                    ending.get_or_insert(Ending::OutputLimit(DISK_STREAM));
                    kill_group(child);
                }
            }
            // Seen at once, the end needs no fine polling: the pause is
            // how soon a limit or a cancel is acted on. Otherwise poll
            // finely at first (most runs end within tens of milliseconds),
            // then back off.
            let pause = if exit.immediate() {
                Duration::from_millis(5)
            } else if now - started < Duration::from_millis(100) {
                Duration::from_micros(300)
            } else {
                Duration::from_millis(2)
            };
            let left = deadline.saturating_duration_since(now);
            exit.wait(pause.min(left.max(Duration::from_micros(300))));
        };
        // Kill whatever the program left in its group, then (Linux)
        // whatever left the group: setsid, double forks.
        kill_group(child);
        sandbox::finish(leader, workdir);

        let mut streams = [Captured::default(), Captured::default()];
        // Readers end when every holder of the pipes is gone. A process
        // that escaped the group and the sweep could hold them open: do
        // not wait for it for long.
        let grace = Instant::now() + Duration::from_millis(500);
        for _ in 0..2 {
            let left = grace.saturating_duration_since(Instant::now());
            match self.streams.recv_timeout(left) {
                Ok((index, captured)) => streams[index] = captured,
                Err(_) => break,
            }
        }
        let [stdout, stderr] = streams;
        let ending = ending.unwrap_or_else(|| match status {
            Some(status) => ending_of(status),
            None => Ending::Exited(-1),
        });
        let ending = match ending {
            Ending::Exited(code) => match sandbox::helper_failure(code, &stderr.kept) {
                Some(message) => Ending::SpawnFailed(message),
                None => Ending::Exited(code),
            },
            other => other,
        };
        ProcessOutcome {
            stdout,
            stderr,
            ending,
            elapsed: started.elapsed(),
            cpu,
        }
    }

    /// Ends a run that is not wanted (a warm run never handed a file):
    /// its group is killed and swept.
    pub fn abandon(mut self) {
        let leader = self.child.id();
        kill_group(&mut self.child);
        let _ = self.child.wait();
        sandbox::finish(leader, &self.workdir);
    }
}

/// Whether the folder holds more than `max_bytes` or `max_entries`. Never
/// follows links; stops counting as soon as a cap is passed.
fn disk_usage_over(dir: &Path, max_bytes: u64, max_entries: u64) -> bool {
    let mut bytes = 0u64;
    let mut entries = 0u64;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in list.flatten() {
            entries += 1;
            if let Ok(meta) = entry.metadata() {
                if meta.is_dir() {
                    stack.push(entry.path());
                } else {
                    bytes += meta.len();
                }
            }
            if entries > max_entries || bytes > max_bytes {
                return true;
            }
        }
    }
    false
}

/// Reads a stream to its end, keeping the head and counting the rest. Raises
/// `over` when the total passes `limit`, and keeps draining so the writer
/// never blocks on a full pipe before it is killed.
fn capture(mut reader: Box<dyn Read + Send>, limit: u64, over: &AtomicU8, mark: u8) -> Captured {
    let mut captured = Captured::default();
    let mut buf = [0u8; 16 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let room = KEPT_OUTPUT_BYTES.saturating_sub(captured.kept.len());
                captured.kept.extend_from_slice(&buf[..n.min(room)]);
                captured.total += n as u64;
                if captured.total > limit {
                    // The first stream over the limit is the one reported.
                    let _ = over.compare_exchange(0, mark, Ordering::Relaxed, Ordering::Relaxed);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    captured
}

#[cfg(unix)]
fn kill_group(child: &mut Child) {
    use nix::sys::signal::{killpg, Signal};
    use nix::unistd::Pid;
    // The child leads its own session and group (setsid in the helper or
    // before exec), so its pid is the group id. While a member of the group
    // lives, the id cannot be reused.
    if let Ok(pid) = i32::try_from(child.id()) {
        let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
    let _ = child.kill();
}

#[cfg(not(unix))]
fn kill_group(child: &mut Child) {
    let _ = child.kill();
}

#[cfg(unix)]
fn ending_of(status: ExitStatus) -> Ending {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = status.signal() {
        let name = nix::sys::signal::Signal::try_from(sig)
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|_| format!("signal {sig}"));
        return Ending::Signalled(sig, name);
    }
    Ending::Exited(status.code().unwrap_or(-1))
}

#[cfg(not(unix))]
fn ending_of(status: ExitStatus) -> Ending {
    Ending::Exited(status.code().unwrap_or(-1))
}

/// Why `stdout_within` has no answer.
#[derive(Debug)]
pub enum AskError {
    Spawn(std::io::Error),
    TimedOut,
}

/// Runs a short helper command (a version or path probe) and returns what it
/// printed, killing it if it has not ended within `limit`: a hung
/// interpreter or shim must not hang pykata.
pub fn stdout_within(cmd: &mut Command, limit: Duration) -> Result<Vec<u8>, AskError> {
    stdout_within_fed(cmd, limit, None)
}

/// [`stdout_within`], with `input` written to the program's stdin (then
/// closed) when given.
pub fn stdout_within_fed(
    cmd: &mut Command,
    limit: Duration,
    input: Option<&[u8]>,
) -> Result<Vec<u8>, AskError> {
    let stdin = if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    };
    let mut child = cmd
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(AskError::Spawn)?;
    if let (Some(mut pipe), Some(input)) = (child.stdin.take(), input) {
        let input = input.to_vec();
        // A thread, so a program that does not read cannot block the wait.
        thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let reader = child.stdout.take().map(|mut s| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = s.read_to_end(&mut buf);
            buf
        })
    });
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(2)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(AskError::TimedOut);
            }
        }
    }
    Ok(reader
        .map(|r| r.join().unwrap_or_default())
        .unwrap_or_default())
}

#[cfg(all(test, unix))]
mod tests {
    //! Real processes (`/bin/sh`), no interpreter: what a run gives back
    //! however it ends. Bounds on time are the subject here (the wall limit,
    //! a cancel), so each is checked against what would happen without the
    //! feature (a run of 30 s), with room for a loaded machine.
    use super::*;
    use std::sync::atomic::AtomicBool;

    /// What a run of `script` (a shell one-liner) gives, in a fresh work
    /// dir, under `limits` with processes allowed (the shell forks).
    fn sh(script: &str, stdin: Option<&[u8]>, limits: Limits) -> ProcessOutcome {
        sh_with(script, stdin, limits, None)
    }

    fn sh_with(
        script: &str,
        stdin: Option<&[u8]>,
        limits: Limits,
        cancel: Option<Arc<AtomicBool>>,
    ) -> ProcessOutcome {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(super::super::workdir::TMP)).unwrap();
        let mut command = Command::new("/bin/sh");
        command.args(["-c", script]);
        run(Spawn {
            command,
            workdir: dir.path(),
            stdin,
            limits,
            cancel,
        })
    }

    fn limits() -> Limits {
        Limits {
            processes: true,
            ..Limits::default()
        }
    }

    /// What a run that ignored its limit would take: far past every bound below.
    const FOREVER: &str = "sleep 30";

    #[test]
    fn the_exit_code_and_both_streams_come_back_apart() {
        let out = sh("echo out; echo err >&2; exit 3", None, limits());
        assert_eq!(out.ending, Ending::Exited(3));
        assert_eq!(out.stdout.kept, b"out\n");
        assert_eq!(out.stderr.kept, b"err\n");
        assert!(!out.stdout.truncated());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_cpu_a_run_used_is_told_apart_from_the_time_it_waited() {
        // About a second of CPU here, in a child the shell waits for.
        let busy = sh(
            "(i=0; while [ $i -lt 600000 ]; do i=$((i+1)); done); true",
            None,
            limits(),
        );
        let cpu = busy.cpu.expect("the CPU time of a run that ended");
        assert!(cpu >= Duration::from_millis(200), "{cpu:?}");
        let waiting = sh("sleep 0.5", None, limits());
        let cpu = waiting.cpu.expect("the CPU time of a run that ended");
        assert!(waiting.elapsed >= Duration::from_millis(500));
        assert!(cpu < Duration::from_millis(100), "{cpu:?}");
    }

    #[test]
    fn stdin_is_what_the_program_reads_and_nothing_means_eof() {
        let out = sh("read line; echo \"got $line\"", Some(b"Ada\n"), limits());
        assert_eq!(out.stdout.display(), "got Ada\n");
        let out = sh("read line || echo eof", None, limits());
        assert_eq!(out.stdout.display(), "eof\n");
    }

    #[test]
    fn the_run_sees_only_the_cleared_environment() {
        let out = sh("env", None, limits());
        let mut names: Vec<String> = out
            .stdout
            .display()
            .lines()
            .filter_map(|l| l.split_once('=').map(|(name, _)| name.to_string()))
            // What the shell itself sets.
            .filter(|name| !["PWD", "OLDPWD", "SHLVL", "_"].contains(&name.as_str()))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "BROWSER",
                "HOME",
                "LANG",
                "MALLOC_ARENA_MAX",
                "PATH",
                "PYTHONDONTWRITEBYTECODE",
                "PYTHONHASHSEED",
                "PYTHONUTF8",
                "TMPDIR"
            ]
        );
    }

    #[test]
    fn the_wall_limit_kills_the_whole_group() {
        let limits = Limits {
            wall_ms: 300,
            ..limits()
        };
        // A child in the background holds the pipes too: it must go as well.
        let out = sh(&format!("{FOREVER} & {FOREVER}"), None, limits);
        assert_eq!(out.ending, Ending::TimedOut);
        assert!(
            out.elapsed >= Duration::from_millis(300),
            "{:?}",
            out.elapsed
        );
        assert!(out.elapsed < Duration::from_secs(10), "{:?}", out.elapsed);
    }

    #[test]
    fn a_cancel_stops_the_run_before_its_limit() {
        let cancel = Arc::new(AtomicBool::new(false));
        let raise = cancel.clone();
        let raiser = thread::spawn(move || {
            thread::sleep(Duration::from_millis(100));
            raise.store(true, Ordering::SeqCst);
        });
        let out = sh_with(FOREVER, None, limits(), Some(cancel));
        raiser.join().unwrap();
        assert_eq!(out.ending, Ending::TimedOut);
        // The limit is 5 s; a cancel that was not seen would run into it.
        assert!(out.elapsed < Duration::from_secs(4), "{:?}", out.elapsed);
    }

    #[test]
    fn flooding_a_stream_is_the_output_limit_naming_the_stream() {
        let limits = Limits {
            output_kb: 64,
            ..limits()
        };
        let out = sh(
            "while :; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx >&2; done",
            None,
            limits,
        );
        assert_eq!(out.ending, Ending::OutputLimit("stderr"));
        assert!(out.stderr.truncated());
        assert!(out.stderr.kept.len() <= KEPT_OUTPUT_BYTES);
        assert!(out.stderr.total > 64 * 1024);
    }

    #[test]
    fn filling_the_work_dir_is_the_disk_limit() {
        let limits = Limits {
            file_size_mb: 1,
            ..limits()
        };
        // Many small files: each under the file-size limit, together over
        // the work dir's cap (DISK_FACTOR times it).
        let out = sh(
            "i=0; while :; do i=$((i+1)); head -c 200000 /dev/zero > f$i; done",
            None,
            limits,
        );
        assert_eq!(out.ending, Ending::OutputLimit(DISK_STREAM));
    }

    #[test]
    fn a_signal_is_named() {
        let out = sh("kill -9 $$", None, limits());
        assert_eq!(out.ending, Ending::Signalled(9, "SIGKILL".into()));
    }

    #[test]
    fn a_program_that_cannot_start_is_a_spawn_failure() {
        let dir = tempfile::tempdir().unwrap();
        let out = run(Spawn {
            command: Command::new(dir.path().join("no-such-program")),
            workdir: dir.path(),
            stdin: None,
            limits: limits(),
            cancel: None,
        });
        assert!(
            matches!(out.ending, Ending::SpawnFailed(_)),
            "{:?}",
            out.ending
        );
    }

    #[test]
    fn capture_keeps_the_head_counts_the_rest_and_raises_its_mark_once() {
        let over = AtomicU8::new(0);
        let text = vec![b'x'; KEPT_OUTPUT_BYTES + 10];
        let captured = capture(Box::new(std::io::Cursor::new(text)), 100, &over, 2);
        assert_eq!(captured.kept.len(), KEPT_OUTPUT_BYTES);
        assert_eq!(captured.total, KEPT_OUTPUT_BYTES as u64 + 10);
        assert_eq!(over.load(Ordering::Relaxed), 2);
        // The first stream over the limit stays the one named.
        capture(
            Box::new(std::io::Cursor::new(vec![b'y'; 200])),
            100,
            &over,
            1,
        );
        assert_eq!(over.load(Ordering::Relaxed), 2);
        let quiet = AtomicU8::new(0);
        let small = capture(
            Box::new(std::io::Cursor::new(b"hi".to_vec())),
            100,
            &quiet,
            1,
        );
        assert_eq!((small.kept.as_slice(), small.total), (&b"hi"[..], 2));
        assert_eq!(quiet.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn disk_usage_counts_bytes_and_entries_in_every_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a"), vec![0u8; 1000]).unwrap();
        std::fs::write(dir.path().join("b"), vec![0u8; 1000]).unwrap();
        // Three entries (sub, sub/a, b) holding 2000 bytes.
        for (max_bytes, max_entries, over) in [
            (2000, 3, false),
            (1999, 3, true),
            (2000, 2, true),
            (u64::MAX, u64::MAX, false),
        ] {
            assert_eq!(
                disk_usage_over(dir.path(), max_bytes, max_entries),
                over,
                "{max_bytes} bytes, {max_entries} entries"
            );
        }
    }

    #[test]
    fn a_probe_answers_or_is_killed_at_its_limit() {
        let out = stdout_within(
            Command::new("/bin/sh").args(["-c", "echo 3.11"]),
            Duration::from_secs(20),
        )
        .unwrap();
        assert_eq!(out, b"3.11\n");
        let started = Instant::now();
        let hung = stdout_within(
            Command::new("/bin/sh").args(["-c", FOREVER]),
            Duration::from_millis(200),
        );
        assert!(matches!(hung, Err(AskError::TimedOut)), "{hung:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
        let missing = stdout_within(&mut Command::new("/no/such/probe"), Duration::from_secs(1));
        assert!(matches!(missing, Err(AskError::Spawn(_))), "{missing:?}");
    }
}
