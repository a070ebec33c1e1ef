//! The help overlay (`?`): every key, by screen. Two columns where they
//! fit (80 columns and more), one scrollable column otherwise.

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

type Section = (&'static str, &'static [(&'static str, &'static str)]);

const LEFT: &[Section] = &[
    (
        "Everywhere",
        &[
            ("?", "this help"),
            ("q  Ctrl-C", "quit (all is saved)"),
            ("↑↓  j k", "move, scroll; mouse too"),
            ("PgUp PgDn", "a page"),
            ("Esc", "back, or cancel a run"),
        ],
    ),
    (
        "Course map",
        &[
            ("Enter  →", "open lesson or kata"),
            ("c", "continue where you were"),
            ("/", "search (Esc clears)"),
            ("f", "only what is left"),
        ],
    ),
    (
        "Lesson",
        &[
            ("→ ←  l h", "next, previous step"),
            ("r", "run an example"),
            ("Enter", "answer a prediction"),
            ("Tab", "Error, Nothing, Infinite…"),
            ("a", "answer again"),
            ("Ctrl-U  W", "clear the answer, a word"),
        ],
    ),
];

const RIGHT: &[Section] = &[(
    "Kata",
    &[
        ("e", "edit your file"),
        ("save", "runs the checks"),
        ("r", "run the checks now"),
        ("h", "hints seen, the next"),
        ("Tab", "file or result pane"),
        ("←→", "long lines, file pane"),
        ("t", "the whole task"),
        ("s", "reference, after a pass"),
        ("n", "the next kata"),
    ],
)];

const NOTES: &[&str] = &[
    "",
    "The editor: --edit-cmd, else",
    "$VISUAL, else $EDITOR; e opens",
    "it at the error line.",
    "",
    "Saves not noticed (WSL, network",
    "folders)? Start with --poll.",
];

fn lines(sections: &[Section], theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, (title, keys)) in sections.iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(*title, theme.heading()));
        for (k, what) in keys.iter() {
            out.push(Line::from(vec![
                Span::styled(format!(" {k:<10} "), theme.key()),
                Span::raw(*what),
            ]));
        }
    }
    out
}

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let left = lines(LEFT, &theme);
    let mut right = lines(RIGHT, &theme);
    right.extend(NOTES.iter().map(|n| Line::styled(*n, theme.dim())));
    let two = area.width >= 78;
    let (w, content_h) = if two {
        (78, left.len().max(right.len()))
    } else {
        (40, left.len() + right.len() + 1)
    };
    let popup = centered(area, w, super::rows(content_h).saturating_add(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(Span::styled(" Keys (any other key closes) ", theme.title()));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    let inner_h = usize::from(inner.height);
    let scroll = app.help.unwrap_or(0).min(content_h.saturating_sub(inner_h));
    app.help = Some(scroll);
    if two {
        let [l, r] = Layout::horizontal([Constraint::Length(39), Constraint::Min(1)]).areas(inner);
        f.render_widget(Paragraph::new(left).scroll((scroll as u16, 0)), l);
        f.render_widget(Paragraph::new(right).scroll((scroll as u16, 0)), r);
    } else {
        let mut all = left;
        all.push(Line::raw(""));
        all.extend(right);
        f.render_widget(Paragraph::new(all).scroll((scroll as u16, 0)), inner);
    }
}
