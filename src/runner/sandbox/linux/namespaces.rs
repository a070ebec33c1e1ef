//! Fresh namespaces for the helper: in its own user namespace RLIMIT_NPROC
//! counts only its own processes; in its own network namespace it sees no
//! interface but a loopback that is down; in its own mount namespace every
//! mount but the work dir is read-only.

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

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
    /// A mount namespace, in which [`read_only_outside`] can work.
    pub mount: Result<(), String>,
}

/// Moves the calling process, which must be single-threaded, into a new user,
/// network and mount namespace. Best effort: whatever fails is reported.
pub fn enter() -> Entered {
    let Ids { uid, gid, .. } = ids();
    let all = libc::CLONE_NEWUSER | libc::CLONE_NEWNET | libc::CLONE_NEWNS;
    match unshare(all) {
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
                mount: Ok(()),
            }
        }
        Err(user_err) => {
            // Without a user namespace the others need CAP_SYS_ADMIN, which
            // root has.
            let user = Err(format!("unshare(CLONE_NEWUSER) failed: {user_err}"));
            let net = unshare(libc::CLONE_NEWNET)
                .map_err(|e| format!("unshare(CLONE_NEWNET) failed: {e}"));
            let mount =
                unshare(libc::CLONE_NEWNS).map_err(|e| format!("unshare(CLONE_NEWNS) failed: {e}"));
            Entered { user, net, mount }
        }
    }
}

/// In a fresh mount namespace: makes every mount read-only except the
/// `writable` folders (bind-mounted onto themselves first), so nothing
/// outside them can be written, created, removed, renamed, chmod'ed, chown'ed
/// or touched, whatever Landlock covers. Needs mount_setattr (Linux 5.12).
pub fn read_only_outside(writable: &[std::path::PathBuf]) -> Result<(), String> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &std::path::Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| format!("{} has a NUL byte", p.display()))
    };
    let root = c(std::path::Path::new("/"))?;
    // Nothing we do may propagate back to the system's mounts.
    mount(None, &root, libc::MS_REC | libc::MS_PRIVATE)
        .map_err(|e| format!("making the mounts private failed: {e}"))?;
    let mut binds = Vec::new();
    for dir in writable {
        if !dir.is_dir() {
            continue;
        }
        let path = c(dir)?;
        mount(Some(&path), &path, libc::MS_BIND | libc::MS_REC)
            .map_err(|e| format!("bind-mounting {} failed: {e}", dir.display()))?;
        binds.push(path);
    }
    set_read_only(&root, true, true).map_err(|e| format!("mount_setattr failed: {e}"))?;
    for path in &binds {
        set_read_only(path, false, false).map_err(|e| format!("mount_setattr failed: {e}"))?;
    }
    // The working folder was looked up before the bind mount: look it up
    // again, or relative paths would land on the read-only mount below.
    if let Ok(cwd) = std::env::current_dir() {
        let _ = std::env::set_current_dir(cwd);
    }
    Ok(())
}

/// The folders [`private_tmp`] gives a run of its own.
pub const PRIVATE_TMP: &[&str] = &["/tmp", "/dev/shm"];

/// In a fresh mount namespace, after [`read_only_outside`]: an empty,
/// writable tmpfs on `/tmp` and `/dev/shm`, so `tempfile`, fixed `/tmp`
/// paths and POSIX semaphores (multiprocessing, ThreadPool) work while
/// nothing the system or other users keep there (files, sockets such as
/// tmux's) can be seen or reached. A folder below one of them is bound
/// back in: the work dir (when TMPDIR is /tmp) writable, and the
/// interpreter's own folders (a venv made in /tmp) read-only, as [`hide`]
/// does for the home folders. Returns the folders made.
pub fn private_tmp(
    keep_read_only: &[PathBuf],
    keep_writable: &[PathBuf],
) -> Result<Vec<PathBuf>, String> {
    // Only folders below them: an interpreter folder that is /tmp or
    // /dev/shm itself must not leave the whole folder shared.
    let below: Vec<PathBuf> = keep_read_only
        .iter()
        .filter(|p| !PRIVATE_TMP.iter().any(|t| p.as_path() == Path::new(t)))
        .cloned()
        .collect();
    let keep = kept(&below, keep_writable);
    let mut made = Vec::new();
    for target in PRIVATE_TMP.iter().map(Path::new) {
        if cover(target, true, "mode=1777,size=256m", &keep)? {
            made.push(target.to_path_buf());
        }
    }
    Ok(made)
}

/// In a fresh mount namespace: an empty, read-only tmpfs over each of
/// `folders` (the home folders and /run, where the sockets and secrets of
/// the rest of the system live), with the interpreter's own folders below
/// them (pyenv, uv and conda keep interpreters in the home folder) bound back
/// read-only and the work dir writable. Returns the folders hidden.
pub fn hide(
    folders: &[PathBuf],
    keep_read_only: &[PathBuf],
    keep_writable: &[PathBuf],
) -> Result<Vec<PathBuf>, String> {
    let keep = kept(keep_read_only, keep_writable);
    let mut hidden = Vec::new();
    for folder in folders {
        if cover(folder, false, "mode=0755,size=1m", &keep)? {
            hidden.push(folder.clone());
        }
    }
    Ok(hidden)
}

