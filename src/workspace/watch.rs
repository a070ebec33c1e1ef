//! Watching the learner's workspace for saves, for both faces (the
//! interface and `pykata watch`). The folder is watched, not the file:
//! editors often save by writing a new file and renaming it over the old
//! one. With `--poll` the folder is polled instead, for file systems whose
//! events do not arrive (WSL on a Windows drive, network mounts).
//!
//! A save is reported the moment the event that ends it arrives: the
//! rename that puts a new file in place, or the close of a file opened for
//! writing. Waiting for a quiet period after every event would cost each
//! save that period. Only events that do not end a save (a write still
//! open, an attribute change, anything the poll watcher sees) wait for
//! [`QUIET`] without another event on that file, so a burst of them is one
//! save. After a save is reported, events on the same file within
//! [`BURST`] (an editor touching the file again right after its save) are
//! held and reported once, when the burst is over.

use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long events that do not end a save settle before they count as one.
pub const QUIET: Duration = Duration::from_millis(40);
/// After a save is reported, how long further events on the same file
/// count as the same burst.
pub const BURST: Duration = Duration::from_millis(40);
/// The quiet period, under its old name.
pub const DEBOUNCE: Duration = QUIET;
/// How often `--poll` looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Python files saved.
    Saved(Vec<PathBuf>),
    /// The watcher failed (events may be missed from now on).
    Failed(String),
}

/// A running watcher; dropping it stops watching (the coalescing thread
/// ends when the watcher's channel closes).
pub enum Watcher {
    Native(RecommendedWatcher),
    Poll(PollWatcher),
}

/// What one file event means for a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    /// The save is complete: a file renamed into place, or closed after
    /// writing.
    Ends,
    /// Part of a save, or a change without an ending event (polling).
    Part,
    /// Nothing to run: a read, a removal, a rename away.
    Nothing,
}

fn meaning(kind: &EventKind) -> Meaning {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Meaning::Ends,
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => Meaning::Ends,
        // The watcher reports a rename's two halves (`From`, `To`), then
        // both together: the `To` is the save, the pair would be it again.
        EventKind::Modify(ModifyKind::Name(RenameMode::From | RenameMode::Both)) => {
            Meaning::Nothing
        }
        EventKind::Access(_) | EventKind::Remove(_) => Meaning::Nothing,
        // A new empty file is not yet a save: its close after writing is.
        EventKind::Create(CreateKind::File) => Meaning::Part,
        _ => Meaning::Part,
    }
}

/// The Python file an event is about.
fn saved_path(event: &notify::Event) -> Option<&PathBuf> {
    event
        .paths
        .first()
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
}

/// The state of one file between events.
#[derive(Debug, Clone, Copy)]
enum Pending {
    /// Changes without an ending: report when quiet until then.
    QuietUntil(Instant),
    /// Reported at once; events until then are held. `again` is whether
    /// one came and must be reported when the burst is over.
    BurstUntil { until: Instant, again: bool },
}

/// Turns file events into saves (see the module's comment). Time is
/// passed in, so the rules are tested without sleeping.
#[derive(Debug, Default)]
struct Coalescer {
    pending: HashMap<PathBuf, Pending>,
}

impl Coalescer {
    /// The files to report now because of `event`.
    fn event(&mut self, event: &notify::Event, now: Instant) -> Vec<PathBuf> {
        let Some(path) = saved_path(event) else {
            return Vec::new();
        };
        let meaning = meaning(&event.kind);
        if meaning == Meaning::Nothing {
            return Vec::new();
        }
        match (self.pending.get(path).copied(), meaning) {
            (Some(Pending::BurstUntil { until, .. }), _) if now < until => {
                self.pending
                    .insert(path.clone(), Pending::BurstUntil { until, again: true });
                Vec::new()
            }
            (_, Meaning::Ends) => {
                self.pending.insert(
                    path.clone(),
                    Pending::BurstUntil {
                        until: now + BURST,
                        again: false,
                    },
                );
                vec![path.clone()]
            }
            _ => {
                self.pending
                    .insert(path.clone(), Pending::QuietUntil(now + QUIET));
                Vec::new()
            }
        }
    }

    /// The files whose quiet period or burst is over at `now`.
    fn tick(&mut self, now: Instant) -> Vec<PathBuf> {
        let mut due = Vec::new();
        self.pending.retain(|path, pending| match *pending {
            Pending::QuietUntil(at) if now >= at => {
                due.push(path.clone());
                false
            }
            Pending::BurstUntil { until, again } if now >= until => {
                if again {
                    due.push(path.clone());
                }
                false
            }
            _ => true,
        });
        due.sort();
        due
    }

