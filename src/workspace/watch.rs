//! Watching the learner's workspace for saves, for both faces (the
//! interface and `pykata watch`). The folder is watched, not
//! the file: editors often save by writing a new file and renaming it over
//! the old one. Events are debounced, so one save is one message. With
//! `--poll` the folder is polled instead, for file systems whose events do
//! not arrive (WSL on a Windows drive, network mounts).

use notify::event::EventKind;
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, Debouncer, NoCache, RecommendedCache,
};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long events settle before they count as one save.
pub const DEBOUNCE: Duration = Duration::from_millis(40);
/// How often `--poll` looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Python files written (one save may be several events, debounced).
    Saved(Vec<PathBuf>),
    /// The watcher failed (events may be missed from now on).
    Failed(String),
}

/// A running watcher; dropping it stops watching.
pub enum Watcher {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

fn handler(
    report: impl Fn(Event) + Send + 'static,
) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| match result {
        Ok(events) => {
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_) | EventKind::Remove(_)))
                .flat_map(|e| e.paths.iter())
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .cloned()
                .collect();
            if !paths.is_empty() {
                report(Event::Saved(paths));
            }
        }
        Err(errors) => {
            if let Some(e) = errors.first() {
                report(Event::Failed(e.to_string()));
            }
        }
    }
}

/// Starts watching `root` and everything under it; `report` is called on
/// the watcher's thread.
pub fn start(
    root: &Path,
    poll: bool,
    report: impl Fn(Event) + Send + 'static,
) -> Result<Watcher, String> {
    let tick = Some(DEBOUNCE / 4);
    if poll {
        // The poll watcher compares modification times in whole seconds:
        // comparing contents too catches two saves within one second (a
        // workspace is a few dozen small files, cheap to read).
        let config = notify::Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        let mut d = new_debouncer_opt::<_, PollWatcher, NoCache>(
            DEBOUNCE,
            tick,
            handler(report),
            NoCache::new(),
            config,
        )
        .map_err(|e| e.to_string())?;
        d.watch(root, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        Ok(Watcher::Poll(d))
    } else {
        let mut d = new_debouncer(DEBOUNCE, tick, handler(report)).map_err(|e| e.to_string())?;
        d.watch(root, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        Ok(Watcher::Native(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn saves_are_seen(poll: bool) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("basics")).unwrap();
        let file = root.join("basics/a.py");
        std::fs::write(&file, "x = 1\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let _w = start(&root, poll, move |e| {
            let _ = tx.send(e);
        })
        .unwrap();
        std::thread::sleep(Duration::from_millis(if poll { 400 } else { 50 }));
        // As an editor saves: a new file renamed over the old one.
        let tmp = root.join("basics/.a.py.swp");
        std::fs::write(&tmp, "x = 2\n").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(Event::Saved(paths)) if paths.contains(&file) => break,
                Ok(_) => continue,
                Err(_) => panic!("no event for {} (poll: {poll})", file.display()),
            }
        }
    }

    #[test]
    fn a_rename_over_the_file_is_seen() {
        saves_are_seen(false);
    }

    #[test]
    fn polling_sees_it_too() {
        saves_are_seen(true);
    }
}
