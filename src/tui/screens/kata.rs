//! The kata screen: the task, the learner's file (highlighted once per
//! change, scrollable), and the result of the last run: the verdict, the
//! failing check's message, expected against actual as a coloured diff, the
//! trimmed traceback, hints one at a time, and on a pass the reference
//! solution to compare with.

use crate::course::Kata;
use crate::judge::{Status, Verdict};
use crate::progress::{KataState, LastVerdict, Progress};
use crate::session;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::highlight::{Highlighted, Highlighter};
use crate::tui::text::{self, Doc};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, fit};
use crate::verdict_view::{Section, VerdictView};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// After this long without a file event for a change seen by polling the
/// file's metadata, saves are taken to go unnoticed.
const UNNOTICED_AFTER: Duration = Duration::from_millis(1500);

/// How many columns ←→ scroll the file pane sideways.
const HSCROLL_STEP: usize = 8;

/// Files up to this many lines are highlighted on the interface thread
/// (a few milliseconds); longer ones on a worker thread.
const SYNC_HIGHLIGHT_LINES: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    File,
    Result,
}

#[derive(Debug)]
pub enum RunState {
    Idle,
    Running { gen: u64, cancel: Arc<AtomicBool> },
    Cancelled,
}

#[derive(Debug)]
pub struct KataView {
    pub topic: usize,
    pub index: usize,
    pub kata_id: String,
    pub file_name: String,
    /// The learner's file, absolute; `None` without a workspace.
    pub path: Option<PathBuf>,
    pub rel_path: String,
    pub task: Doc,
    pub task_expanded: bool,
    pub hints: Vec<String>,
    pub hints_shown: u32,
    /// `h` after a pass: every hint is shown, none counted.
    pub all_hints: bool,
    pub file: Highlighted,
    pub file_error: Option<String>,
    /// The learner's file is gone and the file pane says so; the next `r`
    /// puts the starter back.
    pub file_missing: bool,
    /// The file's text as last read, to keep in a backup if the file is
    /// deleted and the starter put back.
    last_read: Option<String>,
    file_hash: Option<u64>,
    /// The file text whose highlighting was asked of a worker.
    highlight_requested: Option<u64>,
    solution_src: String,
    pub solution: Option<Highlighted>,
    pub show_solution: bool,
    pub done: bool,
    pub verdict: Option<Verdict>,
    /// The last verdict kept in progress, shown until a run of this
    /// visit gives a new one.
    pub last: Option<LastVerdict>,
    pub run_error: Option<String>,
    pub progress_warning: Option<String>,
    pub run: RunState,
    last_run_hash: Option<u64>,
    pub focus: Pane,
    pub file_scroll: usize,
    /// How many columns the file pane is scrolled to the right.
    pub file_hscroll: usize,
    /// Some line of the file is wider than the pane.
    file_cut: bool,
    /// The widest line's width, for the file text with this hash.
    widest: Option<(u64, usize)>,
    /// A verdict with an error line came: the next frame scrolls the file
    /// pane to show that line.
    follow_error: bool,
    /// The file was run (or could not be) since the screen opened.
    opened_run: bool,
    pub result_scroll: usize,
    file_area: Rect,
    result_area: Rect,
    file_h: usize,
    result_h: usize,
    stamp: Option<(SystemTime, u64)>,
    unnoticed_since: Option<Instant>,
    /// The result pane's lines, rebuilt only when what they show changes.
    cache: Option<(u16, Vec<Line<'static>>)>,
}

/// The scroll offset that shows line `row` in a pane `inner_h` lines
/// high: unchanged if it is in sight, else with the line a third of the way
/// down, so what leads up to it shows too.
fn scroll_to_row(scroll: usize, row: usize, inner_h: usize) -> usize {
    if row >= scroll && row < scroll + inner_h {
        return scroll;
    }
    row.saturating_sub(inner_h / 3)
}

fn hash(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl KataView {
    pub fn new(
        topic: usize,
        index: usize,
        kata: &Kata,
        path: Option<PathBuf>,
        progress: &Progress,
        hl: Option<&Highlighter>,
        theme: &Theme,
    ) -> KataView {
        let p = progress.kata(&kata.id);
        let mut view = KataView {
            topic,
            index,
            kata_id: kata.id.clone(),
            file_name: kata.file_name.clone(),
            rel_path: kata.workspace_path(),
            stamp: path.as_deref().and_then(stamp),
            path,
            task: Doc::parse(&kata.task, hl, theme),
            task_expanded: false,
            hints: kata.hints.clone(),
            hints_shown: p.hints_used.min(kata.hints.len() as u32),
            all_hints: false,
            file: Highlighted::default(),
            file_error: None,
            file_missing: false,
            last_read: None,
            file_hash: None,
            highlight_requested: None,
            solution_src: kata.solution.text.clone(),
            solution: None,
            show_solution: true,
            done: p.state == KataState::Done,
            verdict: None,
            last: p.last_verdict.clone(),
            run_error: None,
            progress_warning: None,
            run: RunState::Idle,
            last_run_hash: None,
            focus: Pane::Result,
            file_scroll: 0,
            file_hscroll: 0,
            file_cut: false,
            widest: None,
            follow_error: false,
            opened_run: false,
            result_scroll: 0,
            file_area: Rect::default(),
            result_area: Rect::default(),
            file_h: 10,
            result_h: 10,
            unnoticed_since: None,
            cache: None,
        };
        if view.done {
            view.solution = Some(Highlighted::new(&view.solution_src, hl, theme));
        }
        view.reload(hl, theme);
        // The last result's error line, if it still stands, in sight.
        view.follow_error = view.blamed_line().is_some();
        view
    }

    /// Reads the learner's file again; re-highlights only if it changed.
    /// Returns the hash of its text.
    pub fn reload(&mut self, hl: Option<&Highlighter>, theme: &Theme) -> Option<u64> {
        let path = self.path.clone()?;
        match std::fs::read(&path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let h = hash(&text);
                self.file_missing = false;
                if self.last_read.as_deref() != Some(&*text) {
                    self.last_read = Some(text.to_string());
                }
                if self.file_hash != Some(h) {
                    // Small files are highlighted at once; bigger ones on
                    // a worker thread (see `wants_highlight`).
                    self.file = if text.lines().count() <= SYNC_HIGHLIGHT_LINES {
                        Highlighted::new(&text, hl, theme)
                    } else {
                        Highlighted::unstyled(&text, Some(&self.file))
                    };
                    self.file_hash = Some(h);
                    self.highlight_requested = None;
                }
                self.file_error = None;
                self.stamp = stamp(&path);
                self.unnoticed_since = None;
                Some(h)
            }
            Err(e) => {
                self.file_error = Some(format!("cannot read {}: {e}", path.display()));
                self.file_hash = None;
                None
            }
        }
    }

    /// The file's text to highlight off the interface thread, once per
    /// change: its hash and text.
    pub fn wants_highlight(&mut self) -> Option<(u64, String)> {
        let hash = self.file_hash?;
        if self.file.styled || self.highlight_requested == Some(hash) {
            return None;
        }
        self.highlight_requested = Some(hash);
        Some((hash, self.file.text.clone()))
    }

    /// Styled lines for the file text with this hash, if it is still shown.
    pub fn highlighted(&mut self, hash: u64, lines: Vec<Line<'static>>) -> bool {
        if self.file_hash == Some(hash) && !self.file.styled {
            self.file.apply(lines);
            return true;
        }
        false
    }

    pub fn restyle(&mut self, hl: &Highlighter, theme: &Theme) {
        if self.file.lines.len() <= SYNC_HIGHLIGHT_LINES {
            self.file.restyle(hl, theme);
        }
        self.task.restyle(hl, theme);
        if let Some(s) = self.solution.as_mut() {
            s.restyle(hl, theme);
        }
        self.cache = None;
    }

    /// Whether the learner's file was changed after `at` (Unix seconds).
    fn saved_since(&self, at: u64) -> bool {
        self.stamp.is_some_and(|(modified, _)| {
            modified
                .duration_since(std::time::UNIX_EPOCH)
                .is_ok_and(|d| d.as_secs() > at)
        })
    }

    /// The line of the learner's file the verdict blames: this visit's,
    /// else the last one kept, if the file has not changed since.
    pub fn blamed_line(&self) -> Option<u64> {
        match &self.verdict {
            Some(v) => v.line,
            None => self
                .last
                .as_ref()
                .filter(|l| !self.saved_since(l.at))
                .and_then(|l| l.line),
        }
    }

    /// The width of the file's widest line, counted once per change.
    fn widest_line(&mut self) -> usize {
        match (self.widest, self.file_hash) {
            (Some((hash, w)), Some(now)) if hash == now => w,
            _ => {
                let w = self
                    .file
                    .lines
                    .iter()
                    .map(|l| text::line_width(&l.spans))
                    .max()
                    .unwrap_or(0);
                if let Some(now) = self.file_hash {
                    self.widest = Some((now, w));
                }
                w
            }
        }
    }

    pub fn running(&self) -> bool {
        matches!(self.run, RunState::Running { .. })
    }

    /// Stops the run under way, if any.
    pub fn cancel(&mut self) -> bool {
        if let RunState::Running { cancel, .. } = &self.run {
            cancel.store(true, Ordering::SeqCst);
            self.run = RunState::Cancelled;
            self.cache = None;
            return true;
        }
        false
    }

    /// Marks what the result pane shows as changed.
    pub fn invalidate(&mut self) {
        self.cache = None;
    }

    pub fn scroll_at(&mut self, delta: i32, column: u16, row: u16) {
        let pos = ratatui::layout::Position { x: column, y: row };
        let pane = if self.file_area.contains(pos) {
            Pane::File
        } else if self.result_area.contains(pos) {
            Pane::Result
        } else {
            self.focus
        };
        self.scroll(pane, delta as isize);
    }

    fn scroll(&mut self, pane: Pane, delta: isize) {
        let s = match pane {
            Pane::File => &mut self.file_scroll,
            Pane::Result => &mut self.result_scroll,
        };
        *s = s.saturating_add_signed(delta);
    }

    fn page(&self) -> isize {
        let h = match self.focus {
            Pane::File => self.file_h,
            Pane::Result => self.result_h,
        };
        h.saturating_sub(1).max(1) as isize
    }
}

impl App {
    fn kata_view(&mut self) -> Option<&mut KataView> {
        match &mut self.screen {
            Screen::Kata(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn kata_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        let page = view.page();
        let focus = view.focus;
        match key.code {
            // With the file pane focused, ←→ scroll it sideways.
            KeyCode::Left if focus == Pane::File => {
                view.file_hscroll = view.file_hscroll.saturating_sub(HSCROLL_STEP)
            }
            KeyCode::Right if focus == Pane::File => view.file_hscroll += HSCROLL_STEP,
            KeyCode::Esc | KeyCode::Left | KeyCode::Backspace => {
                if !view.cancel() {
                    self.back_to_map();
                } else {
                    self.info("run cancelled; r runs the checks again");
                }
            }
            KeyCode::Tab | KeyCode::BackTab => {
                view.focus = match view.focus {
                    Pane::File => Pane::Result,
                    Pane::Result => Pane::File,
                }
            }
            KeyCode::Down | KeyCode::Char('j') => view.scroll(focus, 1),
            KeyCode::Up | KeyCode::Char('k') => view.scroll(focus, -1),
            KeyCode::PageDown | KeyCode::Char(' ') => view.scroll(focus, page),
            KeyCode::PageUp => view.scroll(focus, -page),
            KeyCode::Home | KeyCode::Char('g') => view.scroll(focus, isize::MIN / 2),
            KeyCode::End | KeyCode::Char('G') => view.scroll(focus, isize::MAX / 2),
            KeyCode::Char('t') => view.task_expanded = !view.task_expanded,
            KeyCode::Char('e') => {
                // At the line the verdict blames, if there is one.
                let line = view.blamed_line();
                return match view.path.clone() {
                    Some(p) => vec![Effect::Edit(p, line)],
                    None => {
                        self.error("there is no workspace, so there is no file to edit");
                        Vec::new()
                    }
                };
            }
            KeyCode::Char('r') | KeyCode::Enter => return self.start_check(true),
            KeyCode::Char('h') => self.show_hint(),
            KeyCode::Char('s') => self.toggle_solution(),
            KeyCode::Char('n') => self.next_kata(),
            _ => {}
        }
        Vec::new()
    }

    /// `h`: every hint seen so far and the next one (counted), so the
    /// ones already shown can be read again; after a pass, every hint and
    /// none counted (as `pykata hint` does).
    fn show_hint(&mut self) {
        let (Some(ws), Screen::Kata(view)) = (&self.ws, &mut self.screen) else {
            return;
        };
        let Some(kata) = self
            .course
            .topics
            .get(view.topic)
            .and_then(|t| t.katas.get(view.index))
        else {
            return;
        };
        let total = kata.hints.len();
        let (_, passed, set_aside) = session::hints_seen(ws, kata);
        let mut warning = set_aside;
        if total == 0 {
            self.info("this kata has no hints: read the task again, then the lesson");
        } else if passed || view.done {
            view.all_hints = true;
            view.result_scroll = 0;
            view.focus = Pane::Result;
            view.invalidate();
            self.info("you passed this kata: every hint is shown, and none is counted");
        } else {
            let next = session::next_hint(ws, kata);
            if let Some((shown, total)) = next.hint {
                let was = view.hints_shown;
                view.hints_shown = shown;
                view.result_scroll = 0;
                view.focus = Pane::Result;
                view.invalidate();
                if was == shown {
                    self.info(format!(
                        "that was the last hint ({shown} of {total}); all of them are above"
                    ));
                }
            }
            warning = warning.or(next.warning);
        }
        // After the hint, the progress file's trouble, if any.
        if let Some(w) = warning {
            self.warn(w);
        }
        self.reload_progress();
    }

    /// `s`: the reference solution, shown or hidden once the kata is
    /// passed, here or in another terminal (`pykata check`).
    fn toggle_solution(&mut self) {
        self.reload_progress();
        let hl = self.hl.clone();
        let theme = self.theme;
        let Screen::Kata(view) = &mut self.screen else {
            return;
        };
        let passed = self.progress.kata(&view.kata_id).state == KataState::Done;
        if !view.done && passed {
            // Passed since this screen opened: open it now.
            view.done = true;
            view.show_solution = false;
        }
        if !view.done {
            self.info("the reference solution opens once you pass this kata");
            return;
        }
        if view.solution.is_none() {
            view.solution = Some(Highlighted::new(&view.solution_src, hl.as_deref(), &theme));
        }
        view.show_solution = !view.show_solution;
        view.invalidate();
    }

    fn next_kata(&mut self) {
        let Screen::Kata(view) = &self.screen else {
            return;
        };
        let (t, i) = (view.topic, view.index);
        let order: Vec<(usize, usize)> = self
            .course
            .topics
            .iter()
            .enumerate()
            .flat_map(|(t, topic)| (0..topic.katas.len()).map(move |i| (t, i)))
            .collect();
        let pos = order.iter().position(|p| *p == (t, i)).unwrap_or(0);
        match order.get(pos + 1) {
            Some(&(nt, ni)) => {
                if let Screen::Kata(v) = &mut self.screen {
                    v.cancel();
                }
                self.reload_progress();
                self.open_kata(nt, ni);
            }
            None => {
                self.back_to_map();
                self.info("that was the last kata of the course");
            }
        }
    }

    /// Runs the learner's file once when its kata screen has just opened
    /// (see `App::run_on_open`); a run that cannot start says nothing here,
    /// the screen already shows why (no Python, a missing file).
    pub(crate) fn run_opened_kata(&mut self) -> Vec<Effect> {
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        if std::mem::replace(&mut view.opened_run, true) {
            return Vec::new();
        }
        let missing = view.path.as_deref().is_some_and(|p| !p.exists());
        if self.cannot_run().is_some() || self.ws.is_none() || missing {
            return Vec::new();
        }
        self.start_check(false)
    }

    /// Starts the checks on the learner's file. Without `manual`, a file
    /// whose text is the same as at the last run is not run again.
    pub(crate) fn start_check(&mut self, manual: bool) -> Vec<Effect> {
        if let Some(why) = self.cannot_run() {
            self.error(format!("cannot run the checks: {why}"));
            return Vec::new();
        }
        if self.ws.is_none() {
            self.error(
                "there is no workspace to run from; restart pykata in a folder you can write to",
            );
            return Vec::new();
        }
        if !self.file_there_to_run(manual) {
            return Vec::new();
        }
        let hl = self.hl.clone();
        let theme = self.theme;
        let gen = self.next_gen();
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        let h = view.reload(hl.as_deref(), &theme);
        if !manual
            && h.is_some()
            && h == view.last_run_hash
            && !matches!(view.run, RunState::Cancelled)
        {
            return Vec::new();
        }
        let Some(kata) = self
            .course
            .topics
            .get(view.topic)
            .and_then(|t| t.katas.get(view.index))
        else {
            return Vec::new();
        };
        view.cancel();
        let cancel = Arc::new(AtomicBool::new(false));
        view.run = RunState::Running {
            gen,
            cancel: cancel.clone(),
        };
        view.last_run_hash = h;
        view.invalidate();
        self.dirty = true;
        vec![Effect::Check {
            gen,
            kata: Box::new(kata.clone()),
            cancel,
        }]
    }

    /// Whether the learner's file is there to run. A file that is gone
    /// (deleted, moved, renamed) is never put back behind the learner's
    /// back, since a run would write the starter in its place: the file
    /// pane says so, and only an `r` pressed after that puts the starter
    /// back (never over a file that has appeared meanwhile) and runs it.
    fn file_there_to_run(&mut self, manual: bool) -> bool {
        let Some(ws) = self.ws.clone() else {
            return true;
        };
        let Screen::Kata(view) = &mut self.screen else {
            return true;
        };
        let Some(path) = view.path.clone() else {
            return true;
        };
        if path.exists() {
            view.file_missing = false;
            return true;
        }
        let told = view.file_missing;
        view.file_missing = true;
        view.cancel();
        view.invalidate();
        self.dirty = true;
        let rel = view.rel_path.clone();
        let (topic, index) = (view.topic, view.index);
        let last_read = view.last_read.clone();
        if !manual {
            return false;
        }
        if !told {
            self.warn(format!(
                "{rel} is not there any more (deleted or moved?); nothing was run. \
                 r again puts the starter back in its place and runs it"
            ));
            return false;
        }
        let Some(kata) = self.kata(topic, index).cloned() else {
            return false;
        };
        match restore_starter(&ws, &kata, &path, last_read.as_deref()) {
            Ok(Restored::Starter(None)) => {
                self.info(format!("the starter is back in {rel}; running it"));
                true
            }
            Ok(Restored::Starter(Some(kept))) => {
                let kept = kept
                    .strip_prefix(&ws.root)
                    .unwrap_or(&kept)
                    .display()
                    .to_string();
                self.info(format!(
                    "the starter is back in {rel}, running it; what the file held when last read is kept in {kept}"
                ));
                true
            }
            // It came back meanwhile: the learner's, run as it is.
            Ok(Restored::AlreadyThere) => true,
            Err(e) => {
                self.error(format!("could not put the starter back in {rel}: {e}"));
                false
            }
        }
    }

    pub(crate) fn on_checked(
        &mut self,
        gen: u64,
        kata_id: &str,
        result: Result<(crate::judge::Verdict, Option<String>), String>,
    ) -> Vec<Effect> {
        self.reload_progress();
        self.dirty = true;
        let hl = self.hl.clone();
        let theme = self.theme;
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        let current = matches!(&view.run, RunState::Running { gen: g, .. } if *g == gen);
        if !current || view.kata_id != kata_id {
            return Vec::new();
        }
        view.run = RunState::Idle;
        view.invalidate();
        // A new verdict replaces what was said about the run before it
        // ("run cancelled", "cannot run the checks").
        self.clear_stale_notice();
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        match result {
            Ok((verdict, warning)) => {
                view.progress_warning = warning;
                view.run_error = None;
                let passed = verdict.status == Status::Pass;
                view.follow_error = verdict.line.is_some();
                view.verdict = Some(verdict);
                view.result_scroll = 0;
                if passed {
                    let first = !view.done;
                    view.done = true;
                    if view.solution.is_none() {
                        view.solution =
                            Some(Highlighted::new(&view.solution_src, hl.as_deref(), &theme));
                    }
                    if first {
                        self.info("kata done: progress saved. n goes to the next kata");
                    }
                }
            }
            Err(e) => view.run_error = Some(e),
        }
        Vec::new()
    }

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
                view.unnoticed_since = Some(Instant::now());
                Vec::new()
            }
            Some(since) if since.elapsed() >= UNNOTICED_AFTER => {
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

/// What `restore_starter` did.
enum Restored {
    /// The starter is in place; the learner's last text was kept there.
    Starter(Option<PathBuf>),
    /// A file appeared at the path meanwhile: left as it is.
    AlreadyThere,
}

/// Puts the starter back where the learner's file was. The text the file
/// held when last read, if the learner had changed the starter, goes to a
/// backup first (as `reset` keeps one), so a deleted file's work is not
/// lost; a file that appeared meanwhile is never written over.
fn restore_starter(
    ws: &crate::workspace::Workspace,
    kata: &Kata,
    path: &Path,
    last_read: Option<&str>,
) -> Result<Restored, String> {
    let worth_keeping = last_read.filter(|t| !session::is_untouched_starter(kata, t));
    let Some(text) = worth_keeping else {
        return match ws.ensure_kata_file(kata) {
            Ok(true) => Ok(Restored::Starter(None)),
            Ok(false) => Ok(Restored::AlreadyThere),
            Err(e) => Err(e.to_string()),
        };
    };
    // The last text back in place (never over a file that appeared), then
    // `reset`: a backup of it and the starter.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| {
            use std::io::Write;
            f.write_all(text.as_bytes())
        });
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Ok(Restored::AlreadyThere)
        }
        Err(e) => return Err(format!("{}: {e}", path.display())),
    }
    ws.reset(kata)
        .map(Restored::Starter)
        .map_err(|e| e.to_string())
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

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let spinner = SPINNER[app.spinner % SPINNER.len()];
    let cannot_run = app.cannot_run();
    let no_ws = app.ws.is_none();
    let kata_title = match &app.screen {
        Screen::Kata(v) => app
            .kata(v.topic, v.index)
            .map(|k| k.title.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let topic_title = match &app.screen {
        Screen::Kata(v) => app
            .course
            .topics
            .get(v.topic)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let keys: Vec<(&str, &str)>;
    {
        let Screen::Kata(view) = &mut app.screen else {
            return;
        };
        let width = area.width;
        let [head, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(area);

        // The title line.
        let state = if view.done {
            Span::styled(" ✓ done ", theme.good())
        } else {
            Span::raw("")
        };
        let right = format!(" {topic_title} ");
        let left_w = usize::from(width).saturating_sub(right.chars().count() + state.width());
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!(
                        "{:<left_w$}",
                        fit(&format!(" {} · {}", view.kata_id, kata_title), left_w)
                    ),
                    theme.title(),
                ),
                state,
                Span::styled(right, theme.dim()),
            ])),
            head,
        );

