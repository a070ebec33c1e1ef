//! Nothing a run starts outlives it. The runner is a child subreaper
//! (PR_SET_CHILD_SUBREAPER), so a process that leaves the run's process group
//! or session (setsid, a double fork) is re-parented to the runner rather
//! than to init when its parent dies. After each run, every such child that
//! belongs to the run is killed and reaped, round after round, until none is
//! left: each round's victims hand their own children to the runner.
//!
//! A child belongs to a run when its session is the run's (every leader
//! starts a session of its own, and the seccomp filter forbids leaving it),
//! or, for one that called setsid where no filter stopped it, when its
//! environment still names the run's work dir as HOME or TMPDIR. Anything
//! else re-parented to the runner (the daemon of an editor the interface
//! started, say) is left alone; only its zombie is reaped, as a subreaper
//! must.

use nix::sys::signal::{kill, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag};
use nix::unistd::Pid;
use std::collections::{HashSet, VecDeque};
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// What the sweep knows of runs: the leaders of those in progress, and the
/// last few that ended (a straggler of theirs is still recognised).
#[derive(Default)]
struct Runs {
    live: Vec<u32>,
    ended: VecDeque<(i32, PathBuf)>,
}

/// Spawning, listing, killing and reaping all happen under this lock, so a
/// sweep never mistakes a leader that was just started for a leftover.
static RUNS: Mutex<Runs> = Mutex::new(Runs {
    live: Vec::new(),
    ended: VecDeque::new(),
});

fn runs() -> MutexGuard<'static, Runs> {
    RUNS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Makes this process a child subreaper, once.
pub fn subreaper() -> Result<(), String> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(|| {
        nix::sys::prctl::set_child_subreaper(true)
            .map_err(|e| format!("prctl(PR_SET_CHILD_SUBREAPER) failed: {e}"))
    })
    .clone()
}

/// Spawns a run leader and records it.
pub fn spawn(cmd: &mut Command) -> io::Result<Child> {
    let _ = subreaper();
    let mut runs = runs();
    let child = cmd.spawn()?;
    runs.live.push(child.id());
    Ok(child)
}

/// Called once the leader has been reaped and its group killed: forgets it
/// and removes whatever the run left behind. Returns how many processes it
/// killed.
pub fn finish(leader: u32, workdir: &Path) -> usize {
    {
        let mut runs = runs();
        runs.live.retain(|p| *p != leader);
        runs.ended
            .push_front((leader as i32, workdir.to_path_buf()));
        runs.ended.truncate(32);
    }
    sweep(Duration::from_secs(2))
}

/// Kills and reaps what runs left behind until none is left or `budget`
/// runs out.
pub fn sweep(budget: Duration) -> usize {
    let Ok(own_session) = nix::unistd::getsid(None) else {
        return 0;
    };
    let me = std::process::id();
    let deadline = Instant::now() + budget;
    let mut killed = HashSet::new();
    loop {
        // Whether this round found a process of some run still to go.
        let mut pending = false;
        {
            let runs = runs();
            for pid in children_of(me) {
                if runs.live.contains(&pid) {
                    continue;
                }
                let Some(stat) = Stat::read(pid) else {
                    continue;
                };
                if stat.ppid != me || stat.session == own_session.as_raw() {
                    continue;
                }
                let target = Pid::from_raw(pid as i32);
                if stat.state == 'Z' {
                    // Dead and re-parented to us: nobody else can reap it.
                    let _ = waitpid(target, Some(WaitPidFlag::WNOHANG));
                    continue;
                }
                if !killed.contains(&pid) && !belongs_to_a_run(pid, &stat, &runs.ended) {
                    continue;
                }
                pending = true;
                if killed.insert(pid) {
                    let _ = kill(target, Signal::SIGKILL);
                }
                let _ = waitpid(target, Some(WaitPidFlag::WNOHANG));
            }
        }
        if !pending || Instant::now() >= deadline {
            break;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
    killed.len()
}

fn belongs_to_a_run(pid: u32, stat: &Stat, ended: &VecDeque<(i32, PathBuf)>) -> bool {
    if ended.iter().any(|(sid, _)| *sid == stat.session) {
        return true;
    }
    let Ok(environ) = std::fs::read(format!("/proc/{pid}/environ")) else {
        return false;
    };
    environ.split(|b| *b == 0).any(|var| {
        let value = var
            .strip_prefix(b"HOME=")
            .or_else(|| var.strip_prefix(b"TMPDIR="));
        value.is_some_and(|v| {
            ended.iter().any(|(_, dir)| {
                use std::os::unix::ffi::OsStrExt;
                v.starts_with(dir.as_os_str().as_bytes())
            })
        })
    })
}

/// The children of process `me`: from /proc/self/task/*/children where the
/// kernel offers it, else by scanning /proc.
fn children_of(me: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let mut listed = false;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            if let Ok(text) = std::fs::read_to_string(task.path().join("children")) {
                listed = true;
                found.extend(
                    text.split_whitespace()
                        .filter_map(|p| p.parse::<u32>().ok()),
                );
            }
        }
    }
    if !listed {
        if let Ok(procs) = std::fs::read_dir("/proc") {
            for entry in procs.flatten() {
                let Some(pid) = entry
                    .file_name()
                    .to_str()
                    .and_then(|n| n.parse::<u32>().ok())
                else {
                    continue;
                };
                if Stat::read(pid).is_some_and(|s| s.ppid == me) {
                    found.push(pid);
                }
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The fields of /proc/PID/stat the sweep needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub state: char,
    pub ppid: u32,
    pub pgrp: i32,
    pub session: i32,
}

impl Stat {
    pub fn read(pid: u32) -> Option<Stat> {
        let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        Stat::parse(&text)
    }

    /// "pid (comm) state ppid pgrp session ..."; comm may hold spaces and
    /// parentheses, so fields are counted from the last ')'.
    pub fn parse(text: &str) -> Option<Stat> {
        let rest = &text[text.rfind(')')? + 1..];
        let mut fields = rest.split_whitespace();
        let state = fields.next()?.chars().next()?;
        let ppid = fields.next()?.parse().ok()?;
        let pgrp = fields.next()?.parse().ok()?;
        let session = fields.next()?.parse().ok()?;
        Some(Stat {
            state,
            ppid,
            pgrp,
            session,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_parse_despite_odd_names() {
        let s = Stat::parse("123 (a) b (c)) S 1 123 99 0 -1 4194560 ...").unwrap();
        assert_eq!(
            s,
            Stat {
                state: 'S',
                ppid: 1,
                pgrp: 123,
                session: 99
            }
        );
        assert_eq!(Stat::parse("garbage"), None);
    }
}
