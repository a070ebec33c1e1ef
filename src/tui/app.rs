//! The interface's state and how it changes. [`App::update`] takes one
//! message (a key, a file change, a finished run) and returns the effects
//! the event loop must carry out (start a run, open the editor, quit). It
//! does no I/O beyond reading the learner's files and progress, so tests
//! drive it directly.

use super::highlight::Highlighter;
use super::screens::kata::KataView;
use super::screens::lesson::LessonView;
use super::screens::map::MapView;
use super::theme::Theme;
use crate::course::{Course, Kata};
use crate::ending::Ending;
use crate::judge::Verdict;
use crate::progress::{Progress, ReadProgress};
use crate::runner::{Interpreter, PythonVersion};
use crate::session::PredictOutcome;
use crate::workspace::Workspace;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// Everything that can happen to the interface.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize,
    /// Files in the workspace changed (debounced).
    FilesChanged(Vec<PathBuf>),
    WatchError(String),
    Checked {
        gen: u64,
        kata: String,
        result: Result<(Verdict, Option<String>), String>,
        /// How long the whole check took on the worker.
        elapsed: Duration,
    },
    Predicted {
        gen: u64,
        key: String,
        answer: String,
        result: Result<(PredictOutcome, Option<String>), String>,
    },
    ExampleRan {
        gen: u64,
        step: usize,
        result: Result<String, String>,
    },
    PythonProbed(Result<PythonVersion, String>),
    HighlighterLoaded(Arc<Highlighter>),
    EditorClosed(Result<(), String>),
    /// The styled lines of the learner's file whose text has this hash.
    FileHighlighted {
        hash: u64,
        lines: Vec<ratatui::text::Line<'static>>,
    },
    Tick,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (its number).
    Terminate(i32),
}

/// What the event loop must do for the app.
#[derive(Debug)]
pub enum Effect {
    Check {
        gen: u64,
        kata: Box<Kata>,
        /// The learner's text as the screen read it, hashed and shown:
        /// the verdict must be of this text, not of whatever the file
        /// holds when the worker gets to it (`None`: read it then).
        source: Option<String>,
        cancel: Arc<AtomicBool>,
    },
    Predict {
        gen: u64,
        key: String,
        code: String,
        answer: String,
        cancel: Arc<AtomicBool>,
    },
    Example {
        gen: u64,
        step: usize,
        code: String,
        /// Modules outside the standard library it needs (`requires:`).
        requires: Vec<String>,
        cancel: Arc<AtomicBool>,
    },
    /// Open the file in the editor, at the line given if the editor can.
    Edit(PathBuf, Option<u64>),
    /// Highlight the learner's file off the interface thread.
    Highlight {
        hash: u64,
        text: String,
        hl: Arc<Highlighter>,
        theme: Theme,
    },
    Quit,
}

#[derive(Debug)]
pub enum Screen {
    Welcome,
    Map,
    Lesson(Box<LessonView>),
    Kata(Box<KataView>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    /// What pykata did to the learner's files (a starter put back, a copy
    /// kept): it outlives the verdict of the run it announced, and goes
    /// with the next key.
    Done,
    Warn,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
}

/// What the welcome says about the learner's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WelcomeFiles {
    /// The workspace's folder was created just now with this many kata
    /// files.
    Created { files: usize },
    /// A folder that was already there (`--workspace .`) was made the
    /// workspace just now: `added` kata files written, `kept` found there
    /// and left as they were.
    SetUp { added: usize, kept: usize },
    /// It could not be created.
    Failed(String),
}

#[derive(Debug)]
pub struct App {
    /// Katas whose task changed under the learner's file since it was made
    /// (a course update), marked on the map until a pass or a reset.
    pub changed_katas: std::collections::HashSet<String>,
    pub course: Course,
    pub ws: Option<Workspace>,
    /// The workspace as shown to the learner (relative where it helps).
    pub ws_display: String,
    pub progress: Progress,
    pub python: Option<Interpreter>,
    pub python_error: Option<String>,
    pub version: Option<PythonVersion>,
    pub theme: Theme,
    pub hl: Option<Arc<Highlighter>>,
    pub screen: Screen,
    pub map: MapView,
    pub welcome: Option<WelcomeFiles>,
    /// The help overlay, with its scroll offset.
    pub help: Option<usize>,
    /// A topic or the course just completed: said over the screen until
    /// a key closes it.
    pub ending: Option<Ending>,
    pub notice: Option<Notice>,
    /// Files are watched by polling (`--poll`).
    pub poll: bool,
    /// A kata screen runs the learner's file when it opens, so it opens on
    /// where they stand (the interface does; tests of other screens that
    /// open a kata leave it off and see no run they did not ask for).
    pub run_on_open: bool,
    /// The time the screens go by: the system's, or a test's (see `Clock`).
    pub clock: crate::tui::clock::Clock,
    pub quit: bool,
    /// The signal that ended the interface, if one did: once the terminal
    /// is given back, pykata ends by it (exit status 128 + its number), as
    /// other programs do, so a script or shell sees it was stopped.
    pub ended_by: Option<i32>,
    /// Something changed since the last frame.
    pub dirty: bool,
    pub spinner: usize,
    gen: u64,
}

