//! The course map: topics with progress gauges, each topic's lesson and
//! katas with their state, search with `/`, a filter for what is left, and
//! `c` to continue where the learner was.

use crate::course::{Course, Topic};
use crate::ending::TopicState;
use crate::plural::count;
use crate::progress::Progress;
use crate::session::{self, KataStatus};
use crate::tui::app::{App, Effect};
use crate::tui::widgets::{self, fit, gauge};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// A row of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Topic(usize),
    Lesson(usize),
    Kata(usize, usize),
}

#[derive(Debug, Clone)]
pub struct MapView {
    pub selected: Row,
    /// The first row shown.
    pub offset: usize,
    pub search: String,
    /// Typing goes into the search.
    pub searching: bool,
    /// `/` reopened a kept search: it is shown selected, and typing
    /// replaces it rather than adding to it.
    pub search_selected: bool,
    /// Hide what is done.
    pub left_only: bool,
    view_h: usize,
}

impl Default for MapView {
    fn default() -> Self {
        MapView::new()
    }
}

impl MapView {
    pub fn new() -> MapView {
        MapView {
            selected: Row::Topic(0),
            offset: 0,
            search: String::new(),
            searching: false,
            search_selected: false,
            left_only: false,
            view_h: 10,
        }
    }

    /// Puts the selection on where the learner left off.
    /// A learner who has done nothing yet starts with the first lesson.
    pub fn select_continue(&mut self, course: &Course, progress: &Progress) {
        let fresh = progress.katas.is_empty() && progress.predictions.is_empty();
        if fresh && !course.topics.is_empty() {
            self.selected = Row::Lesson(0);
        } else if let Some(kata) = session::continue_target(course, progress) {
            if let Some((t, i)) = course.locate(&kata.id) {
                self.selected = Row::Kata(t, i);
            }
        } else if !course.topics.is_empty() {
            self.selected = Row::Lesson(0);
        }
    }

    pub fn select_kata(&mut self, t: usize, i: usize) {
        self.selected = Row::Kata(t, i);
    }

    pub fn select_lesson(&mut self, t: usize) {
        self.selected = Row::Lesson(t);
    }

    pub fn scroll(&mut self, delta: i32) {
        self.offset = self.offset.saturating_add_signed(delta as isize);
    }

    /// The rows shown, after search and filter.
    pub fn rows(&self, app: &App) -> Vec<Row> {
        let query = self.search.to_lowercase();
        let mut rows = Vec::new();
        for (t, topic) in app.course.topics.iter().enumerate() {
            let topic_hit = query.is_empty()
                || topic.title.to_lowercase().contains(&query)
                || topic.id.to_lowercase().contains(&query);
            let katas: Vec<usize> = topic
                .katas
                .iter()
                .enumerate()
                .filter(|(_, k)| {
                    topic_hit
                        || k.id.to_lowercase().contains(&query)
                        || k.title.to_lowercase().contains(&query)
                })
                .filter(|(_, k)| {
                    !self.left_only
                        || app.progress.kata(&k.id).state != crate::progress::KataState::Done
                })
                .map(|(i, _)| i)
                .collect();
            let lesson_left = !self.left_only || !lesson_done(topic, &app.progress);
            let show_lesson = topic_hit && lesson_left && !topic.steps.is_empty();
            if katas.is_empty() && !show_lesson {
                continue;
            }
            rows.push(Row::Topic(t));
            if show_lesson {
                rows.push(Row::Lesson(t));
            }
            rows.extend(katas.into_iter().map(|i| Row::Kata(t, i)));
        }
        rows
    }
}

/// Predict steps of a topic and how many the learner got right.
pub fn predictions(topic: &Topic, progress: &Progress) -> (usize, usize) {
    let keys: Vec<String> = topic.prediction_keys().map(|(_, k)| k).collect();
    let right = keys
        .iter()
        .filter(|k| {
            progress
                .predictions
                .get(*k)
                .is_some_and(|p| p.answered_correctly)
        })
        .count();
    (right, keys.len())
}

fn lesson_done(topic: &Topic, progress: &Progress) -> bool {
    let (right, total) = predictions(topic, progress);
    total > 0 && right == total
}

