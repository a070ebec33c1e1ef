//! Taking the terminal over and giving it back: raw mode, the alternate
//! screen, mouse reporting and bracketed paste on the way in; all of it
//! undone on the way out, whether by quitting, a signal (handled by the
//! event loop), a panic (the hook below) or an early return (the guard).

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;
use std::io::{stdout, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal is in the interface's state.
static ACTIVE: AtomicBool = AtomicBool::new(false);

fn setup() -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Gives the terminal back, as it was. Safe to call more than once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restores the terminal when dropped.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// A panic on the interface thread restores the terminal before the
/// message is printed, so the message is readable and the shell usable.
/// Panics of run threads while the interface is up are reported on screen
/// by the worker instead of being printed over it.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let ui_thread = std::thread::current().name() == Some("main");
            if ui_thread {
                restore();
                previous(info);
            } else if !ACTIVE.load(Ordering::SeqCst) {
                previous(info);
            }
        }));
    });
}

/// Takes the terminal over. The returned guard gives it back.
pub fn enter() -> std::io::Result<(Term, Guard)> {
    install_panic_hook();
    let guard = Guard;
    setup()?;
    let mut term = Terminal::new(CrosstermBackend::new(stdout()))?;
    term.hide_cursor()?;
    term.clear()?;
    Ok((term, guard))
}

/// Hands the terminal to another program (the editor) for a while.
pub fn suspend() {
    restore();
}

/// Takes the terminal back after [`suspend`] and redraws everything.
pub fn resume(term: &mut Term) -> std::io::Result<()> {
    setup()?;
    term.hide_cursor()?;
    term.clear()
}
