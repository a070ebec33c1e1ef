//! The sandbox layers around a run. The portable layer (fresh work dir,
//! cleared environment, wall clock, output caps, process-group kill) lives in
//! runner::process and applies everywhere. This module adds what the
//! operating system offers on top and reports what is active.
//!
//! The seam for further hardening (Landlock, seccomp, namespaces, a
//! re-executed helper) is `prepare`: it receives the command before spawn and
//! may rewrite it.

#[cfg(unix)]
mod unix;

use super::Limits;
use std::path::Path;
use std::process::Command;

/// One protection layer and whether this machine has it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Layer {
    pub name: &'static str,
    pub state: LayerState,
    /// What it does, or why it is missing.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerState {
    Active,
    Unavailable,
    NotApplicable,
}

/// Prepares `cmd` to run learner code under `limits` in `workdir`.
pub fn prepare(cmd: &mut Command, limits: &Limits, workdir: &Path) {
    let _ = workdir;
    #[cfg(unix)]
    unix::prepare(cmd, limits);
    #[cfg(not(unix))]
    let _ = (cmd, limits);
}

/// The layers as they apply on this machine, for `pykata doctor`.
pub fn layers() -> Vec<Layer> {
    let mut layers = vec![Layer {
        name: "portable",
        state: LayerState::Active,
        detail: "fresh work dir, cleared environment, wall-clock limit, output caps, \
                 the whole process group killed after every run"
            .into(),
    }];
    #[cfg(unix)]
    layers.extend(unix::layers());
    #[cfg(not(unix))]
    layers.push(Layer {
        name: "resource limits",
        state: LayerState::NotApplicable,
        detail: "CPU, memory and file-size limits need Unix rlimits; the wall clock still applies"
            .into(),
    });
    layers
}
