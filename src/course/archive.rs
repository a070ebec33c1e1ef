//! A course shipped as one file: a `.tar` or `.tar.gz` (`.tgz`) archive of a
//! course folder, for workshops where every laptop gets the same file and
//! no network. The archive is read into memory once, when it is opened;
//! nothing is extracted to disk, so a hostile entry name (`../x`, an
//! absolute path, a link) can do no harm: such entries are simply ignored.
//!
//! Why tar (with gzip through flate2) and not zip: `tar` is the small, pure
//! Rust crate cargo itself uses to read `.crate` files, it needs no C
//! library, and every system an instructor uses can make the file with no
//! extra tool (`tar czf course.tar.gz -C my-course .` works on Linux, macOS
//! and Windows 10+). A zip archive is recognized and refused with that
//! command as the fix.
//!
//! The course may sit at the archive's root (`course.yaml`,
//! `lessons/...`) or in a single folder inside it (`my-course/course.yaml`),
//! as `tar czf course.tar.gz my-course` makes it.

use super::source::{self, ReadError};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest archive content read into memory (uncompressed).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries read from one archive.
pub const MAX_ENTRIES: usize = 20_000;

/// File name endings recognized as course archives.
pub const EXTENSIONS: &[&str] = &[".tar", ".tar.gz", ".tgz"];

/// A course archive, read into memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// The archive file as given.
    pub path: PathBuf,
    /// The course's files by path relative to the course root (`course.yaml`,
    /// `lessons/x.yaml`, `katas/x/y.py`).
    files: BTreeMap<String, Vec<u8>>,
    /// Entries that are links, pipes or devices, by the same paths: never
    /// followed, but named as what they are when the course asks for one.
    specials: BTreeSet<String>,
    /// Why the archive could not be read, if it could not.
    error: Option<String>,
}

/// Whether `path` names a course archive rather than a course folder: an
/// existing file (not a folder), or a name with an archive ending.
pub fn looks_like_archive(path: &Path) -> bool {
    if path.is_dir() {
        return false;
    }
    if path.is_file() {
        return true;
    }
    named_like_archive(path)
}

/// Whether `path` ends like a course archive (`.tar`, `.tar.gz`, ...).
pub fn named_like_archive(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    EXTENSIONS.iter().any(|e| name.ends_with(e))
}

impl Archive {
    /// Reads the archive at `path`. Never fails: a problem is kept and
    /// reported by `error` (and by the loader as a located problem).
    pub fn open(path: &Path) -> Archive {
        let (files, specials, error) = match read_all(path) {
            Ok((files, specials)) => (files, specials, None),
            Err(e) => (BTreeMap::new(), BTreeSet::new(), Some(e)),
        };
        Archive {
            path: path.to_path_buf(),
            files,
            specials,
            error,
        }
    }

    /// Why the archive could not be used, if so.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// What would fix the error.
    pub fn hint(&self) -> &'static str {
        if is_yaml(&self.path) {
            "give --course the folder that holds course.yaml, not the file"
        } else {
            "a course archive is a .tar or .tar.gz of a course folder: `tar czf course.tar.gz -C my-course .`"
        }
    }

    /// A file's text, by path relative to the course root. Only regular
    /// files are read: the archive's links are never followed.
    pub fn read(&self, rel: &str) -> Result<String, ReadError> {
        if let Some(bytes) = self.files.get(rel) {
            if bytes.len() as u64 > source::MAX_FILE_BYTES {
                return Err(ReadError::TooLarge);
            }
            return source::utf8(bytes.clone());
        }
        if self.specials.contains(rel) {
            return Err(ReadError::ArchiveSpecial);
        }
        let folder = format!("{rel}/");
        if self
            .files
            .range(folder.clone()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&folder))
        {
            return Err(ReadError::Folder);
        }
        Err(ReadError::Missing)
    }

    /// Every file below `top` (`lessons` or `katas`), relative to it.
    pub fn list(&self, top: &str) -> Vec<String> {
        let prefix = format!("{top}/");
        self.files
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }
}