    /// When `tick` next has something to do.
    fn next_due(&self) -> Option<Instant> {
        self.pending
            .values()
            .map(|p| match *p {
                Pending::QuietUntil(at) => at,
                Pending::BurstUntil { until, .. } => until,
            })
            .min()
    }
}

/// Reads the watcher's events and reports saves, until the watcher is
/// dropped (its sender with it).
fn coalesce(
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    report: impl Fn(Event) + Send + 'static,
) {
    let mut coalescer = Coalescer::default();
    loop {
        let received = match coalescer.next_due() {
            Some(at) => events.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => events
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        let mut saved = match received {
            Ok(Ok(event)) => coalescer.event(&event, Instant::now()),
            Ok(Err(e)) => {
                report(Event::Failed(e.to_string()));
                Vec::new()
            }
            Err(mpsc::RecvTimeoutError::Timeout) => Vec::new(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        saved.extend(coalescer.tick(Instant::now()));
        if !saved.is_empty() {
            report(Event::Saved(saved));
        }
    }
}

/// Starts watching `root` and everything under it; `report` is called on
/// a thread of the watcher's own.
pub fn start(
    root: &Path,
    poll: bool,
    report: impl Fn(Event) + Send + 'static,
) -> Result<Watcher, String> {
    let (tx, rx) = mpsc::channel();
    let handler = move |event: notify::Result<notify::Event>| {
        let _ = tx.send(event);
    };
    let watcher = if poll {
        // The poll watcher compares modification times in whole seconds:
        // comparing contents too catches two saves within one second (a
        // workspace is a few dozen small files, cheap to read).
        let config = notify::Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        let mut w = PollWatcher::new(handler, config).map_err(|e| e.to_string())?;
        w.watch(root, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        Watcher::Poll(w)
    } else {
        let mut w = RecommendedWatcher::new(handler, notify::Config::default())
            .map_err(|e| e.to_string())?;
        w.watch(root, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        Watcher::Native(w)
    };
    std::thread::Builder::new()
        .name("pykata-watch".into())
        .spawn(move || coalesce(rx, report))
        .map_err(|e| e.to_string())?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{DataChange, MetadataKind, RemoveKind};

    fn ev(kind: EventKind, paths: &[&str]) -> notify::Event {
        let mut e = notify::Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        e
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    const CLOSE_WRITE: EventKind = EventKind::Access(AccessKind::Close(AccessMode::Write));
    const DATA: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Any));

    #[test]
    fn a_rename_into_place_is_reported_at_once() {
        let mut c = Coalescer::default();
        let t = Instant::now();
        assert!(c
            .event(
                &ev(EventKind::Create(CreateKind::File), &["/w/.a.py.swp"]),
                t
            )
            .is_empty());
        let from = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        let to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(c.event(&ev(from, &["/w/.a.py.swp"]), t).is_empty());
        assert_eq!(
            c.event(&ev(to, &["/w/a.py"]), t),
            vec![PathBuf::from("/w/a.py")]
        );
        assert!(c
            .event(&ev(both, &["/w/.a.py.swp", "/w/a.py"]), t)
            .is_empty());
        // Nothing more once the burst is over: the save was said once.
        assert!(c.tick(t + ms(100)).is_empty());
    }

    #[test]
    fn an_overwrite_is_reported_when_the_file_is_closed() {
        let mut c = Coalescer::default();
        let t = Instant::now();
        assert!(c.event(&ev(DATA, &["/w/a.py"]), t).is_empty());
        assert!(c.event(&ev(DATA, &["/w/a.py"]), t + ms(1)).is_empty());
        assert_eq!(
            c.event(&ev(CLOSE_WRITE, &["/w/a.py"]), t + ms(2)),
            vec![PathBuf::from("/w/a.py")]
        );
        assert!(
            c.tick(t + ms(100)).is_empty(),
            "the writes were part of the save said"
        );
    }

    #[test]
    fn vims_backup_dance_is_one_save_at_the_close() {
        let mut c = Coalescer::default();
        let t = Instant::now();
        let from = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        let to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        let steps = [
            ev(EventKind::Create(CreateKind::File), &["/w/4913"]),
            ev(EventKind::Remove(RemoveKind::File), &["/w/4913"]),
            ev(from, &["/w/a.py"]),
            ev(to, &["/w/a.py~"]),
            ev(EventKind::Create(CreateKind::File), &["/w/a.py"]),
            ev(DATA, &["/w/a.py"]),
        ];
        for step in &steps {
            assert!(c.event(step, t).is_empty(), "{step:?}");
        }
        assert_eq!(
            c.event(&ev(CLOSE_WRITE, &["/w/a.py"]), t),
            vec![PathBuf::from("/w/a.py")]
        );
        assert!(c
            .event(&ev(EventKind::Remove(RemoveKind::File), &["/w/a.py~"]), t)
            .is_empty());
        assert!(c.tick(t + ms(100)).is_empty());
    }

    #[test]
    fn changes_without_an_ending_wait_for_quiet() {
        let mut c = Coalescer::default();
        let t = Instant::now();
        let meta = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any));
        assert!(c.event(&ev(DATA, &["/w/a.py"]), t).is_empty());
        assert!(c.event(&ev(meta, &["/w/a.py"]), t + ms(30)).is_empty());
        assert!(
            c.tick(t + ms(50)).is_empty(),
            "30 ms after the last event is not quiet yet"
        );
        assert_eq!(c.next_due(), Some(t + ms(30) + QUIET));
        assert_eq!(c.tick(t + ms(71)), vec![PathBuf::from("/w/a.py")]);
    }

    #[test]
    fn a_second_save_within_the_burst_is_reported_once_after_it() {
        let mut c = Coalescer::default();
        let t = Instant::now();
        assert_eq!(c.event(&ev(CLOSE_WRITE, &["/w/a.py"]), t).len(), 1);
        assert!(c
            .event(&ev(CLOSE_WRITE, &["/w/a.py"]), t + ms(5))
            .is_empty());
        assert!(c
            .event(&ev(CLOSE_WRITE, &["/w/a.py"]), t + ms(10))
            .is_empty());
        assert_eq!(c.tick(t + BURST), vec![PathBuf::from("/w/a.py")]);
        // A save after the burst is at once again.
        assert_eq!(
            c.event(&ev(CLOSE_WRITE, &["/w/a.py"]), t + ms(200)).len(),
            1
        );
    }

    #[test]
    fn other_files_and_reads_are_not_saves() {
        let mut c = Coalescer::default();
        let t = Instant::now();
        assert!(c.event(&ev(CLOSE_WRITE, &["/w/notes.txt"]), t).is_empty());
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert!(c.event(&ev(read, &["/w/a.py"]), t).is_empty());
        assert!(c
            .event(&ev(EventKind::Remove(RemoveKind::File), &["/w/a.py"]), t)
            .is_empty());
        assert_eq!(c.next_due(), None);
    }

    /// Saves `file` the way `save` does, and returns how long until the
    /// watcher reported it.
    fn seen_after(poll: bool, save: impl Fn(&Path)) -> Duration {
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
        std::thread::sleep(ms(if poll { 400 } else { 50 }));
        let started = Instant::now();
        save(&file);
        let deadline = started + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(Event::Saved(paths)) if paths.contains(&file) => {
                    let took = started.elapsed();
                    // One save is one report.
                    std::thread::sleep(QUIET + BURST + ms(50));
                    let more: Vec<_> = rx.try_iter().collect();
                    assert!(more.is_empty(), "reported again: {more:?}");
                    return took;
                }
                Ok(_) => continue,
                Err(_) => panic!("no event for {} (poll: {poll})", file.display()),
            }
        }
    }

    fn rename_over(file: &Path) {
        let tmp = file.with_file_name(".a.py.swp");
        std::fs::write(&tmp, "x = 2\n").unwrap();
        std::fs::rename(&tmp, file).unwrap();
    }

    #[test]
    fn a_rename_over_the_file_is_seen_without_waiting_for_quiet() {
        let took = seen_after(false, rename_over);
        // Within the quiet period: the old debounce took 40 ms and more.
        // (A loaded machine may delay the thread; the test still fails if
        // the watcher waits for quiet.)
        assert!(took < QUIET, "seen after {took:?}");
    }

    #[test]
    fn a_plain_overwrite_is_seen_without_waiting_for_quiet() {
        let took = seen_after(false, |f| std::fs::write(f, "x = 3\n").unwrap());
        assert!(took < QUIET, "seen after {took:?}");
    }

    #[test]
    fn polling_sees_it_too() {
        seen_after(true, rename_over);
    }
}
