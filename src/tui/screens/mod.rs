//! The screens: each draws itself from the app state and handles its keys.

pub mod help;
pub mod kata;
pub mod lesson;
pub mod map;
pub mod welcome;

use super::app::{App, Screen};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Smaller than this, the screens do not fit; the learner is asked to
/// enlarge the terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the whole interface.
pub fn render(f: &mut Frame, app: &mut App) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "pykata needs at least {MIN_WIDTH}x{MIN_HEIGHT} (80x24 is best); this terminal is {}x{}. q quits.",
            area.width, area.height
        );
        let lines = super::text::verbatim(&msg, area.width.max(1), app.theme.warn());
        f.render_widget(
            Paragraph::new(lines.into_iter().collect::<Vec<Line>>()),
            area,
        );
        return;
    }
    match app.screen {
        Screen::Welcome => welcome::render(f, area, app),
        Screen::Map => map::render(f, area, app),
        Screen::Lesson(_) => lesson::render(f, area, app),
        Screen::Kata(_) => kata::render(f, area, app),
    }
    if app.help.is_some() {
        help::render(f, area, app);
    }
}
