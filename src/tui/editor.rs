//! Which editor `e` opens, and how: `--edit-cmd`, then `$VISUAL`, then
//! `$EDITOR` (terminal editors: the interface is suspended while they run),
//! then `code` inside a VS Code terminal (it opens the file in the window
//! around the terminal and returns at once), then `nano` or `vi`. When the
//! verdict names a line, editors known to take one open the file there.

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

/// How an editor is told the line to open a file at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineStyle {
    /// `+LINE FILE`: vi, vim, nvim, nano, emacs, micro, kakoune, joe...
    Plus,
    /// `--goto FILE:LINE`: VS Code and its forks.
    Goto,
    /// `FILE:LINE`: Helix, Sublime Text, Zed.
    Suffix,
}

/// The way `program` (a path or a name) takes a line, if it is an editor
/// known to take one.
fn line_style(program: &str) -> Option<LineStyle> {
    let name = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".exe").unwrap_or(&name);
    match name {
        "vi" | "vim" | "nvim" | "gvim" | "mvim" | "view" | "vim.basic" | "vim.tiny" | "nano"
        | "pico" | "rnano" | "emacs" | "emacsclient" | "micro" | "kak" | "joe" | "jed" | "mg"
        | "ne" | "jove" | "elvis" | "nvi" | "ex" | "vis" => Some(LineStyle::Plus),
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => {
            Some(LineStyle::Goto)
        }
        "hx" | "helix" | "subl" | "sublime_text" | "zed" | "zeditor" => Some(LineStyle::Suffix),
        _ => None,
    }
}

/// The command for `cmd` on `file`: `{}` or `{file}` in it is replaced by
/// the path, else the path is added at the end. With a `line`, `{line}` in
/// it is replaced by the line, or else a known editor is told the line its
/// own way (see [`LineStyle`]); any other editor opens the file plainly.
fn command(
    cmd: &str,
    file: &Path,
    line: Option<u64>,
    wait: bool,
    source: &'static str,
) -> Result<EditorPlan, String> {
    let words = split_words(cmd).ok_or_else(|| format!("{source} has an unclosed quote: {cmd}"))?;
    let Some((program, rest)) = words.split_first() else {
        return Err(format!("{source} is empty"));
    };
    let path = file.display().to_string();
    let line_text = line.unwrap_or(1).to_string();
    let told_line = rest.iter().any(|a| a.contains("{line}"));
    let style = line
        .filter(|_| !told_line)
        .and_then(|_| line_style(program));
    let mut args: Vec<String> = Vec::with_capacity(rest.len() + 2);
    let with_file = |args: &mut Vec<String>, arg: String| match (style, line) {
        (Some(LineStyle::Plus), Some(n)) => {
            args.push(format!("+{n}"));
            args.push(arg);
        }
        (Some(LineStyle::Goto), Some(n)) => {
            args.push("--goto".into());
            args.push(format!("{arg}:{n}"));
        }
        (Some(LineStyle::Suffix), Some(n)) => args.push(format!("{arg}:{n}")),
        _ => args.push(arg),
    };
    let mut placed = false;
    for a in rest {
        let a = a.replace("{line}", &line_text);
        if a.contains("{file}") || a.contains("{}") {
            with_file(&mut args, a.replace("{file}", &path).replace("{}", &path));
            placed = true;
        } else {
            args.push(a);
        }
    }
    if !placed {
        with_file(&mut args, path);
    }
    Ok(EditorPlan {
        program: program.clone(),
        args,
        wait,
        source,
    })
}

/// Chooses the editor, to open `file` at `line` if the editor can.
/// `env` reads an environment variable and `on_path` says whether a
/// program can be found; both are parameters for tests.
pub fn plan(
    edit_cmd: Option<&str>,
    file: &Path,
    line: Option<u64>,
    env: &dyn Fn(&str) -> Option<String>,
    on_path: &dyn Fn(&str) -> bool,
) -> Result<EditorPlan, String> {
    if let Some(cmd) = edit_cmd.filter(|c| !c.trim().is_empty()) {
        return command(cmd, file, line, true, "--edit-cmd");
    }
    for var in ["VISUAL", "EDITOR"] {
        if let Some(cmd) = env(var).filter(|c| !c.trim().is_empty()) {
            let source = if var == "VISUAL" {
                "$VISUAL"
            } else {
                "$EDITOR"
            };
            return command(&cmd, file, line, true, source);
        }
    }
    if env("TERM_PROGRAM").as_deref() == Some("vscode") && on_path("code") {
        return command("code", file, line, false, "VS Code");
    }
    for fallback in ["nano", "vi"] {
        if on_path(fallback) {
            return command(fallback, file, line, true, "the default editor");
        }
    }
    Err("no editor found: set $EDITOR (for example `export EDITOR=nano`) or pass --edit-cmd".into())
}

