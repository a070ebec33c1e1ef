//! The lesson reader: one step at a time. Prose is wrapped, code is
//! highlighted once; an example runs for real and shows its output; a
//! predict step takes an answer in a text box (or from a choice list),
//! runs the code, says whether the answer was right with the explanation,
//! and the attempt is saved in the learner's progress.

use crate::course::{Step, Topic};
use crate::progress::Progress;
use crate::session::PredictOutcome;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::highlight::{Highlighted, Highlighter};
use crate::tui::text::{self, Doc};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, fit, TextInput};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The answers that are not output, in the order Tab offers them.
const SPECIALS: [&str; 3] = ["Error", "Nothing", "Infinite loop"];

#[derive(Debug, Clone)]
pub struct Feedback {
    pub correct: bool,
    pub answer: String,
    pub truth: String,
}

#[derive(Debug)]
enum Body {
    Read(Doc),
    Example {
        title: Option<String>,
        code: Highlighted,
        source: String,
        /// Modules outside the standard library it needs (`requires:`).
        requires: Vec<String>,
        explanation: Option<Doc>,
        run: Option<Result<String, String>>,
    },
    Predict {
        code: Highlighted,
        source: String,
        question: String,
        choices: Vec<String>,
        explanation: Option<Doc>,
        key: String,
        feedback: Option<Feedback>,
    },
}

#[derive(Debug)]
pub struct LessonView {
    pub topic: usize,
    pub title: String,
    pub step: usize,
    steps: Vec<Body>,
    pub scroll: usize,
    view_h: usize,
    pub input: TextInput,
    /// Keys go to the answer box.
    pub typing: bool,
    pub choice: usize,
    /// The selected choice moved: the next frame scrolls it into view.
    follow_choice: bool,
    /// An example started or ended its run: the next frame scrolls its
    /// output (or the running line) into view.
    follow_run: bool,
    /// The run under way: its generation and step.
    pending: Option<(u64, usize)>,
    /// Raised to stop that run (Esc).
    pending_cancel: Option<Arc<AtomicBool>>,
}

