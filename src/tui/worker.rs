//! Runs happen here, on threads of their own, so the interface never
//! waits: each run sends one message back when it ends. A panic in a run
//! becomes an error message, never a broken screen.

use super::app::{Effect, Msg};
use crate::runner::Interpreter;
use crate::session;
use crate::workspace::Workspace;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What runs need, shared by every run.
#[derive(Clone)]
pub struct Worker {
    pub python: Option<Interpreter>,
    pub ws: Option<Workspace>,
    pub tx: Sender<Msg>,
    /// Runs under way.
    pub active: Arc<AtomicUsize>,
}

/// Counts a run as under way while it lives.
struct Active(Arc<AtomicUsize>);

impl Drop for Active {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            Err(format!(
                "internal error in pykata (please report it): {what}"
            ))
        }
    }
}

impl Worker {
    /// Starts the run an effect asks for. Other effects are not runs and
    /// are ignored here.
    pub fn start(&self, effect: Effect) {
        let this = self.clone();
        self.active.fetch_add(1, Ordering::SeqCst);
        let active = Active(self.active.clone());
        let spawned = std::thread::Builder::new()
            .name("pykata-run".into())
            .spawn(move || {
                let _active = active;
                this.run(effect)
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(Msg::WatchError(format!(
                "could not start a run thread: {e}"
            )));
        }
    }

    /// Waits up to `max` for the runs under way to end (cancelled runs end
    /// within milliseconds), so no learner program outlives the interface.
    #[allow(
        clippy::disallowed_methods,
        reason = "cancelled runs say they ended only through the count; this is at quit, for milliseconds"
    )]
    pub fn wait_idle(&self, max: Duration) {
        let until = Instant::now() + max;
        while self.active.load(Ordering::SeqCst) > 0 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn python(&self) -> Result<&Interpreter, String> {
        self.python
            .as_ref()
            .ok_or_else(|| "no Python interpreter was found".to_string())
    }

    fn run(&self, effect: Effect) {
        let msg = match effect {
            Effect::Check {
                gen,
                kata,
                source,
                cancel,
            } => {
                let started = Instant::now();
                let result = guarded(|| {
                    let ws = self.ws.as_ref().ok_or("there is no workspace")?;
                    let python = self.python()?;
                    match &source {
                        Some(text) => {
                            session::check_kata_source(python, ws, &kata, text, Some(cancel))
                        }
                        None => session::check_kata(python, ws, &kata, Some(cancel)),
                    }
                    .map_err(|e| e.to_string())
                });
                Msg::Checked {
                    gen,
                    kata: kata.id.clone(),
                    result,
                    elapsed: started.elapsed(),
                }
            }
            Effect::Predict {
                gen,
                key,
                code,
                answer,
                cancel,
            } => {
                let result = guarded(|| {
                    let outcome =
                        session::answer_prediction(self.python()?, &code, &answer, Some(cancel))
                            .map_err(|e| e.to_string())?;
                    let warning = match &self.ws {
                        Some(ws) => session::record_prediction(ws, &key, &answer, outcome.correct),
                        None => None,
                    };
                    Ok((outcome, warning))
                });
                Msg::Predicted {
                    gen,
                    key,
                    answer,
                    result,
                }
            }
            Effect::Example {
                gen,
                step,
                code,
                requires,
                cancel,
            } => {
                let result = guarded(|| {
                    session::run_example(self.python()?, &code, &requires, Some(cancel))
                        .map_err(|e| e.to_string())
                });
                Msg::ExampleRan { gen, step, result }
            }
            Effect::Highlight {
                hash,
                text,
                hl,
                theme,
            } => Msg::FileHighlighted {
                hash,
                lines: hl.highlight(&text, &theme),
            },
            Effect::Edit(..) | Effect::Quit => return,
        };
        let _ = self.tx.send(msg);
    }
}
