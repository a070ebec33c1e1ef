//! Noticing the learner's saves: file events, the editor closing, and a
//! look at the file on every tick for saves no event reported.
use super::*;

/// After this long without a file event for a change seen by polling the
/// file's metadata, saves are taken to go unnoticed.
pub const UNNOTICED_AFTER: Duration = Duration::from_millis(1500);

impl App {
    pub(crate) fn on_files_changed(&mut self, paths: &[PathBuf]) -> Vec<Effect> {
        let Some(view) = self.kata_view() else {
            return Vec::new();
        };
        let Some(path) = view.path.clone() else {
            return Vec::new();
        };
        if !paths.iter().any(|p| same_file(p, &path)) {
            return Vec::new();
        }
        self.dirty = true;
        self.start_check(false)
    }

    pub(crate) fn on_editor_closed(&mut self) -> Vec<Effect> {
        if matches!(self.screen, Screen::Kata(_)) {
            return self.start_check(false);
        }
        Vec::new()
    }

    /// Once a second or so: notices saves that no file event reported.
    pub(crate) fn kata_tick(&mut self) -> Vec<Effect> {
        let poll = self.poll;
        let time = self.clock.now();
        let Some(view) = self.kata_view() else {
            return Vec::new();
        };
        let Some(path) = view.path.clone() else {
            return Vec::new();
        };
        let now = stamp(&path);
        if now.is_none() && !view.file_missing && !path.exists() {
            // Deleted with no file event: say so before an `r` would run it.
            view.file_missing = true;
            view.invalidate();
            self.dirty = true;
            return Vec::new();
        }
        if now.is_none() || now == view.stamp {
            view.unnoticed_since = None;
            return Vec::new();
        }
        match view.unnoticed_since {
            None => {
                view.unnoticed_since = Some(time);
                Vec::new()
            }
            Some(since) if time.saturating_duration_since(since) >= UNNOTICED_AFTER => {
                view.stamp = now;
                view.unnoticed_since = None;
                if !poll {
                    self.warn(
                        "a save went unnoticed by the file watcher: restart with --poll (WSL on a Windows drive, network folders)",
                    );
                }
                self.start_check(false)
            }
            Some(_) => Vec::new(),
        }
    }
}

/// Whether an event's path is the learner's file (paths from the watcher
/// may differ by symlinks from ours).
fn same_file(event: &Path, ours: &Path) -> bool {
    if event == ours {
        return true;
    }
    match (event.canonicalize(), ours.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
