//! The helper: pykata's own binary, started again by the runner with
//! `__pykata-sandbox-exec`. Still single-threaded (nothing in `main` ran
//! before it), it leaves the runner's session, arranges to die with the
//! runner, applies the layers in order (resource limits, namespaces,
//! Landlock, seccomp) and replaces itself with the interpreter. With
//! `__pykata-sandbox-probe` it reports what each layer did instead, for
//! `pykata doctor` and the tests.

use super::super::config::{HelperConfig, FAILURE_PREFIX, HELPER_FAILED};
use super::{landlock, namespaces, seccomp};
use nix::sys::resource::{getrlimit, setrlimit, Resource};
use std::ffi::OsString;
use std::os::unix::process::CommandExt;

/// One layer's outcome in the helper, as the probe prints it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    pub name: String,
    /// "active" or "unavailable".
    pub state: String,
    pub detail: String,
}

/// Runs the helper and never returns.
#[allow(
    clippy::print_stdout,
    reason = "the probe's answer to its parent is a line per layer on stdout"
)]
pub fn main(probe: bool, args: impl Iterator<Item = OsString>) -> ! {
    let cfg = match HelperConfig::from_args(args) {
        Ok(cfg) => cfg,
        Err(e) => fail(&format!("bad arguments from the runner: {e}")),
    };
    let mut outcomes = apply(&cfg);
    if probe {
        verify(&mut outcomes);
        for o in &outcomes {
            println!("{}", serde_json::to_string(o).unwrap_or_default());
        }
        std::process::exit(0);
    }
    let Some(program) = &cfg.program else {
        fail("no program to run");
    };
    close_inherited();
    let err = std::process::Command::new(program).args(&cfg.args).exec();
    fail(&format!("could not start {}: {err}", program.display()));
}

/// Closes every descriptor above stderr: whatever pykata's own parent left
/// open (a shell redirection, an editor's pipe, a jobserver) would reach the
/// program, and Landlock does not cover files that are already open.
fn close_inherited() {
    // SAFETY: close_range takes no pointers; the helper is single-threaded
    // and holds nothing above fd 2 that it needs from here to exec.
    let rc = unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
    if rc != 0 {
        // Before Linux 5.9: one by one, up to the limit of open files.
        let top = getrlimit(Resource::RLIMIT_NOFILE).map_or(1024, |(soft, _)| soft.min(1 << 16));
        for fd in 3..top as i32 {
            // SAFETY: closing a descriptor number, open or not, is harmless.
            unsafe { libc::close(fd) };
        }
    }
}

#[allow(
    clippy::print_stderr,
    clippy::exit,
    reason = "the helper tells its parent why it failed on stderr and ends before the program would start"
)]
fn fail(message: &str) -> ! {
    eprintln!("{FAILURE_PREFIX}{message}");
    std::process::exit(HELPER_FAILED);
}

