//! `cargo xtask corpus [DIR]`: the generator on real-world documents.
//!
//! Every document in DIR (default `../shared/corpus`) is generated into a
//! crate; all crates are compiled in one workspace with one shared target
//! (`target/corpus/`), clippy with warnings denied. Documents that must be
//! refused (not UTF-8) must give that error. Each document's result is
//! printed as a table. The command fails on any document that does not give
//! what it should unless it is listed in [`PENDING_LIST`], and on any listed
//! document that now passes, so the list can only shrink.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use codegen::CodegenError;

use crate::files::write_if_changed;
use crate::generate::{self, GeneratedCrate};

/// The corpus directory, relative to the workspace root, when none is given.
pub const DEFAULT_DIR: &str = "../shared/corpus";

/// The checked-in list of documents that do not work yet, relative to the root.
pub const PENDING_LIST: &str = "xtask/corpus-not-yet-supported.txt";

/// Documents whose only correct result is a "not UTF-8" error (the corpus README).
pub const NOT_UTF8: &[&str] = &[
    "klarna-customer-token.yml",
    "klarna-kustom-checkout-callback.yml",
    "klarna-kustom-checkout.yml",
    "klarna-payments.yml",
];

/// How long a compile error excerpt may be in the report, in lines.
const EXCERPT_LINES: usize = 12;

/// What a document must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A crate that compiles clean.
    Crate,
    /// A "not UTF-8" error with offset and line, and nothing written.
    NotUtf8,
}

/// What happened to one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Generated and compiled clean (or refused exactly as expected).
    Pass,
    /// Did not give what it should; the reason in one or more lines.
    Fail(String),
}

/// One document's result.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    /// The file name.
    pub file: String,
    /// What it must give.
    pub expected: Expected,
    /// Generation time in milliseconds.
    pub millis: u128,
    /// Number of warnings (generated documents only).
    pub warnings: Option<usize>,
    /// What happened.
    pub outcome: Outcome,
}

/// How a result compares with the pending list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Works and is not listed.
    Ok,
    /// Fails and is listed as not yet supported.
    Pending,
    /// Fails and is not listed.
    Broken,
    /// Works but is still listed: the list must shrink.
    StaleListing,
    /// Listed but not in the corpus.
    UnknownListing,
}