impl App {
    pub(crate) fn map_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.map.searching {
            let replace = std::mem::take(&mut self.map.search_selected);
            match key.code {
                KeyCode::Esc => {
                    self.map.search.clear();
                    self.map.searching = false;
                }
                KeyCode::Enter => self.map.searching = false,
                KeyCode::Backspace if replace => self.map.search.clear(),
                KeyCode::Backspace => {
                    self.map.search.pop();
                }
                KeyCode::Char(c) => {
                    if replace {
                        self.map.search.clear();
                    }
                    self.map.search.push(c)
                }
                KeyCode::Down | KeyCode::Up => {
                    self.map.searching = false;
                    return self.map_key(key);
                }
                _ => {}
            }
            self.keep_selection_visible();
            return Vec::new();
        }
        let rows = self.map.rows(self);
        let pos = rows.iter().position(|r| *r == self.map.selected);
        let at = pos.unwrap_or(0);
        let last = rows.len().saturating_sub(1);
        let page = self.map.view_h.max(1);
        let moved = |to: usize| rows.get(to).copied();
        let target = match key.code {
            KeyCode::Down | KeyCode::Char('j') => moved((at + 1).min(last)),
            KeyCode::Up | KeyCode::Char('k') => moved(at.saturating_sub(1)),
            KeyCode::PageDown => moved((at + page).min(last)),
            KeyCode::PageUp => moved(at.saturating_sub(page)),
            KeyCode::Home | KeyCode::Char('g') => moved(0),
            KeyCode::End | KeyCode::Char('G') => moved(last),
            KeyCode::Char('/') => {
                self.map.searching = true;
                // A kept search is selected: typing starts a new one,
                // Enter keeps it, and nothing is appended to it.
                self.map.search_selected = !self.map.search.is_empty();
                None
            }
            KeyCode::Char('f') => {
                self.map.left_only = !self.map.left_only;
                self.keep_selection_visible();
                None
            }
            KeyCode::Esc => {
                self.map.search.clear();
                self.keep_selection_visible();
                None
            }
            KeyCode::Char('c') => {
                if let Some(ending) = self.course_ending() {
                    // Nothing to continue: what to do now instead.
                    self.ending = Some(ending);
                } else {
                    match session::continue_target(&self.course, &self.progress)
                        .and_then(|k| self.locate(&k.id))
                    {
                        Some((t, i)) => self.open_kata(t, i),
                        None => self.info("every kata is done: well done!"),
                    }
                }
                None
            }
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => {
                match pos.map(|p| rows[p]) {
                    Some(Row::Topic(t)) | Some(Row::Lesson(t)) => self.open_lesson(t),
                    Some(Row::Kata(t, i)) => self.open_kata(t, i),
                    None => {}
                }
                None
            }
            _ => None,
        };
        if let Some(r) = target {
            self.map.selected = r;
        }
        Vec::new()
    }

    fn keep_selection_visible(&mut self) {
        let rows = self.map.rows(self);
        if !rows.contains(&self.map.selected) {
            if let Some(first) = rows
                .iter()
                .find(|r| matches!(r, Row::Kata(..) | Row::Lesson(_)))
                .or(rows.first())
            {
                self.map.selected = *first;
            }
        }
    }
}

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let [head, list, status] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);

    // The header: title and overall progress, where the files are.
    let total = app.course.katas().count();
    let done = app
        .course
        .katas()
        .filter(|k| app.progress.kata(&k.id).state == crate::progress::KataState::Done)
        .count();
    let width = usize::from(area.width);
    let right = format!(" {done}/{} done ", count(total, "kata"));
    let gauge_w = 12;
    let title_w = width.saturating_sub(right.len() + gauge_w + 2);
    let mut top = vec![Span::styled(
        format!(
            "{:<title_w$}",
            fit(&format!(" {}", app.course.title), title_w)
        ),
        theme.title(),
    )];
    top.push(Span::raw(right));
    top.extend(gauge(done, total, gauge_w, &theme));
    let files = match &app.ws {
        Some(_) => format!(" Your files: {}", app.ws_display),
        None => " No workspace: katas cannot be saved or judged".to_string(),
    };
    let python = match (&app.version, &app.python_error) {
        (Some(v), _) => format!(" · Python {v}"),
        (None, Some(_)) => " · no usable Python".to_string(),
        (None, None) => String::new(),
    };
    let course_done =
        crate::ending::course_complete(&app.course, &app.progress, app.version.as_ref());
    let filter_line = if app.map.searching || !app.map.search.is_empty() || app.map.left_only {
        let mut spans = Vec::new();
        if app.map.searching || !app.map.search.is_empty() {
            spans.push(Span::styled(" / ", theme.key()));
            if app.map.search_selected {
                spans.push(Span::styled(app.map.search.clone(), theme.selected()));
            } else {
                spans.push(Span::raw(app.map.search.clone()));
            }
            if app.map.searching {
                spans.push(Span::styled("▏", theme.key()));
            }
        }
        if app.map.left_only {
            spans.push(Span::styled("  [what is left]", theme.warn()));
        }
        Line::from(spans)
    } else if course_done {
        Line::styled(
            fit(
                " ✓ Course complete: c says what next (the report to send your instructor)",
                width,
            ),
            theme.good(),
        )
    } else {
        Line::raw("")
    };
    let header = vec![
        Line::from(top),
        Line::styled(
            fit(&format!(" {}", app.course.description.trim()), width),
            theme.dim(),
        ),
        Line::styled(fit(&format!("{files}{python}"), width), theme.dim()),
        filter_line,
    ];
    f.render_widget(Paragraph::new(header), head);

    // The rows.
    let rows = app.map.rows(app);
    let view_h = usize::from(list.height);
    app.map.view_h = view_h;
    let selected = rows.iter().position(|r| *r == app.map.selected);
    if let Some(sel) = selected {
        if sel < app.map.offset {
            app.map.offset = sel;
        } else if sel >= app.map.offset + view_h {
            app.map.offset = sel + 1 - view_h;
        }
    }
    app.map.offset = app.map.offset.min(rows.len().saturating_sub(view_h));
    let id_w = app
        .course
        .katas()
        .map(|k| k.id.chars().count())
        .max()
        .unwrap_or(8)
        .min(24);
    let mut lines = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(app.map.offset).take(view_h) {
        let here = Some(n) == selected;
        let mut line = row_line(app, *row, width.saturating_sub(1), id_w);
        line.spans
            .insert(0, Span::raw(if here { "▶" } else { " " }));
        if here {
            line = line.patch_style(theme.selected());
            let pad = width.saturating_sub(line.width());
            line.spans
                .push(Span::styled(" ".repeat(pad), theme.selected()));
        }
        lines.push(line);
    }
    if rows.is_empty() {
        lines.push(Line::styled(
            if app.map.search.is_empty() {
                "  Nothing left: every kata and prediction is done. Press f to show everything."
            } else {
                "  Nothing matches the search. Esc clears it."
            },
            theme.dim(),
        ));
    }
    f.render_widget(Paragraph::new(lines), list);

    let keys: &[(&str, &str)] = if app.map.searching {
        &[("Enter", "keep"), ("Esc", "clear"), ("↑↓", "move")]
    } else {
        &[
            ("↑↓", "move"),
            ("Enter", "open"),
            ("c", "continue"),
            ("/", "search"),
            ("f", "what's left"),
            ("?", "help"),
            ("q", "quit"),
        ]
    };
    widgets::status_bar(f, status, app, keys);
}

