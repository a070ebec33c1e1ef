//! The help overlay (`?`): every key, by screen.

use crate::tui::app::App;
use crate::tui::widgets::centered;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

const SECTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "Everywhere",
        &[
            ("? ", "this help (any key closes it)"),
            ("q  Ctrl-C", "quit (progress is always saved)"),
            ("↑↓  j k", "move or scroll; the mouse wheel scrolls too"),
            ("PgUp PgDn", "a page"),
            ("Esc", "back (or cancel the run under way)"),
        ],
    ),
    (
        "Course map",
        &[
            ("Enter  →", "open the lesson or kata"),
            ("c", "continue where you were"),
            ("/", "search; Enter keeps it, Esc clears it"),
            ("f", "show only what is left"),
        ],
    ),
    (
        "Lesson",
        &[
            ("→ ←  l h", "next and previous step"),
            ("r", "run an example and see its real output"),
            ("Enter", "answer a prediction"),
            ("Tab", "in the answer: Error, Nothing, Infinite loop"),
            ("a", "answer again"),
        ],
    ),
    (
        "Kata",
        &[
            ("e", "edit your file ($VISUAL, $EDITOR or --edit-cmd)"),
            ("save", "every save runs the checks"),
            ("r", "run the checks now"),
            ("h", "the next hint"),
            ("Tab", "switch between your file and the result"),
            ("t", "show the whole task"),
            ("s", "after a pass: the reference solution"),
            ("n", "the next kata"),
        ],
    ),
];

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let mut lines = Vec::new();
    for (title, keys) in SECTIONS {
        lines.push(Line::styled(*title, theme.heading()));
        for (k, what) in keys.iter() {
            lines.push(Line::from(vec![
                Span::styled(format!("  {k:<11}"), theme.key()),
                Span::raw(*what),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "Saves not noticed (WSL, network folders)? Start with --poll.",
        theme.dim(),
    ));
    let popup = centered(area, 66, lines.len() as u16 + 2);
    let inner_h = usize::from(popup.height.saturating_sub(2));
    let max = lines.len().saturating_sub(inner_h);
    let scroll = app.help.unwrap_or(0).min(max);
    app.help = Some(scroll);
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border_focused())
                    .title(Span::styled(" Keys ", theme.title())),
            ),
        popup,
    );
}
