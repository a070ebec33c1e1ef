//! Drawing the kata screen: task, file and result panes, and the status bar.
use super::result::result_lines;
use super::*;

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
            let needed = crate::tui::screens::rows(view.file.lines.len()).saturating_add(2);
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
