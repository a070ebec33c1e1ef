//! Where something is written in a course file: the file as the author
//! would open it, and the 1-based line and column. Kept as parts, so that
//! no reader has to split a `file:line:column` string back (a Windows path
//! holds colons of its own).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Location {
    /// The file as the author would open it (see `CourseSource::display`).
    pub file: String,
    /// 1-based; 0 when the place is the whole file.
    pub line: u64,
    /// 1-based; 0 when not known.
    pub column: u64,
}

impl Location {
    pub fn new(file: impl Into<String>, line: u64, column: u64) -> Self {
        Location {
            file: file.into(),
            line,
            column,
        }
    }

    /// The line, where the place is one line of the file (not the whole file).
    pub fn line(&self) -> Option<u64> {
        (self.line > 0).then_some(self.line)
    }

    /// The column, where one is known.
    pub fn column(&self) -> Option<u64> {
        (self.line > 0 && self.column > 0).then_some(self.column)
    }
}

/// `file:line:column`, or the file alone when the place is the whole file:
/// how editors and terminals take a place to jump to.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line(), self.column()) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}", self.file),
            (Some(line), None) => write!(f, "{}:{line}", self.file),
            _ => write!(f, "{}", self.file),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Location;

    #[test]
    fn a_location_is_shown_as_editors_take_it() {
        let windows = Location::new("C:\\course\\lessons\\a.yaml", 12, 5);
        assert_eq!(windows.to_string(), "C:\\course\\lessons\\a.yaml:12:5");
        assert_eq!((windows.line(), windows.column()), (Some(12), Some(5)));
        let whole = Location::new("lessons/a.yaml", 0, 0);
        assert_eq!(whole.to_string(), "lessons/a.yaml");
        assert_eq!((whole.line(), whole.column()), (None, None));
    }
}
