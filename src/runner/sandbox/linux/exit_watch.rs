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
