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

// One job each: the keys (keys.rs), running the checks and taking in
// their verdict (run.rs), noticing saves (saves.rs), drawing (render.rs),
// the result pane's text (result.rs); the view's state is here.
mod keys;
mod render;
mod result;
mod run;
mod saves;

pub use render::render;
pub use saves::UNNOTICED_AFTER;

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
    /// The hash of the text the shown verdict is of: its error line marks
    /// the file only while the file still holds that text.
    verdict_hash: Option<u64>,
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
    pub(super) opened_run: bool,
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
            verdict_hash: None,
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
            Some(v) => v.line.filter(|_| self.verdict_hash == self.file_hash),
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