/// [`plan`] with the real environment and PATH.
pub fn plan_here(
    edit_cmd: Option<&str>,
    file: &Path,
    line: Option<u64>,
) -> Result<EditorPlan, String> {
    plan(edit_cmd, file, line, &|v| std::env::var(v).ok(), &|p| {
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

    /// The program and arguments `e` runs for `cmd` (as $EDITOR) at `line`.
    fn argv(cmd: &str, line: Option<u64>) -> Vec<String> {
        let editor = cmd.to_string();
        let env = move |k: &str| (k == "EDITOR").then(|| editor.clone());
        let p = plan(None, Path::new("/w/a b.py"), line, &env, &|_| true).unwrap();
        std::iter::once(p.program).chain(p.args).collect()
    }

    #[test]
    fn editors_open_at_the_error_line_their_own_way() {
        assert_eq!(argv("vim", Some(12)), ["vim", "+12", "/w/a b.py"]);
        assert_eq!(
            argv("/usr/bin/nvim", Some(3)),
            ["/usr/bin/nvim", "+3", "/w/a b.py"]
        );
        assert_eq!(argv("nano", Some(3)), ["nano", "+3", "/w/a b.py"]);
        assert_eq!(
            argv("emacs -nw", Some(3)),
            ["emacs", "-nw", "+3", "/w/a b.py"]
        );
        assert_eq!(argv("micro", Some(7)), ["micro", "+7", "/w/a b.py"]);
        assert_eq!(argv("hx", Some(7)), ["hx", "/w/a b.py:7"]);
        assert_eq!(
            argv("code --wait", Some(7)),
            ["code", "--wait", "--goto", "/w/a b.py:7"]
        );
        assert_eq!(
            argv("code.exe -w", Some(2)),
            ["code.exe", "-w", "--goto", "/w/a b.py:2"]
        );
        assert_eq!(argv("subl -w", Some(2)), ["subl", "-w", "/w/a b.py:2"]);
        // The file placed by `{}`: the line goes with it.
        assert_eq!(
            argv("vim -p {} -c 'set ro'", Some(4)),
            ["vim", "-p", "+4", "/w/a b.py", "-c", "set ro"]
        );
        // `{line}` is the author's own way; nothing is added.
        assert_eq!(
            argv("myed --at={line} {}", Some(9)),
            ["myed", "--at=9", "/w/a b.py"]
        );
        assert_eq!(
            argv("myed --at={line} {}", None),
            ["myed", "--at=1", "/w/a b.py"]
        );
        // Editors not known to take a line, and no line: the file plainly.
        assert_eq!(argv("gedit", Some(4)), ["gedit", "/w/a b.py"]);
        assert_eq!(argv("vim", None), ["vim", "/w/a b.py"]);
        assert_eq!(argv("code", None), ["code", "/w/a b.py"]);
        // VS Code's terminal: `code --goto`, not waited for.
        let p = plan(
            None,
            Path::new("/w/a.py"),
            Some(5),
            &env_of(&[("TERM_PROGRAM", "vscode")]),
            &|_| true,
        )
        .unwrap();
        assert_eq!(p.args, ["--goto", "/w/a.py:5"]);
        assert!(!p.wait);
    }

    #[test]
    fn the_order_of_choice() {
        let f = Path::new("/w/basics/a.py");
        let all = |_: &str| true;
        let p = plan(
            Some("subl -w {file}"),
            f,
            None,
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
            None,
            &env_of(&[("VISUAL", "emacs -nw"), ("EDITOR", "vim")]),
            &all,
        )
        .unwrap();
        assert_eq!(p.args, vec!["-nw", "/w/basics/a.py"]);
        assert!(p.wait);
        let p = plan(None, f, None, &env_of(&[("TERM_PROGRAM", "vscode")]), &all).unwrap();
        assert_eq!(p.program, "code");
        assert!(!p.wait);
        let p = plan(None, f, None, &env_of(&[]), &|x| x == "vi").unwrap();
        assert_eq!(p.program, "vi");
        assert!(plan(None, f, None, &env_of(&[]), &|_| false).is_err());
        assert!(plan(Some("vim 'x"), f, None, &env_of(&[]), &all).is_err());
    }
}
