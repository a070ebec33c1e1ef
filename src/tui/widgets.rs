//! Small drawing helpers shared by the screens: the status bar, text
//! gauges, scrollable panes, a one-line text box and centred popups.

use super::app::{App, NoticeKind};
use super::theme::Theme;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// A progress bar in text: `█████░░░░░`.
pub fn gauge(done: usize, total: usize, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    vec![
        Span::styled("█".repeat(filled), theme.gauge_full()),
        Span::styled("░".repeat(width - filled), theme.gauge_empty()),
    ]
}

/// Key hints: `[("e", "edit"), ...]` as styled spans.
pub fn keys(pairs: &[(&str, &str)], theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (k, what)) in pairs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled((*k).to_string(), theme.key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    spans
}

/// The bottom line: the notice if there is one, else the keys that work
/// here. A notice longer than the line is finished by
/// [`super::screens::render`], which gives it the lines it needs.
pub fn status_bar(f: &mut Frame, area: Rect, app: &App, pairs: &[(&str, &str)]) {
    let theme = &app.theme;
    if app.notice.is_some() {
        draw_notice(f, area, app);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    spans.extend(keys(pairs, theme));
    f.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status_bar()),
        area,
    );
}

/// The most lines a notice takes at the bottom of the screen; a longer
/// one ends in `…`.
pub const NOTICE_MAX_LINES: usize = 3;

/// How many lines the notice needs at this width (1 without a notice).
pub fn notice_height(app: &App, width: u16) -> u16 {
    notice_lines(app, width).len().max(1) as u16
}

/// Draws the notice, word-wrapped, in `area`.
pub fn draw_notice(f: &mut Frame, area: Rect, app: &App) {
    let lines = notice_lines(app, area.width);
    f.render_widget(ratatui::widgets::Clear, area);
    f.render_widget(Paragraph::new(lines).style(notice_style(app)), area);
}

fn notice_style(app: &App) -> Style {
    let theme = &app.theme;
    match app.notice.as_ref().map(|n| n.kind) {
        Some(NoticeKind::Warn) => theme.status_bar().patch(theme.warn()),
        Some(NoticeKind::Error) => theme.status_bar().patch(theme.bad()),
        _ => theme.status_bar(),
    }
}

/// The notice word-wrapped to `width` (errors name paths and commands the
/// learner needs whole, so they are wrapped rather than cut), at most
/// [`NOTICE_MAX_LINES`] lines.
fn notice_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(n) = &app.notice else {
        return Vec::new();
    };
    let text = super::highlight::prepare(&n.text).replace('\n', " ");
    let width = usize::from(width.saturating_sub(1)).max(2);
    let span = Span::styled(text, notice_style(app));
    let mut lines = super::text::wrap(&[span], width, " ", " ");
    if lines.len() > NOTICE_MAX_LINES {
        lines.truncate(NOTICE_MAX_LINES);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(fit(&format!("{text} …"), width), notice_style(app));
        }
    }
    lines
}

/// Truncates `text` to `width` columns, with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A pane of lines in a bordered block, scrolled to `*scroll` (clamped
/// here, so the caller's offset never runs past the end), with `note` at
/// the bottom left. Returns the height of the inside, for paging.
#[allow(clippy::too_many_arguments)]
pub fn scroll_pane(
    f: &mut Frame,
    area: Rect,
    title: Line<'static>,
    note: Option<Line<'static>>,
    lines: Vec<Line<'static>>,
    scroll: &mut usize,
    focused: bool,
    theme: &Theme,
) -> usize {
    let inner_h = usize::from(area.height.saturating_sub(2));
    let total = lines.len();
    let max = total.saturating_sub(inner_h);
    *scroll = (*scroll).min(max);
    // The focused pane's border is thick as well as coloured, so the focus
    // shows with NO_COLOR too.
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.border_focused()
        } else {
            theme.border()
        })
        .title(title);
    if let Some(note) = note {
        block = block.title_bottom(note.left_aligned());
    }
    if total > inner_h {
        let end = (*scroll + inner_h).min(total);
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {}-{} of {} ", *scroll + 1, end, total),
                theme.dim(),
            ))
            .right_aligned(),
        );
    }
    let shown: Vec<Line<'static>> = lines.into_iter().skip(*scroll).take(inner_h).collect();
    f.render_widget(Paragraph::new(shown).block(block), area);
    inner_h
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A text box's content and cursor (a char index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub cursor: usize,
}

impl TextInput {
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.chars().count();
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            if c == '\r' {
                continue;
            }
            if c == '\n' || !c.is_control() {
                self.insert(c);
            }
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Empties the box (Ctrl-U, and a fresh answer).
    pub fn clear(&mut self) {
        *self = TextInput::default();
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W,
    /// as in a shell).
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor.min(chars.len());
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Draws the box's lines (the answer may span lines) and, when
    /// focused, puts the terminal cursor at the insertion point.
    pub fn render(&self, f: &mut Frame, area: Rect, title: &str, focused: bool, theme: &Theme) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                theme.border_focused()
            } else {
                theme.border()
            })
            .title(Span::styled(title.to_string(), theme.dim()));
        let inner = block.inner(area);
        let shown = super::highlight::prepare(&self.text);
        let lines: Vec<Line> = shown
            .split('\n')
            .map(|l| Line::raw(l.to_string()))
            .collect();
        // The cursor's row and column.
        let before: String = self.text.chars().take(self.cursor).collect();
        let before = super::highlight::prepare(&before);
        let row = before.matches('\n').count();
        let col = before.rsplit('\n').next().unwrap_or("").width();
        let skip = row.saturating_sub(usize::from(inner.height.saturating_sub(1)));
        let hscroll = col.saturating_sub(usize::from(inner.width.saturating_sub(1)));
        f.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((skip as u16, hscroll as u16))
                .style(Style::new()),
            area,
        );
        if focused && inner.width > 0 && inner.height > 0 {
            f.set_cursor_position(Position {
                x: inner.x + (col - hscroll) as u16,
                y: inner.y + (row - skip) as u16,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_input_edits_by_character() {
        let mut t = TextInput::default();
        t.insert_str("héllo");
        t.left();
        t.backspace();
        t.insert('X');
        assert_eq!(t.text, "hélXo");
        t.home();
        t.delete();
        assert_eq!(t.text, "élXo");
        t.end();
        t.insert_str("\x1b\r\n!");
        assert_eq!(t.text, "élXo\n!");
    }

    #[test]
    fn text_input_deletes_a_word_and_clears() {
        let mut t = TextInput::default();
        t.insert_str("['v1', 'v1']  ");
        t.delete_word();
        assert_eq!(t.text, "['v1', ");
        t.delete_word();
        assert_eq!(t.text, "");
        t.insert_str("a b");
        t.left();
        t.delete_word();
        assert_eq!((t.text.as_str(), t.cursor), ("b", 0));
        t.clear();
        assert_eq!(t, TextInput::default());
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