        // The task, then the file and the result.
        let (task_lines, task_marks): (Vec<Line<'static>>, Vec<text::Starts>) = view
            .task
            .render_marked(width.saturating_sub(2), &theme)
            .into_iter()
            .unzip();
        let max_task = if view.task_expanded {
            usize::from(body.height.saturating_sub(6))
        } else {
            usize::from(body.height / 4).max(2)
        };
        let task_h = task_lines.len().min(max_task);
        let cut = task_lines.len() > task_h;
        let [task_area, panes] =
            Layout::vertical([Constraint::Length(task_h as u16 + 1), Constraint::Min(4)])
                .areas(body);
        // When cut, the last line says how to see the rest.
        let keep = if cut {
            task_h.saturating_sub(1)
        } else {
            task_h
        };
        let mut shown: Vec<Line> = task_lines
            .into_iter()
            .take(keep)
            .map(|l| {
                let mut spans = vec![Span::raw(" ")];
                spans.extend(l.spans);
                Line::from(spans)
            })
            .collect();
        if cut {
            // What is left out, so a preview that ends on "do this:" does
            // not hide that a list of what to do follows.
            let left_out = hidden_summary(&task_marks[keep.min(task_marks.len())..]);
            shown.push(Line::from(vec![
                Span::styled(format!(" … {left_out}: "), theme.dim()),
                Span::styled("t", theme.key()),
                Span::styled(" shows the whole task", theme.dim()),
            ]));
        }
        f.render_widget(Paragraph::new(shown), task_area);

        let wide = width >= 120;
        let (file_area, result_area) = if wide {
            let [a, b] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(panes);
            (a, b)
        } else {
            // The file takes what it needs, up to half; the result the rest.
            let needed = super::rows(view.file.lines.len()).saturating_add(2);
            let file_h = needed.clamp(4, (panes.height / 2).max(4));
            let [a, b] =
                Layout::vertical([Constraint::Length(file_h), Constraint::Min(3)]).areas(panes);
            (a, b)
        };
        view.file_area = file_area;
        view.result_area = result_area;

        // The learner's file with line numbers; the line of the error marked.
        let err_line = view.blamed_line();
        let digits = view.file.lines.len().max(1).to_string().len().max(2);
        let mut file_lines: Vec<Line<'static>> = Vec::with_capacity(view.file.lines.len());
        if view.file_missing {
            file_lines.extend(text::reflow(
                &format!(
                    "`{}` is not there any more (deleted or moved?). Put your file back, \
                     or press r to put the starter in its place and run it (what the file \
                     held when last read is kept in `.pykata/backups/`).",
                    view.rel_path
                ),
                file_area.width.saturating_sub(3),
                theme.bad(),
                &theme,
            ));
        } else if let Some(e) = &view.file_error {
            file_lines.extend(text::verbatim(
                e,
                file_area.width.saturating_sub(2),
                theme.bad(),
            ));
        } else if view.path.is_none() {
            file_lines.push(Line::styled("(no workspace: nothing to show)", theme.dim()));
        }
        let widest = if view.file_missing {
            0
        } else {
            view.widest_line()
        };
        let shown_file: &[Line<'static>] = if view.file_missing {
            &[]
        } else {
            &view.file.lines
        };
        // Code is not wrapped: a line wider than the pane is cut, marked
        // `…` where it goes on, and ←→ (file pane focused) scroll sideways.
        let code_w = usize::from(file_area.width.saturating_sub(2)).saturating_sub(digits + 1);
        let max_hscroll = if widest > code_w {
            widest + 1 - code_w.max(1)
        } else {
            0
        };
        view.file_hscroll = view.file_hscroll.min(max_hscroll);
        view.file_cut = widest > code_w;
        for (n, l) in shown_file.iter().enumerate() {
            let num = n as u64 + 1;
            let gutter = if Some(num) == err_line {
                Span::styled(format!("{num:>digits$}▶"), theme.bad())
            } else {
                Span::styled(format!("{num:>digits$}│"), theme.line_number())
            };
            let mut spans = Vec::with_capacity(l.spans.len() + 3);
            spans.push(gutter);
            spans.extend(l.spans.iter().cloned());
            file_lines.push(Line::from(spans));
        }
        // Lines before the file's own (a read error) come first.
        let before = file_lines.len() - shown_file.len();
        let inner_h = usize::from(file_area.height.saturating_sub(2));
        if let Some(line) = err_line.filter(|_| std::mem::take(&mut view.follow_error)) {
            let row = before + (line as usize).saturating_sub(1);
            view.file_scroll = scroll_to_row(view.file_scroll, row, inner_h);
        }
        // Only the lines in sight are cut to the pane (a frame of a long
        // file stays cheap); `scroll_pane` skips the others.
        if widest > code_w || view.file_hscroll > 0 {
            let top = view
                .file_scroll
                .min(file_lines.len().saturating_sub(inner_h));
            for (i, line) in file_lines
                .iter_mut()
                .enumerate()
                .skip(top.max(before))
                .take(inner_h)
            {
                let code = &shown_file[i - before].spans;
                let mut spans = Vec::with_capacity(code.len() + 3);
                spans.push(line.spans[0].clone());
                spans.extend(clipped(code, view.file_hscroll, code_w, &theme));
                *line = Line::from(spans);
            }
        }
        let file_title = Line::from(vec![
            Span::raw(" "),
            Span::styled(view.file_name.clone(), theme.heading()),
            Span::styled(format!(" ({}) ", view.rel_path), theme.dim()),
        ]);
        let file_focused = view.focus == Pane::File;
        let sideways = view.file_cut.then(|| {
            let say = if file_focused {
                " ←→ long lines "
            } else {
                " long lines: Tab, ←→ "
            };
            Line::from(Span::styled(say, theme.dim()))
        });
        view.file_h = widgets::scroll_pane(
            f,
            file_area,
            file_title,
            sideways,
            file_lines,
            &mut view.file_scroll,
            file_focused,
            &theme,
        );

        // The result.
        let inner_w = result_area.width.saturating_sub(3);
        let lines = match &view.cache {
            Some((w, lines)) if *w == inner_w => lines.clone(),
            _ => {
                let lines = result_lines(view, inner_w, &theme, cannot_run.as_deref(), no_ws);
                view.cache = Some((inner_w, lines.clone()));
                lines
            }
        };
        let mut all = Vec::with_capacity(lines.len() + 2);
        if view.running() {
            all.push(Line::from(vec![
                Span::styled(format!("{spinner} "), theme.key()),
                Span::raw("Running the checks… "),
                Span::styled("(Esc cancels)", theme.dim()),
            ]));
            if view.verdict.is_some() {
                all.push(Line::styled(
                    "The last result, until this run ends:",
                    theme.dim(),
                ));
            }
        }
        all.extend(lines);
        // One column of padding inside the border.
        let all: Vec<Line<'static>> = all
            .into_iter()
            .map(|l| {
                let mut spans = Vec::with_capacity(l.spans.len() + 1);
                spans.push(Span::raw(" "));
                spans.extend(l.spans);
                Line::from(spans)
            })
            .collect();
        let title = Line::from(vec![Span::styled(" Result ", theme.heading())]);
        view.result_h = widgets::scroll_pane(
            f,
            result_area,
            title,
            None,
            all,
            &mut view.result_scroll,
            view.focus == Pane::Result,
            &theme,
        );

        keys = if view.running() {
            vec![
                ("Esc", "cancel"),
                ("e", "edit"),
                ("Tab", "pane"),
                ("?", "help"),
            ]
        } else if view.done {
            vec![
                ("n", "next kata"),
                ("e", "edit"),
                ("r", "run"),
                ("s", "solution"),
                ("h", "hints"),
                ("Tab", "pane"),
                ("Esc", "map"),
                ("?", "help"),
            ]
        } else {
            vec![
                ("e", "edit"),
                ("r", "run"),
                ("h", "hint"),
                ("Tab", "pane"),
                ("↑↓", "scroll"),
                ("Esc", "map"),
                ("?", "help"),
            ]
        };
        let _ = status;
    }
    let status = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    widgets::status_bar(f, status, app, &keys);
}

