//! The Linux extras, applied in a re-executed single-threaded helper (see
//! helper.rs): resource limits, user, network and mount namespaces, Landlock and
//! seccomp, plus the runner-side sweep of anything a run leaves behind.

pub mod exit_watch;
mod helper;
mod interp;
mod landlock;
mod namespaces;
mod seccomp;
pub mod sweep;

use super::config::{HelperConfig, EXEC_ARG, PROBE_ARG};
use super::{Layer, LayerState};
use crate::runner::Limits;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::OPEN_FILES;
/// Processes and threads a run may have, inside its own user namespace.
pub const PROCESSES: u64 = 128;

/// Handles `pykata __pykata-sandbox-exec ...` and `... -probe`; returns
/// (does nothing) for any other command line.
pub fn hook(first: &std::ffi::OsStr, rest: impl Iterator<Item = OsString>) {
    if first == EXEC_ARG {
        helper::main(false, rest);
    }
    if first == PROBE_ARG {
        helper::main(true, rest);
    }
}

/// The helper command that applies the layers and then runs `original`.
pub fn wrap(original: &Command, limits: &Limits, workdir: &Path, helper: &Path) -> Command {
    let program = PathBuf::from(original.get_program());
    let interp = interp::lookup(&program);
    let mut cfg = base_config(limits, allow_processes(limits));
    cfg.read_write.insert(0, workdir.to_path_buf());
    match &interp {
        Ok(found) => {
            cfg.read_only.extend(found.dirs.iter().cloned());
            cfg.program = Some(found.exec.clone());
        }
        Err(_) => {
            // Without knowing where the interpreter's files are, Landlock
            // would lock it out of its own standard library.
            cfg.landlock = false;
            cfg.program = Some(program);
        }
    }
    cfg.args = original.get_args().map(OsString::from).collect();
    let mut cmd = Command::new(helper);
    cmd.arg(EXEC_ARG).args(cfg.to_args());
    cmd
}

/// Where the sockets and secrets of the rest of the system live: the runtime
/// folder (D-Bus, X11, docker, ssh-agent under /run/user) and the home
/// folders (tmux, gpg, editors' servers). Hidden in the mount namespace.
fn hidden_folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = ["/run", "/var/run", "/home", "/root"]
        .iter()
        .map(PathBuf::from)
        .collect();
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        if home.is_absolute() && !folders.iter().any(|f| home.starts_with(f)) {
            folders.push(home);
        }
    }
    folders
}

fn allow_processes(limits: &Limits) -> bool {
    limits.processes
}

fn base_config(limits: &Limits, processes: bool) -> HelperConfig {
    let mut read_write: Vec<PathBuf> = ["/dev/null", "/dev/zero", "/dev/full"]
        .iter()
        .map(PathBuf::from)
        .collect();
    if processes {
        // multiprocessing's locks and queues are POSIX semaphores there.
        read_write.push("/dev/shm".into());
    }
    HelperConfig {
        runner_pid: std::process::id(),
        runner_pgid: nix::unistd::getpgrp().as_raw() as u32,
        cpu_s: limits.cpu_ms.div_ceil(1000),
        memory: limits.memory_mb << 20,
        file_size: limits.file_size_mb << 20,
        open_files: OPEN_FILES,
        nproc: PROCESSES,
        namespaces: namespaces::refusal().is_none() && !turned_off("namespaces"),
        landlock: !turned_off("landlock"),
        seccomp: seccomp::unsupported().is_none() && !turned_off("seccomp"),
        allow_processes: processes,
        read_only: system_paths().to_vec(),
        read_write,
        hide: hidden_folders(),
        program: None,
        args: Vec::new(),
    }
}

/// The environment variable that turns single layers off, for a system where
/// one misbehaves: a comma-separated list of `namespaces`, `landlock`,
/// `seccomp`.
pub const OFF_VAR: &str = "PYKATA_SANDBOX_OFF";

fn turned_off(layer: &str) -> bool {
    static OFF: OnceLock<Vec<String>> = OnceLock::new();
    OFF.get_or_init(|| {
        std::env::var(OFF_VAR)
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect()
    })
    .iter()
    .any(|s| s == layer)
}

