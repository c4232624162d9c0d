//! Regenerating and checking the generated code.
//!
//! Every spec is generated in memory first; if any fails, nothing is
//! written. Only files that carry the `@generated` marker are written or
//! removed, and only when their content changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use codegen::{Conventions, Settings, SpecSource, GENERATED_MARKER};

pub use crate::files::is_generated;
use crate::files::{same_text, write_if_changed};
use crate::workspace::{self, Target};

/// Write the files, or only compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write what changed.
    Write,
    /// Change nothing; fail when anything is stale.
    Check,
}

/// Runs `regen` or `regen --check` for the workspace at `root`.
pub fn regen(root: &Path, mode: Mode) -> Result<(), String> {
    let wanted = expected_files(root)?;
    let mut stale = Vec::new();
    for (relative, contents) in &wanted {
        let path = root.join(relative);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref().is_some_and(|current| same_text(current, contents)) {
            continue;
        }
        if let Some(current) = &current {
            if !is_generated(current) {
                return Err(format!(
                    "{relative} exists and has no {GENERATED_MARKER} header; refusing to overwrite a hand-written file"
                ));
            }
        }
        stale.push((relative.clone(), Some(contents)));
    }
    for dir in workspace::GENERATED_DIRS {
        for path in generated_files(&root.join(dir)) {
            let relative = display(root, &path);
            if !wanted.contains_key(&relative) {
                stale.push((relative, None));
            }
        }
    }
    if stale.is_empty() {
        if mode == Mode::Write {
            println!("generated code is up to date ({} files)", wanted.len());
        }
        return Ok(());
    }
    if mode == Mode::Check {
        let list: Vec<String> = stale
            .iter()
            .map(|(relative, contents)| {
                let what = if contents.is_none() { "no longer generated" } else { "stale" };
                format!("  {relative} ({what})")
            })
            .collect();
        return Err(format!("generated code is out of date:\n{}\nrun `cargo xtask regen` to fix it", list.join("\n")));
    }
    for (relative, contents) in &stale {
        let path = root.join(relative);
        match contents {
            Some(contents) => {
                write_if_changed(&path, contents)?;
                println!("wrote {relative}");
            }
            None => {
                fs::remove_file(&path).map_err(|e| format!("{relative}: {e}"))?;
                println!("removed {relative}");
            }
        }
    }
    Ok(())
}

/// Generates every target in memory: path relative to `root` -> contents.
/// Fails, listing every spec that failed, without writing anything.
pub fn expected_files(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    let mut errors = Vec::new();
    for target in workspace::targets(root)? {
        let result = match &target {
            Target::Api { spec, module } => read(root, spec).and_then(|bytes| api_files(spec, module, &bytes)),
            Target::Fixture { spec, module } => read(root, spec).and_then(|bytes| {
                let settings = Settings::default().with_runtime_path("klarna_generated::runtime");
                SpecSource::from_bytes(spec, &bytes)
                    .and_then(|source| codegen::generate_module(source, &settings))
                    .map_err(|e| e.to_string())
                    .map(|generated| {
                        // The warnings of `tests/fixtures/warnings/` are what they are for.
                        if !module.starts_with("warned/") {
                            print_warnings(&generated.warnings);
                        }
                        vec![(format!("tests/src/fixtures/{module}.rs"), generated.contents)]
                    })
            }),
        };
        match result {
            Ok(generated) => files.extend(generated),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(format!("regen failed; no file was changed:\n{}", errors.join("\n")))
    }
}

/// The module of `klarna-generated` for one API spec, and its contract calls in `tests`.
fn api_files(spec: &str, module: &str, bytes: &[u8]) -> Result<Vec<(String, String)>, String> {
    let source = SpecSource::from_bytes(spec, bytes).map_err(|e| e.to_string())?;
    let generated = codegen::generate(
        source,
        module,
        &Settings::default()
            .with_client_feature("client")
            .with_doc_crate("klarna_generated")
            .with_conventions(Conventions::klarna()),
    )
    .map_err(|e| e.to_string())?;
    print_warnings(&generated.warnings);
    let mut files: Vec<(String, String)> =
        generated.files.into_iter().map(|f| (format!("klarna-generated/src/{}", f.path), f.contents)).collect();
    let test_settings =
        Settings::default().with_runtime_path("klarna_generated::runtime").with_conventions(Conventions::klarna());
    let contract = codegen::generate_contract_calls(source, &format!("klarna_generated::{module}"), &test_settings)
        .map_err(|e| e.to_string())?;
    files.push((format!("tests/src/contract/{module}.rs"), contract));
    Ok(files)
}

fn read(root: &Path, spec: &str) -> Result<Vec<u8>, String> {
    fs::read(root.join(spec)).map_err(|e| format!("{spec}: {e}"))
}

/// Prints each warning on its own line to stderr.
pub fn print_warnings(warnings: &[codegen::Warning]) {
    for warning in warnings {
        eprintln!("{warning}");
    }
}

/// Every file below `dir` whose first line carries the marker.
fn generated_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            found.extend(generated_files(&path));
        } else if fs::read_to_string(&path).is_ok_and(|c| is_generated(&c)) {
            found.push(path);
        }
    }
    found
}

fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
