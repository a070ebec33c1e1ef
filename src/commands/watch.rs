//! `pykata watch [KATA]`: the command line's watch mode, for learners who
//! keep their own terminal layout. It judges the current kata on every
//! save of its file, prints the verdict, and moves on to the next kata once
//! it passes. `q` (or Ctrl-C) quits; `r` checks again.
//!
//! Three threads feed one channel: the workspace watcher (the same one the
//! interface uses), the keys on stdin, and the signals. The main thread
//! runs the checks; a quit asked for during a run stops the run at once.

use super::check;
use super::style::Style;
use super::{exit, Ctx, Failure, Outcome};
use crate::course::{Course, Kata};
use crate::judge::Status;
use crate::progress::KataState;
use crate::runner::Interpreter;
use crate::session;
use crate::workspace::watch::{self, Event};
use crate::workspace::Workspace;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// How often the file is compared with the text last judged, for a save no
/// event reported (`--poll` compares contents once a second and can miss a
/// change back to the text it last saw; some mounts send no events).
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// What reaches the main thread.
enum Input {
    Watch(Event),
    Key(u8),
    /// A signal that ends the watch, and the exit code it gives.
    Signal(u8),
}

/// Why the watch ended.
enum End {
    /// The learner quit (q, Ctrl-C) or every kata is done.
    Quit,
    /// SIGTERM or SIGHUP: the code to exit with.
    Signal(u8),
}

pub fn run(ctx: &Ctx, kata: Option<&str>, poll: bool) -> Outcome {
    let course = ctx.course()?;
    let ws = ctx.workspace()?;
    // Canonical, so the watcher's paths compare equal to the kata's.
    let ws = Workspace {
        root: ws.root.canonicalize().unwrap_or(ws.root),
    };
    let mut kata = match kata {
        Some(id) => super::kata(&course, id)?,
        None => match check::current(&course, &ws)? {
            Some(kata) => kata,
            None => return Ok(exit::OK),
        },
    };
    let python = ctx.python()?;

    let (tx, rx) = mpsc::channel();
    let quit = Arc::new(AtomicBool::new(false));
    let watch_tx = tx.clone();
    let _watcher = watch::start(&ws.root, poll, move |event| {
        let _ = watch_tx.send(Input::Watch(event));
    })
    .map_err(|e| {
        Failure::environment(format!("cannot watch {} for saves: {e}", ws.root.display())).help(
            "try `pykata watch --poll`, which looks at the files instead of waiting for events",
        )
    })?;
    let _keys = keys::Keys::start(tx.clone(), quit.clone());
    #[cfg(unix)]
    let _signals = signals::start(tx, quit.clone());

    let watching = Watching {
        course: &course,
        ws: &ws,
        python: &python,
        quit: &quit,
        judged: RefCell::new(None),
    };
    // Warm runs (runner::warm): each save finds its run started; ended
    // with the watch.
    let runs_ready = crate::session::keep_runs_ready();
    let mut next_run = true;
    let end = loop {
        if next_run {
            next_run = false;
            match watching.judge(kata) {
                Judged::Stay => {}
                Judged::Quit => break quit_reason(&rx),
                Judged::Next(next) => {
                    kata = next;
                    next_run = true;
                    continue;
                }
                Judged::AllDone => break End::Quit,
            }
            watching.banner(kata);
        }
        let first = match rx.recv_timeout(LOOK_EVERY) {
            Ok(input) => input,
            Err(RecvTimeoutError::Timeout) => {
                next_run = watching.changed_unseen(kata);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break End::Quit,
        };
        // Saves that came during a run are one more run, not one each.
        let inputs = std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok()));
        match watching.react(kata, inputs) {
            Reaction::Wait => {}
            Reaction::Check => next_run = true,
            Reaction::End(end) => break end,
        }
    };
    // The run kept ready for the next save is ended with the watch.
    drop(runs_ready);
    println!("Stopped watching.");
    Ok(match end {
        End::Quit => exit::OK,
        End::Signal(code) => code,
    })
}

/// How a quit asked for during a run ends the watch: a signal's code if a
/// signal asked, else a plain quit.
fn quit_reason(rx: &Receiver<Input>) -> End {
    std::iter::from_fn(|| rx.try_recv().ok())
        .find_map(|input| match input {
            Input::Signal(code) if code != 0 => Some(End::Signal(code)),
            _ => None,
        })
        .unwrap_or(End::Quit)
}

/// What a run led to.
enum Judged<'c> {
    /// Not passed yet: keep watching this kata.
    Stay,
    /// Passed (or skipped here): this kata is next.
    Next(&'c Kata),
    AllDone,
    /// A quit came during the run.
    Quit,
}

