//! Where things are in the workspace, and what is generated from what.

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Directories (relative to the root) that hold generated files.
pub const GENERATED_DIRS: &[&str] = &["klarna-generated/src", "tests/src/fixtures", "tests/src/contract"];

/// One spec and what is generated from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An API spec in `specs/`: a module directory of `klarna-generated`.
    Api {
        /// The spec, relative to the root.
        spec: String,
        /// The module name (the file stem).
        module: String,
    },
    /// A fixture spec in `tests/fixtures/ok/` or `tests/fixtures/warnings/`:
    /// one module compiled by the tests crate.
    Fixture {
        /// The spec, relative to the root.
        spec: String,
        /// The module's path below `tests/src/fixtures/`: the file stem, in
        /// `warned/` for the fixtures that give warnings.
        module: String,
    },
}

/// Every generation target under `root`, in a fixed order.
pub fn targets(root: &Path) -> Result<Vec<Target>, String> {
    let mut targets: Vec<Target> = yaml_stems(&root.join("specs"))?
        .into_iter()
        .map(|stem| Target::Api { spec: format!("specs/{stem}.yaml"), module: stem })
        .collect();
    for (dir, module_dir) in [("ok", ""), ("warnings", "warned/")] {
        let fixtures = root.join("tests/fixtures").join(dir);
        if fixtures.is_dir() {
            targets.extend(yaml_stems(&fixtures)?.into_iter().map(|stem| Target::Fixture {
                spec: format!("tests/fixtures/{dir}/{stem}.yaml"),
                module: format!("{module_dir}{stem}"),
            }));
        }
    }
    Ok(targets)
}

fn yaml_stems(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut stems = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "yaml") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                stems.push(stem.to_owned());
            }
        }
    }
    stems.sort();
    Ok(stems)
}