/// A tar entry's path made relative and clean, or `None` if it is one we
/// will not read (absolute, `..`, empty).
fn clean(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::Normal(p) => parts.push(p.to_str()?.to_string()),
            std::path::Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn is_yaml(path: &Path) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// The archive's regular files and the paths of its other entries (links,
/// pipes, devices), both relative to the course root.
type Contents = (BTreeMap<String, Vec<u8>>, BTreeSet<String>);

fn read_all(path: &Path) -> Result<Contents, String> {
    if is_yaml(path) {
        return Err("this is a YAML file, not a course folder or archive".to_string());
    }
    // Opening a named pipe would block until a writer comes; a device may
    // never end.
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err("not a regular file, so not a course archive".to_string());
        }
    }
    let mut file =
        std::fs::File::open(path).map_err(|e| format!("cannot open the archive: {e}"))?;
    let mut magic = [0u8; 4];
    let n = file
        .read(&mut magic)
        .map_err(|e| format!("cannot read the archive: {e}"))?;
    drop(file);
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open the archive: {e}"))?;
    let reader: Box<dyn Read> = match &magic[..n] {
        [0x1f, 0x8b, ..] => Box::new(flate2::read::GzDecoder::new(file)),
        [b'P', b'K', 3, 4] => {
            return Err(
                "this is a zip archive; pykata reads .tar and .tar.gz (make one with `tar czf course.tar.gz -C my-course .`)"
                    .to_string(),
            )
        }
        _ => Box::new(file),
    };
    // Stop reading past the limit whatever the headers claim.
    let mut archive = tar::Archive::new(reader.take(MAX_BYTES + 1024 * 1024));
    let entries = archive
        .entries()
        .map_err(|e| format!("not a tar archive: {e}"))?;
    let mut raw: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut specials = BTreeSet::new();
    let mut total: u64 = 0;
    for (count, entry) in entries.enumerate() {
        if count >= MAX_ENTRIES {
            return Err(format!(
                "more than {MAX_ENTRIES} entries; is this a course?"
            ));
        }
        let mut entry = entry.map_err(|e| format!("not a readable tar archive: {e}"))?;
        let kind = entry.header().entry_type();
        let Some(name) = entry.path().ok().and_then(|p| clean(&p)) else {
            continue;
        };
        if !kind.is_file() {
            if !kind.is_dir() && !kind.is_pax_global_extensions() && !kind.is_pax_local_extensions()
            {
                specials.insert(name);
            }
            continue;
        }
        total += entry.size();
        if total > MAX_BYTES {
            return Err(format!(
                "more than {} MiB of files; a course is text and should be far smaller",
                MAX_BYTES / (1024 * 1024)
            ));
        }
        let mut bytes = Vec::with_capacity(entry.size().min(MAX_BYTES) as usize);
        entry
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read {name} in the archive: {e}"))?;
        raw.insert(name, bytes);
    }
    if raw.is_empty() {
        return Err("empty, or not a tar archive".to_string());
    }
    let prefix = course_root(&raw).ok_or_else(|| {
        "no course.yaml in the archive (at its root or in one folder inside it)".to_string()
    })?;
    let specials = specials
        .iter()
        .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
        .collect();
    let files = raw
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|k| (k.to_string(), v)))
        .collect();
    Ok((files, specials))
}

/// The folder inside the archive that holds `course.yaml` (`""` for the
/// root, `"my-course/"` for one folder), choosing the shallowest.
fn course_root(files: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    files
        .keys()
        .filter_map(|k| k.strip_suffix(super::source::MANIFEST))
        .filter(|prefix| prefix.is_empty() || prefix.ends_with('/'))
        .min_by_key(|prefix| prefix.matches('/').count())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tar_of(files: &[(&str, &str)], gzip: bool) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (name, text) in files {
            let mut header = tar::Header::new_gnu();
            header.set_size(text.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder
                .append_data(&mut header, name, text.as_bytes())
                .unwrap();
        }
        let bytes = builder.into_inner().unwrap();
        if gzip {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            std::io::Write::write_all(&mut enc, &bytes).unwrap();
            enc.finish().unwrap()
        } else {
            bytes
        }
    }

    #[test]
    fn reads_a_course_in_a_folder_of_a_gzipped_tar() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.tar.gz");
        let bytes = tar_of(
            &[
                ("my-course/course.yaml", "format: 1\n"),
                ("my-course/lessons/a.yaml", "title: A\n"),
                ("my-course/katas/a/x.py", "x = 1\n"),
                ("elsewhere.txt", "ignored"),
            ],
            true,
        );
        std::fs::write(&path, bytes).unwrap();
        assert!(looks_like_archive(&path));
        let a = Archive::open(&path);
        assert_eq!(a.error(), None);
        assert_eq!(a.read("course.yaml").as_deref(), Ok("format: 1\n"));
        assert_eq!(a.list("katas"), vec!["a/x.py".to_string()]);
        assert_eq!(a.read("elsewhere.txt"), Err(ReadError::Missing));
        assert_eq!(a.read("katas/a"), Err(ReadError::Folder));
    }

    #[test]
    fn refuses_zip_and_garbage_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let zip = dir.path().join("c.zip");
        std::fs::write(&zip, b"PK\x03\x04rest").unwrap();
        assert!(Archive::open(&zip).error().unwrap().contains("tar czf"));
        let junk = dir.path().join("c.tar");
        std::fs::write(&junk, b"hello").unwrap();
        assert!(Archive::open(&junk).error().is_some());
        let nothing = dir.path().join("missing.tar");
        assert!(looks_like_archive(&nothing));
        assert!(Archive::open(&nothing)
            .error()
            .unwrap()
            .contains("cannot open"));
        let no_manifest = dir.path().join("n.tar");
        std::fs::write(
            &no_manifest,
            tar_of(&[("lessons/a.yaml", "title: A\n")], false),
        )
        .unwrap();
        assert!(Archive::open(&no_manifest)
            .error()
            .unwrap()
            .contains("no course.yaml"));
    }
}