/// The paths [`cover`] binds back, each marked writable or not.
fn kept(read_only: &[PathBuf], writable: &[PathBuf]) -> Vec<(PathBuf, bool)> {
    read_only
        .iter()
        .map(|p| (p.clone(), false))
        .chain(writable.iter().map(|p| (p.clone(), true)))
        .collect()
}

/// Mounts an empty tmpfs on `target` (a real folder, not a link) and binds
/// back every `keep` path below it at the same place, writable or not as
/// marked. Returns false where there was nothing to cover, or where a kept
/// path is `target` itself.
fn cover(
    target: &Path,
    writable: bool,
    options: &str,
    keep: &[(PathBuf, bool)],
) -> Result<bool, String> {
    use std::os::fd::AsRawFd;
    let is_dir = fs::symlink_metadata(target).is_ok_and(|m| m.is_dir());
    if !is_dir || keep.iter().any(|(p, _)| p == target) {
        return Ok(false);
    }
    // The kept paths below `target`, outermost first, each held open before
    // the tmpfs hides it; one inside another kept path comes along with it.
    let mut below: Vec<&(PathBuf, bool)> = keep
        .iter()
        .filter(|(p, _)| p.starts_with(target) && p.exists())
        .collect();
    below.sort_by_key(|(p, _)| p.components().count());
    let mut held: Vec<(&PathBuf, bool, fs::File)> = Vec::new();
    for (path, rw) in below {
        if held.iter().any(|(outer, _, _)| path.starts_with(outer)) {
            continue;
        }
        match fs::File::open(path) {
            Ok(fd) => held.push((path, *rw, fd)),
            // Unreadable to us means unreadable to the run: nothing to keep.
            Err(_) => continue,
        }
    }
    let path = cstring(target)?;
    let fstype = CString::new("tmpfs").unwrap_or_default();
    let data = CString::new(options).unwrap_or_default();
    // SAFETY: every pointer is a NUL-terminated string alive for the call.
    let rc = unsafe {
        libc::mount(
            fstype.as_ptr(),
            path.as_ptr(),
            fstype.as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV,
            data.as_ptr().cast(),
        )
    };
    if rc != 0 {
        return Err(format!(
            "mounting an empty {} failed: {}",
            target.display(),
            std::io::Error::last_os_error()
        ));
    }
    for (kept, rw, fd) in held {
        if fd.metadata().is_ok_and(|m| m.is_dir()) {
            fs::create_dir_all(kept)
        } else {
            kept.parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::File::create(kept).map(drop))
        }
        .map_err(|e| format!("could not recreate {}: {e}", kept.display()))?;
        let from = CString::new(format!("/proc/self/fd/{}", fd.as_raw_fd())).unwrap_or_default();
        let to = cstring(kept)?;
        mount(Some(&from), &to, libc::MS_BIND | libc::MS_REC)
            .map_err(|e| format!("binding {} back failed: {e}", kept.display()))?;
        set_read_only(&to, !rw, !rw)
            .map_err(|e| format!("mount_setattr on {} failed: {e}", kept.display()))?;
    }
    if !writable {
        set_read_only(&path, true, false).map_err(|e| format!("mount_setattr failed: {e}"))?;
    }
    // The working folder may have been looked up through the old mount.
    if let Ok(cwd) = std::env::current_dir() {
        let _ = std::env::set_current_dir(cwd);
    }
    Ok(true)
}

fn cstring(p: &Path) -> Result<CString, String> {
    CString::new(p.as_os_str().as_bytes()).map_err(|_| format!("{} has a NUL byte", p.display()))
}

fn mount(
    source: Option<&std::ffi::CStr>,
    target: &std::ffi::CStr,
    flags: libc::c_ulong,
) -> std::io::Result<()> {
    // SAFETY: every pointer is a NUL-terminated string that outlives the
    // call, or null where mount(2) allows it (source, type and data of a
    // propagation change or bind mount).
    let rc = unsafe {
        libc::mount(
            source.map_or(std::ptr::null(), |s| s.as_ptr()),
            target.as_ptr(),
            std::ptr::null(),
            flags,
            std::ptr::null(),
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// `struct mount_attr` of linux/mount.h.
#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

const MOUNT_ATTR_RDONLY: u64 = 0x1;
const AT_RECURSIVE: libc::c_uint = 0x8000;

fn set_read_only(target: &std::ffi::CStr, read_only: bool, recursive: bool) -> std::io::Result<()> {
    let attr = MountAttr {
        attr_set: if read_only { MOUNT_ATTR_RDONLY } else { 0 },
        attr_clr: if read_only { 0 } else { MOUNT_ATTR_RDONLY },
        propagation: 0,
        userns_fd: 0,
    };
    let flags = if recursive { AT_RECURSIVE } else { 0 };
    // SAFETY: `target` is a NUL-terminated string and `attr` a properly laid
    // out struct mount_attr, both alive for the call; the kernel copies them.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            libc::AT_FDCWD,
            target.as_ptr(),
            flags,
            &attr as *const MountAttr,
            std::mem::size_of::<MountAttr>(),
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
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