/// What the lines of a task left out of its preview hold: how many, and
/// the numbered steps or list items among them.
fn hidden_summary(marks: &[text::Starts]) -> String {
    let count = |kind| marks.iter().filter(|m| **m == kind).count();
    let lines = match marks.len() {
        1 => "1 more line".to_string(),
        n => format!("{n} more lines"),
    };
    match (count(text::Starts::Step), count(text::Starts::Item)) {
        (1, _) => format!("{lines}, with a numbered step"),
        (s, _) if s > 1 => format!("{lines}, with {s} numbered steps"),
        (_, 1) => format!("{lines}, with a list item"),
        (_, i) if i > 1 => format!("{lines}, with {i} list items"),
        _ => lines,
    }
}

/// The columns of a line of code from `skip` that fit in `width`, with
/// `…` in the first column when some is cut on the left and in the last
/// when some is cut on the right.
fn clipped(
    spans: &[Span<'static>],
    skip: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    if width < 3 {
        return text::clip_columns(spans, skip, width).0;
    }
    let total = text::line_width(spans);
    let left = skip > 0 && total > 0;
    let right = total > skip + width;
    let from = skip + usize::from(left);
    let room = width - usize::from(left) - usize::from(right);
    let (shown, _, _) = text::clip_columns(spans, from, room);
    let mark = || Span::styled("…", theme.warn());
    let mut out = Vec::with_capacity(shown.len() + 2);
    if left {
        out.push(mark());
    }
    out.extend(shown);
    if right {
        // A wide character cut in half leaves a column: pad to the mark.
        let used: usize = usize::from(left) + text::line_width(&out[usize::from(left)..]);
        if used + 1 < width {
            out.push(Span::raw(" ".repeat(width - 1 - used)));
        }
        out.push(mark());
    }
    out
}

/// A message, hint or note in the result pane, reflowed to the pane's
/// width (see [`text::reflow`]).
fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, width: u16, style: Style, theme: &Theme) {
    out.extend(text::reflow(text, width, style, theme));
}

