//! Python literals, parsed the way `ast.literal_eval` reads them, so that
//! `["v1","v1"]` and `['v1', 'v1']` compare equal without starting Python.

#[derive(Debug, Clone)]
pub enum Literal {
    None,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Literal>),
    Tuple(Vec<Literal>),
    Set(Vec<Literal>),
    Dict(Vec<(Literal, Literal)>),
}

impl PartialEq for Literal {
    fn eq(&self, other: &Self) -> bool {
        use Literal::*;
        match (self, other) {
            (None, None) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a == b,
            // 1 == 1.0 in Python.
            (Int(a), Float(b)) | (Float(b), Int(a)) => (*a as f64) == *b,
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (List(a), List(b)) | (Tuple(a), Tuple(b)) => a == b,
            (Set(a), Set(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            (Dict(a), Dict(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|(k, v)| b.iter().any(|(k2, v2)| k == k2 && v == v2))
            }
            _ => false,
        }
    }
}

/// Parses a whole string as one literal; `None` if it is not one.
pub fn parse(text: &str) -> Option<Literal> {
    let mut p = Parser {
        chars: text.chars().collect(),
        pos: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.skip_ws();
    (p.pos == p.chars.len()).then_some(value)
}

/// Whether two texts are the same literal.
pub fn equivalent(a: &str, b: &str) -> bool {
    match (parse(a.trim()), parse(b.trim())) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// A piece of a line of output: a literal, or the text between literals.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Literal(Literal),
    Text(String),
}

/// Lines longer than this are not cut into tokens: each position where a
/// literal might start is tried, and an output line of 64 KiB of unclosed
/// brackets would take quadratic time. They compare as whole lines still.
const MAX_TOKENIZED_LINE: usize = 4096;

/// Whether two lines say the same: equal as one literal, or token by token,
/// literals as literals and the text between them as written, so that
/// `[0.9,0.5,0.2] 4` is `[0.9, 0.5, 0.2] 4` and `total: {'a': 1}` is
/// `total: {"a": 1}`.
pub fn line_equivalent(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a == b || equivalent(a, b) {
        return true;
    }
    match (tokens(a), tokens(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// `line` cut into literals and the text between them; `None` for a line
/// too long to cut. A literal starts and ends at a word boundary, so the
/// `1` of `f1` and the `None` of `Nonesuch` stay text.
pub fn tokens(line: &str) -> Option<Vec<Token>> {
    let mut p = Parser {
        chars: line.chars().collect(),
        pos: 0,
        depth: 0,
    };
    if p.chars.len() > MAX_TOKENIZED_LINE {
        return None;
    }
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < p.chars.len() {
        if let Some(end) = literal_at(&mut p, i) {
            if !text.is_empty() {
                out.push(Token::Text(std::mem::take(&mut text)));
            }
            let value = parse(&p.chars[i..end].iter().collect::<String>())?;
            out.push(Token::Literal(value));
            i = end;
        } else {
            text.push(p.chars[i]);
            i += 1;
        }
    }
    if !text.is_empty() {
        out.push(Token::Text(text));
    }
    Some(out)
}

/// Where the literal starting at `start` ends, if one starts there: at a
/// word boundary, not at blank space, and followed by one.
fn literal_at(p: &mut Parser, start: usize) -> Option<usize> {
    let word = |c: &char| c.is_alphanumeric() || *c == '_';
    let joined = |c: &char| word(c) || matches!(c, '.' | '\'' | '"');
    let c = p.chars[start];
    if c.is_whitespace() || (start > 0 && word(&p.chars[start - 1])) {
        return None;
    }
    p.pos = start;
    p.depth = 0;
    p.value()?;
    let end = p.pos;
    (end > start && !p.chars.get(end).is_some_and(joined)).then_some(end)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

const MAX_DEPTH: usize = 200;

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Option<Literal> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let v = self.value_inner();
        self.depth -= 1;
        v
    }

    fn value_inner(&mut self) -> Option<Literal> {
        self.skip_ws();
        let c = self.peek()?;
        match c {
            '[' => {
                self.pos += 1;
                self.items(']').map(Literal::List)
            }
            '(' => {
                self.pos += 1;
                self.skip_ws();
                if self.eat(')') {
                    return Some(Literal::Tuple(vec![]));
                }
                let first = self.value()?;
                if self.eat(')') {
                    return Some(first); // parenthesised value
                }
                if !self.eat(',') {
                    return None;
                }
                let mut rest = self.items(')')?;
                rest.insert(0, first);
                Some(Literal::Tuple(rest))
            }
            '{' => {
                self.pos += 1;
                self.braces()
            }
            '\'' | '"' => self.string(false),
            '-' | '+' | '.' | '0'..='9' => self.number(),
            c if c.is_alphabetic() || c == '_' => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.pos += 1;
                }
                let word: String = self.chars[start..self.pos].iter().collect();
                match word.as_str() {
                    "None" => Some(Literal::None),
                    "True" => Some(Literal::Bool(true)),
                    "False" => Some(Literal::Bool(false)),
                    "set" if self.eat('(') && self.eat(')') => Some(Literal::Set(vec![])),
                    w if matches!(self.peek(), Some('\'' | '"')) => {
                        let lower = w.to_ascii_lowercase();
                        let bytes = lower.contains('b');
                        let raw = lower.contains('r');
                        if lower.chars().all(|c| "bru".contains(c)) && lower.len() <= 2 {
                            let s = self.string(raw)?;
                            match (bytes, s) {
                                (true, Literal::Str(s)) => Some(Literal::Bytes(s.into_bytes())),
                                (_, s) => Some(s),
                            }
                        } else {
                            None
                        }
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Comma-separated values up to `close`, allowing a trailing comma.
    fn items(&mut self, close: char) -> Option<Vec<Literal>> {
        let mut out = Vec::new();
        loop {
            if self.eat(close) {
                return Some(out);
            }
            out.push(self.value()?);
            if self.eat(close) {
                return Some(out);
            }
            if !self.eat(',') {
                return None;
            }
        }
    }

    fn braces(&mut self) -> Option<Literal> {
        if self.eat('}') {
            return Some(Literal::Dict(vec![]));
        }
        let first = self.value()?;
        if self.eat(':') {
            let mut pairs = vec![(first, self.value()?)];
            loop {
                if self.eat('}') {
                    return Some(Literal::Dict(pairs));
                }
                if !self.eat(',') {
                    return None;
                }
                if self.eat('}') {
                    return Some(Literal::Dict(pairs));
                }
                let k = self.value()?;
                if !self.eat(':') {
                    return None;
                }
                pairs.push((k, self.value()?));
            }
        }
        let mut items = vec![first];
        if self.eat('}') {
            return Some(Literal::Set(items));
        }
        if !self.eat(',') {
            return None;
        }
        items.extend(self.items('}')?);
        Some(Literal::Set(items))
    }

    fn string(&mut self, raw: bool) -> Option<Literal> {
        let quote = self.peek()?;
        self.pos += 1;
        let triple = self.chars.get(self.pos) == Some(&quote)
            && self.chars.get(self.pos + 1) == Some(&quote);
        if triple {
            self.pos += 2;
        }
        let mut out = String::new();
        loop {
            let c = self.peek()?;
            self.pos += 1;
            if c == quote {
                if !triple {
                    break;
                }
                if self.chars.get(self.pos) == Some(&quote)
                    && self.chars.get(self.pos + 1) == Some(&quote)
                {
                    self.pos += 2;
                    break;
                }
                out.push(c);
                continue;
            }
            if c == '\n' && !triple {
                return None;
            }
            if c == '\\' && !raw {
                let e = self.peek()?;
                self.pos += 1;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    '\\' => out.push('\\'),
                    '\'' => out.push('\''),
                    '"' => out.push('"'),
                    'x' => out.push(self.hex(2)?),
                    'u' => out.push(self.hex(4)?),
                    'U' => out.push(self.hex(8)?),
                    '\n' => {}
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
                continue;
            }
            out.push(c);
        }
        // Adjacent literals concatenate: 'a' 'b' == 'ab'.
        self.skip_ws();
        if matches!(self.peek(), Some('\'' | '"')) {
            if let Literal::Str(more) = self.string(raw)? {
                out.push_str(&more);
            }
        }
        Some(Literal::Str(out))
    }

    fn hex(&mut self, n: usize) -> Option<char> {
        let digits: String = self.chars.get(self.pos..self.pos + n)?.iter().collect();
        self.pos += n;
        char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
    }

    fn number(&mut self) -> Option<Literal> {
        let start = self.pos;
        let mut negative = false;
        while let Some(sign @ ('-' | '+')) = self.peek() {
            negative ^= sign == '-';
            self.pos += 1;
            self.skip_ws();
        }
        let body_start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
            || (self.peek().is_some_and(|c| c == '-' || c == '+')
                && matches!(self.chars.get(self.pos - 1), Some('e' | 'E'))
                && !self.chars[body_start..self.pos]
                    .iter()
                    .any(|c| *c == 'x' || *c == 'X'))
        {
            self.pos += 1;
        }
        let body: String = self.chars[body_start..self.pos]
            .iter()
            .filter(|c| **c != '_')
            .collect();
        if body.is_empty() {
            self.pos = start;
            return None;
        }
        let lower = body.to_ascii_lowercase();
        let int = if let Some(hex) = lower.strip_prefix("0x") {
            i128::from_str_radix(hex, 16).ok()
        } else if let Some(oct) = lower.strip_prefix("0o") {
            i128::from_str_radix(oct, 8).ok()
        } else if let Some(bin) = lower.strip_prefix("0b") {
            i128::from_str_radix(bin, 2).ok()
        } else {
            lower.parse::<i128>().ok()
        };
        if let Some(i) = int {
            return Some(Literal::Int(if negative { -i } else { i }));
        }
        let f = match lower.as_str() {
            "inf" => f64::INFINITY,
            _ => lower.parse::<f64>().ok()?,
        };
        Some(Literal::Float(if negative { -f } else { f }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_spacing_do_not_matter() {
        assert!(equivalent(r#"["v1","v1"]"#, "['v1', 'v1']"));
        assert!(!equivalent("['v1']", "['v1', 'v1']"));
    }

    #[test]
    fn dicts_and_sets_ignore_order() {
        assert!(equivalent("{'a': 1, 'b': 2}", r#"{"b": 2, "a": 1}"#));
        assert!(equivalent("{1, 2, 3}", "{3,2,1}"));
        assert!(!equivalent("{1: 2}", "{1: 3}"));
    }

    #[test]
    fn numbers_compare_like_python() {
        assert!(equivalent("1", "1.0"));
        assert!(equivalent("-3", "- 3"));
        assert!(equivalent("0.0003", "3e-4"));
        assert!(equivalent("1_000", "1000"));
        assert!(!equivalent("True", "1"));
    }

    #[test]
    fn tuples_strings_and_escapes() {
        assert!(equivalent("(1,)", "( 1 , )"));
        assert!(!equivalent("(1)", "(1,)"));
        assert!(equivalent(r"'a\nb'", "\"a\\nb\""));
        assert!(equivalent("b'x'", "b\"x\""));
        assert!(equivalent("None", " None "));
    }

    #[test]
    fn lines_compare_token_by_token() {
        assert!(line_equivalent("[0.9,0.5,0.2] 4", "[0.9, 0.5, 0.2] 4"));
        assert!(line_equivalent("total: {'a': 1}", r#"total: {"a": 1}"#));
        assert!(line_equivalent("f1 ('x',) done", r#"f1 ("x", ) done"#));
        assert!(!line_equivalent("[0.9,0.5,0.2] 4", "[0.9, 0.5, 0.2] 5"));
        assert!(!line_equivalent("[1] 4", "[1] 4 extra"));
        assert!(!line_equivalent("f1 4", "f2 4"));
        // Words are not cut into literals: `f1` is not `f 1`.
        assert!(!line_equivalent("f1", "f 1"));
        assert!(!line_equivalent("Nonesuch", "None such"));
    }

    #[test]
    fn long_lines_compare_whole() {
        let long = format!("{} 4", "[".repeat(MAX_TOKENIZED_LINE));
        assert!(tokens(&long).is_none());
        assert!(line_equivalent(&long, &long));
        assert!(!line_equivalent(&long, &long.replace('4', "5")));
    }

    #[test]
    fn non_literals_are_rejected() {
        assert!(parse("f1").is_none());
        assert!(parse("[1, 2").is_none());
        assert!(parse("<object at 0x1>").is_none());
        assert!(parse(&"[".repeat(10_000)).is_none());
    }
}
