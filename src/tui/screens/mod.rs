//! The screens: each draws itself from the app state and handles its keys.

pub mod ending;
pub mod help;
pub mod kata;
pub mod lesson;
pub mod map;
pub mod welcome;

use super::app::{App, Screen};
use super::widgets;
use ratatui::layout::Rect;
use ratatui::text::Span;
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
        // Wrapped at words: a size cut in two ("40x1" / "2") misleads.
        let lines = super::text::wrap(
            &[Span::styled(msg, app.theme.warn())],
            usize::from(area.width.max(1)),
            "",
            "",
        );
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
    // A notice too long for the status line takes lines from the screen
    // above it, so the screen is drawn shorter and the notice under it.
    let extra = widgets::notice_height(app, area.width)
        .saturating_sub(1)
        .min(area.height - MIN_HEIGHT);
    let screen = Rect {
        height: area.height - extra,
        ..area
    };
    match app.screen {
        Screen::Welcome => welcome::render(f, screen, app),
        Screen::Map => map::render(f, screen, app),
        Screen::Lesson(_) => lesson::render(f, screen, app),
        Screen::Kata(_) => kata::render(f, screen, app),
    }
    if extra > 0 {
        let notice = Rect {
            y: screen.y + screen.height - 1,
            height: extra + 1,
            ..area
        };
        widgets::draw_notice(f, notice, app);
    }
    if app.ending.is_some() {
        ending::render(f, area, app);
    }
    if app.help.is_some() {
        help::render(f, area, app);
    }
}

/// A count of lines as terminal rows: a file longer than a screen can ever
/// be (65,535 rows) is as tall as the largest, never an overflow.
pub fn rows(count: usize) -> u16 {
    u16::try_from(count).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_longer_than_any_screen_is_as_tall_as_the_largest() {
        assert_eq!(super::rows(70_000).saturating_add(2), u16::MAX);
        assert_eq!(super::rows(10) + 2, 12);
    }
}
