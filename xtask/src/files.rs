//! The one way xtask writes generated files: only when their text changed,
//! comparing without regard to line endings, so a checkout that turned LF
//! into CRLF (Git's `autocrlf` on Windows) is not reported stale.

use std::fs;
use std::path::Path;

use codegen::GENERATED_MARKER;

/// Whether a file's first line carries the generated marker.
pub fn is_generated(contents: &str) -> bool {
    contents.lines().next().is_some_and(|line| line.contains(GENERATED_MARKER))
}

/// Whether the text on disk already is `wanted`, whatever its line endings.
pub fn same_text(on_disk: &str, wanted: &str) -> bool {
    on_disk == wanted || on_disk.replace("\r\n", "\n") == wanted.replace("\r\n", "\n")
}

/// Writes `contents` to `path` (creating its directory) unless the file
/// already holds that text; returns whether it wrote.
pub fn write_if_changed(path: &Path, contents: &str) -> Result<bool, String> {
    if fs::read_to_string(path).is_ok_and(|current| same_text(&current, contents)) {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_do_not_make_a_file_stale() {
        assert!(same_text("a\r\nb\r\n", "a\nb\n"));
        assert!(same_text("a\nb\n", "a\nb\n"));
        assert!(!same_text("a\r\nc\r\n", "a\nb\n"));
    }

    #[test]
    fn writes_only_when_the_text_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/file.rs");
        assert!(write_if_changed(&path, "x\n").unwrap());
        assert!(!write_if_changed(&path, "x\n").unwrap());
        fs::write(&path, "x\r\n").unwrap();
        assert!(!write_if_changed(&path, "x\n").unwrap(), "a CRLF copy of the same text is left alone");
        assert!(write_if_changed(&path, "y\n").unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "y\n");
    }
}
