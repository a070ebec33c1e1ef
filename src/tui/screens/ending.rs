//! The ending, over whatever screen is shown: a topic or the whole course
//! was just completed, and what to do next (see [`crate::ending`]).

use crate::ending::Face;
use crate::tui::app::App;
use crate::tui::text::Doc;
use crate::tui::widgets::centered;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let Some(ending) = &app.ending else {
        return;
    };
    let theme = app.theme;
    let title = ending.title(&app.course);
    let body = ending.body(
        &app.course,
        &app.progress,
        app.version.as_ref(),
        Face::Interface,
    );
    let w = area.width.min(72);
    let doc = Doc::parse(&body, None, &theme);
    let lines: Vec<Line> = doc
        .render(w.saturating_sub(4), &theme)
        .into_iter()
        .map(|l| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    let h = super::rows(lines.len()).saturating_add(2).min(area.height);
    let popup = centered(area, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(Span::styled(format!(" ✓ {title} "), theme.good()));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    f.render_widget(Paragraph::new(lines), inner);
}
