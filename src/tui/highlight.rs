//! Python syntax highlighting with syntect. Loading the syntax set takes a
//! few milliseconds, so it is done once, off the interface thread; code is
//! highlighted once per change of its text and the styled lines are cached
//! by whoever owns the text ([`Highlighted`]), never per frame.
//!
//! Colours are the terminal's own 16 (so light and dark themes both work);
//! with `NO_COLOR` nothing is coloured.

use super::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use std::str::FromStr;
use syntect::easy::HighlightLines;
use syntect::highlighting::{
    Color as SynColor, FontStyle, ScopeSelectors, StyleModifier, Theme as SynTheme, ThemeItem,
    ThemeSettings,
};
use syntect::parsing::SyntaxSet;

/// The loaded syntax set and a palette of ANSI colours by scope.
pub struct Highlighter {
    syntaxes: SyntaxSet,
    theme: SynTheme,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Highlighter")
    }
}

/// An ANSI colour index, stored the way bat's `ansi` theme does: alpha 0
/// and the index in the red channel.
fn ansi(index: u8) -> SynColor {
    SynColor {
        r: index,
        g: 0,
        b: 0,
        a: 0,
    }
}

fn to_color(c: SynColor) -> Option<Color> {
    if c.a != 0 {
        return None;
    }
    Some(match c.r {
        0 => Color::Black,
        1 => Color::Red,
        2 => Color::Green,
        3 => Color::Yellow,
        4 => Color::Blue,
        5 => Color::Magenta,
        6 => Color::Cyan,
        7 => Color::Gray,
        8 => Color::DarkGray,
        9 => Color::LightRed,
        10 => Color::LightGreen,
        11 => Color::LightYellow,
        12 => Color::LightBlue,
        13 => Color::LightMagenta,
        14 => Color::LightCyan,
        _ => Color::White,
    })
}

fn palette() -> SynTheme {
    let rules: &[(&str, u8, FontStyle)] = &[
        ("comment", 8, FontStyle::ITALIC),
        ("string, string.quoted", 2, FontStyle::empty()),
        ("constant.character.escape", 6, FontStyle::empty()),
        (
            "constant.numeric, constant.language, support.constant",
            6,
            FontStyle::empty(),
        ),
        (
            "keyword, storage.type, storage.modifier, keyword.operator.logical, keyword.operator.word",
            5,
            FontStyle::empty(),
        ),
        (
            "entity.name.function, entity.name.class, entity.name.type",
            3,
            FontStyle::BOLD,
        ),
        (
            "meta.annotation, entity.name.function.decorator, punctuation.definition.annotation, meta.decorator",
            12,
            FontStyle::empty(),
        ),
        (
            "support.function.builtin, support.type, support.function.magic, support.variable.magic",
            14,
            FontStyle::empty(),
        ),
        ("variable.language", 9, FontStyle::ITALIC),
        ("variable.parameter", 7, FontStyle::empty()),
    ];
    let scopes = rules
        .iter()
        .filter_map(|(sel, color, font)| {
            Some(ThemeItem {
                scope: ScopeSelectors::from_str(sel).ok()?,
                style: StyleModifier {
                    foreground: Some(ansi(*color)),
                    background: None,
                    font_style: Some(*font),
                },
            })
        })
        .collect();
    SynTheme {
        name: Some("pykata-ansi".into()),
        author: None,
        settings: ThemeSettings {
            foreground: Some(SynColor {
                r: 0,
                g: 0,
                b: 0,
                a: 1,
            }),
            ..ThemeSettings::default()
        },
        scopes,
    }
}

impl Highlighter {
    /// Loads the syntaxes and warms up the Python grammar's expressions, so
    /// the first real highlight is as fast as later ones.
    pub fn load() -> Highlighter {
        let h = Highlighter {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            theme: palette(),
        };
        let _ = h.highlight(WARM_UP, &Theme { color: true });
        h
    }

    /// One styled line per line of `code`, which must already be safe to
    /// show (see [`prepare`]).
    pub fn highlight(&self, code: &str, theme: &Theme) -> Vec<Line<'static>> {
        if !theme.color {
            return plain(code);
        }
        let Some(syntax) = self
            .syntaxes
            .find_syntax_by_extension("py")
            .or_else(|| self.syntaxes.find_syntax_by_name("Python"))
        else {
            return plain(code);
        };
        let mut h = HighlightLines::new(syntax, &self.theme);
        let mut out = Vec::new();
        for line in code.split_inclusive('\n') {
            match h.highlight_line(line, &self.syntaxes) {
                Ok(regions) => out.push(Line::from(
                    regions
                        .into_iter()
                        .map(|(style, text)| {
                            Span::styled(text.trim_end_matches('\n').to_string(), convert(style))
                        })
                        .filter(|s| !s.content.is_empty())
                        .collect::<Vec<_>>(),
                )),
                Err(_) => out.push(Line::raw(line.trim_end_matches('\n').to_string())),
            }
        }
        out
    }
}