/// The result pane's lines (without the "running" line).
fn result_lines(
    view: &KataView,
    width: u16,
    theme: &Theme,
    cannot_run: Option<&str>,
    no_ws: bool,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();

    // Hints shown so far, newest last (after a pass, only when asked for).
    let total = view.hints.len();
    let passed = view
        .verdict
        .as_ref()
        .is_some_and(|v| v.status == Status::Pass);
    let hints_now = if view.all_hints {
        total
    } else if passed {
        0
    } else {
        view.hints_shown as usize
    };
    for (i, hint) in view.hints.iter().take(hints_now).enumerate() {
        out.push(Line::styled(
            format!("Hint {} of {total}", i + 1),
            theme.warn(),
        ));
        push_wrapped(&mut out, hint.trim(), width, Style::new(), theme);
        out.push(Line::raw(""));
    }

    if let Some(why) = cannot_run {
        push_wrapped(
            &mut out,
            &format!("The checks cannot run: {why}"),
            width,
            theme.bad(),
            theme,
        );
        return out;
    }
    if no_ws {
        push_wrapped(
            &mut out,
            "There is no workspace, so there is no file to judge. Restart pykata in a folder you can write to.",
            width,
            theme.bad(),
            theme,
        );
        return out;
    }
    if let Some(e) = &view.run_error {
        push_wrapped(
            &mut out,
            &format!("The run failed: {e}"),
            width,
            theme.bad(),
            theme,
        );
        return out;
    }
    if matches!(view.run, RunState::Cancelled) && view.verdict.is_none() {
        out.push(Line::styled(
            "Run cancelled. r runs the checks again.",
            theme.warn(),
        ));
        return out;
    }

    let Some(v) = &view.verdict else {
        if let Some(last) = &view.last {
            push_last(&mut out, view, last, width, theme);
            return out;
        }
        if !view.running() {
            push_wrapped(
                &mut out,
                &format!(
                    "Edit `{}` in your editor (e opens it) and save: the checks run on every save. r runs them now.",
                    view.rel_path
                ),
                width,
                Style::new(),
                theme,
            );
            if view.done {
                out.push(Line::raw(""));
                out.push(Line::styled("You passed this kata before.", theme.good()));
                push_solution(&mut out, view, theme);
            }
        }
        return out;
    };

    // The verdict line.
    let shown = VerdictView::of(v, view.hints_shown, total);
    let (mark, label, style) = status_look(shown.status, theme);
    let python = shown
        .python
        .as_deref()
        .map(|p| format!(" · Python {p}"))
        .unwrap_or_default();
    out.push(Line::from(vec![
        Span::styled(
            format!("{mark} {label}"),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(format!("  {} ms{python}", shown.duration_ms), theme.dim()),
    ]));
    if matches!(view.run, RunState::Cancelled) {
        out.push(Line::styled(
            "(the run after this one was cancelled)",
            theme.warn(),
        ));
    }
    push_wrapped(&mut out, &shown.message, width, Style::new(), theme);

    if shown.status == Status::Pass {
        out.push(Line::raw(""));
        out.push(Line::styled(
            "Kata done; your progress is saved.",
            theme.good(),
        ));
        push_solution(&mut out, view, theme);
        return out;
    }

    for section in &shown.sections {
        match section {
            Section::Detail(detail) => push_wrapped(&mut out, detail, width, theme.dim(), theme),
            Section::Diff { check, lines } => {
                out.push(Line::raw(""));
                out.push(Line::from(vec![
                    Span::styled(format!("check `{check}`: "), theme.dim()),
                    Span::styled("- expected", theme.bad()),
                    Span::raw("  "),
                    Span::styled("+ yours", theme.good()),
                ]));
                for d in lines {
                    let style = match d.tag {
                        '-' => theme.bad(),
                        '+' => theme.good(),
                        _ => Style::new(),
                    };
                    out.extend(text::verbatim(
                        &format!("{} {}", d.tag, d.text),
                        width,
                        style,
                    ));
                }
            }
            Section::Traceback(tb) => {
                out.push(Line::raw(""));
                out.extend(text::verbatim(tb, width, theme.bad()));
            }
            Section::Printed { title, text } => {
                out.push(Line::raw(""));
                out.push(Line::styled(*title, theme.dim()));
                out.extend(text::verbatim(text, width, Style::new()));
            }
        }
    }
    if shown.truncated {
        out.push(Line::styled("(output was cut at the limit)", theme.warn()));
    }
    if let Some(w) = &view.progress_warning {
        push_wrapped(&mut out, w, width, theme.warn(), theme);
    }

    // The checks at a glance.
    push_check_marks(&mut out, &shown.checks, width, theme);
    if let Some((used, total)) = shown.stuck {
        out.push(Line::from(vec![
            Span::raw("Stuck? "),
            Span::styled("h", theme.key()),
            Span::raw(format!(" shows a hint ({used} of {total} used)")),
        ]));
    }
    out
}

/// The checks at a glance: a mark and the id of each.
fn push_check_marks(
    out: &mut Vec<Line<'static>>,
    checks: &[(String, Status)],
    width: u16,
    theme: &Theme,
) {
    if checks.is_empty() {
        return;
    }
    out.push(Line::raw(""));
    let mut spans = vec![Span::styled("checks: ", theme.dim())];
    for (id, status) in checks {
        let (m, st) = match status {
            Status::Pass => ("✓", theme.good()),
            Status::NotRun => ("·", theme.dim()),
            Status::Skipped => ("–", theme.dim()),
            _ => ("✗", theme.bad()),
        };
        spans.push(Span::styled(format!("{m} {id}  "), st));
    }
    out.extend(text::wrap(
        &spans,
        usize::from(width.max(8)),
        "",
        "        ",
    ));
}

/// The mark, label and style a verdict's status is shown with.
fn status_look(status: Status, theme: &Theme) -> (&'static str, &'static str, Style) {
    match status {
        Status::Pass => ("✓", "PASS", theme.good()),
        Status::Fail => ("✗", "FAIL", theme.bad()),
        Status::Error => ("✗", "ERROR", theme.bad()),
        Status::Timeout => ("⏱", "TIMEOUT", theme.bad()),
        Status::Killed => ("✗", "STOPPED", theme.bad()),
        Status::Skipped => ("–", "SKIPPED", theme.warn()),
        Status::NotRun => ("·", "NOT RUN", theme.dim()),
    }
}

/// How long ago `at` was, in words.
fn ago(at: u64, now: u64) -> String {
    let secs = now.saturating_sub(at);
    let (n, unit) = match secs {
        0..=59 => return "just now".into(),
        60..=3599 => (secs / 60, "minute"),
        3600..=86_399 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

/// The last verdict kept in progress, marked as such: what the learner
/// saw when they last ran this kata, until a run now replaces it.
fn push_last(
    out: &mut Vec<Line<'static>>,
    view: &KataView,
    last: &LastVerdict,
    width: u16,
    theme: &Theme,
) {
    let when = ago(last.at, crate::progress::now());
    let (mark, label, style) = match last.status.status() {
        Some(s) => status_look(s, theme),
        None => ("·", "?", theme.dim()),
    };
    out.push(Line::from(vec![
        Span::styled(format!("Your last result ({when}): "), theme.dim()),
        Span::styled(
            format!("{mark} {label}"),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
    ]));
    push_wrapped(out, &last.message, width, Style::new(), theme);
    // A status a newer pykata recorded is shown as not passing.
    let checks: Vec<(String, Status)> = last
        .checks
        .iter()
        .map(|(id, status)| (id.clone(), status.status().unwrap_or(Status::Error)))
        .collect();
    push_check_marks(out, &checks, width, theme);
    out.push(Line::raw(""));
    let changed = view.saved_since(last.at);
    out.push(Line::from(vec![
        Span::styled(
            if changed {
                "Your file was saved since. "
            } else {
                ""
            },
            theme.dim(),
        ),
        Span::styled("r", theme.key()),
        Span::styled(" runs the checks now; every save does too.", theme.dim()),
    ]));
    if view.done {
        out.push(Line::raw(""));
        out.push(Line::styled("You passed this kata before.", theme.good()));
        push_solution(out, view, theme);
    }
}

fn push_solution(out: &mut Vec<Line<'static>>, view: &KataView, theme: &Theme) {
    let Some(sol) = &view.solution else {
        out.push(Line::from(vec![
            Span::styled("r", theme.key()),
            Span::raw(" runs your file again; the reference solution shows after a pass."),
        ]));
        return;
    };
    if !view.show_solution {
        out.push(Line::from(vec![
            Span::styled("s", theme.key()),
            Span::raw(" shows the reference solution"),
        ]));
        return;
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "The reference solution, to compare with yours:",
        theme.heading(),
    ));
    out.extend(text::code_block(&sol.lines, theme));
}
