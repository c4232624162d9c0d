//! Where things are in the workspace.

use std::path::PathBuf;

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Where generated modules live.
pub fn generated_src() -> PathBuf {
    root().join("klarna-generated").join("src")
}

/// The specs, sorted by file name, as (path relative to the root, module name).
pub fn specs() -> Result<Vec<(String, String)>, String> {
    let dir = root().join("specs");
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut specs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "yaml") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                specs.push((format!("specs/{stem}.yaml"), stem.to_owned()));
            }
        }
    }
    specs.sort();
    Ok(specs)
}
