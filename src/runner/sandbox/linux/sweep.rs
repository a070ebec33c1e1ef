//! Nothing a run starts outlives it. The runner is a child subreaper
//! (PR_SET_CHILD_SUBREAPER), so a process that leaves the run's process group
//! or session (setsid, a double fork) is re-parented to the runner rather
//! than to init when its parent dies. After each run, every child of the
//! runner that is in another session than the runner and is not the leader
//! of a run still going is killed and reaped, round after round, until none
//! is left: each round's victims hand their own children to the runner.
//!
//! Every run leader is started in a session of its own (setsid), so the
//! runner's other children (an editor, a version probe) share its session and
//! are never touched.

use nix::sys::signal::{kill, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag};
use nix::unistd::Pid;
use std::collections::HashSet;
use std::io;
use std::process::{Child, Command};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// Leaders of the runs in progress. Spawning, listing, killing and reaping
/// all happen under this lock, so a sweep never mistakes a leader that was
/// just started for something left behind.
static LEADERS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn leaders() -> MutexGuard<'static, Vec<u32>> {
    LEADERS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Makes this process a child subreaper, once. Returns whether it is one.
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
    let mut live = leaders();
    let child = cmd.spawn()?;
    live.push(child.id());
    Ok(child)
}

/// Called once the leader has been reaped (or killed and reaped): forgets it
/// and removes whatever was left behind. Returns how many processes it killed.
pub fn finish(leader: u32) -> usize {
    leaders().retain(|p| *p != leader);
    sweep(Duration::from_secs(2))
}

/// Kills and reaps left-behind processes until none is left or `budget` runs out.
pub fn sweep(budget: Duration) -> usize {
    let Ok(own_session) = nix::unistd::getsid(None) else {
        return 0;
    };
    let me = std::process::id();
    let deadline = Instant::now() + budget;
    let mut killed = HashSet::new();
    loop {
        // Children in another session: left behind by some run.
        let mut seen = 0;
        {
            let live = leaders();
            for pid in children_of(me) {
                if live.contains(&pid) {
                    continue;
                }
                let Some(stat) = Stat::read(pid) else {
                    continue;
                };
                if stat.ppid != me || stat.session == own_session.as_raw() {
                    continue;
                }
                seen += 1;
                let target = Pid::from_raw(pid as i32);
                if stat.state != 'Z' && killed.insert(pid) {
                    let _ = kill(target, Signal::SIGKILL);
                }
                // Reaps it if it is already dead; the next round sees it
                // again otherwise, along with any children it handed over.
                let _ = waitpid(target, Some(WaitPidFlag::WNOHANG));
            }
        }
        if seen == 0 || Instant::now() >= deadline {
            break;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
    killed.len()
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
