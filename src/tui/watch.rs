//! The interface's side of the workspace watcher (`workspace::watch`):
//! what it reports, as messages to the event loop.

use super::app::Msg;
use crate::workspace::watch::{self, Event};
use std::path::Path;
use std::sync::mpsc::Sender;

pub use crate::workspace::watch::{Watcher, DEBOUNCE, POLL_INTERVAL};

/// Starts watching `root` and everything under it.
pub fn start(root: &Path, poll: bool, tx: Sender<Msg>) -> Result<Watcher, String> {
    watch::start(root, poll, move |event| {
        let _ = tx.send(match event {
            Event::Saved(paths) => Msg::FilesChanged(paths),
            Event::Failed(e) => Msg::WatchError(e),
        });
    })
}