impl LessonView {
    pub fn new(
        t: usize,
        topic: &Topic,
        progress: &Progress,
        hl: Option<&Highlighter>,
        theme: &Theme,
    ) -> LessonView {
        let given = hl;
        let hl: Option<&Highlighter> = None;
        let steps = topic
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| match &s.step {
                Step::Read(text) => Body::Read(Doc::parse(text, hl, theme)),
                Step::Example(e) => Body::Example {
                    title: e.title.clone(),
                    code: Highlighted::new(e.code.trim_end(), hl, theme),
                    source: e.code.clone(),
                    requires: e.required_modules(),
                    explanation: e.explanation.as_deref().map(|x| Doc::parse(x, hl, theme)),
                    run: None,
                },
                Step::Predict(p) => Body::Predict {
                    code: Highlighted::new(p.code.trim_end(), hl, theme),
                    source: p.code.clone(),
                    question: p.question.clone(),
                    choices: p.choices.clone(),
                    explanation: p.explanation.as_deref().map(|x| Doc::parse(x, hl, theme)),
                    key: topic.prediction_key(i),
                    feedback: None,
                },
            })
            .collect();
        // Start at the first prediction not yet answered right, if any.
        let first_open = topic
            .prediction_keys()
            .find(|(_, key)| {
                !progress
                    .predictions
                    .get(key)
                    .is_some_and(|p| p.answered_correctly)
            })
            .map(|(i, _)| i);
        let any_answered = topic
            .prediction_keys()
            .any(|(_, key)| progress.predictions.contains_key(&key));
        let mut view = LessonView {
            topic: t,
            title: topic.title.clone(),
            step: 0,
            steps,
            scroll: 0,
            view_h: 10,
            input: TextInput::default(),
            typing: false,
            choice: 0,
            follow_choice: false,
            follow_run: false,
            pending: None,
            pending_cancel: None,
        };
        if any_answered {
            if let Some(i) = first_open {
                view.go(i);
            }
        } else {
            view.go(0);
        }
        if let Some(h) = given {
            view.restyle(h, theme);
        }
        view
    }

    pub fn typing(&self) -> bool {
        self.typing
    }

    pub fn running(&self) -> bool {
        self.pending.is_some()
    }

    /// Highlights the step on screen, once (steps are highlighted as they
    /// are first shown, so opening a lesson costs nothing).
    pub fn restyle(&mut self, hl: &Highlighter, theme: &Theme) {
        if let Some(s) = self.steps.get_mut(self.step) {
            match s {
                Body::Read(d) => d.restyle(hl, theme),
                Body::Example {
                    code, explanation, ..
                }
                | Body::Predict {
                    code, explanation, ..
                } => {
                    code.restyle(hl, theme);
                    if let Some(d) = explanation {
                        d.restyle(hl, theme);
                    }
                }
            }
        }
    }

    /// Moves to step `i`; an unanswered free-text prediction takes keys.
    fn go(&mut self, i: usize) {
        if i >= self.steps.len() {
            return;
        }
        self.step = i;
        self.scroll = 0;
        self.choice = 0;
        self.input = TextInput::default();
        self.typing = matches!(
            &self.steps[i],
            Body::Predict { choices, feedback: None, .. } if choices.is_empty()
        );
    }

    pub fn scroll_by(&mut self, delta: i32) {
        self.scroll = self.scroll.saturating_add_signed(delta as isize);
    }

    pub fn paste(&mut self, text: &str) {
        if self.typing {
            self.input.insert_str(text);
        }
    }

    /// Marks a run of `step` as under way; returns the flag that stops it.
    fn start_run(&mut self, gen: u64, step: usize) -> Arc<AtomicBool> {
        self.stop_run();
        let cancel = Arc::new(AtomicBool::new(false));
        self.pending = Some((gen, step));
        self.pending_cancel = Some(cancel.clone());
        cancel
    }

    /// Stops the run under way, if any; its result will be ignored.
    pub(crate) fn stop_run(&mut self) -> bool {
        if let Some(cancel) = self.pending_cancel.take() {
            cancel.store(true, Ordering::SeqCst);
        }
        self.pending.take().is_some()
    }

    /// Shows an example's output; false if it is a stale run's.
    pub fn example_ran(&mut self, gen: u64, step: usize, result: Result<String, String>) -> bool {
        if self.pending != Some((gen, step)) {
            return false;
        }
        self.pending = None;
        if let Some(Body::Example { run, .. }) = self.steps.get_mut(step) {
            *run = Some(result);
            self.follow_run = step == self.step;
        }
        true
    }
}

