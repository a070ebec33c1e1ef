// The built-in course and the harness are embedded with include_dir and
// include_str; rebuild when any of their files change.
fn main() {
    for path in ["course.yaml", "lessons", "katas", "assets"] {
        println!("cargo:rerun-if-changed={path}");
    }
}
