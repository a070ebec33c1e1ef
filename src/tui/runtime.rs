//! The event loop. Everything that happens arrives as a [`Msg`] on one
//! channel: keys from an input thread, saves from the watcher, verdicts
//! from run threads, signals, a tick for the spinner. The loop hands each
//! message to the app, draws when something changed, and carries out the
//! effects the app asks for. Nothing here blocks on a run.

use super::app::{App, Effect, Msg};
use super::highlight::Highlighter;
use super::screens;
use super::terminal::{self, Term};
use super::trace::Trace;
use super::watch;
use super::worker::Worker;
use super::Options;
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How often the spinner turns and unnoticed saves are looked for.
const TICK: Duration = Duration::from_millis(200);

/// Reads terminal input on its own thread. It can be paused while an
/// editor owns the terminal, so no keystroke meant for the editor is taken.
struct Input {
    paused: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    lock: Arc<Mutex<()>>,
}

impl Input {
    #[allow(
        clippy::disallowed_methods,
        reason = "the input thread idles while the editor has the terminal, and backs off after a read error"
    )]
    fn spawn(tx: Sender<Msg>) -> Input {
        let input = Input {
            paused: Arc::new(AtomicBool::new(false)),
            stop: Arc::new(AtomicBool::new(false)),
            lock: Arc::new(Mutex::new(())),
        };
        let (paused, stop, lock) = (input.paused.clone(), input.stop.clone(), input.lock.clone());
        let _ = thread::Builder::new()
            .name("pykata-input".into())
            .spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    if paused.load(Ordering::SeqCst) {
                        thread::sleep(Duration::from_millis(20));
                        continue;
                    }
                    let _held = lock.lock().unwrap_or_else(|p| p.into_inner());
                    if paused.load(Ordering::SeqCst) {
                        continue;
                    }
                    match event::poll(Duration::from_millis(100)) {
                        Ok(true) => {
                            let msg = match event::read() {
                                Ok(Event::Key(k)) => Msg::Key(k),
                                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                                Ok(Event::Paste(p)) => Msg::Paste(p),
                                Ok(Event::Resize(..)) => Msg::Resize,
                                Ok(_) => continue,
                                Err(_) => {
                                    thread::sleep(Duration::from_millis(50));
                                    continue;
                                }
                            };
                            if tx.send(msg).is_err() {
                                break;
                            }
                        }
                        Ok(false) => {}
                        Err(_) => thread::sleep(Duration::from_millis(50)),
                    }
                }
            });
        input
    }

    /// Returns once the thread is out of its read and will not read again
    /// until [`Input::resume`].
    fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        drop(self.lock.lock().unwrap_or_else(|p| p.into_inner()));
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

#[cfg(unix)]
struct SignalThread(signal_hook::iterator::Handle);

#[cfg(unix)]
impl SignalThread {
    /// SIGTERM, SIGHUP, SIGINT and SIGQUIT end the interface cleanly.
    fn spawn(tx: Sender<Msg>) -> Option<SignalThread> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let mut signals =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).ok()?;
        let handle = signals.handle();
        thread::Builder::new()
            .name("pykata-signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    if tx.send(Msg::Terminate(signal)).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(SignalThread(handle))
    }
}

#[cfg(unix)]
impl Drop for SignalThread {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[allow(
    clippy::disallowed_methods,
    reason = "the tick thread is the interface's clock: a Tick every TICK"
)]
fn spawn_background(app: &App, tx: &Sender<Msg>) {
    let t = tx.clone();
    let _ = thread::Builder::new()
        .name("pykata-tick".into())
        .spawn(move || loop {
            thread::sleep(TICK);
            if t.send(Msg::Tick).is_err() {
                break;
            }
        });
    if let Some(python) = app.python.clone() {
        let t = tx.clone();
        // The kata the learner is likely to open: where the map continues.
        let next = crate::session::continue_target(&app.course, &app.progress).cloned();
        let _ = thread::Builder::new()
            .name("pykata-probe".into())
            .spawn(move || {
                let supported = python.require_supported();
                if let (Ok(_), Some(kata)) = (&supported, &next) {
                    crate::session::get_ready(&python, kata);
                }
                let _ = t.send(Msg::PythonProbed(supported));
            });
    }
    let t = tx.clone();
    let _ = thread::Builder::new()
        .name("pykata-syntax".into())
        .spawn(move || {
            let _ = t.send(Msg::HighlighterLoaded(Arc::new(Highlighter::load())));
        });
}

/// What became of `e`.
enum Edited {
    /// A terminal editor ran and exited.
    Waited(Result<(), String>),
    /// An editor with a window of its own was started.
    Detached(Result<String, String>),
}

fn edit(term: &mut Term, input: &Input, opts: &Options, path: &Path, line: Option<u64>) -> Edited {
    let plan = match super::editor::plan_here(opts.edit_cmd.as_deref(), path, line) {
        Ok(p) => p,
        Err(e) => return Edited::Waited(Err(e)),
    };
    if !plan.wait {
        let spawned = Command::new(&plan.program)
            .args(&plan.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        return Edited::Detached(match spawned {
            Ok(mut child) => {
                let _ = thread::Builder::new().spawn(move || child.wait());
                Ok(format!(
                    "opened in {}: every save runs the checks",
                    plan.source
                ))
            }
            Err(e) => Err(format!("could not start {}: {e}", plan.program)),
        });
    }
    input.pause();
    terminal::suspend();
    let status = Command::new(&plan.program).args(&plan.args).status();
    let resumed = terminal::resume(term);
    input.resume();
    if let Err(e) = resumed {
        return Edited::Waited(Err(format!("the terminal could not be taken back: {e}")));
    }
    Edited::Waited(match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("the editor `{}` ended with {s}", plan.program)),
        Err(e) => Err(format!(
            "could not start the editor `{}` (from {}): {e}",
            plan.program, plan.source
        )),
    })
}

