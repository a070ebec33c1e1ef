//! `pykata lint [DIR]`: validate a course without running anything.

use super::style::Style;
use super::{exit, Ctx, Outcome};
use crate::cli::Format;
use crate::course::{self, CourseSource};
use std::path::PathBuf;

pub fn run(ctx: &Ctx, dir: Option<PathBuf>, format: Format) -> Outcome {
    let source = match dir {
        Some(d) => CourseSource::Dir(d),
        None => ctx.source(),
    };
    let result = course::load(source);
    let problems = match &result {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.clone(),
    };
    match format {
        Format::Json => {
            let doc =
                serde_json::json!({"format": 1, "ok": problems.is_empty(), "problems": problems});
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Human => {
            let s = Style::stdout();
            for p in &problems {
                println!("{} {p}", s.bad("error:"));
            }
            match &result {
                Ok(c) => println!(
                    "lint: {} topics, {} katas: {}",
                    c.topics.len(),
                    c.katas().count(),
                    s.good("no problems")
                ),
                Err(_) => println!("lint: {}", s.bad(&format!("{} problem(s)", problems.len()))),
            }
        }
    }
    Ok(if problems.is_empty() {
        exit::OK
    } else {
        exit::NOT_PASSING
    })
}
