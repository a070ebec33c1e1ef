//! Waiting for a run to end without polling for it: a pidfd (Linux 5.3)
//! becomes readable the moment its process exits. The runner used to ask
//! every 0.3 ms whether the run had ended, which on a 2-core machine took
//! time from the run it waited for and added up to 0.3 ms to every verdict.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::Duration;

/// A descriptor that becomes readable when process `pid` (a child of this
/// process, not yet reaped) exits; `None` where the kernel has no pidfds.
pub fn open(pid: u32) -> Option<OwnedFd> {
    let pid = libc::pid_t::try_from(pid).ok()?;
    // SAFETY: pidfd_open takes a pid and flags, no pointers. The child is
    // not reaped until the runner sees it end, so the pid is still its.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    let fd = i32::try_from(fd).ok().filter(|fd| *fd >= 0)?;
    // SAFETY: a descriptor just opened (close-on-exec) that nothing else
    // owns.
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Returns when the process of `pidfd` has exited, or after `most`.
pub fn wait(pidfd: &OwnedFd, most: Duration) {
    let mut watched = libc::pollfd {
        fd: pidfd.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let timeout = libc::timespec {
        tv_sec: libc::time_t::try_from(most.as_secs()).unwrap_or(libc::time_t::MAX),
        tv_nsec: libc::c_long::from(most.subsec_nanos() as i32),
    };
    // SAFETY: one pollfd and a timespec, both alive across the call; no
    // signal mask is changed. An interrupted or failed wait only returns
    // early, and the caller asks again.
    unsafe { libc::ppoll(&mut watched, 1, &timeout, std::ptr::null()) };
}

/// Whether process `pid` (a child of this process) has exited, without
/// reaping it: `Some(cpu)` once it has, with the CPU time it used if that
/// could be read (a zombie's `/proc/PID/stat` still holds its threads' user
/// and system time, and that of the children it waited for); `None` while
/// it runs. An error (it was reaped already) counts as exited, CPU unknown.
pub fn ended(pid: u32) -> Option<Option<Duration>> {
    let id: libc::id_t = pid;
    // SAFETY: an all-zero siginfo_t is a valid value to be written into.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    // SAFETY: `info` outlives the call. WNOWAIT leaves the child to be
    // reaped by the runner as before, so its pid stays its own.
    let rc = unsafe {
        libc::waitid(
            libc::P_PID,
            id,
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        )
    };
    if rc != 0 {
        return Some(None);
    }
    // SAFETY: si_pid is set by waitid (zero when nothing has exited).
    if unsafe { info.si_pid() } == 0 {
        return None;
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok();
    Some(stat.as_deref().and_then(ticks_to_cpu))
}

/// utime + stime + cutime + cstime of a `/proc/PID/stat` line, whose
/// fields 14 to 17 they are; the command name in parentheses may hold
/// spaces, so fields are counted from after its closing parenthesis.
fn ticks_to_cpu(stat: &str) -> Option<Duration> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<u64> = after_name
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(|f| f.parse::<u64>().ok())
        .collect::<Option<_>>()?;
    if fields.len() != 4 {
        return None;
    }
    let ticks: u64 = fields.iter().sum();
    // SAFETY: sysconf takes a constant and no pointers.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let per_second = u64::try_from(per_second).ok().filter(|t| *t > 0)?;
    Some(Duration::from_millis(ticks * 1000 / per_second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_cpu_fields_are_counted_after_a_name_with_spaces_and_parentheses() {
        let stat = "4242 (a (b) c) Z 1 4242 4242 0 -1 4227596 100 0 0 0 7 3 20 10 20 0 1 0";
        // SAFETY: sysconf takes a constant and no pointers.
        let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
        assert_eq!(
            ticks_to_cpu(stat),
            Some(Duration::from_millis(40 * 1000 / per_second))
        );
        assert_eq!(ticks_to_cpu("4242 (x) Z 1"), None);
    }
}
