//! Making program output safe to show: learner code may print escape
//! sequences (clear screen, set the window title, OSC 52 clipboard writes,
//! cursor queries). None of it may reach the terminal raw.

/// Decodes lossily and replaces every control character except newline and
/// tab with a visible escape (`\x1b`, `\r`, `\x00`), as well as C1 controls
/// and the Unicode bidirectional overrides that can disguise text.
pub fn for_display(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    escape_controls(&text)
}

/// The same for text that is already a string.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if ('\u{80}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_reach_the_screen_as_text() {
        let shown = for_display(b"\x1b[2J\x1b]52;c;aGk=\x07ok\r\n\x00\xff");
        assert_eq!(shown, "\\x1b[2J\\x1b]52;c;aGk=\\x07ok\\r\n\\x00\u{fffd}");
        assert!(!shown.contains('\x1b'));
    }

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            for_display("ok: ['v1']\n\tdone".as_bytes()),
            "ok: ['v1']\n\tdone"
        );
    }
}
