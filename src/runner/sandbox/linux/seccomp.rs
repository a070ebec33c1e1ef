//! The seccomp filter: system calls a learner's program has no business
//! making fail with EPERM (or ENOSYS, for `clone3`, whose flags a filter
//! cannot read, so that the C library falls back to `clone`).
//!
//! Denied: `socket()` of any family (a path-named Unix socket reaches
//! servers outside, since Landlock does not cover connect), except AF_UNIX
//! for a kata that starts processes where /tmp, /run and the home folders
//! are the run's own or hidden; `socketpair` other than AF_UNIX; `kill(-1)` and signals to the runner;
//! `setsid` and `setpgid` (leaving the process group); process creation
//! unless the kata allows it (threads stay allowed); new namespaces, `mount`
//! and friends; `ptrace` and reading other processes' memory; the keyring;
//! `bpf`, `perf_event_open`, `io_uring_*`, `userfaultfd`; terminal input
//! injection (TIOCSTI); raising resource limits; and the calls only an
//! administrator makes (reboot, modules, clocks, swap, accounting).

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
use seccompiler::{
    sock_filter, BackendError, BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp,
    SeccompCondition, SeccompFilter, SeccompRule, TargetArch,
};
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
use std::collections::BTreeMap;

/// Who the filter protects and what it allows.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub runner_pid: u32,
    pub runner_pgid: u32,
    pub allow_processes: bool,
    /// Let `socket(AF_UNIX)` through; otherwise `socket()` is refused for
    /// every family (`socketpair` stays, for asyncio and pipes).
    pub allow_unix_sockets: bool,
}

#[cfg(target_arch = "x86_64")]
const ARCH: Option<TargetArch> = Some(TargetArch::x86_64);
#[cfg(target_arch = "aarch64")]
const ARCH: Option<TargetArch> = Some(TargetArch::aarch64);
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const ARCH: Option<seccompiler::TargetArch> = None;

