//! The YAML parser's complaints, said as what the author should do.
//!
//! The parser names what it met where it gave up ("mapping values are not
//! allowed in this context"), which is often a line after the mistake and
//! never says how to fix it. The common mistakes are recognised here from
//! that complaint and the text around it: text with `: ` or a leading
//! backquote, `@` or `%` left unquoted, tabs, a line indented unlike its
//! neighbours, a quote or bracket never closed, a key written twice.

/// A parser complaint translated: where the mistake is, what it is, the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub hint: String,
}

/// Translates the parser's `complaint` at `line`:`column` of `text`;
/// `twice` is the key of a duplicate-key error. None when the complaint is
/// none of the common mistakes.
pub fn explain(
    text: &str,
    line: u64,
    column: u64,
    complaint: &str,
    twice: Option<&str>,
) -> Option<Explained> {
    let lines: Vec<&str> = text.lines().collect();
    let at = Place {
        lines: &lines,
        line: line as usize,
        column: column as usize,
    };
    if let Some(key) = twice {
        return Some(at.twice(key));
    }
    let complaint = complaint.to_lowercase();
    if complaint.contains("tab") {
        if let Some(found) = at.tab() {
            return Some(found);
        }
    }
    if complaint.contains("quote") {
        if let Some(found) = at.unclosed_quote() {
            return Some(found);
        }
    }
    if ["bracket", "flow", "':'", "expected ','", "unexpected eof"]
        .iter()
        .any(|c| complaint.contains(c))
    {
        if let Some(found) = at.unclosed_bracket() {
            return Some(found);
        }
    }
    if let Some(rest) = complaint.strip_prefix("unexpected character: `") {
        let ch = rest.chars().next()?;
        return at.reserved_start(ch);
    }
    let indentation = [
        "mapping values are not allowed",
        "did not find expected key",
        "invalid indentation",
        "did not find expected '-' indicator",
        "block sequence entries are not allowed",
        "illegal placement of ':'",
        "simple key",
    ];
    if indentation.iter().any(|c| complaint.contains(c)) {
        return at.colon_in_text().or_else(|| at.indentation());
    }
    None
}

struct Place<'t> {
    lines: &'t [&'t str],
    /// 1-based, as the parser counts.
    line: usize,
    column: usize,
}

/// Spaces before a line's first character.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where a line's key (or item text) starts, past its indent and dashes:
/// a character index.
fn content_start(line: &str) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let mut at = chars.iter().take_while(|c| **c == ' ').count();
    while chars.get(at) == Some(&'-') && chars.get(at + 1) == Some(&' ') {
        at += 1;
        while chars.get(at) == Some(&' ') {
            at += 1;
        }
    }
    at
}

/// A line as `key: value`: the key, and the value's character index, if
/// the line starts with a plain key (after any dash).
fn key_value(line: &str) -> Option<(String, usize)> {
    let start = content_start(line);
    let rest: String = line.chars().skip(start).collect();
    let colon = rest
        .find(": ")
        .or_else(|| rest.ends_with(':').then(|| rest.len() - 1))?;
    let key = &rest[..colon];
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !plain {
        return None;
    }
    let after = &rest[colon + 1..];
    let value = start + key.chars().count() + 1 + (after.len() - after.trim_start().len());
    Some((key.to_string(), value))
}

