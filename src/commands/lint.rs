//! `pykata lint [DIR]`: validate a course without running anything.

use super::style::Style;
use super::{exit, Ctx, Outcome};
use crate::cli::ProblemFormat;
use crate::course::{self, CourseSource, Problem};
use crate::plural::count;
use std::path::PathBuf;

/// The version of the `--format json` output.
pub const JSON_FORMAT: u32 = 1;

pub fn run(ctx: &Ctx, dir: Option<PathBuf>, format: ProblemFormat) -> Outcome {
    let source = match dir {
        Some(d) => CourseSource::from_path(&d),
        None => ctx.source(),
    };
    let result = course::load(source);
    let mut note = None;
    let problems = match &result {
        // A course that loads has its check code compiled and its patterns
        // given to `re` by the interpreter: nothing of it runs.
        Ok(course) => match ctx.python() {
            Ok(python) => crate::proof::parse_problems(&python, course).unwrap_or_else(|e| {
                note = Some(format!(
                    "the check code's syntax and the equivalent-mutant marks were not checked: {e}"
                ));
                Vec::new()
            }),
            Err(f) => {
                note = Some(format!(
                    "{}: the check code's syntax and `raises` patterns were not checked (`verify` checks them)",
                    f.message
                ));
                Vec::new()
            }
        },
        Err(e) => e.problems.clone(),
    };
    if let Some(note) = &note {
        eprintln!("note: {note}");
    }
    match format {
        ProblemFormat::Json => {
            let doc = serde_json::json!({"format": JSON_FORMAT, "ok": problems.is_empty(), "problems": problems});
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        ProblemFormat::Github => {
            for p in &problems {
                println!("{}", problem_annotation(p));
            }
            println!("lint: {}", count(problems.len(), "problem"));
        }
        ProblemFormat::Human => {
            let s = Style::stdout();
            for p in &problems {
                println!("{} {p}", s.bad("error:"));
            }
            match &result {
                Ok(c) if problems.is_empty() => println!(
                    "lint: {}, {}: {}",
                    count(c.topics.len(), "topic"),
                    count(c.katas().count(), "kata"),
                    s.good("no problems")
                ),
                _ => println!("lint: {}", s.bad(&count(problems.len(), "problem"))),
            }
        }
    }
    Ok(if problems.is_empty() {
        exit::OK
    } else {
        exit::NOT_PASSING
    })
}

/// A course problem as a GitHub Actions annotation.
pub fn problem_annotation(p: &Problem) -> String {
    let mut message = p.message.clone();
    if let Some(hint) = &p.hint {
        message.push_str(&format!("\nhelp: {hint}"));
    }
    let (line, column) = if p.line > 0 {
        (Some(p.line), Some(p.column))
    } else {
        (None, None)
    };
    github_annotation("error", Some(&p.file), line, column, &message)
}

/// One GitHub Actions workflow command:
/// `::error file=F,line=L,col=C::message`. Values are escaped as the
/// runner expects (`%`, CR and LF everywhere; `:` and `,` in properties), so
/// a multi-line message shows whole. A leading `./` is dropped from the file
/// so the annotation lands on the file in the repository.
pub fn github_annotation(
    level: &str,
    file: Option<&str>,
    line: Option<u64>,
    column: Option<u64>,
    message: &str,
) -> String {
    let mut props = Vec::new();
    if let Some(file) = file {
        let file = file.strip_prefix("./").unwrap_or(file).replace('\\', "/");
        props.push(format!("file={}", escape_property(&file)));
    }
    if let Some(line) = line.filter(|l| *l > 0) {
        props.push(format!("line={line}"));
        if let Some(col) = column.filter(|c| *c > 0) {
            props.push(format!("col={col}"));
        }
    }
    let props = if props.is_empty() {
        String::new()
    } else {
        format!(" {}", props.join(","))
    };
    format!("::{level}{props}::{}", escape_data(message.trim_end()))
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_what_github_needs() {
        assert_eq!(
            github_annotation(
                "error",
                Some("./c/lessons/a.yaml"),
                Some(3),
                Some(7),
                "50% bad\nfix: it"
            ),
            "::error file=c/lessons/a.yaml,line=3,col=7::50%25 bad%0Afix: it"
        );
        assert_eq!(
            github_annotation("notice", None, None, None, "skipped"),
            "::notice::skipped"
        );
        assert_eq!(
            github_annotation("error", Some("a,b:c.yaml"), Some(0), Some(0), "whole file"),
            "::error file=a%2Cb%3Ac.yaml::whole file"
        );
    }
}
