//! The class report as CSV, one row per kata, for a spreadsheet.

use super::{number, ClassReport};

impl ClassReport {
    /// One row per kata; spreadsheet-friendly (RFC 4180 quoting).
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "topic,kata,title,learners,done,stuck,not_started,median_attempts,max_attempts,hints_used,learners_using_hints,median_seconds_to_pass,stuck_learners\r\n",
        );
        for k in &self.katas {
            let fields = [
                k.topic.clone(),
                k.id.clone(),
                k.title.clone(),
                k.learners.to_string(),
                k.done.to_string(),
                k.stuck.to_string(),
                k.not_started.to_string(),
                k.median_attempts.map(number).unwrap_or_default(),
                k.max_attempts.to_string(),
                k.hints_used.to_string(),
                k.learners_using_hints.to_string(),
                k.median_seconds_to_pass
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                k.stuck_learners.join("; "),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(s: &str) -> String {
    // A leading = + - @ would be run as a formula by spreadsheets.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
    }
}
