//! A fresh user and network namespace for the helper: the program sees no
//! network interface but a loopback that is down, and inside its own user
//! namespace RLIMIT_NPROC counts only its own processes.

use std::fs;

/// Why the namespaces will not be tried on this machine, if they will not.
/// Checked once by the runner, so a helper never creates a namespace the
/// system means to forbid (where creating one "works" but leaves the process
/// without a usable id mapping).
pub fn refusal() -> Option<String> {
    let read = |path: &str| fs::read_to_string(path).ok().map(|s| s.trim().to_string());
    if !std::path::Path::new("/proc/self/ns/user").exists() {
        return Some("the kernel has no user namespaces".into());
    }
    if read("/proc/sys/user/max_user_namespaces").as_deref() == Some("0") {
        return Some("user.max_user_namespaces is 0".into());
    }
    let root = ids().euid == 0;
    if !root && read("/proc/sys/kernel/unprivileged_userns_clone").as_deref() == Some("0") {
        return Some("kernel.unprivileged_userns_clone is 0".into());
    }
    if !root
        && read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").as_deref() == Some("1")
    {
        return Some(
            "AppArmor restricts unprivileged user namespaces \
             (kernel.apparmor_restrict_unprivileged_userns = 1)"
                .into(),
        );
    }
    None
}

/// What [`enter`] managed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entered {
    /// A user namespace with the caller's ids mapped to themselves.
    pub user: Result<(), String>,
    /// A network namespace (inside the user namespace, or on its own where
    /// the caller may do that).
    pub net: Result<(), String>,
}

/// Moves the calling process, which must be single-threaded, into a new user
/// and network namespace. Best effort: whatever fails is reported.
pub fn enter() -> Entered {
    let Ids { uid, gid, .. } = ids();
    match unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) {
        Ok(()) => {
            // Map our own ids to themselves, so files and os.getuid() look as
            // they do outside. setgroups must be denied before gid_map can
            // be written without privilege.
            let mapped = fs::write("/proc/self/setgroups", "deny")
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .and_then(|()| fs::write("/proc/self/uid_map", format!("{uid} {uid} 1\n")))
                .and_then(|()| fs::write("/proc/self/gid_map", format!("{gid} {gid} 1\n")))
                .map_err(|e| format!("created, but the ids could not be mapped: {e}"));
            Entered {
                user: mapped,
                net: Ok(()),
            }
        }
        Err(user_err) => {
            // Without a user namespace a network namespace needs
            // CAP_SYS_ADMIN, which root has.
            let net = unshare(libc::CLONE_NEWNET)
                .map_err(|e| format!("unshare(CLONE_NEWNET) failed: {e}"));
            Entered {
                user: Err(format!("unshare(CLONE_NEWUSER) failed: {user_err}")),
                net,
            }
        }
    }
}

fn unshare(flags: libc::c_int) -> std::io::Result<()> {
    // SAFETY: unshare only changes the calling process's namespaces; it takes
    // no pointers. The helper is single-threaded, as CLONE_NEWUSER requires.
    let rc = unsafe { libc::unshare(flags) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The calling process's real and effective ids.
#[derive(Debug, Clone, Copy)]
pub struct Ids {
    pub uid: u32,
    pub gid: u32,
    pub euid: u32,
}

pub fn ids() -> Ids {
    // SAFETY: getuid, getgid and geteuid take no arguments, cannot fail and
    // touch no memory of ours.
    unsafe {
        Ids {
            uid: libc::getuid(),
            gid: libc::getgid(),
            euid: libc::geteuid(),
        }
    }
}
