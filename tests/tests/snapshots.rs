//! insta snapshots of generator output: the full module for each small
//! fixture spec (one per construct), and a compact digest for each real spec
//! (the full generated files are guarded by the freshness test instead).

use std::path::{Path, PathBuf};

use codegen::{Settings, SpecSource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn fixture(name: &str) -> String {
    let file = format!("tests/fixtures/ok/{name}.yaml");
    let text = read(&file);
    let settings = Settings::default().with_runtime_path("klarna_generated::runtime");
    codegen::generate_module(SpecSource { file: &file, text: &text }, &settings).unwrap_or_else(|e| panic!("{e}"))
}

fn digest(module: &str) -> String {
    let file = format!("specs/{module}.yaml");
    let text = read(&file);
    codegen::generate(SpecSource { file: &file, text: &text }, module, &Settings::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .digest
}

#[test]
fn fixture_enums() {
    insta::assert_snapshot!(fixture("enums"));
}

#[test]
fn fixture_newtypes() {
    insta::assert_snapshot!(fixture("newtypes"));
}

#[test]
fn fixture_unions() {
    insta::assert_snapshot!(fixture("unions"));
}

#[test]
fn fixture_nested_arrays() {
    insta::assert_snapshot!(fixture("arrays"));
}

#[test]
fn fixture_every_constraint_kind() {
    insta::assert_snapshot!(fixture("constraints"));
}

#[test]
fn fixture_callbacks() {
    insta::assert_snapshot!(fixture("callbacks"));
}

#[test]
fn digest_identity() {
    insta::assert_snapshot!(digest("identity"));
}

#[test]
fn digest_customer_token() {
    insta::assert_snapshot!(digest("customer_token"));
}

#[test]
fn digest_management() {
    insta::assert_snapshot!(digest("management"));
}

#[test]
fn digest_messaging() {
    insta::assert_snapshot!(digest("messaging"));
}

#[test]
fn generation_is_deterministic() {
    for module in ["identity", "customer_token", "management", "messaging"] {
        let file = format!("specs/{module}.yaml");
        let text = read(&file);
        let run =
            || codegen::generate(SpecSource { file: &file, text: &text }, module, &Settings::default()).unwrap().files;
        assert_eq!(run(), run(), "{file}: two runs differ");
    }
}
