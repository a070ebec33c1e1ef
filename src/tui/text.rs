//! Prose as the course writes it (Markdown-ish: paragraphs, `- ` lists,
//! `# ` headings, fenced code, blocks indented by four spaces, inline
//! `code` and **bold**), parsed once into
//! a [`Doc`] whose code blocks are highlighted once, then wrapped to the
//! width of each frame, which is cheap.

use super::highlight::{Highlighted, Highlighter};
use super::theme::Theme;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone)]
enum Block {
    /// Wrapped text; `first` is put before its first line, `rest` before
    /// the others (list items hang).
    Para {
        spans: Vec<Span<'static>>,
        first: String,
        rest: String,
    },
    Heading(String),
    Code(Highlighted),
    Blank,
}

/// What begins at a line of rendered prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starts {
    /// A numbered list item (`1. `), at the left margin.
    Step,
    /// A bulleted list item, at the left margin.
    Item,
    Code,
    Other,
}

/// Parsed prose, ready to wrap.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    blocks: Vec<Block>,
}

impl Doc {
    /// Parses `text`. Control characters are escaped first.
    pub fn parse(text: &str, hl: Option<&Highlighter>, theme: &Theme) -> Doc {
        let text = crate::sanitize::escape_controls(text).replace('\t', "    ");
        let mut blocks = Vec::new();
        let mut para: Vec<String> = Vec::new();
        let mut para_prefix: (String, String) = (String::new(), String::new());
        let mut code: Option<Vec<&str>> = None;
        // Lines indented by four spaces or more outside a list item: kept
        // as they are (an output, a snippet in a check's message).
        let mut indented: Vec<&str> = Vec::new();
        let flush_indented = |blocks: &mut Vec<Block>, indented: &mut Vec<&str>| {
            if indented.is_empty() {
                return;
            }
            let cut = indented
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.len() - l.trim_start().len())
                .min()
                .unwrap_or(0);
            let source: Vec<&str> = indented
                .iter()
                .map(|l| l.get(cut..).unwrap_or(""))
                .collect();
            blocks.push(Block::Code(Highlighted::new(&source.join("\n"), hl, theme)));
            indented.clear();
        };

        let flush = |blocks: &mut Vec<Block>, para: &mut Vec<String>, prefix: &(String, String)| {
            if !para.is_empty() {
                let joined = para.join(" ");
                blocks.push(Block::Para {
                    spans: inline(&joined, theme),
                    first: prefix.0.clone(),
                    rest: prefix.1.clone(),
                });
                para.clear();
            }
        };

