//! The constructs a `structure` check may require or forbid. The harness
//! (assets/harness.py) finds them in the learner's AST; this list lets `lint`
//! reject a misspelt one before any run.

/// Constructs named on their own.
pub const PLAIN: &[&str] = &[
    "mutable_default",
    "is_value_compare",
    "lambda",
    "comprehension",
    "walrus",
    "match",
    "fstring",
    "global",
    "nonlocal",
    "yield",
    "with",
    "async_with",
    "try",
    "for",
    "while",
    "class",
    "decorator",
    "async_def",
];

/// Constructs that take a name after a colon (`call:partial`).
pub const WITH_NAME: &[&str] = &["import", "call", "def", "class", "decorator", "name"];

/// Whether `construct` is one the harness knows; on error, a hint.
pub fn validate(construct: &str) -> Result<(), String> {
    if let Some((prefix, name)) = construct.split_once(':') {
        if !WITH_NAME.contains(&prefix) {
            let hint = super::problem::suggestion(prefix, WITH_NAME.iter().copied())
                .unwrap_or_else(|| format!("named constructs are {}", WITH_NAME.join(", ")));
            return Err(format!("unknown construct `{prefix}:`; {hint}"));
        }
        if name.is_empty() {
            return Err(format!("`{prefix}:` needs a name after the colon"));
        }
        return Ok(());
    }
    if PLAIN.contains(&construct) {
        return Ok(());
    }
    let hint = super::problem::suggestion(construct, PLAIN.iter().copied())
        .unwrap_or_else(|| "see docs/authoring.md for the list".to_string());
    Err(format!("unknown construct `{construct}`; {hint}"))
}