impl App {
    pub fn new(course: Course, ws: Option<Workspace>, theme: Theme) -> App {
        let progress = ws.as_ref().map(|w| {
            // Predictions an older pykata kept by step position move to
            // their steps' ids, where the lesson records new answers.
            crate::session::adopt_step_ids(w, &course);
            let read = w.read_progress();
            // One status-bar line.
            (read.progress, read.unreadable.map(|s| s.short(&w.root)))
        });
        let (progress, warning) = progress.unwrap_or_default();
        let ws_display = ws
            .as_ref()
            .map(|w| display_path(&w.root))
            .unwrap_or_default();
        let changed_katas = ws
            .as_ref()
            .map(|w| w.changed_katas(&course))
            .unwrap_or_default();
        let mut app = App {
            changed_katas,
            map: MapView::new(),
            course,
            ws,
            ws_display,
            progress,
            python: None,
            python_error: None,
            version: None,
            theme,
            hl: None,
            screen: Screen::Map,
            welcome: None,
            help: None,
            ending: None,
            notice: None,
            poll: false,
            run_on_open: false,
            clock: crate::tui::clock::Clock::system(),
            quit: false,
            ended_by: None,
            dirty: true,
            spinner: 0,
            gen: 0,
        };
        if let Some(w) = warning {
            app.warn(w);
        }
        app.map.select_continue(&app.course, &app.progress);
        app
    }

    /// Shows the welcome first (a first run).
    pub fn with_welcome(mut self, files: WelcomeFiles) -> App {
        self.welcome = Some(files);
        self.screen = Screen::Welcome;
        self
    }