/// Applies every layer the configuration asks for, in order, best effort.
pub fn apply(cfg: &HelperConfig) -> Vec<Outcome> {
    let mut out = Vec::new();
    // What Landlock lets the run write: the configured folders, and the
    // private /tmp and /dev/shm where the mount namespace made them.
    let mut read_write = cfg.read_write.clone();
    // Whether /tmp, /run and the home folders are the run's own or hidden:
    // only then may a kata that starts processes make Unix sockets.
    let mut private_mounts = false;
    let mut report = |name: &str, result: Result<String, String>| {
        let (state, detail) = match result {
            Ok(d) => ("active", d),
            Err(d) => ("unavailable", d),
        };
        out.push(Outcome {
            name: name.into(),
            state: state.into(),
            detail,
        });
    };

    // A session (and process group) of its own: the runner kills the group,
    // and the sweep tells a run's processes by their session. No terminal
    // either: /dev/tty cannot be opened.
    let _ = nix::unistd::setsid();
    // Die with the runner; if it is already gone, do not start at all.
    let _ = nix::sys::prctl::set_pdeathsig(Some(nix::sys::signal::Signal::SIGKILL));
    if cfg.runner_pid != 0 && nix::unistd::getppid().as_raw() as u32 != cfg.runner_pid {
        fail("the runner is gone");
    }

    report("resource limits", limits(cfg));

    if cfg.namespaces {
        let entered = namespaces::enter();
        let mut user = entered
            .user
            .map(|()| "a user namespace of its own".to_string());
        if user.is_ok() && cfg.nproc > 0 {
            user = user.map(
                |d| match setrlimit(Resource::RLIMIT_NPROC, cfg.nproc, cfg.nproc) {
                    Ok(()) if namespaces::ids().uid == 0 => {
                        format!("{d}; the process limit ({}) does not bind root", cfg.nproc)
                    }
                    Ok(()) => format!("{d}, at most {} processes and threads", cfg.nproc),
                    Err(e) => format!("{d}; the process limit failed: {e}"),
                },
            );
        }
        report("user namespace", user);
        report(
            "network namespace",
            entered
                .net
                .map(|()| "no network: only a loopback interface that is down".to_string()),
        );
        let mounted = entered
            .mount
            .and_then(|()| namespaces::read_only_outside(&cfg.read_write));
        let private = mounted
            .as_ref()
            .ok()
            .map(|()| namespaces::private_tmp(&cfg.read_only, &cfg.read_write));
        report(
            "mount namespace",
            mounted.map(|()| {
                "every mount read-only but the work dir: no writes, chmod, chown or \
                 touch outside it, even where Landlock is missing"
                    .to_string()
            }),
        );
        if let Some(private) = private {
            // The rest of the system's sockets and secrets: /run and the
            // home folders, hidden but for the interpreter's own folders.
            let private = private.and_then(|made| {
                let hidden = namespaces::hide(&cfg.hide, &cfg.read_only, &cfg.read_write)?;
                Ok((made, hidden))
            });
            private_mounts = private.is_ok();
            report(
                "private /tmp",
                private.map(|(made, hidden)| {
                    read_write.extend(made);
                    let hidden: Vec<String> =
                        hidden.iter().map(|p| p.display().to_string()).collect();
                    format!(
                        "an empty, writable /tmp and /dev/shm of its own; {} hidden (the interpreter's \
                         own folders stay visible, read-only): no socket or file kept there outside can be reached",
                        hidden.join(", ")
                    )
                }),
            );
        }
    }

    if cfg.landlock {
        match landlock::restrict(&cfg.read_only, &read_write) {
            Ok(e) => {
                report(
                    "landlock filesystem",
                    Ok(format!(
                        "Landlock ABI {}: read-only system and interpreter folders, \
                         read-write work dir, nothing else",
                        e.abi
                    )),
                );
                report(
                    "landlock network",
                    if e.tcp {
                        Ok("no TCP connect or bind".into())
                    } else {
                        Err(format!(
                            "Landlock ABI {} has no network rules (needs ABI 4, Linux 6.7)",
                            e.abi
                        ))
                    },
                );
                report(
                    "landlock scopes",
                    if e.scopes {
                        Ok("no signals to, and no abstract unix sockets of, processes outside the sandbox".into())
                    } else {
                        Err(format!(
                            "Landlock ABI {} has no scopes (needs ABI 6, Linux 6.12)",
                            e.abi
                        ))
                    },
                );
            }
            Err(why) => {
                for name in ["landlock filesystem", "landlock network", "landlock scopes"] {
                    report(name, Err(why.clone()));
                }
            }
        }
    }

    if cfg.seccomp {
        let policy = seccomp::Policy {
            runner_pid: cfg.runner_pid,
            runner_pgid: cfg.runner_pgid,
            allow_processes: cfg.allow_processes,
            // A path-named Unix socket is a door out of any sandbox (Landlock
            // does not cover connect): only a kata that starts processes
            // (multiprocessing's forkserver listens on one) gets them, and
            // only where nothing outside is left to connect to.
            allow_unix_sockets: cfg.allow_processes && private_mounts,
        };
        report(
            "seccomp",
            seccomp::install(policy).map(|()| {
                format!(
                    "{}, {}no kill(-1), setsid, ptrace, keyring, bpf, \
                     perf_event_open, io_uring, userfaultfd, namespaces or mount",
                    if policy.allow_unix_sockets {
                        "no sockets but AF_UNIX (with nothing outside left to reach)"
                    } else {
                        "no sockets (socketpair still works, for asyncio and pipes)"
                    },
                    if cfg.allow_processes {
                        ""
                    } else {
                        "no new processes (threads are fine), "
                    }
                )
            }),
        );
    }
    out
}