/// Runs the corpus check for the workspace at `root` on the documents in `dir`.
pub fn run(root: &Path, dir: &Path) -> Result<(), String> {
    let pending = read_pending(&root.join(PENDING_LIST))?;
    let documents = documents(dir)?;
    let work = root.join("target/corpus");
    let mut results = Vec::new();
    let mut crates = Vec::new();
    let mut all_warnings = String::new();
    for path in &documents {
        let file = file_name(path);
        let expected = if NOT_UTF8.contains(&file.as_str()) { Expected::NotUtf8 } else { Expected::Crate };
        let runtime = generate::relative_path(&work.join("crates/x"), &root.join("klarna-generated"));
        let started = Instant::now();
        let generated = fs::read(path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .map(|bytes| generate::generate_crate(&generate::crate_name(path), &file, &bytes, &runtime));
        let millis = started.elapsed().as_millis();
        let (outcome, warnings) = match (generated, expected) {
            (Err(io), _) => (Outcome::Fail(io), None),
            (Ok(Ok(generated)), Expected::Crate) => {
                for warning in &generated.warnings {
                    all_warnings.push_str(&format!("{warning}\n"));
                }
                let count = generated.warnings.len();
                crates.push((file.clone(), generated));
                // Decided once the workspace is compiled.
                (Outcome::Pass, Some(count))
            }
            (Ok(Ok(_)), Expected::NotUtf8) => {
                (Outcome::Fail("generated, but the file is not UTF-8 and must be refused".into()), None)
            }
            (Ok(Err(error @ CodegenError::NotUtf8 { .. })), Expected::NotUtf8) => {
                let message = error.to_string();
                if message.contains("offset") {
                    (Outcome::Pass, None)
                } else {
                    (Outcome::Fail(format!("the error lacks the byte offset: {message}")), None)
                }
            }
            (Ok(Err(error)), _) => (Outcome::Fail(error.to_string()), None),
        };
        results.push(DocumentResult { file, expected, millis, warnings, outcome });
    }
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    fs::write(work.join("warnings.txt"), &all_warnings).map_err(|e| format!("{}: {e}", work.display()))?;
    if !crates.is_empty() {
        write_workspace(root, &work, &crates)?;
        let failures = compile(&work, &crates)?;
        for result in &mut results {
            if let Some(reason) = failures.get(&result.file) {
                result.outcome = Outcome::Fail(reason.clone());
            }
        }
    }
    let verdicts = judge(&results, &pending);
    print_table(&results, &verdicts);
    println!("all warnings: {}", work.join("warnings.txt").display());
    let problems: Vec<String> = verdicts
        .iter()
        .filter_map(|(file, verdict)| match verdict {
            Verdict::Ok | Verdict::Pending => None,
            Verdict::Broken => Some(format!("{file}: fails and is not listed in {PENDING_LIST}")),
            Verdict::StaleListing => Some(format!("{file}: works now; remove it from {PENDING_LIST}")),
            Verdict::UnknownListing => Some(format!("{file}: listed in {PENDING_LIST} but not in {}", dir.display())),
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("corpus check failed:\n  {}", problems.join("\n  ")))
    }
}

/// Compares each result with the pending list; listed names not in the
/// corpus come last.
pub fn judge(results: &[DocumentResult], pending: &BTreeSet<String>) -> Vec<(String, Verdict)> {
    let mut verdicts: Vec<(String, Verdict)> = results
        .iter()
        .map(|result| {
            let listed = pending.contains(&result.file);
            let verdict = match (&result.outcome, listed) {
                (Outcome::Pass, false) => Verdict::Ok,
                (Outcome::Pass, true) => Verdict::StaleListing,
                (Outcome::Fail(_), true) => Verdict::Pending,
                (Outcome::Fail(_), false) => Verdict::Broken,
            };
            (result.file.clone(), verdict)
        })
        .collect();
    let known: BTreeSet<&str> = results.iter().map(|r| r.file.as_str()).collect();
    verdicts.extend(
        pending
            .iter()
            .filter(|name| !known.contains(name.as_str()))
            .map(|name| (name.clone(), Verdict::UnknownListing)),
    );
    verdicts
}

/// The names in the pending list: one file name per line; `#` starts a comment.
pub fn parse_pending(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

fn read_pending(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(parse_pending(&text))
}

/// The OpenAPI documents in `dir` (`.yml`, `.yaml`, `.json`), sorted by name.
fn documents(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read the corpus {}: {e}", dir.display()))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yml" || ext == "yaml" || ext == "json"))
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(format!("no OpenAPI documents in {}", dir.display()));
    }
    Ok(found)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Writes the workspace: one member crate per generated document, the root
/// `Cargo.lock` so versions match the project's, and nothing else.
fn write_workspace(root: &Path, work: &Path, crates: &[(String, GeneratedCrate)]) -> Result<(), String> {
    let members: Vec<String> = crates.iter().map(|(_, c)| format!("    \"crates/{}\",", c.name)).collect();
    let manifest = format!(
        "# Written by cargo xtask corpus: every corpus document that generates, compiled together.\n\
         [workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n",
        members.join("\n")
    );
    write_if_changed(&work.join("Cargo.toml"), &manifest)?;
    let lock = fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    write_if_changed(&work.join("Cargo.lock"), &lock)?;
    let crates_dir = work.join("crates");
    let wanted: BTreeSet<&str> = crates.iter().map(|(_, c)| c.name.as_str()).collect();
    if let Ok(entries) = fs::read_dir(&crates_dir) {
        for entry in entries.flatten() {
            if !wanted.contains(entry.file_name().to_string_lossy().as_ref()) {
                fs::remove_dir_all(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?;
            }
        }
    }
    for (_, generated) in crates {
        generate::write_crate(&crates_dir.join(&generated.name), generated)?;
    }
    Ok(())
}

/// Runs clippy (warnings denied) over the whole workspace once and returns,
/// per document, why its crate failed. A crate passes only when its library
/// was checked and no error was reported for it.
fn compile(work: &Path, crates: &[(String, GeneratedCrate)]) -> Result<BTreeMap<String, String>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    println!("==> cargo clippy --workspace (corpus workspace {})", work.display());
    let mut child = Command::new(&cargo)
        .args(["clippy", "--workspace", "--keep-going", "--message-format=json", "--", "-D", "warnings"])
        .env("CARGO_TARGET_DIR", work.join("target"))
        .current_dir(work)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo clippy: {e}"))?;
    let crates_dir = work.join("crates");
    let owner = |src_path: &str| -> Option<String> {
        let relative = Path::new(src_path).strip_prefix(&crates_dir).ok()?;
        let name = relative.components().next()?.as_os_str().to_string_lossy().into_owned();
        crates.iter().find(|(_, c)| c.name == name).map(|(file, _)| file.clone())
    };
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut checked: BTreeSet<String> = BTreeSet::new();
    let stdout = child.stdout.take().ok_or("no cargo output")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading cargo output: {e}"))?;
        let Ok(message) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let Some(file) = message.pointer("/target/src_path").and_then(|p| p.as_str()).and_then(owner) else {
            continue;
        };
        match message.get("reason").and_then(|r| r.as_str()) {
            Some("compiler-artifact") => {
                checked.insert(file);
            }
            Some("compiler-message") if message.pointer("/message/level").and_then(|l| l.as_str()) == Some("error") => {
                let rendered = message.pointer("/message/rendered").and_then(|r| r.as_str()).unwrap_or_default();
                errors.entry(file).or_default().push(rendered.to_owned());
            }
            _ => {}
        }
    }
    child.wait().map_err(|e| format!("cargo clippy: {e}"))?;
    let mut failures = BTreeMap::new();
    for (file, _) in crates {
        let reason = match errors.get(file) {
            Some(messages) => {
                let real: Vec<&String> = messages.iter().filter(|m| !m.starts_with("error: aborting")).collect();
                let excerpt: Vec<&str> =
                    real.first().map(|m| m.lines().take(EXCERPT_LINES).collect()).unwrap_or_default();
                let headline = excerpt.first().copied().unwrap_or_default();
                Some(format!("does not compile clean ({} errors): {headline}\n{}", real.len(), excerpt.join("\n")))
            }
            None if !checked.contains(file) => Some("was not compiled (a dependency failed?)".to_owned()),
            None => None,
        };
        if let Some(reason) = reason {
            failures.insert(file.clone(), reason);
        }
    }
    Ok(failures)
}

