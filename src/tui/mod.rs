//! The interface: `pykata` with no command, in a terminal. It shows the
//! course, the lessons and the katas, watches the learner's files and
//! judges every save. It holds no running or judging logic: every action
//! is a call into `session` (the same calls the commands make).
//!
//! - [`app`]: the state and how messages change it (no terminal needed)
//! - [`runtime`]: the event loop and its threads
//! - [`screens`]: welcome, course map, lesson, kata, help
//! - [`terminal`]: taking the terminal and giving it back
//! - [`watch`], [`worker`], [`editor`]: saves, runs, the learner's editor
//! - [`highlight`], [`text`], [`widgets`], [`theme`]: drawing

pub mod app;
pub mod clock;
pub mod editor;
pub mod highlight;
pub mod runtime;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod trace;
pub mod watch;
pub mod widgets;
pub mod worker;

use crate::context::{exit, Ctx, Failure, Outcome};
use crate::course::Course;
use crate::workspace::{Workspace, DEFAULT_DIR, MARKER};
use app::{App, WelcomeFiles};
use std::path::{Path, PathBuf};

/// The interface's own command-line options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--edit-cmd`: the command `e` runs (`{}` stands for the file).
    pub edit_cmd: Option<String>,
    /// `--poll`: poll the files instead of waiting for events.
    pub poll: bool,
}

/// Finds the learner's workspace or, on a first run, creates one (never
/// overwriting anything). The second value is what the welcome says.
pub fn resolve_workspace(
    explicit: Option<&Path>,
    cwd: &Path,
    course: &Course,
) -> (Option<Workspace>, Option<WelcomeFiles>) {
    let canonical = |ws: Workspace| Workspace {
        root: ws.root.canonicalize().unwrap_or(ws.root),
    };
    let create = |dir: &Path| {
        // Only a folder that was not there is "created"; one that was
        // (`--workspace .`) is set up, and the welcome says so.
        let existed = dir.is_dir();
        match Workspace::init(dir, course) {
            Ok((ws, report)) => (
                Some(canonical(ws)),
                Some(if existed {
                    WelcomeFiles::SetUp {
                        added: report.created.len(),
                        kept: report.kept.len(),
                    }
                } else {
                    WelcomeFiles::Created {
                        files: report.created.len() + report.kept.len(),
                    }
                }),
            ),
            Err(e) => (
                None,
                Some(WelcomeFiles::Failed(format!("{e} ({})", e.help()))),
            ),
        }
    };
    match existing_workspace(explicit, cwd) {
        Ok(ws) => (Some(canonical(ws)), None),
        Err(dir) => create(&dir),
    }
}

/// The learner's workspace if there is one (`explicit`, else the nearest
/// from `cwd` up, else `./pykata-workspace`); else where to create it.
pub fn existing_workspace(explicit: Option<&Path>, cwd: &Path) -> Result<Workspace, PathBuf> {
    if let Some(dir) = explicit {
        let dir = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            cwd.join(dir)
        };
        return Workspace::locate(Some(&dir), cwd).map_err(|_| dir);
    }
    if let Ok(ws) = Workspace::locate(None, cwd) {
        return Ok(ws);
    }
    let dir = cwd.join(DEFAULT_DIR);
    if dir.join(MARKER).is_dir() {
        return Ok(Workspace { root: dir });
    }
    Err(dir)
}

/// Opens the interface; returns when the learner quits.
pub fn run(ctx: &Ctx, opts: Options) -> Outcome {
    let mut trace = trace::Trace::from_env();
    trace.log("start", "");
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::environment(format!("cannot read the current folder: {e}")))?;
    // The course the workspace follows, unless --course names another; a
    // course that is gone is said before the screen opens.
    let found = existing_workspace(ctx.workspace_dir.as_deref(), &cwd).ok();
    let chosen = ctx.choose_course(found.as_ref())?;
    // Taken before loading: a course changed while it loads is followed
    // next time.
    let stamp = chosen.source.stamp();
    let course = Ctx::load(chosen.source)?;
    trace.log("course_loaded", "");
    // The workspace follows its own course when it was updated; never a
    // course named for this run only.
    let course_news = match (&chosen.override_note, &found) {
        (None, Some(ws)) => crate::session::follow_course_stamped(ws, &course, stamp.as_deref()),
        _ => Vec::new(),
    };
    let (ws, welcome) = resolve_workspace(ctx.workspace_dir.as_deref(), &cwd, &course);
    let mut app = App::new(course, ws, theme::Theme::from_env());
    app.run_on_open = true;
    // Warm runs (runner::warm): each save finds its run started. Ended
    // with the interface, even by a panic: a run kept ready waits on its
    // FIFO forever otherwise.
    let _runs_ready = crate::session::keep_runs_ready();
    // The progress file's news from App::new must outlive the warnings below.
    let progress_notice = app.notice.take();
    // Its version is asked off this thread; one pykata cannot use is
    // refused then, and by every run (see `session`).
    match ctx.find_python() {
        Ok(p) => app.python = Some(p),
        Err(f) => {
            let msg = match &f.help {
                Some(h) => format!("{} ({h})", f.message),
                None => f.message.clone(),
            };
            app.python_error = Some(msg.clone());
            app.warn(msg);
        }
    }
    if let Some(note) = chosen.override_note {
        app.warn(note);
    }
    if !course_news.is_empty() {
        app.warn(course_news.join(" · "));
    }
    if !crate::runner::sandbox::extras_enabled() && app.python_error.is_none() {
        // The stderr line printed before the screen opened is hidden by it.
        app.warn(crate::runner::sandbox::EXTRAS_OFF_WARNING);
    }
    if let Some(first) = progress_notice {
        let text = match app.notice.take() {
            Some(later) => format!("{} · {}", first.text, later.text),
            None => first.text,
        };
        app.warn(text);
    }
    trace.log("app_ready", "");
    app.poll = opts.poll;
    if let Some(w) = welcome {
        app = app.with_welcome(w);
    }
    runtime::run(&mut app, &opts, &mut trace).map_err(|e| {
        Failure::environment(format!("the terminal could not be used: {e}"))
            .help("run `pykata list` for the course map without the interface")
    })?;
    Ok(exit::OK)
}