impl App {
    pub(crate) fn lesson_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Screen::Lesson(view) = &mut self.screen else {
            return Vec::new();
        };
        if view.typing {
            let alt = key.modifiers.contains(KeyModifiers::ALT)
                || key.modifiers.contains(KeyModifiers::SHIFT);
            match key.code {
                KeyCode::Esc => view.typing = false,
                KeyCode::Enter if alt => view.input.insert('\n'),
                KeyCode::Enter => {
                    let answer = view.input.text.trim().to_string();
                    if answer.is_empty() {
                        self.info(
                            "type what the code prints, or Tab for Error / Nothing / Infinite loop",
                        );
                        return Vec::new();
                    }
                    return self.submit_prediction(answer);
                }
                KeyCode::Tab => {
                    let next = SPECIALS
                        .iter()
                        .position(|s| view.input.text == *s)
                        .map(|i| (i + 1) % SPECIALS.len())
                        .unwrap_or(0);
                    view.input.set(SPECIALS[next]);
                }
                KeyCode::Backspace => view.input.backspace(),
                KeyCode::Delete => view.input.delete(),
                // An empty box has no cursor to move: ←→ step through the
                // lesson, as they do everywhere else in it.
                KeyCode::Left if view.input.text.is_empty() && view.step > 0 => {
                    let to = view.step - 1;
                    view.go(to);
                }
                // The first step has nothing before it; the box stays.
                KeyCode::Left if view.input.text.is_empty() => {}
                KeyCode::Right if view.input.text.is_empty() => {
                    if view.step + 1 < view.steps.len() {
                        let to = view.step + 1;
                        view.go(to);
                    } else {
                        self.finish_lesson();
                    }
                }
                KeyCode::Left => view.input.left(),
                KeyCode::Right => view.input.right(),
                KeyCode::Home => view.input.home(),
                KeyCode::End => view.input.end(),
                KeyCode::PageDown => view.scroll_by(5),
                KeyCode::PageUp => view.scroll_by(-5),
                KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    view.input.clear()
                }
                KeyCode::Char('w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    view.input.delete_word()
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    view.input.insert(c)
                }
                _ => {}
            }
            return Vec::new();
        }

        let step = view.step;
        let last = view.steps.len().saturating_sub(1);
        let choices = match &view.steps.get(step) {
            Some(Body::Predict {
                choices, feedback, ..
            }) if feedback.is_none() => choices.len(),
            _ => 0,
        };
        let page = view.view_h.saturating_sub(1).max(1) as i32;
        match key.code {
            KeyCode::Esc => {
                if view.stop_run() {
                    self.info("run stopped");
                } else {
                    self.back_to_map();
                }
            }
            KeyCode::Up | KeyCode::Char('k') if choices > 0 => {
                view.choice = view.choice.saturating_sub(1);
                view.follow_choice = true;
            }
            KeyCode::Down | KeyCode::Char('j') if choices > 0 => {
                view.choice = (view.choice + 1).min(choices - 1);
                view.follow_choice = true;
            }
            KeyCode::Char(c @ '1'..='9') if choices > 0 => {
                let n = c as usize - '1' as usize;
                if n < choices {
                    view.choice = n;
                    return self.submit_choice();
                }
            }
            KeyCode::Enter if choices > 0 => return self.submit_choice(),
            KeyCode::Down | KeyCode::Char('j') => view.scroll_by(1),
            KeyCode::Up | KeyCode::Char('k') => view.scroll_by(-1),
            KeyCode::PageDown | KeyCode::Char(' ') => view.scroll_by(page),
            KeyCode::PageUp => view.scroll_by(-page),
            KeyCode::Char('r') => return self.run_example(),
            KeyCode::Char('i') | KeyCode::Char('a') => {
                if let Some(Body::Predict {
                    choices, feedback, ..
                }) = view.steps.get_mut(step)
                {
                    // Answering again starts from an empty box, not the
                    // last answer with the new one typed after it.
                    if feedback.take().is_some() {
                        view.input.clear();
                    }
                    if choices.is_empty() {
                        view.typing = true;
                    }
                }
            }
            KeyCode::Enter => {
                let unanswered_text = matches!(
                    &view.steps.get(step),
                    Some(Body::Predict { feedback: None, choices, .. }) if choices.is_empty()
                );
                let unrun_example =
                    matches!(&view.steps.get(step), Some(Body::Example { run: None, .. }));
                if unanswered_text {
                    view.typing = true;
                } else if unrun_example && view.pending.is_none() {
                    return self.run_example();
                } else if step < last {
                    view.go(step + 1);
                } else {
                    self.finish_lesson();
                }
            }
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char('n') => {
                if step < last {
                    view.go(step + 1);
                } else {
                    self.finish_lesson();
                }
            }
            KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('p') | KeyCode::Backspace
                if step > 0 =>
            {
                view.go(step - 1);
            }
            _ => {}
        }
        Vec::new()
    }

    fn finish_lesson(&mut self) {
        let t = match &self.screen {
            Screen::Lesson(v) => v.topic,
            _ => return,
        };
        self.back_to_map();
        // Put the selection on the topic's first kata.
        if self
            .course
            .topics
            .get(t)
            .is_some_and(|x| !x.katas.is_empty())
        {
            self.map.select_kata(t, 0);
        }
        self.info("end of the lesson: its katas are next (Enter opens one)");
    }

    fn submit_choice(&mut self) -> Vec<Effect> {
        let Screen::Lesson(view) = &self.screen else {
            return Vec::new();
        };
        let answer = match view.steps.get(view.step) {
            Some(Body::Predict { choices, .. }) => choices.get(view.choice).cloned(),
            _ => None,
        };
        match answer {
            Some(a) => self.submit_prediction(a),
            None => Vec::new(),
        }
    }

    fn submit_prediction(&mut self, answer: String) -> Vec<Effect> {
        if let Some(why) = self.cannot_run() {
            self.error(format!("cannot check the answer: {why}"));
            return Vec::new();
        }
        let gen = self.next_gen();
        let Screen::Lesson(view) = &mut self.screen else {
            return Vec::new();
        };
        let Some(Body::Predict { source, key, .. }) = view.steps.get(view.step) else {
            return Vec::new();
        };
        let (key, code) = (key.clone(), source.clone());
        let cancel = view.start_run(gen, view.step);
        let effect = Effect::Predict {
            gen,
            key,
            code,
            answer,
            cancel,
        };
        view.typing = false;
        // The answer is on its way: the box starts empty next time (an
        // answer again, or after Esc stopped this run).
        view.input.clear();
        vec![effect]
    }

    fn run_example(&mut self) -> Vec<Effect> {
        if let Some(why) = self.cannot_run() {
            self.error(format!("cannot run the example: {why}"));
            return Vec::new();
        }
        let gen = self.next_gen();
        let Screen::Lesson(view) = &mut self.screen else {
            return Vec::new();
        };
        let step = view.step;
        let Some(Body::Example {
            source,
            requires,
            run,
            ..
        }) = view.steps.get_mut(step)
        else {
            return Vec::new();
        };
        *run = None;
        let code = source.clone();
        let requires = requires.clone();
        let cancel = view.start_run(gen, step);
        view.follow_run = true;
        let effect = Effect::Example {
            gen,
            step,
            code,
            requires,
            cancel,
        };
        vec![effect]
    }

    pub(crate) fn on_predicted(
        &mut self,
        gen: u64,
        key: &str,
        answer: &str,
        result: Result<(PredictOutcome, Option<String>), String>,
    ) -> Vec<Effect> {
        self.reload_progress();
        self.dirty = true;
        let mut notice = None;
        let mut fresh = false;
        if let Screen::Lesson(view) = &mut self.screen {
            let Some((g, step)) = view.pending else {
                return Vec::new();
            };
            if g != gen {
                return Vec::new();
            }
            view.pending = None;
            if let Some(Body::Predict {
                feedback, key: k, ..
            }) = view.steps.get_mut(step)
            {
                if k != key {
                    return Vec::new();
                }
                fresh = true;
                match result {
                    Ok((outcome, warning)) => {
                        *feedback = Some(Feedback {
                            correct: outcome.correct,
                            answer: answer.to_string(),
                            truth: outcome.truth.describe(),
                        });
                        notice = warning;
                    }
                    Err(e) => {
                        notice = Some(format!("the code could not be run: {e}"));
                        // Not judged: the answer is back in the box to retry.
                        view.input.set(answer);
                        view.typing = true;
                    }
                }
            }
        }
        if fresh {
            self.clear_stale_notice();
        }
        if let Some(n) = notice {
            self.warn(n);
        }
        Vec::new()
    }
}

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"][app.spinner % 8];
    let progress = app.progress.clone();
    let hl = app.hl.clone();
    let keys: Vec<(&str, &str)>;
    {
        let Screen::Lesson(view) = &mut app.screen else {
            return;
        };
        if let Some(h) = hl.as_deref() {
            view.restyle(h, &theme);
        }
        let width = area.width;
        let text_box = matches!(
            view.steps.get(view.step),
            Some(Body::Predict { choices, feedback: None, .. }) if choices.is_empty()
        );
        let box_h = if text_box {
            (view.input.text.matches('\n').count() as u16 + 3).min(6)
        } else {
            0
        };
        let [head, body, input, _status] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(3),
            Constraint::Length(box_h),
            Constraint::Length(1),
        ])
        .areas(area);

        let n = view.steps.len();
        let right = format!(" step {} of {n} ", (view.step + 1).min(n));
        let dots = step_marks(view.step, n, usize::from(width));
        let left_w = usize::from(width).saturating_sub(right.len() + dots.chars().count() + 1);
        let mut top = vec![Span::styled(
            format!(
                "{:<left_w$}",
                fit(&format!(" {} · lesson", view.title), left_w)
            ),
            theme.title(),
        )];
        top.push(Span::styled(right, theme.dim()));
        top.push(Span::styled(dots, theme.key()));
        f.render_widget(Paragraph::new(vec![Line::from(top), Line::raw("")]), head);

        let inner_w = width.saturating_sub(2);
        let (lines, selected, run_rows) = step_lines(view, inner_w, &theme, &progress, spinner);
        let view_h = usize::from(body.height);
        view.view_h = view_h;
        if let Some(rows) = selected.filter(|_| std::mem::take(&mut view.follow_choice)) {
            view.scroll = scroll_to_show(view.scroll, rows, view_h);
        }
        if let Some(rows) = run_rows.filter(|_| std::mem::take(&mut view.follow_run)) {
            view.scroll = scroll_to_show(view.scroll, rows, view_h);
        }
        let total = lines.len();
        view.scroll = view.scroll.min(total.saturating_sub(view_h));
        let more_below = view.scroll + view_h < total;
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(view.scroll)
            .take(view_h)
            .map(|l| {
                let mut spans = vec![Span::raw(" ")];
                spans.extend(l.spans);
                Line::from(spans).style(l.style)
            })
            .collect();
        f.render_widget(Paragraph::new(shown), body);
        if more_below && body.height > 0 && body.width > 12 {
            let mark = Rect {
                x: body.x + body.width - 12,
                y: body.y + body.height - 1,
                width: 12,
                height: 1,
            };
            f.render_widget(
                Paragraph::new(Line::styled(" ↓ more (j) ", theme.key())),
                mark,
            );
        }

        if text_box {
            view.input.render(
                f,
                input,
                " Your answer · Enter submits · Alt-Enter new line · Tab special ",
                view.typing,
                &theme,
            );
        }

        let on_predict = matches!(view.steps.get(view.step), Some(Body::Predict { .. }));
        let has_choices = matches!(
            view.steps.get(view.step),
            Some(Body::Predict { choices, feedback: None, .. }) if !choices.is_empty()
        );
        let answered = matches!(
            view.steps.get(view.step),
            Some(Body::Predict {
                feedback: Some(_),
                ..
            })
        );
        keys = if view.typing {
            vec![
                ("Enter", "answer"),
                ("Tab", "special"),
                if view.input.text.is_empty() {
                    ("←→", "step")
                } else {
                    ("←→", "cursor")
                },
                ("Esc", "stop typing"),
            ]
        } else if view.pending.is_some() {
            vec![("Esc", "stop the run"), ("?", "help")]
        } else if has_choices {
            vec![
                ("↑↓", "choose"),
                ("Enter", "answer"),
                ("←→", "step"),
                ("Esc", "map"),
                ("?", "help"),
            ]
        } else if answered {
            vec![
                ("→", "next"),
                ("a", "answer again"),
                ("←", "back"),
                ("Esc", "map"),
                ("?", "help"),
            ]
        } else if on_predict {
            // As the help says: Enter answers, `a` answers again.
            vec![
                ("Enter", "answer"),
                ("←→", "step"),
                ("Esc", "map"),
                ("?", "help"),
            ]
        } else if matches!(view.steps.get(view.step), Some(Body::Example { .. })) {
            vec![
                ("r", "run it"),
                ("→", "next"),
                ("←", "back"),
                ("↑↓", "scroll"),
                ("Esc", "map"),
                ("?", "help"),
            ]
        } else {
            vec![
                ("→", "next"),
                ("←", "back"),
                ("↑↓", "scroll"),
                ("Esc", "map"),
                ("?", "help"),
                ("q", "quit"),
            ]
        };
    }
    let status = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    widgets::status_bar(f, status, app, &keys);
}