fn print_table(results: &[DocumentResult], verdicts: &[(String, Verdict)]) {
    let verdict_of = |file: &str| verdicts.iter().find(|(f, _)| f == file).map(|(_, v)| v.clone());
    println!();
    println!("| document | expected | generation ms | warnings | result |");
    println!("|---|---|---:|---:|---|");
    for result in results {
        let expected = match result.expected {
            Expected::Crate => "crate",
            Expected::NotUtf8 => "not-UTF-8 error",
        };
        let warnings = result.warnings.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
        let shown = match (&result.outcome, verdict_of(&result.file)) {
            (Outcome::Pass, Some(Verdict::StaleListing)) => "PASS but still listed as not supported".to_owned(),
            (Outcome::Pass, _) => "pass".to_owned(),
            (Outcome::Fail(reason), Some(Verdict::Pending)) => format!("not yet: {}", first_line(reason)),
            (Outcome::Fail(reason), _) => format!("FAIL: {}", first_line(reason)),
        };
        println!("| {} | {expected} | {} | {warnings} | {shown} |", result.file, result.millis);
    }
    for (file, verdict) in verdicts {
        if *verdict == Verdict::UnknownListing {
            println!("| {file} | - | - | - | FAIL: listed but missing from the corpus |");
        }
    }
    for result in results {
        if let (Outcome::Fail(reason), Some(Verdict::Broken)) = (&result.outcome, verdict_of(&result.file)) {
            println!("\n{}:\n{reason}", result.file);
        }
    }
    println!();
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut shown: String = line.chars().take(160).collect();
    if shown.len() < line.len() {
        shown.push('…');
    }
    shown.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(file: &str, outcome: Outcome) -> DocumentResult {
        DocumentResult { file: file.into(), expected: Expected::Crate, millis: 0, warnings: Some(0), outcome }
    }

    #[test]
    fn the_pending_list_can_only_shrink() {
        let pending = parse_pending("# comment\nb.yaml  # why\n\nc.yaml\nd.yaml\n");
        let results = [
            result("a.yaml", Outcome::Pass),
            result("b.yaml", Outcome::Fail("x".into())),
            result("c.yaml", Outcome::Pass),
            result("e.yaml", Outcome::Fail("y".into())),
        ];
        let verdicts = judge(&results, &pending);
        assert_eq!(
            verdicts,
            vec![
                ("a.yaml".to_owned(), Verdict::Ok),
                ("b.yaml".to_owned(), Verdict::Pending),
                ("c.yaml".to_owned(), Verdict::StaleListing),
                ("e.yaml".to_owned(), Verdict::Broken),
                ("d.yaml".to_owned(), Verdict::UnknownListing),
            ]
        );
    }
}
