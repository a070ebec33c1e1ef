//! The first run: where the learner's files are, how to edit them, the
//! main keys.

use crate::plural::count;
use crate::tui::app::{is_current_dir, App, WelcomeFiles};
use crate::tui::text::Doc;
use crate::tui::widgets;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let [main, status] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Line::from(Span::styled(
            " Welcome to pykata ",
            theme.title(),
        )));
    let inner = block.inner(main);
    f.render_widget(block, main);

    // The path is inline code: no full stop right after it, where it
    // would read as part of the path.
    let folder = match &app.ws {
        Some(ws) if is_current_dir(&ws.root) => {
            format!("**Your files are in `{}`** (this folder)", app.ws_display)
        }
        _ => format!("**Your files are in `{}`**", app.ws_display),
    };
    let layout = "Each topic is a folder, each kata a `.py` file.";
    let files = match &app.welcome {
        Some(WelcomeFiles::Created { files }) => format!(
            "{folder}, a folder created just now with {}. {layout}",
            count(*files, "kata file")
        ),
        Some(WelcomeFiles::SetUp { added, kept }) => {
            let kept = match kept {
                0 => " (nothing that was there is overwritten)".to_string(),
                n => format!(
                    " and keeping the {} already there as they were",
                    count(*n, "kata file")
                ),
            };
            format!(
                "{folder}, a folder that was already there: pykata made it your workspace \
                 just now, adding {}{kept}. {layout}",
                count(*added, "kata file")
            )
        }
        Some(WelcomeFiles::Failed(e)) => format!(
            "**Your files could not be created:** {e}. You can read the lessons; to judge katas, \
             start pykata in a folder you can write to, or pass `--workspace DIR`."
        ),
        None => format!("{folder}: {}", layout.to_lowercase()),
    };
    let text = format!(
        "# {}\n{}\n\n{files}\n\n# How it works\n\
         - Read a lesson, and predict what its code prints before it runs.\n\
         - Open a kata and press `e` to edit its file in your editor (`$VISUAL`, `$EDITOR`, \
           or `--edit-cmd`), or use any editor you like. Every save runs the checks and \
           shows the verdict here.\n\
         - `h` shows a hint, `r` runs the checks by hand, `n` goes to the next kata.\n\n\
         # Keys\n\
         `↑↓` or `j`/`k` move · `Enter` open · `Esc` back · `?` help · `q` quit\n\n\
         Press **Enter** to see the course.",
        app.course.title,
        app.course.description.trim(),
    );
    let doc = Doc::parse(&text, None, &theme);
    let lines: Vec<Line> = doc
        .render(inner.width.saturating_sub(2), &theme)
        .into_iter()
        .map(|l| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
    widgets::status_bar(
        f,
        status,
        app,
        &[("Enter", "course map"), ("?", "help"), ("q", "quit")],
    );
}
