//! Colour for human output: only on a terminal, never with NO_COLOR set.

use std::io::IsTerminal;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

impl Style {
    pub fn stdout() -> Style {
        Style {
            color: color_allowed() && std::io::stdout().is_terminal(),
        }
    }

    pub fn stderr() -> Style {
        Style {
            color: color_allowed() && std::io::stderr().is_terminal(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn good(&self, t: &str) -> String {
        self.paint("32", t)
    }
    pub fn bad(&self, t: &str) -> String {
        self.paint("31", t)
    }
    pub fn warn(&self, t: &str) -> String {
        self.paint("33", t)
    }
    pub fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
    pub fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
}

/// Each line of `text` indented by `n` spaces, each ending in a newline.
pub fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines().map(|l| format!("{pad}{l}\n")).collect()
}