/// Runs the interface until the learner quits or a signal arrives.
pub fn run(app: &mut App, opts: &Options, trace: &mut Trace) -> std::io::Result<()> {
    let (mut term, _guard) = terminal::enter()?;
    trace.log("terminal_ready", "");
    let (tx, rx) = mpsc::channel();
    let input = Input::spawn(tx.clone());
    #[cfg(unix)]
    let _signals = SignalThread::spawn(tx.clone());
    spawn_background(app, &tx);
    let _watcher = match &app.ws {
        Some(ws) => match watch::start(&ws.root, app.poll, tx.clone()) {
            Ok(w) => Some(w),
            Err(e) => {
                app.warn(format!(
                    "cannot watch your files ({e}): r runs the checks, or restart with --poll"
                ));
                None
            }
        },
        None => None,
    };
    let worker = Worker {
        python: app.python.clone(),
        ws: app.ws.clone(),
        tx: tx.clone(),
        active: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
    };

    let mut first_frame = true;
    let mut verdict_to_draw = false;
    loop {
        if app.dirty {
            let started = Instant::now();
            term.draw(|f| screens::render(f, app))?;
            app.dirty = false;
            let took = started.elapsed();
            if first_frame {
                trace.log("first_frame", &format!("draw_us={}", took.as_micros()));
                first_frame = false;
            } else {
                trace.log("frame", &format!("draw_us={}", took.as_micros()));
            }
            if verdict_to_draw {
                trace.log("verdict_drawn", "");
                verdict_to_draw = false;
            }
        }
        if app.quit {
            break;
        }
        let Ok(first) = rx.recv() else {
            break;
        };
        let mut batch = vec![first];
        while batch.len() < 64 {
            match rx.try_recv() {
                Ok(m) => batch.push(m),
                Err(_) => break,
            }
        }
        let mut effects = VecDeque::new();
        for msg in batch {
            match &msg {
                Msg::FilesChanged(_) => trace.log("file_event", ""),
                Msg::Checked {
                    elapsed, result, ..
                } => {
                    let python_ms = result.as_ref().map(|(v, _)| v.duration_ms).unwrap_or(0);
                    trace.log(
                        "checked",
                        &format!("run_us={} python_ms={python_ms}", elapsed.as_micros()),
                    );
                    verdict_to_draw = true;
                }
                // Debug builds only: lets the end-to-end tests check that a
                // panic gives the terminal back.
                #[cfg(debug_assertions)]
                Msg::Tick if std::env::var_os("PYKATA_TUI_TEST_PANIC").is_some() => {
                    panic!("a test panic (PYKATA_TUI_TEST_PANIC is set)")
                }
                _ => {}
            }
            effects.extend(app.update(msg));
        }
        while let Some(effect) = effects.pop_front() {
            match effect {
                Effect::Quit => app.quit = true,
                Effect::Edit(path, line) => match edit(&mut term, &input, opts, &path, line) {
                    Edited::Waited(r) => effects.extend(app.update(Msg::EditorClosed(r))),
                    Edited::Detached(Ok(note)) => {
                        app.info(note);
                        app.dirty = true;
                    }
                    Edited::Detached(Err(e)) => {
                        app.error(e);
                        app.dirty = true;
                    }
                },
                run => worker.start(run),
            }
        }
    }
    trace.log("quit", &super::trace::peak_rss());
    drop(input);
    terminal::restore();
    worker.wait_idle(Duration::from_millis(2500));
    // The run kept ready for the next save goes before a signal's exit,
    // which no caller survives to clean up after.
    crate::session::get_ready_no_more();
    if let Some(signal) = app.ended_by {
        end_by_signal(signal);
    }
    Ok(())
}

/// Ends pykata by the signal that stopped it, now that the terminal is
/// back and the runs are stopped: its parent sees "terminated by SIGTERM"
/// (status 143 in a shell), not a success. SIGQUIT would dump core, so it
/// exits with the same status instead.
#[allow(
    clippy::exit,
    reason = "ended by a signal after the terminal is given back; there is no caller left to return to"
)]
fn end_by_signal(signal: i32) {
    #[cfg(unix)]
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        if signal != signal_hook::consts::SIGQUIT {
            let _ = signal_hook::low_level::emulate_default_handler(signal);
        }
        std::process::exit(128 + signal);
    }
    #[cfg(not(unix))]
    let _ = signal;
}
