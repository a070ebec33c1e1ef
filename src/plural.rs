//! Counted nouns in messages: "1 check", "2 checks", never "1 checks" or
//! "check(s)". Every message that puts a number before a noun goes
//! through [`count`] (or [`noun`] when the number is printed apart).

use std::fmt::Display;

/// `singular` as the count `n` needs it: itself for one, else its plural
/// (`-es` after s, x, ch and sh, `-s` otherwise; the nouns pykata counts
/// are all regular).
pub fn noun<N: TryInto<u64> + Copy>(n: N, singular: &str) -> String {
    if n.try_into().ok() == Some(1) {
        return singular.to_string();
    }
    let es = ["s", "x", "ch", "sh"].iter().any(|e| singular.ends_with(e));
    format!("{singular}{}", if es { "es" } else { "s" })
}

/// The count and its noun: `count(1, "hint")` is "1 hint", `count(3,
/// "hint")` is "3 hints".
pub fn count<N: TryInto<u64> + Copy + Display>(n: N, singular: &str) -> String {
    format!("{n} {}", noun(n, singular))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1usize, "check"), "1 check");
        assert_eq!(count(0u32, "check"), "0 checks");
        assert_eq!(count(2u64, "attempt"), "2 attempts");
        assert_eq!(count(3, "process"), "3 processes");
        assert_eq!(noun(1, "kata file"), "kata file");
        assert_eq!(noun(7, "kata file"), "kata files");
    }
}