/// What every interpreter may read: the system's programs and libraries, a
/// chosen few files of /etc (never shadow, sudoers, ssh or TLS keys), its own
/// /proc entry and a few system-wide /proc files, and the random devices.
/// Worked out once.
fn system_paths() -> &'static [PathBuf] {
    static PATHS: OnceLock<Vec<PathBuf>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let mut paths: Vec<PathBuf> = [
            "/usr",
            "/bin",
            "/sbin",
            "/lib",
            "/lib32",
            "/lib64",
            "/libx32",
            "/nix/store",
            "/gnu/store",
            // Only the program's own /proc/<pid> (opened by the helper, whose
            // pid the interpreter keeps): never the runner's environment,
            // memory map or command line, nor other processes'.
            "/proc/self",
            "/proc/cpuinfo",
            "/proc/meminfo",
            "/proc/stat",
            "/proc/loadavg",
            "/proc/uptime",
            "/proc/version",
            "/proc/filesystems",
            "/proc/sys/kernel",
            "/proc/sys/vm/overcommit_memory",
            "/sys/devices/system/cpu",
            "/dev/urandom",
            "/dev/random",
            "/etc/ssl/certs",
            "/etc/ssl/openssl.cnf",
            "/etc/pki/tls/certs",
            "/etc/pki/ca-trust",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        const ETC: &[&str] = &[
            "ld.so.cache",
            "ld.so.conf",
            "ld.so.conf.d",
            "ld.so.preload",
            "localtime",
            "timezone",
            "passwd",
            "group",
            "nsswitch.conf",
            "hosts",
            "host.conf",
            "resolv.conf",
            "gai.conf",
            "services",
            "protocols",
            "mime.types",
            "mailcap",
            "os-release",
            "lsb-release",
            "debian_version",
            "alpine-release",
            "redhat-release",
            "fedora-release",
            "locale.alias",
            "locale.conf",
            "default",
            "terminfo",
            "magic",
            "machine-id",
            "alternatives",
            "ca-certificates",
            "ca-certificates.conf",
        ];
        if let Ok(entries) = std::fs::read_dir("/etc") {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                // /etc/python3.11 (Debian's sitecustomize) and the like.
                if ETC.contains(&name.as_ref()) || name.starts_with("python") {
                    paths.push(entry.path());
                }
            }
        }
        paths.retain(|p| p.exists());
        paths
    })
}

/// The layers as the helper applies them on this machine: a real probe, run
/// once per process and cached.
pub fn layers(helper: Option<&Path>) -> Vec<Layer> {
    let mut layers = Vec::new();
    match sweep::subreaper() {
        Ok(()) => layers.push(Layer {
            name: "process sweep",
            state: LayerState::Active,
            detail: "the runner is a child subreaper: processes that leave the group \
                     (setsid, double fork) are killed after every run"
                .into(),
        }),
        Err(why) => layers.push(Layer {
            name: "process sweep",
            state: LayerState::Unavailable,
            detail: why,
        }),
    }
    let extras = [
        "user namespace",
        "network namespace",
        "mount namespace",
        "private /tmp",
        "landlock filesystem",
        "landlock network",
        "landlock scopes",
        "seccomp",
    ];
    let Some(helper) = helper else {
        layers.extend(extras.iter().map(|name| Layer {
            name,
            state: LayerState::Unavailable,
            detail: "no helper: pykata's library is used without pykata's binary".into(),
        }));
        return layers;
    };
    if !super::extras_enabled() {
        layers.extend(extras.iter().map(|name| Layer {
            name,
            state: LayerState::Unavailable,
            detail: "turned off with --no-sandbox-extras".into(),
        }));
        return layers;
    }
    static PROBED: OnceLock<Result<Vec<helper::Outcome>, String>> = OnceLock::new();
    let probed = PROBED.get_or_init(|| probe(helper));
    for name in extras {
        let (state, detail) = match probed {
            Err(why) => (LayerState::Unavailable, why.clone()),
            Ok(outcomes) => match outcomes.iter().find(|o| o.name == name) {
                Some(o) if o.state == "active" => (LayerState::Active, o.detail.clone()),
                Some(o) => (LayerState::Unavailable, o.detail.clone()),
                None => (LayerState::Unavailable, not_tried(name)),
            },
        };
        layers.push(Layer {
            name,
            state,
            detail,
        });
    }
    layers
}

fn not_tried(name: &str) -> String {
    // The private /tmp is made in the mount namespace and goes with it.
    let name = if name == "private /tmp" {
        "mount namespace"
    } else {
        name
    };
    let group = if name.contains("namespace") {
        "namespaces"
    } else {
        name.split(' ').next().unwrap_or(name)
    };
    if turned_off(group) {
        return format!("turned off with {OFF_VAR}={group}");
    }
    if name.contains("namespace") {
        namespaces::refusal().unwrap_or_else(|| "not tried".into())
    } else if name == "seccomp" {
        seccomp::unsupported().unwrap_or_else(|| "not tried".into())
    } else {
        "not tried".into()
    }
}

/// Starts the helper in probe mode with a run's configuration and reads
/// what each layer did.
fn probe(helper: &Path) -> Result<Vec<helper::Outcome>, String> {
    let dir = tempfile::Builder::new()
        .prefix("pykata-probe-")
        .tempdir()
        .map_err(|e| format!("could not make a temporary folder: {e}"))?;
    let mut cfg = base_config(&Limits::default(), false);
    cfg.read_write.insert(0, dir.path().to_path_buf());
    let mut cmd = Command::new(helper);
    cmd.arg(PROBE_ARG)
        .args(cfg.to_args())
        .env_clear()
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child =
        sweep::spawn(&mut cmd).map_err(|e| format!("could not start the helper: {e}"))?;
    let pid = child.id();
    let deadline = Instant::now() + Duration::from_secs(10);
    while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    let output = child.wait_with_output();
    sweep::finish(pid, dir.path());
    let output = output.map_err(|e| format!("the helper failed: {e}"))?;
    let outcomes: Vec<helper::Outcome> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    if outcomes.is_empty() {
        return Err(format!(
            "the helper reported nothing ({})",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(outcomes)
}
