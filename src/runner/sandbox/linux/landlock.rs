//! Landlock: the program may read and execute the system and interpreter
//! folders, change only its work dir, make no TCP connection, bind no TCP
//! port, and (ABI 6, Linux 6.12) signal no process and reach no abstract
//! unix socket outside its own sandbox.

use landlock::{
    path_beneath_rules, Access, AccessFs, AccessNet, BitFlags, LandlockStatus, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};
use std::path::PathBuf;

/// The ABI whose rights we ask for; older kernels get what they support.
const WANTED: ABI = ABI::V6;

/// What the kernel enforced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enforced {
    /// The Landlock ABI the kernel offers (0 without Landlock).
    pub abi: i32,
    /// No TCP bind or connect (ABI 4, Linux 6.7).
    pub tcp: bool,
    /// Signals and abstract unix sockets scoped (ABI 6, Linux 6.12).
    pub scopes: bool,
}

/// Restricts the calling process (and everything it starts) for good.
pub fn restrict(read_only: &[PathBuf], read_write: &[PathBuf]) -> Result<Enforced, String> {
    let all = AccessFs::from_all(WANTED);
    // Device nodes could reopen a disk behind the rules' back.
    let writable: BitFlags<AccessFs> = all & !(AccessFs::MakeChar | AccessFs::MakeBlock);
    let status = Ruleset::default()
        .handle_access(all)
        .and_then(|r| r.handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp))
        .and_then(|r| r.scope(Scope::AbstractUnixSocket | Scope::Signal))
        .and_then(|r| r.create())
        .and_then(|r| r.add_rules(path_beneath_rules(read_only, AccessFs::from_read(WANTED))))
        .and_then(|r| r.add_rules(path_beneath_rules(read_write, writable)))
        .and_then(|r| r.restrict_self())
        .map_err(|e| e.to_string())?;
    let abi =
        match status.landlock {
            LandlockStatus::Available {
                kernel_abi: Some(raw),
                ..
            } => raw,
            LandlockStatus::Available { effective_abi, .. } => effective_abi as i32,
            LandlockStatus::NotEnabled => {
                return Err("Landlock is built into this kernel but not enabled at boot".into())
            }
            LandlockStatus::NotImplemented => return Err(
                "this kernel has no Landlock (Linux 5.13 or newer with CONFIG_SECURITY_LANDLOCK)"
                    .into(),
            ),
        };
    if status.ruleset == RulesetStatus::NotEnforced {
        return Err(format!(
            "the kernel did not enforce the rules (Landlock ABI {abi})"
        ));
    }
    Ok(Enforced {
        abi,
        tcp: abi >= 4,
        scopes: abi >= 6,
    })
}