/// What a batch of inputs asks for.
enum Reaction {
    Wait,
    Check,
    End(End),
}

/// What the watch works with.
struct Watching<'a> {
    course: &'a Course,
    ws: &'a Workspace,
    python: &'a Interpreter,
    quit: &'a Arc<AtomicBool>,
    /// The text of the kata's file the last verdict is of.
    judged: RefCell<Option<String>>,
}

impl<'a> Watching<'a> {
    fn banner(&self, kata: &Kata) {
        let s = Style::stdout();
        println!(
            "{}",
            s.dim(&format!(
                "Watching {} ({}). Save it to check it again; q quits, r checks now.",
                kata.workspace_path(),
                kata.id
            ))
        );
        flush();
    }

    /// Judges `kata`'s file, prints the verdict and says what comes next.
    fn judge(&self, kata: &'a Kata) -> Judged<'a> {
        let s = Style::stdout();
        println!(
            "\n{}",
            s.dim(&format!("── checking {} ──", kata.workspace_path()))
        );
        flush();
        // The text is read once and judged as read, so the verdict is of
        // the text remembered, whatever the file holds by then.
        let cancel = Some(self.quit.clone());
        let result = match self.ws.read_kata(kata) {
            Ok(source) => {
                let result =
                    session::check_kata_source(self.python, self.ws, kata, &source, cancel);
                *self.judged.borrow_mut() = Some(source);
                result
            }
            Err(_) => session::check_kata(self.python, self.ws, kata, cancel),
        };
        if self.quit.load(Ordering::SeqCst) {
            return Judged::Quit;
        }
        let verdict = match result {
            Ok((verdict, warning)) => {
                // An unreadable file was told with the verdict's warning.
                let hints = self
                    .ws
                    .read_progress()
                    .progress
                    .kata(&kata.id)
                    .hints_shown(kata.hints.len());
                print!("{}", check::human(kata, &verdict, hints, true));
                if let Some(w) = warning {
                    flush();
                    super::warn(&w);
                }
                verdict
            }
            Err(e) => {
                // Said, and the watch goes on: the next save may fix it.
                let failure = Failure::from(e);
                let s = Style::stderr();
                flush();
                eprintln!("{} {}", s.bad("error:"), failure.message);
                if let Some(help) = failure.help {
                    eprintln!("  {} {help}", s.dim("help:"));
                }
                return Judged::Stay;
            }
        };
        if !verdict.status.is_ok() {
            if self
                .ws
                .read_kata(kata)
                .is_ok_and(|source| session::is_untouched_starter(kata, &source))
            {
                println!(
                    "  {}",
                    s.dim("This is still the starter: edit the file and save it.")
                );
            }
            return Judged::Stay;
        }
        match self.next_after(kata) {
            Some(next) => {
                let why = if verdict.status == Status::Skipped {
                    "skipped here"
                } else {
                    "done"
                };
                println!(
                    "\n{} {} is {why}. Next: {} ({}): {}",
                    s.good("→"),
                    kata.id,
                    next.id,
                    next.workspace_path(),
                    next.title
                );
                // Its file is there to open before the first save.
                if let Err(e) = self.ws.ensure_kata_file(next) {
                    super::warn(&format!("{e} ({})", e.help()));
                }
                Judged::Next(next)
            }
            None => {
                println!(
                    "\n{} Every kata of this course is done. `pykata report` writes your progress to send.",
                    s.good("✓")
                );
                Judged::AllDone
            }
        }
    }

    /// Whether `kata`'s file now holds other text than the last verdict is
    /// of (a save no event reported). A file that cannot be read is left
    /// to the next event, rather than reported once a second.
    fn changed_unseen(&self, kata: &Kata) -> bool {
        let judged = self.judged.borrow();
        match (judged.as_deref(), self.ws.read_kata(kata)) {
            (Some(judged), Ok(now)) => judged != now,
            _ => false,
        }
    }

    /// The first kata after `kata` (then from the start) not done yet, not
    /// `kata` itself (its pass may not have been recorded).
    fn next_after(&self, kata: &Kata) -> Option<&'a Kata> {
        // Which kata comes next; the checks tell of an unreadable file.
        let progress = self.ws.read_progress().progress;
        let katas: Vec<&Kata> = self.course.katas().collect();
        let at = katas.iter().position(|k| k.id == kata.id).unwrap_or(0);
        katas[at + 1..]
            .iter()
            .chain(&katas[..at])
            .find(|k| progress.kata(&k.id).state != KataState::Done)
            .copied()
    }