fn limits(cfg: &HelperConfig) -> Result<String, String> {
    let mut failed = Vec::new();
    let mut set = |name: &str, resource, value: u64, hard: u64| {
        if value == 0 {
            return;
        }
        // Never above the current hard limit, which only privilege can raise.
        let ceiling = getrlimit(resource).map(|(_, h)| h).unwrap_or(u64::MAX);
        let hard = hard.min(ceiling);
        if let Err(e) = setrlimit(resource, value.min(hard), hard) {
            failed.push(format!("{name}: {e}"));
        }
    };
    // CPU: SIGXCPU at the soft limit, SIGKILL a second later.
    set("CPU", Resource::RLIMIT_CPU, cfg.cpu_s, cfg.cpu_s + 1);
    set("memory", Resource::RLIMIT_AS, cfg.memory, cfg.memory);
    set(
        "file size",
        Resource::RLIMIT_FSIZE,
        cfg.file_size,
        cfg.file_size,
    );
    set(
        "open files",
        Resource::RLIMIT_NOFILE,
        cfg.open_files,
        cfg.open_files,
    );
    if let Err(e) = setrlimit(Resource::RLIMIT_CORE, 0, 0) {
        failed.push(format!("core dumps: {e}"));
    }
    if failed.is_empty() {
        Ok("CPU time, address space, file size, open files; no core dumps".into())
    } else {
        Err(failed.join("; "))
    }
}

/// In probe mode, checks that the active layers really hold, so `doctor`
/// never calls a layer active that is not.
fn verify(outcomes: &mut [Outcome]) {
    let mut demote = |name: &str, problem: Option<String>| {
        if let Some(problem) = problem {
            if let Some(o) = outcomes
                .iter_mut()
                .find(|o| o.name == name && o.state == "active")
            {
                o.state = "unavailable".into();
                o.detail = format!("applied, but {problem}");
            }
        }
    };
    demote(
        "landlock filesystem",
        match std::fs::read_dir("/") {
            Ok(_) => Some("the root folder can still be listed".into()),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => None,
            Err(e) => Some(format!("listing the root folder failed oddly: {e}")),
        },
    );
    demote(
        "network namespace",
        match std::fs::read_to_string("/proc/self/net/dev") {
            Ok(text) => {
                let names: Vec<&str> = text
                    .lines()
                    .skip(2)
                    .filter_map(|l| l.split(':').next())
                    .map(str::trim)
                    .filter(|n| *n != "lo")
                    .collect();
                (!names.is_empty()).then(|| format!("interfaces are visible: {}", names.join(", ")))
            }
            Err(_) => None,
        },
    );
    demote(
        "mount namespace",
        match std::fs::read_to_string("/proc/self/mountinfo") {
            Ok(text) => {
                // "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS ...": the root mount's options.
                let root_ro = text.lines().any(|l| {
                    let f: Vec<&str> = l.split_whitespace().collect();
                    f.get(4) == Some(&"/")
                        && f.get(5).is_some_and(|o| o.split(',').any(|x| x == "ro"))
                });
                (!root_ro).then(|| "the root mount is still writable".to_string())
            }
            Err(e) => Some(format!("/proc/self/mountinfo could not be read: {e}")),
        },
    );
    demote(
        "seccomp",
        match std::net::UdpSocket::bind("127.0.0.1:0") {
            Ok(_) => Some("an AF_INET socket could still be made".into()),
            Err(e) if e.raw_os_error() == Some(libc::EPERM) => None,
            Err(e) => Some(format!("making an AF_INET socket failed oddly: {e}")),
        },
    );
}
