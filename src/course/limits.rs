//! Resource limits for one run: defaults, the ceilings a kata may raise them
//! to, and how a kata's `limits:` block becomes concrete numbers. Part of the
//! course model (a kata carries its limits); the runner enforces them.

use super::model::LimitsSpec;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Limits {
    /// Wall-clock time of the whole run; the process group is killed after it.
    pub wall_ms: u64,
    /// CPU seconds (RLIMIT_CPU where available).
    pub cpu_ms: u64,
    /// Address space (RLIMIT_AS where available).
    pub memory_mb: u64,
    /// Bytes per stream after which the run is stopped as "killed (output)".
    pub output_kb: u64,
    /// Largest file the program may write (RLIMIT_FSIZE where available).
    pub file_size_mb: u64,
    /// Whether the program may start processes (the Linux seccomp layer
    /// refuses fork otherwise; threads are always allowed).
    pub processes: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            wall_ms: 5_000,
            cpu_ms: 6_000,
            memory_mb: 512,
            output_kb: 1024,
            file_size_mb: 16,
            processes: false,
        }
    }
}

impl Limits {
    /// The highest values a kata may ask for.
    pub const CEILING: Limits = Limits {
        wall_ms: 30_000,
        cpu_ms: 30_000,
        memory_mb: 2048,
        output_kb: 8192,
        file_size_mb: 256,
        processes: true,
    };

    /// Applies a kata's overrides. Returns the name and value of the first
    /// field above its ceiling as an error.
    pub fn from_spec(spec: &LimitsSpec) -> Result<Limits, String> {
        let d = Limits::default();
        let c = Limits::CEILING;
        let pick = |name: &str, v: Option<u64>, def: u64, max: u64| -> Result<u64, String> {
            match v {
                None => Ok(def),
                Some(0) => Err(format!("`{name}` must be above 0")),
                Some(v) if v > max => Err(format!("`{name}: {v}` is above the ceiling of {max}")),
                Some(v) => Ok(v),
            }
        };
        let wall_ms = pick("wall_ms", spec.wall_ms, d.wall_ms, c.wall_ms)?;
        // A kata that raises the wall time gets CPU time to match unless it says otherwise.
        let cpu_default = d.cpu_ms.max(wall_ms + 1_000).min(c.cpu_ms);
        Ok(Limits {
            wall_ms,
            cpu_ms: pick("cpu_ms", spec.cpu_ms, cpu_default, c.cpu_ms)?,
            memory_mb: pick("memory_mb", spec.memory_mb, d.memory_mb, c.memory_mb)?,
            output_kb: pick("output_kb", spec.output_kb, d.output_kb, c.output_kb)?,
            file_size_mb: pick(
                "file_size_mb",
                spec.file_size_mb,
                d.file_size_mb,
                c.file_size_mb,
            )?,
            processes: spec.processes.unwrap_or(false),
        })
    }

    pub fn wall(&self) -> Duration {
        Duration::from_millis(self.wall_ms)
    }

    pub fn output_bytes(&self) -> u64 {
        self.output_kb * 1024
    }
}
