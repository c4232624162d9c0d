//! Malformed specs stop generation with the file, the location and the
//! reason, and `regen` then leaves every generated file as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use codegen::{Settings, SpecSource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn generate_broken(file: &str, text: &str) -> String {
    match codegen::generate(SpecSource { file, text }, "broken", &Settings::default()) {
        Ok(_) => panic!("{file} generated without error"),
        Err(error) => error.to_string(),
    }
}

/// The value of the `# <key>: value` comment line of a fixture.
fn expectation<'a>(file: &str, text: &'a str, key: &str) -> &'a str {
    let prefix = format!("# {key}: ");
    text.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{file} has no `{prefix}` line saying what error it must give"))
}

/// Every spec in `tests/fixtures/broken/` stops generation with an error
/// that names the file and the place (`# expect-location:`) and says why
/// (`# expect-reason:`); a new fixture is covered by adding the file.
#[test]
fn each_broken_spec_names_file_location_and_reason() {
    let dir = root().join("tests/fixtures/broken");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no broken fixtures in {}", dir.display());
    for name in names {
        let file = format!("tests/fixtures/broken/{name}");
        let text = fs::read_to_string(dir.join(&name)).unwrap();
        let location = format!("{file}{}", expectation(&file, &text, "expect-location"));
        let reason = expectation(&file, &text, "expect-reason");
        let message = generate_broken(&file, &text);
        assert!(message.starts_with(&location), "{file}: {message:?} should start with {location:?}");
        assert!(message.contains(reason), "{file}: {message:?} should contain {reason:?}");
    }
}

fn snapshot_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn copy_tree(from: &Path, to: &Path) {
    for (relative, contents) in snapshot_tree(from) {
        let target = to.join(relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, contents).unwrap();
    }
}

/// A copy of the specs and the generated crate sources in a temporary directory.
fn temp_workspace() -> tempfile::TempDir {
    let workspace = tempfile::tempdir().unwrap();
    copy_tree(&root().join("specs"), &workspace.path().join("specs"));
    copy_tree(&root().join("klarna-generated/src"), &workspace.path().join("klarna-generated/src"));
    workspace
}

#[test]
fn regen_with_a_broken_spec_fails_and_changes_nothing() {
    let workspace = temp_workspace();
    let tmp = workspace.path();
    // Make one good spec produce different output, and add one broken spec:
    // neither change may reach the disk.
    let identity = tmp.join("specs/identity.yaml");
    let text = fs::read_to_string(&identity).unwrap().replacen("Identity", "Identity (edited)", 1);
    fs::write(&identity, text).unwrap();
    fs::copy(root().join("tests/fixtures/broken/unresolved_ref.yaml"), tmp.join("specs/zz_broken.yaml")).unwrap();
    let before = snapshot_tree(tmp);

    let error = xtask::regen::regen(tmp, xtask::regen::Mode::Write).unwrap_err();

    assert!(error.contains("no file was changed"), "{error}");
    assert!(error.contains("specs/zz_broken.yaml#/components/schemas/A/properties/b"), "{error}");
    assert_eq!(snapshot_tree(tmp), before, "regen changed files although a spec was broken");

    // Without the broken spec the same regen writes the edited module.
    fs::remove_file(tmp.join("specs/zz_broken.yaml")).unwrap();
    xtask::regen::regen(tmp, xtask::regen::Mode::Write).unwrap();
    let written = fs::read_to_string(tmp.join("klarna-generated/src/identity/mod.rs")).unwrap();
    assert!(written.contains("Identity (edited)"), "regen did not write the edited module");
    xtask::regen::regen(tmp, xtask::regen::Mode::Check).unwrap();
}

#[test]
fn regen_refuses_to_overwrite_a_hand_written_file() {
    let workspace = temp_workspace();
    let tmp = workspace.path();
    let target = tmp.join("klarna-generated/src/identity/types.rs");
    fs::write(&target, "// hand-written\n").unwrap();
    let error = xtask::regen::regen(tmp, xtask::regen::Mode::Write).unwrap_err();
    assert!(error.contains("refusing to overwrite"), "{error}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "// hand-written\n");
}

#[test]
fn check_lists_stale_files_and_the_fix() {
    let workspace = temp_workspace();
    let tmp = workspace.path();
    let target = tmp.join("klarna-generated/src/messaging/types.rs");
    let stale = fs::read_to_string(&target).unwrap() + "// drift\n";
    fs::write(&target, &stale).unwrap();
    let error = xtask::regen::regen(tmp, xtask::regen::Mode::Check).unwrap_err();
    assert!(error.contains("klarna-generated/src/messaging/types.rs (stale)"), "{error}");
    assert!(error.contains("run `cargo xtask regen`"), "{error}");
    assert_eq!(fs::read_to_string(&target).unwrap(), stale, "--check must not write");
}
