//! `cargo xtask generate SPEC --out DIR`: a complete crate for any OpenAPI
//! 3.0 document, depending on the runtime of `klarna-generated` by path.
//!
//! Everything is generated in memory first; on an error nothing is written.
//! Only files that carry the `@generated` marker are overwritten or removed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use codegen::{CodegenError, Settings, SpecSource, Warning, GENERATED_MARKER};

use crate::files::{is_generated, same_text, write_if_changed};
use crate::regen::print_warnings;

/// A crate generated in memory.
#[derive(Debug, Clone)]
pub struct GeneratedCrate {
    /// The package name (`petstore-expanded`).
    pub name: String,
    /// The API module inside it (`petstore_expanded`).
    pub module: String,
    /// Path relative to the crate directory -> contents.
    pub files: BTreeMap<String, String>,
    /// What was odd but usable in the spec.
    pub warnings: Vec<Warning>,
}

/// The package name for a spec file: its stem, lower case, with every
/// character other than a letter or digit turned into `-`.
pub fn crate_name(spec: &Path) -> String {
    let stem = spec.file_stem().and_then(|s| s.to_str()).unwrap_or("api");
    let name: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let name = name.trim_matches('-').to_owned();
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name
    } else {
        format!("api-{name}")
    }
}

/// Generates the crate `name` for the spec `file` (as named in messages and
/// headers) from its bytes. `runtime_dir` is the path of `klarna-generated`
/// as the crate's `Cargo.toml` should name it.
pub fn generate_crate(name: &str, file: &str, bytes: &[u8], runtime_dir: &str) -> Result<GeneratedCrate, CodegenError> {
    let source = SpecSource::from_bytes(file, bytes)?;
    let module = module_name(name);
    let settings = Settings::default().with_runtime_path("klarna_generated::runtime");
    let generated = codegen::generate(source, &module, &settings)?;
    let mut files: BTreeMap<String, String> =
        generated.files.into_iter().map(|f| (format!("src/{}", f.path), f.contents)).collect();
    files.insert("Cargo.toml".to_owned(), manifest(name, file, runtime_dir));
    files.insert("src/lib.rs".to_owned(), lib_rs(file, &module));
    Ok(GeneratedCrate { name: name.to_owned(), module, files, warnings: generated.warnings })
}

/// `cargo xtask generate SPEC --out DIR` for the workspace at `root`.
pub fn run(root: &Path, spec: &str, out: &Path) -> Result<(), String> {
    let bytes = fs::read(spec).map_err(|e| format!("{spec}: {e}"))?;
    let name = crate_name(Path::new(spec));
    let runtime = relative_path(&absolute(out)?, &absolute(&root.join("klarna-generated"))?);
    let generated = generate_crate(&name, spec, &bytes, &runtime).map_err(|e| e.to_string())?;
    print_warnings(&generated.warnings);
    write_crate(out, &generated)?;
    let warnings = match generated.warnings.len() {
        0 => String::new(),
        n => format!(" ({n} warnings)"),
    };
    println!("wrote crate {} (module {}) to {}{warnings}", generated.name, generated.module, out.display());
    Ok(())
}

/// Writes the files of `generated` below `dir` that changed and removes
/// generated files below `dir/src` that are no longer generated. Refuses,
/// before writing anything, to overwrite a file without the marker.
pub fn write_crate(dir: &Path, generated: &GeneratedCrate) -> Result<(), String> {
    let mut changed = Vec::new();
    for (relative, contents) in &generated.files {
        let path = dir.join(relative);
        match fs::read_to_string(&path) {
            Ok(current) if same_text(&current, contents) => {}
            Ok(current) if !is_generated(&current) => {
                return Err(format!(
                    "{} exists and has no {GENERATED_MARKER} header; refusing to overwrite it",
                    path.display()
                ))
            }
            _ => changed.push((path, contents)),
        }
    }
    for (path, contents) in changed {
        write_if_changed(&path, contents)?;
    }
    for path in files_below(&dir.join("src")) {
        let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if !generated.files.contains_key(&relative) && fs::read_to_string(&path).is_ok_and(|c| is_generated(&c)) {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The module name for a package name: `petstore-expanded` -> `petstore_expanded`.
fn module_name(crate_name: &str) -> String {
    let name = codegen::naming::value_name(crate_name);
    match name.strip_prefix("r#") {
        Some(keyword) => format!("{keyword}_api"),
        None if name.ends_with('_') => format!("{name}api"),
        None => name,
    }
}

fn manifest(name: &str, file: &str, runtime_dir: &str) -> String {
    format!(
        "# {GENERATED_MARKER} by cargo xtask generate from {file}. Do not edit.
[package]
name = \"{name}\"
version = \"0.1.0\"
description = \"Typed models, validators and an async client generated from {file}.\"
edition = \"2021\"
publish = false

[dependencies]
klarna-generated = {{ path = \"{runtime_dir}\", default-features = false, features = [\"client\"] }}
serde = {{ version = \"1\", features = [\"derive\"] }}
serde_json = \"1\"
"
    )
}

fn lib_rs(file: &str, module: &str) -> String {
    format!(
        "// {GENERATED_MARKER} by cargo xtask generate from {file}. Do not edit.
//! Typed models, validators and an async client generated from `{file}`
//! by `cargo xtask generate`; the API is in [`{module}`].
#![deny(missing_docs)]

pub use klarna_generated::runtime;

#[rustfmt::skip] // generated: formatted by prettyplease
pub mod {module};
"
    )
}

/// `path` made absolute against the current directory, with `.` and `..`
/// resolved lexically (the directory need not exist yet).
fn absolute(path: &Path) -> Result<PathBuf, String> {
    let joined = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?.join(path);
    let mut result = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                result.pop();
            }
            Component::CurDir => {}
            other => result.push(other),
        }
    }
    Ok(result)
}

/// The path from the directory `from` to `to`, both absolute, with `/`.
pub fn relative_path(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(to[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let Ok(entries) = fs::read_dir(&current) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_file_stem() {
        assert_eq!(crate_name(Path::new("x/petstore-expanded.yaml")), "petstore-expanded");
        assert_eq!(crate_name(Path::new("Oxide Nexus.json")), "oxide-nexus");
        assert_eq!(crate_name(Path::new("3d.json")), "api-3d");
        assert_eq!(module_name("petstore-expanded"), "petstore_expanded");
        assert_eq!(module_name("type"), "type_api");
        assert_eq!(module_name("self"), "self_api");
    }

    #[test]
    fn relative_paths_climb_then_descend() {
        assert_eq!(
            relative_path(Path::new("/w/target/corpus/crates/a"), Path::new("/w/klarna-generated")),
            "../../../../klarna-generated"
        );
        assert_eq!(relative_path(Path::new("/w"), Path::new("/w/klarna-generated")), "klarna-generated");
    }
}