fn row_line(app: &App, row: Row, width: usize, id_w: usize) -> Line<'static> {
    let theme = &app.theme;
    match row {
        Row::Topic(t) => {
            let topic = &app.course.topics[t];
            let state = TopicState::of(topic, &app.progress, app.version.as_ref());
            let (done, total) = (state.passed, state.katas);
            let skipped = match state.skipped {
                0 => String::new(),
                n => format!(", {n} skipped"),
            };
            let right = if state.complete() {
                format!(" {done}/{total} ✓ complete{skipped}")
            } else if skipped.is_empty() {
                format!(" {done}/{total}")
            } else {
                format!(" {done}/{total} ({})", &skipped[2..])
            };
            let gauge_w = 10;
            let title_w = width.saturating_sub(gauge_w + right.chars().count() + 6);
            let mut spans = vec![Span::styled(
                format!("{:>2}  {:<title_w$}", t + 1, fit(&topic.title, title_w),),
                theme.heading(),
            )];
            spans.push(Span::raw("  "));
            spans.extend(gauge(done, total, gauge_w, theme));
            spans.push(Span::styled(right, theme.dim()));
            Line::from(spans)
        }
        Row::Lesson(t) => {
            let topic = &app.course.topics[t];
            let (right, total) = predictions(topic, &app.progress);
            let mark = if lesson_done(topic, &app.progress) {
                Span::styled("✓", theme.good())
            } else {
                Span::raw("≡")
            };
            let note = if total > 0 {
                format!(" · predictions {right}/{total}")
            } else {
                String::new()
            };
            Line::from(vec![
                Span::raw("   "),
                mark,
                Span::raw(" "),
                Span::raw(format!("{:<id_w$}", "lesson")),
                Span::raw("  "),
                Span::styled(
                    fit(
                        &format!("{}{note}", count(topic.steps.len(), "step")),
                        width.saturating_sub(id_w + 8),
                    ),
                    theme.dim(),
                ),
            ])
        }
        Row::Kata(t, i) => {
            let kata = &app.course.topics[t].katas[i];
            let status = session::kata_status(kata, &app.progress, app.version.as_ref());
            let (mark, note) = match &status {
                KataStatus::Done => (Span::styled("✓", theme.good()), String::new()),
                KataStatus::Started { attempts } => (
                    Span::styled("•", theme.warn()),
                    format!("  started, {}", count(*attempts, "run")),
                ),
                KataStatus::New => (Span::raw(" "), String::new()),
                KataStatus::Unsupported(_) => (
                    Span::styled("–", theme.dim()),
                    kata.min_python
                        .map(|(a, b)| format!("  skipped: needs Python {a}.{b}"))
                        .unwrap_or_default(),
                ),
            };
            let note = match app.changed_katas.contains(&kata.id) {
                true => format!("{note}  task changed: pykata reset {}", kata.id),
                false => note,
            };
            let id = fit(&kata.id, id_w);
            let rest = width.saturating_sub(id_w + 8);
            let title = fit(&kata.title, rest.saturating_sub(note.chars().count()));
            Line::from(vec![
                Span::raw("   "),
                mark,
                Span::raw(" "),
                Span::raw(format!("{id:<id_w$}")),
                Span::raw("  "),
                Span::raw(title),
                Span::styled(note, theme.dim()),
            ])
        }
    }
}