        for line in text.lines() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            let in_item = !para.is_empty() && !para_prefix.0.is_empty();
            if code.is_none() && !trimmed.is_empty() && indent >= 4 && !in_item {
                flush(&mut blocks, &mut para, &para_prefix);
                indented.push(line);
                continue;
            }
            flush_indented(&mut blocks, &mut indented);
            if let Some(lines) = code.as_mut() {
                if trimmed.starts_with("```") {
                    let source = lines.join("\n");
                    blocks.push(Block::Code(Highlighted::new(&source, hl, theme)));
                    code = None;
                } else {
                    lines.push(line);
                }
                continue;
            }
            if trimmed.starts_with("```") {
                flush(&mut blocks, &mut para, &para_prefix);
                code = Some(Vec::new());
                continue;
            }
            if trimmed.is_empty() {
                flush(&mut blocks, &mut para, &para_prefix);
                if !matches!(blocks.last(), Some(Block::Blank) | None) {
                    blocks.push(Block::Blank);
                }
                continue;
            }
            if let Some(h) = trimmed.strip_prefix("#") {
                flush(&mut blocks, &mut para, &para_prefix);
                blocks.push(Block::Heading(h.trim_start_matches('#').trim().to_string()));
                continue;
            }
            if let Some(item) = list_item(trimmed) {
                flush(&mut blocks, &mut para, &para_prefix);
                let indent = line.len() - trimmed.len();
                let marker = &trimmed[..trimmed.len() - item.len()];
                let first = format!("{}{}", " ".repeat(indent), marker.replace(['-', '*'], "•"));
                let rest = " ".repeat(first.chars().count());
                para_prefix = (first, rest);
                para.push(item.to_string());
                continue;
            }
            if para.is_empty() {
                para_prefix = (String::new(), String::new());
            }
            para.push(trimmed.to_string());
        }
        if let Some(lines) = code {
            let source = lines.join("\n");
            blocks.push(Block::Code(Highlighted::new(&source, hl, theme)));
        }
        flush_indented(&mut blocks, &mut indented);
        flush(&mut blocks, &mut para, &para_prefix);
        while matches!(blocks.last(), Some(Block::Blank)) {
            blocks.pop();
        }
        Doc { blocks }
    }

    /// Colours the code blocks once the highlighter has loaded.
    pub fn restyle(&mut self, hl: &Highlighter, theme: &Theme) {
        for b in &mut self.blocks {
            if let Block::Code(c) = b {
                c.restyle(hl, theme);
            }
        }
    }

    /// The lines to draw at `width` columns.
    pub fn render(&self, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        self.render_marked(width, theme)
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    /// The lines to draw at `width` columns, each with what starts there
    /// (to say what a preview of the first lines leaves out).
    pub fn render_marked(&self, width: u16, theme: &Theme) -> Vec<(Line<'static>, Starts)> {
        let width = usize::from(width.max(8));
        let mut out: Vec<(Line<'static>, Starts)> = Vec::new();
        for b in &self.blocks {
            let start = out.len();
            let starts = match b {
                Block::Para { first, .. } if first.starts_with(|c: char| c.is_ascii_digit()) => {
                    Starts::Step
                }
                Block::Para { first, .. } if first.starts_with('•') => Starts::Item,
                Block::Code(_) => Starts::Code,
                _ => Starts::Other,
            };
            let mut lines = Vec::new();
            let out_lines = &mut lines;
            match b {
                Block::Para { spans, first, rest } => {
                    out_lines.extend(wrap(spans, width, first, rest));
                }
                Block::Heading(h) => out_lines.extend(wrap(
                    &[Span::styled(h.clone(), theme.heading())],
                    width,
                    "",
                    "",
                )),
                Block::Code(c) => out_lines.extend(code_block(&c.lines, theme)),
                Block::Blank => out_lines.push(Line::raw("")),
            }
            out.extend(lines.into_iter().map(|l| (l, Starts::Other)));
            if let Some(first) = out.get_mut(start) {
                first.1 = starts;
            }
        }
        out
    }
}

/// A message or a hint as the course writes it, reflowed like lesson
/// prose (the lines of a paragraph joined and wrapped again at `width`;
/// lists, code and indented blocks kept), with `style` under the prose's
/// own emphasis. A YAML block keeps its author's line breaks, which would
/// make ragged lines in a pane narrower than the author's editor.
pub fn reflow(text: &str, width: u16, style: Style, theme: &Theme) -> Vec<Line<'static>> {
    Doc::parse(text, None, theme)
        .render(width, theme)
        .into_iter()
        .map(|line| {
            let spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .map(|s| {
                    let st = style.patch(s.style);
                    s.style(st)
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// The columns `skip..skip + width` of a line of spans (a line of code
/// that is not wrapped), and whether anything was cut on the left and on
/// the right. A wide character cut in half is left out.
pub fn clip_columns(
    spans: &[Span<'static>],
    skip: usize,
    width: usize,
) -> (Vec<Span<'static>>, bool, bool) {
    let mut out = Vec::new();
    let mut col = 0;
    let (mut left, mut right) = (false, false);
    for span in spans {
        let mut piece = String::new();
        for c in span.content.chars() {
            let cw = char_width(c);
            let (start, end) = (col, col + cw);
            col = end;
            if start < skip {
                left = true;
            } else if end > skip + width {
                right = true;
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            out.push(Span::styled(piece, span.style));
        }
    }
    (out, left, right)
}

/// How many columns a line of spans takes.
pub fn line_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| str_width(&s.content)).sum()
}

/// A code block in prose: indented by two columns, not wrapped.
pub fn code_block(lines: &[Line<'static>], theme: &Theme) -> Vec<Line<'static>> {
    let bar = Span::styled("│ ", theme.dim());
    lines
        .iter()
        .map(|l| {
            let mut spans = vec![bar.clone()];
            spans.extend(l.spans.iter().cloned());
            Line::from(spans)
        })
        .collect()
}

fn list_item(line: &str) -> Option<&str> {
    for m in ["- ", "* "] {
        if let Some(rest) = line.strip_prefix(m) {
            return Some(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some(rest);
        }
    }
    None
}

/// Splits inline `code`, **bold** and *emphasis* into styled spans.
pub fn inline(text: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut cur = String::new();
    let mut in_code = false;
    let mut in_bold = false;
    let mut in_italic = false;
    let style = |code: bool, bold: bool, italic: bool| {
        let mut s = if code { theme.code() } else { Style::new() };
        if bold {
            s = s.add_modifier(Modifier::BOLD);
        }
        if italic {
            s = s.add_modifier(Modifier::ITALIC);
        }
        s
    };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i == 0 { ' ' } else { chars[i - 1] };
        let next = chars.get(i + 1).copied();
        let toggle = if c == '`' {
            Some(0)
        } else if c == '*' && !in_code && next == Some('*') {
            Some(1)
        } else if c == '*' && !in_code && emphasis(in_italic, prev, next, &chars[i + 1..]) {
            Some(2)
        } else {
            None
        };
        match toggle {
            Some(which) => {
                if !cur.is_empty() {
                    spans.push(Span::styled(
                        std::mem::take(&mut cur),
                        style(in_code, in_bold, in_italic),
                    ));
                }
                match which {
                    0 => in_code = !in_code,
                    1 => {
                        in_bold = !in_bold;
                        i += 1;
                    }
                    _ => in_italic = !in_italic,
                }
            }
            None => cur.push(c),
        }
        i += 1;
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, style(in_code, in_bold, in_italic)));
    }
    spans
}

/// Whether a single `*` opens or closes an emphasis: it closes after a
/// non-space; it opens before a non-space, not inside a word, when a later
/// `*` closes it (so `f(*args)` and `2 * 3` stay as they are).
fn emphasis(open: bool, prev: char, next: Option<char>, rest: &[char]) -> bool {
    if open {
        return !prev.is_whitespace();
    }
    !prev.is_alphanumeric()
        && next.is_some_and(|n| !n.is_whitespace() && n != '*')
        && closes_italic(rest)
}

/// Whether a `*` later in `rest` closes an emphasis (no space before it,
/// and before any backtick).
fn closes_italic(rest: &[char]) -> bool {
    for (j, c) in rest.iter().enumerate() {
        match c {
            '`' => return false,
            '*' => return j > 0 && !rest[j - 1].is_whitespace(),
            _ => {}
        }
    }
    false
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Word-wraps styled spans to `width` columns; `first` goes before the
/// first line and `rest` before every other. Words longer than a line are
/// broken.
pub fn wrap(spans: &[Span<'static>], width: usize, first: &str, rest: &str) -> Vec<Line<'static>> {
    // Words with their trailing spaces, each piece keeping its style.
    let mut words: Vec<Vec<(String, Style)>> = Vec::new();
    let mut word: Vec<(String, Style)> = Vec::new();
    let mut in_space = false;
    for span in spans {
        for c in span.content.chars() {
            let is_space = c == ' ';
            if !is_space && in_space {
                words.push(std::mem::take(&mut word));
            }
            in_space = is_space;
            match word.last_mut() {
                Some((s, st)) if *st == span.style => s.push(c),
                _ => word.push((c.to_string(), span.style)),
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }

    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = vec![Span::raw(first.to_string())];
    let mut used = str_width(first);
    let mut prefix_w = used;
    let mut has_word = false;
    for w in words {
        let text_w: usize = w
            .iter()
            .map(|(s, _)| str_width(s.trim_end_matches(' ')))
            .sum();
        if has_word && used + text_w > width {
            lines.push(finish(std::mem::take(&mut line)));
            line.push(Span::raw(rest.to_string()));
            used = str_width(rest);
            prefix_w = used;
        }
        for (s, st) in w {
            // A word wider than the whole line is broken by characters.
            let mut piece = String::new();
            for c in s.chars() {
                let cw = char_width(c);
                if used + cw > width && used > prefix_w && c != ' ' {
                    line.push(Span::styled(std::mem::take(&mut piece), st));
                    lines.push(finish(std::mem::take(&mut line)));
                    line.push(Span::raw(rest.to_string()));
                    used = str_width(rest);
                    prefix_w = used;
                }
                piece.push(c);
                used += cw;
            }
            if !piece.is_empty() {
                line.push(Span::styled(piece, st));
            }
        }
        has_word = true;
    }
    lines.push(finish(line));
    lines
}

/// Drops trailing spaces and empty spans.
fn finish(mut spans: Vec<Span<'static>>) -> Line<'static> {
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end_matches(' ');
        if trimmed.is_empty() {
            spans.pop();
        } else {
            if trimmed.len() != last.content.len() {
                last.content = trimmed.to_string().into();
            }
            break;
        }
    }
    Line::from(spans)
}

/// Plain text (program output, a traceback) as lines, escaped and with
/// long lines wrapped by characters.
pub fn verbatim(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let text = super::highlight::prepare(text);
    let width = usize::from(width.max(4));
    let mut out = Vec::new();
    for l in text.lines() {
        let mut cur = String::new();
        let mut used = 0;
        for c in l.chars() {
            let cw = char_width(c);
            if used + cw > width && used > 0 {
                out.push(Line::styled(std::mem::take(&mut cur), style));
                used = 0;
            }
            cur.push(c);
            used += cw;
        }
        out.push(Line::styled(cur, style));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_and_hangs_list_items() {
        let theme = Theme::plain();
        let doc = Doc::parse(
            "One two three four five six.\n\n- a list item that wraps around\n```python\nx = 1\n```\n",
            None,
            &theme,
        );
        let lines = plain(&doc.render(14, &theme));
        assert_eq!(
            lines,
            vec![
                "One two three",
                "four five six.",
                "",
                "• a list item",
                "  that wraps",
                "  around",
                "│ x = 1",
            ]
        );
    }

    #[test]
    fn messages_are_reflowed_and_indented_blocks_kept() {
        let theme = Theme::plain();
        let message = "Every reporter reports the last metric. A lambda\nor a nested `def` looks it up late.\n\nExpected:\n    loss=0.25\n      f1=0.8\n- one item\n  goes on\n";
        let lines = plain(&reflow(message, 30, Style::new(), &theme));
        assert_eq!(
            lines,
            vec![
                "Every reporter reports the",
                "last metric. A lambda or a",
                "nested def looks it up late.",
                "",
                "Expected:",
                "│ loss=0.25",
                "│   f1=0.8",
                "• one item goes on",
            ]
        );
    }

    #[test]
    fn columns_are_clipped_with_the_cuts_said() {
        let spans = vec![Span::raw("ab"), Span::raw("cdéf")];
        let (shown, left, right) = clip_columns(&spans, 1, 3);
        assert_eq!(plain(&[Line::from(shown)]), vec!["bcd"]);
        assert!(left && right);
        let (shown, left, right) = clip_columns(&spans, 0, 10);
        assert_eq!(plain(&[Line::from(shown)]), vec!["abcdéf"]);
        assert!(!left && !right);
        assert_eq!(line_width(&spans), 6);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let lines = plain(&wrap(&[Span::raw("abcdefghij kl")], 4, "", ""));
        assert_eq!(lines, vec!["abcd", "efgh", "ij", "kl"]);
    }

    #[test]
    fn inline_code_and_bold() {
        let spans = inline("use `None` **now**", &Theme::plain());
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["use ", "None", " ", "now"]);
        let spans = inline("to *that* list, f(*args) and 2 * 3", &Theme::plain());
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["to ", "that", " list, f(*args) and 2 * 3"]);
        assert!(spans[1].style.add_modifier.contains(Modifier::ITALIC));
    }

    #[test]
    fn tiny_widths_do_not_panic() {
        for w in 0..6 {
            let _ = wrap(&[Span::raw("a bb ccc dddd 😀😀 x")], w, "• ", "  ");
            let _ = verbatim("héllo\x1b[2J wörld", w as u16, Style::new());
        }
    }
}
