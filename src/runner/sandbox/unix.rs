//! The Unix part of the portable layer, applied in the child between fork and
//! exec when no helper runs (macOS, the BSDs, Linux with the extras off): a
//! session of its own, and resource limits.

use super::{Layer, LayerState, OPEN_FILES};
use crate::runner::Limits;
use nix::sys::resource::{getrlimit, setrlimit, Resource};
use std::os::unix::process::CommandExt;
use std::process::Command;

pub fn prepare(cmd: &mut Command, limits: &Limits) {
    let cpu_s = limits.cpu_ms.div_ceil(1000);
    let memory = limits.memory_mb << 20;
    let file_size = limits.file_size_mb << 20;
    // Read before fork: getrlimit is harmless either side, but doing it here
    // keeps the child's work to the bare system calls.
    let open_files = getrlimit(Resource::RLIMIT_NOFILE)
        .map(|(_, hard)| OPEN_FILES.min(hard))
        .unwrap_or(OPEN_FILES);
    // SAFETY: the closure runs in the forked child before exec. It only calls
    // setsid and setrlimit, which are async-signal-safe system calls; it
    // allocates nothing and takes no lock, so it is sound even though the
    // parent has other threads.
    unsafe {
        cmd.pre_exec(move || {
            // A session and process group of its own: one signal reaches
            // everything it starts, the sweep knows its processes, and it has
            // no controlling terminal to read from.
            let _ = nix::unistd::setsid();
            // Each limit is best-effort: a platform may refuse one (macOS and
            // RLIMIT_AS), and the wall clock still bounds the run.
            let _ = setrlimit(Resource::RLIMIT_CPU, cpu_s, cpu_s + 1);
            #[cfg(not(target_os = "macos"))]
            let _ = setrlimit(Resource::RLIMIT_AS, memory, memory);
            let _ = setrlimit(Resource::RLIMIT_FSIZE, file_size, file_size);
            let _ = setrlimit(Resource::RLIMIT_NOFILE, open_files, open_files);
            let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
            // Descriptors pykata's own parent left open (a shell
            // redirection, an editor's pipe) must not reach the program:
            // mark every one above stderr close-on-exec.
            close_inherited_on_exec(open_files);
            Ok(())
        });
    }
    #[cfg(target_os = "macos")]
    let _ = memory;
}

/// Marks every descriptor from 3 up close-on-exec (not closed: the standard
/// library's own exec-error pipe is among them and must work until exec).
/// Async-signal-safe: bare system calls only.
fn close_inherited_on_exec(open_files: u64) {
    #[cfg(target_os = "linux")]
    {
        const CLOSE_RANGE_CLOEXEC: u32 = 1 << 2;
        // SAFETY: close_range takes no pointers and only changes flags.
        let rc =
            unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, CLOSE_RANGE_CLOEXEC) };
        if rc == 0 {
            return;
        }
    }
    for fd in 3..open_files.min(1 << 16) as i32 {
        // SAFETY: fcntl on a descriptor number, open or not, touches no memory.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
}

pub fn layer() -> Layer {
    Layer {
        name: "resource limits",
        state: LayerState::Active,
        detail: if cfg!(target_os = "macos") {
            "CPU time, file size, open files and core dumps limited with setrlimit \
             (macOS does not enforce an address-space limit)"
                .into()
        } else {
            "CPU time, address space, file size, open files; no core dumps".into()
        },
    }
}
