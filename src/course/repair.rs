//! Taking a bad field out of a YAML text so the rest can be read.
//!
//! Serde stops at the first problem of a document. To list every bad field
//! of a topic file in one run, the loader reports the problem, edits the
//! text here (a misspelt field renamed to the field it resembles, anything
//! else blanked out) and parses again. Every edit keeps the lines where they
//! were, so what is found later is still reported at its own line.

/// A YAML text being repaired, line by line.
pub struct Repair {
    lines: Vec<String>,
    /// Whether something was taken out (not merely renamed): the value read
    /// afterwards lacks what the author wrote, so its absence is no finding.
    pub took_out: bool,
    /// The lines the author wrote; lines past them are stand-ins for
    /// missing fields (see `fill_missing`).
    written: usize,
    /// The missing fields given a stand-in, each at most once.
    filled: Vec<String>,
}

impl Repair {
    pub fn new(text: &str) -> Self {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        Repair {
            written: lines.len(),
            lines,
            took_out: false,
            filled: Vec::new(),
        }
    }

    /// The first line that is a stand-in, not the author's, if any.
    pub fn filled_from(&self) -> Option<u64> {
        (!self.filled.is_empty()).then_some(self.written as u64 + 1)
    }

    /// Gives a required field the author left out an empty stand-in, after
    /// the author's last line, so that what follows is still read (a
    /// missing `task:` hid a starter that does not exist). Only a mapping
    /// that runs to the end of the text can take it there, which the
    /// mapping `line`:`column` reports on must. What is found on a stand-in
    /// is not the author's and is not reported.
    pub fn fill_missing(&mut self, line: u64, column: u64, field: &str) -> bool {
        let indent = (column as usize).saturating_sub(1);
        if self.filled.iter().any(|f| f == field) || line == 0 {
            return false;
        }
        let to_end =
            self.lines.iter().skip(line as usize).all(|l| {
                l.trim().is_empty() || indent_of(&l.chars().collect::<Vec<_>>()) >= indent
            });
        if !to_end {
            return false;
        }
        self.lines
            .push(format!("{}{field}: \"\"", " ".repeat(indent)));
        self.filled.push(field.to_string());
        true
    }

    pub fn text(&self) -> String {
        let mut out = self.lines.join("\n");
        out.push('\n');
        out
    }

    /// The characters of line `line` (1-based), if there is one.
    fn chars(&self, line: u64) -> Option<Vec<char>> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.lines.get(index).map(|l| l.chars().collect())
    }

    fn set(&mut self, line: u64, chars: &[char]) {
        let index = line as usize - 1;
        self.lines[index] = chars.iter().collect::<String>().trim_end().to_string();
    }

    /// Replaces `old` written at `line`:`column` with `new`. False if `old`
    /// is not written there.
    pub fn rename(&mut self, line: u64, column: u64, old: &str, new: &str) -> bool {
        let Some(mut chars) = self.chars(line) else {
            return false;
        };
        let start = (column as usize).saturating_sub(1);
        let old: Vec<char> = old.chars().collect();
        if chars.get(start..start + old.len()) != Some(&old[..]) {
            return false;
        }
        chars.splice(start..start + old.len(), new.chars());
        self.set(line, &chars);
        true
    }

    /// Whether the mapping whose key starts at `line`:`column` already has
    /// the key `key` (then renaming another key to it would make a twin).
    pub fn mapping_has(&self, line: u64, column: u64, key: &str) -> bool {
        let indent = (column as usize).saturating_sub(1);
        let is_key = |chars: &[char]| {
            key_column(chars) == indent
                && chars[indent..]
                    .iter()
                    .collect::<String>()
                    .strip_prefix(key)
                    .is_some_and(|r| r.starts_with(':'))
        };
        let blank = |chars: &[char]| chars.iter().all(|c| c.is_whitespace());
        // Down: the mapping goes on while lines are indented at least as much.
        let mut at = line + 1;
        while let Some(chars) = self.chars(at) {
            if !blank(&chars) {
                if indent_of(&chars) < indent {
                    break;
                }
                if is_key(&chars) {
                    return true;
                }
            }
            at += 1;
        }
        // Up: to its first line, which may start with the item's dash.
        let mut at = line.saturating_sub(1);
        while let Some(chars) = self.chars(at) {
            if !blank(&chars) {
                if is_key(&chars) {
                    return true;
                }
                if indent_of(&chars) < indent {
                    break;
                }
            }
            at -= 1;
        }
        false
    }

    /// Takes out the key at `line`:`column` and its value, down to the next
    /// line indented as little as the key.
    pub fn remove_key(&mut self, line: u64, column: u64) -> bool {
        let Some(mut chars) = self.chars(line) else {
            return false;
        };
        let indent = (column as usize).saturating_sub(1);
        if indent > chars.len() || key_column(&chars) != indent {
            return false;
        }
        let value_empty = {
            let rest: String = chars[indent..].iter().collect();
            rest.split_once(':')
                .is_some_and(|(_, v)| v.trim().is_empty() || v.trim().starts_with('#'))
        };
        // A key after `- ` keeps its dash: the item stays, less this key.
        for c in &mut chars[indent..] {
            *c = ' ';
        }
        self.set(line, &chars);
        let mut at = line + 1;
        while let Some(next) = self.chars(at) {
            let own = indent_of(&next);
            let blank = next.iter().all(|c| c.is_whitespace());
            // `key:` may be followed by `- item` lines at its own indent.
            let compact_item = value_empty && own == indent && next.get(own) == Some(&'-');
            if !(blank || own > indent || compact_item) {
                break;
            }
            self.set(at, &[]);
            at += 1;
        }
        self.took_out = true;
        true
    }

    /// Takes out a value of the wrong type at `line`:`column`: with its key
    /// when the key is written on that line, else the list item holding it.
    pub fn remove_value_at(&mut self, line: u64, column: u64) -> bool {
        let Some(chars) = self.chars(line) else {
            return false;
        };
        let key = key_column(&chars);
        let before: String = chars
            .iter()
            .take((column as usize).saturating_sub(1))
            .skip(key)
            .collect();
        if key + 1 < column as usize && before.contains(':') {
            self.remove_key(line, key as u64 + 1)
        } else {
            self.remove_item(line, column)
        }
    }

    /// Takes out the whole `- ` item of a list that holds `line`:`column`.
    pub fn remove_item(&mut self, line: u64, column: u64) -> bool {
        let Some(first) = self.chars(line) else {
            return false;
        };
        let inner = key_column(&first).min((column as usize).saturating_sub(1));
        let mut start = None;
        let mut at = line;
        while at >= 1 {
            let Some(chars) = self.chars(at) else { break };
            let own = indent_of(&chars);
            if chars.get(own) == Some(&'-') && own < inner {
                start = Some((at, own));
                break;
            }
            if !chars.iter().all(|c| c.is_whitespace()) && own < inner {
                break;
            }
            at -= 1;
        }
        let Some((start, dash)) = start else {
            return false;
        };
        self.set(start, &[]);
        let mut at = start + 1;
        while let Some(next) = self.chars(at) {
            let blank = next.iter().all(|c| c.is_whitespace());
            if !(blank || indent_of(&next) > dash) {
                break;
            }
            self.set(at, &[]);
            at += 1;
        }
        // The list's last item gone, `checks:` would hold nothing (null,
        // not a list): make it an empty list.
        let blank = |chars: &[char]| chars.iter().all(|c| c.is_whitespace());
        let next_is_item = self
            .chars(at)
            .is_some_and(|n| indent_of(&n) == dash && n.get(dash) == Some(&'-'));
        let mut above = start - 1;
        while above >= 1 && self.chars(above).is_some_and(|c| blank(&c)) {
            above -= 1;
        }
        if let Some(key_line) = self.chars(above).filter(|_| !next_is_item) {
            let text: String = key_line.iter().collect();
            if text.trim_end().ends_with(':') && indent_of(&key_line) <= dash {
                let mut chars = key_line;
                chars.extend(" []".chars());
                self.set(above, &chars);
            }
        }
        self.took_out = true;
        true
    }
}