    pub fn next_gen(&mut self) -> u64 {
        self.gen += 1;
        self.gen
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            kind: NoticeKind::Info,
        });
    }

    pub fn done(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            kind: NoticeKind::Done,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            kind: NoticeKind::Warn,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            kind: NoticeKind::Error,
        });
    }

    /// Drops the notice about an earlier run when a new result comes,
    /// keeping a warning the learner must act on and what was done to
    /// their files.
    pub fn clear_stale_notice(&mut self) {
        if self
            .notice
            .as_ref()
            .is_some_and(|n| !matches!(n.kind, NoticeKind::Warn | NoticeKind::Done))
        {
            self.notice = None;
        }
    }

    /// Drops the notice about the last action when a key starts a new
    /// one, keeping a warning the learner must act on.
    pub fn clear_notice_on_key(&mut self) {
        if self
            .notice
            .as_ref()
            .is_some_and(|n| n.kind != NoticeKind::Warn)
        {
            self.notice = None;
        }
    }

    pub fn reload_progress(&mut self) {
        if let Some(ws) = &self.ws {
            let ReadProgress {
                progress,
                unreadable,
            } = ws.read_progress();
            self.progress = progress;
            if let Some(w) = unreadable {
                self.warn(w.short(&ws.root));
            }
        }
    }

    /// The kata at `(topic, index)` of the course.
    pub fn kata(&self, topic: usize, index: usize) -> Option<&Kata> {
        self.course.topics.get(topic)?.katas.get(index)
    }

    /// Where a kata id is in the course.
    pub fn locate(&self, id: &str) -> Option<(usize, usize)> {
        self.course.locate(id)
    }

    /// Why nothing can run, if so.
    pub fn cannot_run(&self) -> Option<String> {
        if self.python.is_none() {
            return Some(
                self.python_error
                    .clone()
                    .unwrap_or_else(|| "no Python interpreter was found".into()),
            );
        }
        None
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = self.handle(msg);
        if self.run_on_open {
            effects.extend(self.run_opened_kata());
        }
        // A learner's file that changed is highlighted off this thread.
        if let (Screen::Kata(view), Some(hl)) = (&mut self.screen, &self.hl) {
            if let Some((hash, text)) = view.wants_highlight() {
                effects.push(Effect::Highlight {
                    hash,
                    text,
                    hl: hl.clone(),
                    theme: self.theme,
                });
            }
        }
        effects
    }

    fn handle(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => {
                if key.kind == KeyEventKind::Release {
                    return Vec::new();
                }
                self.dirty = true;
                self.on_key(key)
            }
            Msg::Mouse(m) => {
                let delta = match m.kind {
                    MouseEventKind::ScrollDown => 3,
                    MouseEventKind::ScrollUp => -3,
                    _ => return Vec::new(),
                };
                self.dirty = true;
                if let Some(h) = self.help.as_mut() {
                    *h = h.saturating_add_signed(delta as isize);
                    return Vec::new();
                }
                self.on_scroll(delta, m.column, m.row);
                Vec::new()
            }
            Msg::Paste(text) => {
                self.dirty = true;
                if let Screen::Lesson(view) = &mut self.screen {
                    view.paste(&text);
                }
                Vec::new()
            }
            Msg::Resize => {
                self.dirty = true;
                Vec::new()
            }
            Msg::FilesChanged(paths) => self.on_files_changed(&paths),
            Msg::WatchError(e) => {
                self.dirty = true;
                self.warn(format!(
                    "watching your files failed ({e}); press r to run, or restart with --poll"
                ));
                Vec::new()
            }
            Msg::Checked {
                gen,
                kata,
                result,
                elapsed: _,
            } => {
                let before = self.progress.clone();
                let effects = self.on_checked(gen, &kata, result);
                // A pass answers the kata as it is now (see `session`).
                if let Some(ws) = &self.ws {
                    self.changed_katas = ws.changed_katas(&self.course);
                }
                self.announce_ending(&before);
                effects
            }
            Msg::Predicted {
                gen,
                key,
                answer,
                result,
            } => self.on_predicted(gen, &key, &answer, result),
            Msg::ExampleRan { gen, step, result } => {
                if let Screen::Lesson(view) = &mut self.screen {
                    if view.example_ran(gen, step, result) {
                        self.clear_stale_notice();
                    }
                    self.dirty = true;
                }
                Vec::new()
            }
            Msg::PythonProbed(result) => {
                match result {
                    Ok(v) => self.version = Some(v),
                    Err(e) => {
                        // Too old, or no version: every run would fail,
                        // so none is started (`cannot_run` says why).
                        self.python = None;
                        self.python_error = Some(e.clone());
                        self.warn(e);
                    }
                }
                self.dirty = true;
                Vec::new()
            }
            Msg::HighlighterLoaded(hl) => {
                let theme = self.theme;
                match &mut self.screen {
                    Screen::Kata(v) => v.restyle(&hl, &theme),
                    Screen::Lesson(v) => v.restyle(&hl, &theme),
                    _ => {}
                }
                self.hl = Some(hl);
                self.dirty = true;
                Vec::new()
            }
            Msg::EditorClosed(result) => {
                self.dirty = true;
                if let Err(e) = result {
                    self.error(e);
                }
                self.on_editor_closed()
            }
            Msg::FileHighlighted { hash, lines } => {
                if let Screen::Kata(view) = &mut self.screen {
                    if view.highlighted(hash, lines) {
                        self.dirty = true;
                    }
                }
                Vec::new()
            }
            Msg::Tick => self.on_tick(),
            Msg::Terminate(signal) => {
                self.cancel_runs();
                self.ended_by = Some(signal);
                self.quit = true;
                vec![Effect::Quit]
            }
        }
    }

    /// Stops whatever is running (on quit).
    fn cancel_runs(&mut self) {
        match &mut self.screen {
            Screen::Kata(view) => {
                view.cancel();
            }
            Screen::Lesson(view) => {
                view.stop_run();
            }
            _ => {}
        }
    }

    fn on_tick(&mut self) -> Vec<Effect> {
        let busy = match &self.screen {
            Screen::Kata(v) => v.running(),
            Screen::Lesson(v) => v.running(),
            _ => false,
        };
        if busy {
            self.spinner = self.spinner.wrapping_add(1);
            self.dirty = true;
        }
        if matches!(self.screen, Screen::Kata(_)) {
            return self.kata_tick();
        }
        Vec::new()
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q')) {
            self.cancel_runs();
            self.quit = true;
            return vec![Effect::Quit];
        }
        if let Some(scroll) = self.help.as_mut() {
            match key.code {
                KeyCode::Down | KeyCode::Char('j') => *scroll += 1,
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => *scroll += 10,
                KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
                _ => self.help = None,
            }
            return Vec::new();
        }
        // A key press is a new action: it clears the last one's notice.
        self.clear_notice_on_key();
        if let Some(ending) = self.ending.take() {
            // Enter goes on to the next topic; any other key stays here.
            if let (KeyCode::Enter, Some(next)) = (key.code, ending.next) {
                if let Screen::Kata(view) = &mut self.screen {
                    view.cancel();
                }
                self.reload_progress();
                self.open_lesson(next);
            }
            return Vec::new();
        }
        let typing = match &self.screen {
            Screen::Lesson(v) => v.typing(),
            Screen::Map => self.map.searching,
            _ => false,
        };
        if !typing {
            match key.code {
                KeyCode::Char('?') => {
                    self.help = Some(0);
                    return Vec::new();
                }
                KeyCode::Char('q') => {
                    self.cancel_runs();
                    self.quit = true;
                    return vec![Effect::Quit];
                }
                _ => {}
            }
        }
        match &self.screen {
            Screen::Welcome => self.welcome_key(key),
            Screen::Map => self.map_key(key),
            Screen::Lesson(_) => self.lesson_key(key),
            Screen::Kata(_) => self.kata_key(key),
        }
    }

    fn on_scroll(&mut self, delta: i32, column: u16, row: u16) {
        match &mut self.screen {
            Screen::Map => self.map.scroll(delta),
            Screen::Lesson(v) => v.scroll_by(delta),
            Screen::Kata(v) => v.scroll_at(delta, column, row),
            Screen::Welcome => {}
        }
    }

    fn welcome_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if matches!(
            key.code,
            KeyCode::Enter | KeyCode::Char(' ') | KeyCode::Esc | KeyCode::Right
        ) {
            self.screen = Screen::Map;
        }
        Vec::new()
    }

    /// Says so when the progress, reloaded after a run, has a topic
    /// complete that was not complete `before` it (the course too, when
    /// that topic was the last).
    fn announce_ending(&mut self, before: &Progress) {
        let endings =
            crate::ending::completed(&self.course, before, &self.progress, self.version.as_ref());
        // Several at once (a pass recorded by `pykata check` too): the
        // course's, else the last.
        let shown = endings
            .iter()
            .find(|e| e.course_complete())
            .or(endings.last())
            .cloned();
        if shown.is_some() {
            self.ending = shown;
            self.dirty = true;
        }
    }

    /// The course ending, when every topic is complete (`c` on the map).
    pub fn course_ending(&self) -> Option<Ending> {
        if !crate::ending::course_complete(&self.course, &self.progress, self.version.as_ref()) {
            return None;
        }
        let topic = self
            .course
            .topics
            .iter()
            .rposition(|t| !t.katas.is_empty())?;
        Some(Ending {
            topic,
            state: crate::ending::TopicState::of(
                &self.course.topics[topic],
                &self.progress,
                self.version.as_ref(),
            ),
            next: None,
        })
    }

    /// Back to the course map, keeping the selection on what was open.
    pub fn back_to_map(&mut self) {
        self.reload_progress();
        self.screen = Screen::Map;
    }

    /// Opens the lesson of topic `t`.
    pub fn open_lesson(&mut self, t: usize) {
        let Some(topic) = self.course.topics.get(t) else {
            return;
        };
        let view = LessonView::new(t, topic, &self.progress, self.hl.as_deref(), &self.theme);
        self.map.select_lesson(t);
        self.screen = Screen::Lesson(Box::new(view));
    }

    /// Opens kata `(t, i)`, creating the learner's file from the starter if
    /// it is missing.
    pub fn open_kata(&mut self, t: usize, i: usize) {
        let Some(kata) = self.kata(t, i).cloned() else {
            return;
        };
        if let Some(ws) = &self.ws {
            if let Err(e) = ws.ensure_kata_file(&kata) {
                self.error(format!("{e}"));
            }
        }
        let path = self.ws.as_ref().map(|w| w.kata_path(&kata));
        let view = KataView::new(
            t,
            i,
            &kata,
            path,
            &self.progress,
            self.hl.as_deref(),
            &self.theme,
        );
        self.map.select_kata(t, i);
        self.screen = Screen::Kata(Box::new(view));
    }
}

/// A path as the learner would type it: relative to the current folder
/// when it is inside it. The current folder itself is shown in full: a
/// lone `.` in a sentence reads as a full stop.
pub fn display_path(path: &std::path::Path) -> String {
    if let Some(rel) = current_dir()
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
    {
        if !rel.as_os_str().is_empty() {
            return format!(".{}{}", std::path::MAIN_SEPARATOR, rel.display());
        }
    }
    path.display().to_string()
}

/// Whether `path` is the folder pykata was started in.
pub fn is_current_dir(path: &std::path::Path) -> bool {
    current_dir().is_some_and(|c| c == path)
}

fn current_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    Some(cwd.canonicalize().unwrap_or(cwd))
}
