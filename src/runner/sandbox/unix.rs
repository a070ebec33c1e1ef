//! Unix resource limits, applied in the child between fork and exec.

use super::{Layer, LayerState};
use crate::runner::Limits;
use nix::sys::resource::{setrlimit, Resource};
use std::os::unix::process::CommandExt;
use std::process::Command;

pub fn prepare(cmd: &mut Command, limits: &Limits) {
    let cpu_s = limits.cpu_ms.div_ceil(1000);
    let memory = limits.memory_mb * 1024 * 1024;
    let file_size = limits.file_size_mb * 1024 * 1024;
    // SAFETY: the closure runs in the forked child before exec. It only calls
    // setrlimit, which is async-signal-safe, allocates nothing and touches no
    // lock, so it is sound even though the parent may have other threads.
    unsafe {
        cmd.pre_exec(move || {
            // Each limit is best-effort: a platform may refuse one (macOS and
            // RLIMIT_AS), and the wall clock still bounds the run.
            let _ = setrlimit(Resource::RLIMIT_CPU, cpu_s, cpu_s + 1);
            #[cfg(not(target_os = "macos"))]
            let _ = setrlimit(Resource::RLIMIT_AS, memory, memory);
            let _ = setrlimit(Resource::RLIMIT_FSIZE, file_size, file_size);
            let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
            Ok(())
        });
    }
    #[cfg(target_os = "macos")]
    let _ = memory;
}

pub fn layers() -> Vec<Layer> {
    vec![Layer {
        name: "resource limits",
        state: LayerState::Active,
        detail: "CPU time, address space, file size and core dumps limited with setrlimit".into(),
    }]
}
