//! Which editor `e` opens, and how: `--edit-cmd`, then `$VISUAL`, then
//! `$EDITOR` (terminal editors: the interface is suspended while they run),
//! then `code` inside a VS Code terminal (it opens the file in the window
//! around the terminal and returns at once), then `nano` or `vi`.

use std::path::Path;

/// How to open a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorPlan {
    pub program: String,
    pub args: Vec<String>,
    /// Suspend the interface and wait for the editor to exit (a terminal
    /// editor); otherwise start it and carry on (a window of its own).
    pub wait: bool,
    /// Where the choice came from, for messages.
    pub source: &'static str,
}

/// Splits a command line into words: spaces separate, single and double
/// quotes group, a backslash escapes the next character outside single
/// quotes. Returns `None` for an unterminated quote.
pub fn split_words(cmd: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = cmd.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        x => cur.push(x),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => cur.push(chars.next()?),
                        x => cur.push(x),
                    }
                }
            }
            '\\' => {
                in_word = true;
                cur.push(chars.next()?);
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Some(words)
}

/// The command for `cmd` on `file`: `{}` or `{file}` in it is replaced by
/// the path, else the path is added at the end.
fn command(cmd: &str, file: &Path, wait: bool, source: &'static str) -> Result<EditorPlan, String> {
    let words = split_words(cmd).ok_or_else(|| format!("{source} has an unclosed quote: {cmd}"))?;
    let Some((program, rest)) = words.split_first() else {
        return Err(format!("{source} is empty"));
    };
    let path = file.display().to_string();
    let mut args: Vec<String> = Vec::with_capacity(rest.len() + 1);
    let mut placed = false;
    for a in rest {
        if a.contains("{file}") || a.contains("{}") {
            args.push(a.replace("{file}", &path).replace("{}", &path));
            placed = true;
        } else {
            args.push(a.clone());
        }
    }
    if !placed {
        args.push(path);
    }
    Ok(EditorPlan {
        program: program.clone(),
        args,
        wait,
        source,
    })
}

/// Chooses the editor. `env` reads an environment variable and `on_path`
/// says whether a program can be found; both are parameters for tests.
pub fn plan(
    edit_cmd: Option<&str>,
    file: &Path,
    env: &dyn Fn(&str) -> Option<String>,
    on_path: &dyn Fn(&str) -> bool,
) -> Result<EditorPlan, String> {
    if let Some(cmd) = edit_cmd.filter(|c| !c.trim().is_empty()) {
        return command(cmd, file, true, "--edit-cmd");
    }
    for var in ["VISUAL", "EDITOR"] {
        if let Some(cmd) = env(var).filter(|c| !c.trim().is_empty()) {
            let source = if var == "VISUAL" {
                "$VISUAL"
            } else {
                "$EDITOR"
            };
            return command(&cmd, file, true, source);
        }
    }
    if env("TERM_PROGRAM").as_deref() == Some("vscode") && on_path("code") {
        return command("code", file, false, "VS Code");
    }
    for fallback in ["nano", "vi"] {
        if on_path(fallback) {
            return command(fallback, file, true, "the default editor");
        }
    }
    Err("no editor found: set $EDITOR (for example `export EDITOR=nano`) or pass --edit-cmd".into())
}

/// [`plan`] with the real environment and PATH.
pub fn plan_here(edit_cmd: Option<&str>, file: &Path) -> Result<EditorPlan, String> {
    plan(edit_cmd, file, &|v| std::env::var(v).ok(), &|p| {
        which::which(p).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn words_split_like_a_shell() {
        assert_eq!(
            split_words(r#"code --wait "my dir/{}" 'a b' c\ d"#).unwrap(),
            vec!["code", "--wait", "my dir/{}", "a b", "c d"]
        );
        assert_eq!(split_words("vim 'open"), None);
        assert_eq!(split_words("  "), Some(vec![]));
    }

    #[test]
    fn the_order_of_choice() {
        let f = Path::new("/w/basics/a.py");
        let all = |_: &str| true;
        let p = plan(
            Some("subl -w {file}"),
            f,
            &env_of(&[("EDITOR", "vim")]),
            &all,
        )
        .unwrap();
        assert_eq!(
            (p.program.as_str(), p.args.clone()),
            ("subl", vec!["-w".into(), "/w/basics/a.py".into()])
        );
        let p = plan(
            None,
            f,
            &env_of(&[("VISUAL", "emacs -nw"), ("EDITOR", "vim")]),
            &all,
        )
        .unwrap();
        assert_eq!(p.args, vec!["-nw", "/w/basics/a.py"]);
        assert!(p.wait);
        let p = plan(None, f, &env_of(&[("TERM_PROGRAM", "vscode")]), &all).unwrap();
        assert_eq!(p.program, "code");
        assert!(!p.wait);
        let p = plan(None, f, &env_of(&[]), &|x| x == "vi").unwrap();
        assert_eq!(p.program, "vi");
        assert!(plan(None, f, &env_of(&[]), &|_| false).is_err());
        assert!(plan(Some("vim 'x"), f, &env_of(&[]), &all).is_err());
    }
}
