//! `pykata report`: write the learner's progress as JSON and Markdown, and
//! `pykata report --merge FILES...`: turn a room's JSON reports into one
//! class table (Markdown and CSV) that shows where people got stuck.

use super::style::Style;
use super::{exit, Ctx, Failure, Outcome};
use crate::plural::count;
use crate::progress::report::{duration, ClassReport, LearnerReport};
use std::path::{Path, PathBuf};

/// The class report's file names, in the output folder.
pub const CLASS_MARKDOWN: &str = "class-report.md";
pub const CLASS_CSV: &str = "class-report.csv";

pub fn run(ctx: &Ctx, merge: &[PathBuf], out: Option<&Path>, name: Option<&str>) -> Outcome {
    let out = match out {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir()
            .map_err(|e| Failure::environment(format!("cannot read the current folder: {e}")))?,
    };
    if merge.is_empty() {
        learner(ctx, &out, name)
    } else {
        class(merge, &out)
    }
}

/// The learner's name: `--name`, else the login name, else "learner".
fn learner_name(name: Option<&str>) -> String {
    name.map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "learner".into())
}

/// A name made safe for a file name on every system.
fn file_part(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(['-', '.']).to_string();
    if cleaned.is_empty() {
        "learner".into()
    } else {
        cleaned
    }
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::environment(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(path, text)
        .map_err(|e| Failure::environment(format!("cannot write {}: {e}", path.display())))
}

fn learner(ctx: &Ctx, out: &Path, name: Option<&str>) -> Outcome {
    let course = ctx.course()?;
    let ws = ctx.workspace()?;
    // Predictions an older pykata kept by step position move to their
    // steps' ids (in this report too, should the file not be writable).
    if let Some(w) = crate::session::adopt_step_ids(&ws, &course) {
        super::warn(&w);
    }
    let crate::progress::ReadProgress {
        mut progress,
        unreadable: warning,
    } = ws.read_progress();
    crate::session::adopt_old_prediction_keys(&mut progress, &course);
    let s = Style::stdout();
    if let Some(w) = warning {
        eprintln!("{} {w}", Style::stderr().warn("warning:"));
    }
    let name = learner_name(name);
    let report = LearnerReport::build(&course, &progress, &name, crate::progress::now());
    let stem = format!("pykata-report-{}", file_part(&name));
    let json_path = out.join(format!("{stem}.json"));
    let md_path = out.join(format!("{stem}.md"));
    let json = serde_json::to_string_pretty(&report)
        .map_err(|e| Failure::environment(format!("cannot write the report: {e}")))?;
    write(&json_path, &format!("{json}\n"))?;
    write(&md_path, &report.markdown())?;
    let t = &report.totals;
    println!(
        "{}: done {} of {}, {}, {}, {} of {} right the first time",
        s.bold(&name),
        t.done,
        count(t.katas, "kata"),
        count(t.attempts, "attempt"),
        count(t.hints_used, "hint"),
        t.predictions_right_first_time,
        count(t.predictions, "prediction")
    );
    println!("{} wrote {}", s.good("✓"), json_path.display());
    println!("{} wrote {}", s.good("✓"), md_path.display());
    println!(
        "{}",
        s.dim("send the .json to your instructor; `pykata report --merge *.json` makes the class table")
    );
    Ok(exit::OK)
}

fn class(files: &[PathBuf], out: &Path) -> Outcome {
    let mut reports = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", file.display())))?;
        let report = LearnerReport::parse(&text).map_err(|e| {
            Failure::usage(format!("{} cannot be merged: {e}", file.display()))
                .help("merge the .json files `pykata report` writes, one per learner")
        })?;
        reports.push(report);
    }
    let class = ClassReport::merge(&reports);
    let md_path = out.join(CLASS_MARKDOWN);
    let csv_path = out.join(CLASS_CSV);
    write(&md_path, &class.markdown())?;
    write(&csv_path, &class.csv())?;
    let s = Style::stdout();
    if class.courses.len() > 1 {
        eprintln!(
            "{} the reports come from different courses ({}); katas are matched by id",
            Style::stderr().warn("warning:"),
            class.courses.join(", ")
        );
    }
    println!(
        "{}, {}",
        count(class.learners.len(), "learner"),
        count(class.katas.len(), "kata")
    );
    let ranking = class.stuck_ranking();
    if ranking.is_empty() {
        println!("nobody is stuck");
    } else {
        println!("{}", s.bold("where people got stuck:"));
        for k in ranking.iter().take(5) {
            println!(
                "  {:<24} {} stuck ({}), up to {}{}",
                k.id,
                k.stuck,
                k.stuck_learners.join(", "),
                count(k.max_attempts, "attempt"),
                k.median_seconds_to_pass
                    .map(|t| format!("; those done took {} (median)", duration(t)))
                    .unwrap_or_default()
            );
        }
    }
    println!("{} wrote {}", s.good("✓"), md_path.display());
    println!("{} wrote {}", s.good("✓"), csv_path.display());
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_safe_file_names() {
        assert_eq!(file_part("Ada Lovelace"), "Ada-Lovelace");
        assert_eq!(file_part("../x"), "x");
        assert_eq!(file_part("///"), "learner");
    }
}