/// Spaces before the first character.
fn indent_of(chars: &[char]) -> usize {
    chars.iter().take_while(|c| **c == ' ').count()
}

/// Where a line's key starts, past its indent and any `- ` dashes.
fn key_column(chars: &[char]) -> usize {
    let mut at = indent_of(chars);
    while chars.get(at) == Some(&'-') && chars.get(at + 1).is_some_and(|c| *c == ' ') {
        at += 1;
        while chars.get(at) == Some(&' ') {
            at += 1;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_key_keeps_every_line_where_it_was() {
        let mut r = Repair::new("a: 1\nbad:\n  - x\n  - y\nc: 2\n");
        assert!(r.remove_key(2, 1));
        assert_eq!(r.text(), "a: 1\n\n\n\nc: 2\n");
        let mut r = Repair::new("- bad: 1\n  c: 2\n");
        assert!(r.remove_key(1, 3));
        assert_eq!(r.text(), "-\n  c: 2\n");
    }

    #[test]
    fn renaming_checks_what_is_written_there() {
        let mut r = Repair::new("  hnts: [a]\n  title: x\n");
        assert!(!r.rename(1, 3, "hints", "hnts"));
        assert!(r.rename(1, 3, "hnts", "hints"));
        assert_eq!(r.text(), "  hints: [a]\n  title: x\n");
        assert!(r.mapping_has(1, 3, "title"));
        assert!(!r.mapping_has(1, 3, "task"));
    }

    #[test]
    fn a_missing_field_gets_a_stand_in_only_where_its_mapping_ends_the_text() {
        let mut r = Repair::new("    id: a\n    checks:\n      - id: c\n");
        assert!(r.fill_missing(1, 5, "task"));
        assert_eq!(
            r.text(),
            "    id: a\n    checks:\n      - id: c\n    task: \"\"\n"
        );
        assert_eq!(r.filled_from(), Some(4));
        assert!(!r.fill_missing(1, 5, "task"), "a field is filled once");
        // The first check lacks `kind`, but another check follows it.
        let mut r = Repair::new("checks:\n  - id: a\n  - id: b\n    kind: output\n");
        assert!(!r.fill_missing(2, 5, "kind"));
    }

    #[test]
    fn removing_an_item_takes_its_whole_block() {
        let text = "checks:\n  - id: a\n    kind: bad\n    run: |\n      x\n  - id: b\n";
        let mut r = Repair::new(text);
        assert!(r.remove_item(3, 11));
        assert_eq!(r.text(), "checks:\n\n\n\n\n  - id: b\n");
    }
}