fn convert(style: syntect::highlighting::Style) -> Style {
    let mut s = Style::new();
    if let Some(c) = to_color(style.foreground) {
        s = s.fg(c);
    }
    if style.font_style.contains(FontStyle::BOLD) {
        s = s.add_modifier(Modifier::BOLD);
    }
    if style.font_style.contains(FontStyle::ITALIC) {
        s = s.add_modifier(Modifier::ITALIC);
    }
    s
}

/// Lines without styles, for `NO_COLOR` and before the syntaxes are loaded.
pub fn plain(code: &str) -> Vec<Line<'static>> {
    code.lines().map(|l| Line::raw(l.to_string())).collect()
}

/// Makes a file's text safe to draw: control characters escaped (see
/// `crate::sanitize`) and tabs expanded to four spaces.
pub fn prepare(text: &str) -> String {
    crate::sanitize::escape_controls(text).replace('\t', "    ")
}

/// Code with its styled lines, computed when the code changes.
#[derive(Debug, Clone, Default)]
pub struct Highlighted {
    pub text: String,
    pub lines: Vec<Line<'static>>,
    /// Whether `lines` carry syntax colours (false until the syntaxes load).
    pub styled: bool,
}

impl Highlighted {
    pub fn new(raw: &str, hl: Option<&Highlighter>, theme: &Theme) -> Highlighted {
        let text = prepare(raw);
        let (lines, styled) = match hl {
            Some(h) => (h.highlight(&text, theme), true),
            None => (plain(&text), false),
        };
        Highlighted {
            text,
            lines,
            styled,
        }
    }

    /// The text with no styles yet, for a big text that is highlighted off
    /// the interface thread. Lines that are the same as in `previous` (at
    /// the same place) keep their styles meanwhile, so an edit does not
    /// flash the whole file.
    pub fn unstyled(raw: &str, previous: Option<&Highlighted>) -> Highlighted {
        let text = prepare(raw);
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| {
                previous
                    .and_then(|p| p.lines.get(i))
                    .filter(|old| {
                        old.spans
                            .iter()
                            .map(|s| s.content.as_ref())
                            .collect::<String>()
                            == l
                    })
                    .cloned()
                    .unwrap_or_else(|| Line::raw(l.to_string()))
            })
            .collect();
        Highlighted {
            text,
            lines,
            styled: false,
        }
    }

    /// Takes the styled lines computed elsewhere for this text.
    pub fn apply(&mut self, lines: Vec<Line<'static>>) {
        self.lines = lines;
        self.styled = true;
    }

    /// Styles the lines now that a highlighter is there, once.
    pub fn restyle(&mut self, hl: &Highlighter, theme: &Theme) {
        if !self.styled {
            self.lines = hl.highlight(&self.text, theme);
            self.styled = true;
        }
    }
}

const WARM_UP: &str = r#"import functools
from dataclasses import dataclass

@functools.wraps
def f(x: int = 1, *args, **kw) -> list[str]:
    """Doc."""
    # comment
    s = f"{x!r} {'a'}" + 'b' + b"c".decode()
    if x is None and not args or x in {1: 2}:
        raise ValueError("bad")
    with open(s) as fh:
        yield from (i for i in range(3))
    return [lambda: x, 0x1F, 1.5e3, True, self, cls]

class C(Base, metaclass=Meta):
    async def m(self):
        await g()
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_is_coloured_and_text_kept() {
        let h = Highlighter::load();
        let lines = h.highlight("def f():\n    return 1  # x\n", &Theme { color: true });
        assert_eq!(lines.len(), 2);
        let text: String = lines[1].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "    return 1  # x");
        assert!(lines[0].spans.iter().any(|s| s.style.fg.is_some()));
        let plain = h.highlight("def f(): pass\n", &Theme::plain());
        assert!(plain[0].spans.iter().all(|s| s.style.fg.is_none()));
    }

    #[test]
    fn escapes_are_shown_not_sent() {
        let h = Highlighted::new("print('\x1b[2J')\tx\n", None, &Theme::plain());
        assert_eq!(h.text, "print('\\x1b[2J')    x\n");
    }
}