/// Why the filter cannot be built here, if it cannot.
pub fn unsupported() -> Option<String> {
    if ARCH.is_none() {
        Some(format!(
            "pykata's filter is written for x86_64 and aarch64, not {}",
            std::env::consts::ARCH
        ))
    } else {
        None
    }
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub fn install(policy: Policy) -> Result<(), String> {
    let _ = policy;
    Err(unsupported().unwrap_or_default())
}

/// Installs the filters on the calling thread (the helper has no other) and
/// sets no_new_privs. Kept across exec.
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
pub fn install(policy: Policy) -> Result<(), String> {
    let arch = ARCH.ok_or_else(|| unsupported().unwrap_or_default())?;
    let main: BpfProgram = SeccompFilter::new(
        rules(policy).map_err(|e| e.to_string())?,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::EPERM as u32),
        arch,
    )
    .and_then(TryInto::try_into)
    .map_err(|e| format!("could not build the filter: {e}"))?;
    seccompiler::apply_filter(&main).map_err(|e| e.to_string())?;
    seccompiler::apply_filter(&prefix_filter()).map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
type Rules = BTreeMap<i64, Vec<SeccompRule>>;

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
type Built<T> = Result<T, BackendError>;

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
fn cond(arg: u8, len: SeccompCmpArgLen, op: SeccompCmpOp, value: u64) -> Built<SeccompCondition> {
    SeccompCondition::new(arg, len, op, value)
}

/// `arg == value`, comparing the low 32 bits (an `int` argument).
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
fn int_eq(arg: u8, value: i64) -> Built<SeccompCondition> {
    cond(
        arg,
        SeccompCmpArgLen::Dword,
        SeccompCmpOp::Eq,
        u64::from(value as u32),
    )
}

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
fn rules(p: Policy) -> Built<Rules> {
    let mut rules: Rules = BTreeMap::new();
    let mut when = |nr: libc::c_long, conditions: Vec<SeccompCondition>| -> Built<()> {
        let entry = rules.entry(nr).or_default();
        if !conditions.is_empty() {
            entry.push(SeccompRule::new(conditions)?);
        }
        Ok(())
    };
    // Unconditional denials (an empty rule list matches every call).
    for nr in [
        libc::SYS_setsid,
        libc::SYS_setpgid,
        libc::SYS_ptrace,
        libc::SYS_process_vm_readv,
        libc::SYS_process_vm_writev,
        libc::SYS_keyctl,
        libc::SYS_add_key,
        libc::SYS_request_key,
        libc::SYS_bpf,
        libc::SYS_perf_event_open,
        libc::SYS_io_uring_setup,
        libc::SYS_io_uring_enter,
        libc::SYS_io_uring_register,
        libc::SYS_userfaultfd,
        libc::SYS_unshare,
        libc::SYS_setns,
        libc::SYS_mount,
        libc::SYS_umount2,
        libc::SYS_pivot_root,
        libc::SYS_chroot,
        libc::SYS_open_tree,
        libc::SYS_move_mount,
        libc::SYS_fsopen,
        libc::SYS_fsconfig,
        libc::SYS_fsmount,
        libc::SYS_fspick,
        libc::SYS_mount_setattr,
        libc::SYS_open_by_handle_at,
        libc::SYS_fanotify_init,
        libc::SYS_swapon,
        libc::SYS_swapoff,
        libc::SYS_reboot,
        libc::SYS_kexec_load,
        libc::SYS_init_module,
        libc::SYS_finit_module,
        libc::SYS_delete_module,
        libc::SYS_acct,
        libc::SYS_settimeofday,
        libc::SYS_clock_settime,
        libc::SYS_clock_adjtime,
        libc::SYS_adjtimex,
        libc::SYS_sethostname,
        libc::SYS_setdomainname,
        libc::SYS_syslog,
        libc::SYS_quotactl,
        libc::SYS_setrlimit,
    ] {
        when(nr, Vec::new())?;
    }
    #[cfg(target_arch = "x86_64")]
    for nr in [libc::SYS_iopl, libc::SYS_ioperm, libc::SYS_kexec_file_load] {
        when(nr, Vec::new())?;
    }

    // Sockets: only AF_UNIX (socketpair for asyncio, multiprocessing).
    let not_unix = || {
        cond(
            0,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Ne,
            libc::AF_UNIX as u64,
        )
    };
    if p.allow_unix_sockets {
        when(libc::SYS_socket, vec![not_unix()?])?;
    } else {
        when(libc::SYS_socket, Vec::new())?;
    }
    when(libc::SYS_socketpair, vec![not_unix()?])?;

    // Signals: never to every process (-1), never to the runner or its group.
    let runner = i64::from(p.runner_pid);
    let group = -i64::from(p.runner_pgid);
    for target in [-1, runner, group] {
        if target == 0 {
            continue;
        }
        when(libc::SYS_kill, vec![int_eq(0, target)?])?;
        when(libc::SYS_rt_sigqueueinfo, vec![int_eq(0, target)?])?;
    }
    for nr in [
        libc::SYS_tkill,
        libc::SYS_tgkill,
        libc::SYS_rt_tgsigqueueinfo,
        libc::SYS_pidfd_open,
    ] {
        when(nr, vec![int_eq(0, runner)?])?;
    }

    // Injecting keystrokes into a terminal.
    for request in [libc::TIOCSTI as i64, 0x541C /* TIOCLINUX */] {
        when(libc::SYS_ioctl, vec![int_eq(1, request)?])?;
    }

    // Raising a resource limit (prlimit64 with a new value).
    when(
        libc::SYS_prlimit64,
        vec![cond(2, SeccompCmpArgLen::Qword, SeccompCmpOp::Ne, 0)?],
    )?;

    // clone: never new namespaces; a new process only if allowed. Threads
    // (CLONE_THREAD) always work.
    for flag in [
        libc::CLONE_NEWUSER,
        libc::CLONE_NEWNET,
        libc::CLONE_NEWNS,
        libc::CLONE_NEWPID,
        libc::CLONE_NEWIPC,
        libc::CLONE_NEWUTS,
        libc::CLONE_NEWCGROUP,
    ] {
        let flag = flag as u64;
        when(
            libc::SYS_clone,
            vec![cond(
                0,
                SeccompCmpArgLen::Qword,
                SeccompCmpOp::MaskedEq(flag),
                flag,
            )?],
        )?;
    }
    if !p.allow_processes {
        let thread = libc::CLONE_THREAD as u64;
        when(
            libc::SYS_clone,
            vec![cond(
                0,
                SeccompCmpArgLen::Qword,
                SeccompCmpOp::MaskedEq(thread),
                0,
            )?],
        )?;
        #[cfg(target_arch = "x86_64")]
        for nr in [libc::SYS_fork, libc::SYS_vfork] {
            when(nr, Vec::new())?;
        }
    }
    Ok(rules)
}

/// A small hand-written filter installed after the main one: `clone3` gets
/// ENOSYS (glibc then uses `clone`, whose flags the main filter checks) and,
/// on x86_64, the x32 system call numbers, which the main filter does not
/// know, are refused.
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
fn prefix_filter() -> BpfProgram {
    const LD_W_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
    const JEQ_K: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    const JGE_K: u16 = 0x35; // BPF_JMP | BPF_JGE | BPF_K
    const RET_K: u16 = 0x06; // BPF_RET | BPF_K
    const RET_ALLOW: u32 = 0x7fff_0000;
    const RET_ERRNO: u32 = 0x0005_0000;
    let enosys = RET_ERRNO | libc::ENOSYS as u32;
    let ins = |code, jt, jf, k| sock_filter { code, jt, jf, k };
    // struct seccomp_data: nr at offset 0, arch at offset 4.
    vec![
        ins(LD_W_ABS, 0, 0, 0),
        ins(
            JGE_K,
            2,
            0,
            if cfg!(target_arch = "x86_64") {
                0x4000_0000
            } else {
                u32::MAX
            },
        ),
        ins(JEQ_K, 1, 0, libc::SYS_clone3 as u32),
        ins(RET_K, 0, 0, RET_ALLOW),
        ins(RET_K, 0, 0, enosys),
    ]
}

#[cfg(all(test, any(target_arch = "x86_64", target_arch = "aarch64")))]
mod tests {
    use super::*;

    #[test]
    fn the_filter_compiles() {
        if ARCH.is_none() {
            return;
        }
        for allow_processes in [false, true] {
            let rules = rules(Policy {
                runner_pid: 1234,
                runner_pgid: 1200,
                allow_processes,
                allow_unix_sockets: allow_processes,
            })
            .unwrap();
            let prog: BpfProgram = SeccompFilter::new(
                rules,
                SeccompAction::Allow,
                SeccompAction::Errno(1),
                ARCH.unwrap(),
            )
            .and_then(TryInto::try_into)
            .unwrap();
            assert!(!prog.is_empty() && prog.len() < 4096);
        }
        assert_eq!(prefix_filter().len(), 5);
    }
}