/// The text quoted for YAML: in double quotes, or single ones when it holds
/// a double quote or a backslash.
fn quoted(text: &str) -> String {
    if text.contains('"') || text.contains('\\') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

/// A rewrite shown in a hint, whole when it fits on a line; a long one is
/// shown as its shape.
fn short(rewrite: &str, key: Option<&str>) -> String {
    const KEEP: usize = 100;
    if rewrite.chars().count() <= KEEP {
        rewrite.to_string()
    } else {
        match key {
            Some(key) => format!("{key}: \"...\""),
            None => "\"...\"".to_string(),
        }
    }
}

/// The line below `line` (1-based) where `key:` is written at another
/// indent than `indent`, within the next lines: a field the parser did
/// not find because it is not lined up with its mapping.
pub fn misplaced_key(text: &str, line: u64, key: &str, indent: usize) -> Option<(u64, usize)> {
    text.lines()
        .enumerate()
        .skip((line as usize).saturating_sub(1))
        .take(60)
        .find_map(|(n, t)| {
            let (k, _) = key_value(t)?;
            let own = content_start(t);
            (k == key && own != indent).then_some((n as u64 + 1, own))
        })
}

impl Place<'_> {
    fn text(&self, line: usize) -> Option<&str> {
        self.lines.get(line.checked_sub(1)?).copied()
    }

    /// Lines `from` back to `from - count` (those that exist), nearest first.
    fn back(&self, from: usize, count: usize) -> impl Iterator<Item = (usize, &str)> {
        (from.saturating_sub(count).max(1)..=from)
            .rev()
            .filter_map(|n| self.text(n).map(|t| (n, t)))
    }

    fn twice(&self, key: &str) -> Explained {
        let own = self.text(self.line).map_or(0, content_start);
        let first = self
            .back(self.line.saturating_sub(1), self.line)
            .find(|(_, t)| content_start(t) == own && key_value(t).is_some_and(|(k, _)| k == key))
            .map(|(n, _)| n);
        Explained {
            line: self.line as u64,
            column: self.column as u64,
            message: format!("`{key}` is written twice here"),
            hint: match first {
                Some(n) => format!("it is first written on line {n}; keep one of the two"),
                None => "keep one of the two".to_string(),
            },
        }
    }

    fn tab(&self) -> Option<Explained> {
        let (n, text) = [self.line, self.line + 1, self.line.saturating_sub(1)]
            .into_iter()
            .filter_map(|n| self.text(n).map(|t| (n, t)))
            .find(|(_, t)| t.contains('\t'))?;
        let column = text.chars().take_while(|c| *c != '\t').count() + 1;
        let leading = text.trim_start_matches([' ', '\t']).len() < text.len()
            && text[..text.len() - text.trim_start_matches([' ', '\t']).len()].contains('\t');
        Some(Explained {
            line: n as u64,
            column: column as u64,
            message: if leading {
                "this line is indented with a tab".to_string()
            } else {
                "a tab here, where YAML takes only spaces".to_string()
            },
            hint: "YAML indents with spaces only: replace the tab with spaces \
                   (and set your editor to insert spaces in .yaml files)"
                .to_string(),
        })
    }

    /// A value that opens a quote on its line and never closes it.
    fn unclosed_quote(&self) -> Option<Explained> {
        for (n, text) in self.back(self.line, 20) {
            let Some((key, value)) = key_value(text) else {
                continue;
            };
            let value_text: String = text.chars().skip(value).collect();
            let Some(quote) = value_text
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
            else {
                continue;
            };
            if value_text[1..].contains(quote) {
                continue;
            }
            return Some(Explained {
                line: n as u64,
                column: value as u64 + 1,
                message: format!("the quote that starts `{key}` is never closed"),
                hint: format!(
                    "end the text with `{quote}` on the same line, or write it as a block: `{key}: |` and the text on the lines below, indented"
                ),
            });
        }
        None
    }

    /// A value that opens a `[` or `{` and never closes it on its line.
    fn unclosed_bracket(&self) -> Option<Explained> {
        for (n, text) in self.back(self.line, 20) {
            let start = key_value(text).map_or_else(|| content_start(text), |(_, v)| v);
            let value: String = text.chars().skip(start).collect();
            let Some(open) = value.chars().next().filter(|c| *c == '[' || *c == '{') else {
                continue;
            };
            let close = if open == '[' { ']' } else { '}' };
            let mut depth = 0i32;
            let mut quote = None;
            for c in value.chars() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '[' | '{') => depth += 1,
                    (None, ']' | '}') => depth -= 1,
                    _ => {}
                }
            }
            if depth <= 0 {
                continue;
            }
            let what = if open == '[' { "list" } else { "mapping" };
            return Some(Explained {
                line: n as u64,
                column: start as u64 + 1,
                message: format!("the `{open}` that starts this {what} is never closed"),
                hint: format!(
                    "close it with `{close}` on the same line; if the text is not a {what}, put it in quotes: {}",
                    short(&quoted(value.trim_end()), None)
                ),
            });
        }
        None
    }

    /// A value that starts with a character YAML reserves.
    fn reserved_start(&self, ch: char) -> Option<Explained> {
        let text = self.text(self.line)?;
        let from = self.column.saturating_sub(1);
        let rest: String = text.chars().skip(from).collect();
        let in_list = text
            .chars()
            .take(from)
            .collect::<String>()
            .trim_end()
            .ends_with([',', '[']);
        let item = if in_list {
            rest.split([',', ']'])
                .next()
                .unwrap_or(&rest)
                .trim_end()
                .to_string()
        } else {
            rest.trim_end().to_string()
        };
        let shown = match ch {
            '`' => "a backquote".to_string(),
            c => format!("`{c}`"),
        };
        let rewrite = match key_value(text) {
            Some((key, value)) if value == from && !in_list => {
                format!("{key}: {}", quoted(&item))
            }
            _ => quoted(&item),
        };
        Some(Explained {
            line: self.line as u64,
            column: self.column as u64,
            message: format!("text cannot start with {shown} in YAML"),
            hint: format!(
                "put the text in quotes: {}, or write it as a block (`|`)",
                short(&rewrite, key_value(text).map(|(k, _)| k).as_deref())
            ),
        })
    }

    /// `key: text: more`: the text holds `: `, read as a field of its own.
    fn colon_in_text(&self) -> Option<Explained> {
        let text = self.text(self.line)?;
        let (key, value) = key_value(text)?;
        if self.column <= value {
            return None;
        }
        let value_text: String = text.chars().skip(value).collect();
        Some(Explained {
            line: self.line as u64,
            column: self.column as u64,
            message: format!(
                "the text of `{key}` contains `: `, which YAML reads as the start of another field"
            ),
            hint: format!(
                "put the text in quotes: {}, or write it as a block (`|`)",
                short(
                    &format!("{key}: {}", quoted(value_text.trim_end())),
                    Some(&key)
                )
            ),
        })
    }

    /// A line indented unlike the fields it belongs with.
    fn indentation(&self) -> Option<Explained> {
        let text = self.text(self.line)?;
        let own = indent(text);
        let key = key_value(text).map(|(k, _)| k);
        let sibling = self
            .back(self.line.saturating_sub(1), 50)
            .filter(|(_, t)| !t.trim().is_empty() && !t.trim_start().starts_with('#'))
            .find_map(|(n, t)| {
                let (k, _) = key_value(t)?;
                let start = content_start(t);
                (start <= own && (start < own || Some(&k) != key.as_ref())).then_some((n, k, start))
            });
        let shown = match &key {
            Some(k) => format!("`{k}:`"),
            None => "this line".to_string(),
        };
        let hint = match sibling {
            Some((n, k, start)) if start != own => format!(
                "indent {shown} by {start} spaces, like `{k}:` on line {n}: the fields of one mapping line up, and a field inside another goes 2 spaces further than it"
            ),
            _ => "line each field up with the other fields of its mapping, and indent what belongs to a field 2 spaces further than the field".to_string(),
        };
        Some(Explained {
            line: self.line as u64,
            column: own as u64 + 1,
            message: format!(
                "{shown} is indented {own} spaces, which lines it up with no field above it"
            ),
            hint,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colon_in_text_is_told_to_be_quoted() {
        let text = "title: X\ntask: Use it: now\n";
        let e = explain(
            text,
            2,
            12,
            "mapping values are not allowed in this context",
            None,
        )
        .unwrap();
        assert_eq!((e.line, e.column), (2, 12));
        assert!(e.message.contains("`task` contains `: `"), "{e:?}");
        assert!(e.hint.contains("task: \"Use it: now\""), "{e:?}");
    }

    #[test]
    fn a_line_indented_one_space_too_far_is_told_where_to_go() {
        let text = "  - id: a\n     title: X\n";
        let e = explain(
            text,
            2,
            11,
            "mapping values are not allowed in this context",
            None,
        )
        .unwrap();
        assert_eq!((e.line, e.column), (2, 6));
        assert!(
            e.hint.contains("by 4 spaces, like `id:` on line 1"),
            "{e:?}"
        );
    }
}
