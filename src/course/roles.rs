//! What each Python file of a kata is for, as its name says, and the file
//! to offer for one that is missing: one of the same role, never a file of
//! another role (a starter offered for a missing alternative would pass
//! `lint` and then fail `verify`).

use super::problem::did_you_mean;

/// "did you mean" for a file: the closest file name in the same folder,
/// else in any folder (a file put in the wrong one). Names are compared
/// without their folder, which every file of a topic shares and which
/// would make any two of them look alike.
pub fn closest_file(path: &str, candidates: &[&str]) -> Option<String> {
    let split = |p: &'_ str| -> (String, String) {
        match p.rsplit_once('/') {
            Some((folder, name)) => (folder.to_string(), name.to_string()),
            None => (String::new(), p.to_string()),
        }
    };
    let (folder, name) = split(path);
    let pick = |same_folder: bool| {
        let names: Vec<(String, &str)> = candidates
            .iter()
            .filter(|c| !same_folder || split(c).0 == folder)
            .map(|c| (split(c).1, *c))
            .collect();
        let best = did_you_mean(&name, names.iter().map(|(n, _)| n.as_str()))?;
        names
            .iter()
            .find(|(n, _)| *n == best)
            .map(|(_, full)| format!("did you mean `{full}`?"))
    };
    pick(true).or_else(|| pick(false))
}

/// What a Python file of a kata is for, as its name says (docs/authoring.md,
/// "A course is a folder").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Starter,
    Solution,
    Alternative,
    Mistake,
}

impl Role {
    /// The role a file's name gives it: `x.solution.py`, `x.alt.py` (or
    /// `x.alt2.py`), `x.mistake-what.py`, else a starter.
    pub fn of_name(path: &str) -> Role {
        let name = path.rsplit('/').next().unwrap_or(path);
        let stem = name.strip_suffix(".py").unwrap_or(name);
        let last = stem.rsplit_once('.').map_or("", |(_, last)| last);
        if last == "solution" {
            Role::Solution
        } else if last.starts_with("mistake-") {
            Role::Mistake
        } else if last
            .strip_prefix("alt")
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        {
            Role::Alternative
        } else {
            Role::Starter
        }
    }

    /// How a file of this role is named, for a hint.
    pub fn naming(self) -> &'static str {
        match self {
            Role::Starter => "the starter is named like `topic/name.py`",
            Role::Solution => "the solution is named like `topic/name.solution.py`",
            Role::Alternative => {
                "an alternative is another correct solution, named like `topic/name.alt.py`"
            }
            Role::Mistake => {
                "a mistake sample is a wrong answer, named like `topic/name.mistake-what.py`"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_roles() {
        assert_eq!(Role::of_name("g/chunked.py"), Role::Starter);
        assert_eq!(Role::of_name("g/chunked.solution.py"), Role::Solution);
        assert_eq!(Role::of_name("g/chunked.alt.py"), Role::Alternative);
        assert_eq!(Role::of_name("g/chunked.alt2.py"), Role::Alternative);
        assert_eq!(Role::of_name("g/chunked.mistake-eager.py"), Role::Mistake);
        assert_eq!(
            closest_file("g/chunkd.alt.py", &["g/chunked.alt2.py", "h/other.alt.py"]).as_deref(),
            Some("did you mean `g/chunked.alt2.py`?")
        );
    }
}