    fn react(&self, kata: &Kata, inputs: impl Iterator<Item = Input>) -> Reaction {
        let file = self.ws.kata_path(kata);
        let mut check = false;
        let mut others: Vec<PathBuf> = Vec::new();
        for input in inputs {
            match input {
                Input::Key(b'q' | b'Q') => return Reaction::End(End::Quit),
                Input::Signal(0) => return Reaction::End(End::Quit),
                Input::Signal(code) => return Reaction::End(End::Signal(code)),
                Input::Key(b'r' | b'R') => check = true,
                Input::Key(_) => {}
                Input::Watch(Event::Saved(paths)) => {
                    for path in paths {
                        if path == file {
                            check = true;
                        } else if !others.contains(&path) {
                            others.push(path);
                        }
                    }
                }
                Input::Watch(Event::Failed(e)) => super::warn(&format!(
                    "watching for saves failed ({e}); r checks now, or restart with --poll"
                )),
            }
        }
        let s = Style::stdout();
        for other in others {
            // A save of another kata: say how to switch to it.
            let shown = other.strip_prefix(&self.ws.root).unwrap_or(&other);
            let id = self
                .course
                .katas()
                .find(|k| shown == std::path::Path::new(&k.workspace_path()))
                .map(|k| k.id.as_str());
            if let Some(id) = id {
                println!(
                    "{}",
                    s.dim(&format!(
                        "(saved {}; watching {}: `pykata watch {id}` watches that one)",
                        shown.display(),
                        kata.workspace_path()
                    ))
                );
            }
        }
        flush();
        if check {
            Reaction::Check
        } else {
            Reaction::Wait
        }
    }
}

fn flush() {
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

/// The keys on stdin. In a terminal, each key counts at once (no Enter):
/// line editing and echo are off while watching and put back after. The
/// terminal still turns Ctrl-C into SIGINT, so it quits the same way.
mod keys {
    use super::Input;
    use std::io::Read;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::sync::Arc;

    pub struct Keys {
        #[cfg(unix)]
        saved: Option<nix::sys::termios::Termios>,
    }

    impl Keys {
        pub fn start(tx: Sender<Input>, quit: Arc<AtomicBool>) -> Keys {
            let keys = Keys {
                #[cfg(unix)]
                saved: single_keys(),
            };
            let _ = std::thread::Builder::new()
                .name("pykata-keys".into())
                .spawn(move || {
                    let mut stdin = std::io::stdin();
                    let mut byte = [0u8; 1];
                    // At the end of stdin (`< /dev/null`) the watch goes on;
                    // Ctrl-C still ends it.
                    while let Ok(1) = stdin.read(&mut byte) {
                        if matches!(byte[0], b'q' | b'Q') {
                            quit.store(true, Ordering::SeqCst);
                        }
                        if tx.send(Input::Key(byte[0])).is_err() {
                            break;
                        }
                    }
                });
            keys
        }
    }

    /// Turns off line editing and echo on a terminal stdin; returns the
    /// settings to put back.
    #[cfg(unix)]
    fn single_keys() -> Option<nix::sys::termios::Termios> {
        use nix::sys::termios::{self, LocalFlags, SetArg, SpecialCharacterIndices as Cc};
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return None;
        }
        let saved = termios::tcgetattr(&stdin).ok()?;
        let mut keys = saved.clone();
        keys.local_flags
            .remove(LocalFlags::ICANON | LocalFlags::ECHO);
        keys.control_chars[Cc::VMIN as usize] = 1;
        keys.control_chars[Cc::VTIME as usize] = 0;
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &keys).ok()?;
        Some(saved)
    }

    #[cfg(unix)]
    impl Drop for Keys {
        fn drop(&mut self) {
            use nix::sys::termios::{self, SetArg};
            if let Some(saved) = &self.saved {
                let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, saved);
            }
        }
    }
}

/// SIGINT quits as `q` does; SIGTERM and SIGHUP end the watch with their
/// conventional codes. Each stops a run under way.
#[cfg(unix)]
mod signals {
    use super::Input;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::sync::Arc;

    pub struct Signals(signal_hook::iterator::Handle);

    pub fn start(tx: Sender<Input>, quit: Arc<AtomicBool>) -> Option<Signals> {
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]).ok()?;
        let handle = signals.handle();
        std::thread::Builder::new()
            .name("pykata-signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    quit.store(true, Ordering::SeqCst);
                    let code = if signal == SIGINT {
                        0
                    } else {
                        128 + signal as u8
                    };
                    if tx.send(Input::Signal(code)).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Signals(handle))
    }

    impl Drop for Signals {
        fn drop(&mut self) {
            self.0.close();
        }
    }
}