/// One mark per step, `●` up to the one shown and `○` after it; none
/// when they would take more than a quarter of the line ("step N of M"
/// beside them says it then). A gauge of fewer marks than steps would
/// show neighbouring steps alike.
fn step_marks(step: usize, n: usize, width: usize) -> String {
    if n > width / 4 {
        return String::new();
    }
    (0..n).map(|i| if i <= step { '●' } else { '○' }).collect()
}

/// "Predict: " and the question, its inline `code` and **bold** drawn as
/// in the lesson's prose, wrapped at words under the question's start.
fn question_lines(question: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let label = "Predict: ";
    let mut spans = vec![Span::styled(
        label,
        theme.warn().add_modifier(Modifier::BOLD),
    )];
    let question = crate::sanitize::escape_controls(question.trim());
    spans.extend(
        text::inline(&question, theme)
            .into_iter()
            .map(|s| Span::styled(s.content, theme.heading().patch(s.style))),
    );
    let indent = " ".repeat(label.len());
    text::wrap(
        &spans,
        usize::from(width.max(label.len() as u16 + 8)),
        "",
        &indent,
    )
}

/// One choice: `▶ 1. ` before its first line, and its other lines (a
/// choice of several output lines, or one too long) hung under its text.
/// Choices are output, so they are shown verbatim, not as prose.
fn choice_lines(
    i: usize,
    choice: &str,
    selected: bool,
    width: u16,
    style: Style,
) -> Vec<Line<'static>> {
    let label = format!("{} {}. ", if selected { "▶" } else { " " }, i + 1);
    let label_w = label.chars().count();
    let indent = " ".repeat(label_w);
    let text_w = width.saturating_sub(label_w as u16).max(4);
    let mut lines = text::verbatim(choice, text_w, style);
    if lines.is_empty() {
        lines.push(Line::default());
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let lead = if n == 0 {
                label.clone()
            } else {
                indent.clone()
            };
            let mut spans = vec![Span::styled(lead, style)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

/// The scroll offset that shows `rows` (first and last line, inclusive)
/// in a view `view_h` lines high, moving as little as it can.
fn scroll_to_show(scroll: usize, (first, last): (usize, usize), view_h: usize) -> usize {
    // The "↓ more" mark takes the bottom line when there is more below.
    let room = view_h.saturating_sub(1).max(1);
    if last >= scroll + room {
        (last + 1).saturating_sub(room).min(first)
    } else {
        scroll.min(first)
    }
}

/// The rows of a step's lines, first and last.
type Rows = Option<(usize, usize)>;

/// The step's lines, which of them hold the selected choice (if a choice
/// list is shown), and which hold an example's run (the running line, or
/// its output).
fn step_lines(
    view: &LessonView,
    width: u16,
    theme: &Theme,
    progress: &Progress,
    spinner: &str,
) -> (Vec<Line<'static>>, Rows, Rows) {
    let mut out = Vec::new();
    let mut selected = None;
    let mut run_rows = None;
    let running = view.pending.map(|(_, s)| s) == Some(view.step);
    let Some(body) = view.steps.get(view.step) else {
        out.push(Line::styled("This lesson has no steps.", theme.dim()));
        return (out, None, None);
    };
    match body {
        Body::Read(doc) => out.extend(doc.render(width, theme)),
        Body::Example {
            title,
            code,
            requires,
            explanation,
            run,
            ..
        } => {
            out.push(Line::styled(
                title.clone().unwrap_or_else(|| "Example".into()),
                theme.heading(),
            ));
            if !requires.is_empty() {
                // Said before the run, so nobody expects it to work on a
                // standard-library-only Python.
                out.push(Line::styled(
                    format!(
                        "Needs {} (not in the standard library)",
                        requires.join(", ")
                    ),
                    theme.dim(),
                ));
            }
            out.push(Line::raw(""));
            out.extend(text::code_block(&code.lines, theme));
            out.push(Line::raw(""));
            let run_first = out.len();
            match run {
                _ if running => out.push(Line::from(vec![
                    Span::styled(format!("{spinner} "), theme.key()),
                    Span::raw("Running it… "),
                    Span::styled("(Esc stops it)", theme.dim()),
                ])),
                None => out.push(Line::from(vec![
                    Span::styled("r", theme.key()),
                    Span::raw(" runs it and shows its real output"),
                ])),
                Some(Ok(output)) => {
                    out.push(Line::styled("Output (a real run):", theme.dim()));
                    if output.trim().is_empty() {
                        out.push(Line::styled("(nothing)", theme.dim()));
                    }
                    out.extend(text::verbatim(output.trim_end(), width, theme.good()));
                }
                Some(Err(e)) => out.extend(text::verbatim(
                    &format!("could not run it: {e}"),
                    width,
                    theme.bad(),
                )),
            }
            run_rows = Some((run_first, out.len().saturating_sub(1)));
            if let Some(doc) = explanation {
                out.push(Line::raw(""));
                out.extend(doc.render(width, theme));
            }
        }
        Body::Predict {
            code,
            question,
            choices,
            explanation,
            key,
            feedback,
            ..
        } => {
            out.extend(question_lines(question, width, theme));
            out.push(Line::raw(""));
            out.extend(text::code_block(&code.lines, theme));
            out.push(Line::raw(""));
            if !choices.is_empty() && feedback.is_none() {
                for (i, c) in choices.iter().enumerate() {
                    let style = if i == view.choice {
                        theme.selected()
                    } else {
                        Style::new()
                    };
                    let first = out.len();
                    out.extend(choice_lines(i, c, i == view.choice, width, style));
                    if i == view.choice {
                        selected = Some((first, out.len().saturating_sub(1)));
                    }
                }
                out.push(Line::raw(""));
            }
            if running {
                out.push(Line::from(vec![
                    Span::styled(format!("{spinner} "), theme.key()),
                    Span::raw("Running the code to check your answer…"),
                ]));
            }
            if let Some(fb) = feedback {
                if fb.correct {
                    out.push(Line::styled(
                        "✓ Right!",
                        theme.good().add_modifier(Modifier::BOLD),
                    ));
                } else {
                    out.push(Line::styled(
                        "✗ Not quite.",
                        theme.bad().add_modifier(Modifier::BOLD),
                    ));
                }
                out.extend(text::verbatim(
                    &format!("You answered: {}", fb.answer),
                    width,
                    theme.dim(),
                ));
                out.push(Line::styled("What it really does:", theme.dim()));
                out.extend(text::verbatim(&fb.truth, width, theme.good()));
                if let Some(doc) = explanation {
                    out.push(Line::raw(""));
                    out.extend(doc.render(width, theme));
                }
            }
            if let Some(p) = progress.predictions.get(key) {
                out.push(Line::raw(""));
                out.push(Line::styled(
                    format!(
                        "Attempts saved: {} · first answer {}",
                        p.attempts,
                        if p.first_correct {
                            "right"
                        } else {
                            "not right"
                        }
                    ),
                    theme.dim(),
                ));
            }
        }
    }
    (out, selected, run_rows)
}
