//! `pykata schema`: print the JSON Schema of the course format, generated
//! from pykata's own types (the copy in docs/course.schema.json is kept equal
//! by a test).

use super::{exit, Outcome};

pub fn run() -> Outcome {
    print!("{}", crate::course::schema::course_schema_text());
    Ok(exit::OK)
}
