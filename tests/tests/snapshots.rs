//! insta snapshots of a compact digest for each real spec (operations,
//! outcomes, types with their constraints), for review. The generated files
//! themselves, for the specs and the fixture specs, are guarded by the
//! freshness test, which also proves generation deterministic.

use std::path::{Path, PathBuf};

use codegen::{Conventions, Settings, SpecSource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn digest(module: &str) -> String {
    let file = format!("specs/{module}.yaml");
    let text = read(&file);
    // The specs are generated with Klarna's conventions, as `cargo xtask regen` does.
    let settings = Settings::default().with_conventions(Conventions::klarna());
    codegen::generate(SpecSource { file: &file, text: &text }, module, &settings)
        .unwrap_or_else(|e| panic!("{e}"))
        .digest
}

#[test]
fn digests() {
    for module in tests::APIS {
        insta::assert_snapshot!(format!("digest_{module}"), digest(module));
    }
}

/// `tests::APIS` is the list of specs in `specs/`, so no test can miss one.
#[test]
fn the_api_list_is_the_spec_directory() {
    let mut stems: Vec<String> = std::fs::read_dir(root().join("specs"))
        .unwrap()
        .filter_map(|entry| entry.unwrap().file_name().to_string_lossy().strip_suffix(".yaml").map(str::to_owned))
        .collect();
    stems.sort();
    let mut apis: Vec<&str> = tests::APIS.to_vec();
    apis.sort();
    assert_eq!(stems, apis);
}

/// Boxing is decided in one linear pass: schemas that all hold each other,
/// plus one that holds them, generate at once (a depth-first search per
/// member without a visited set took minutes on three such schemas).
#[test]
fn mutually_recursive_schemas_generate_fast() {
    let mut spec = String::from(
        "openapi: 3.0.3\ninfo: {title: Cycles, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        s0: {$ref: '#/components/schemas/S0'}\n",
    );
    let n = 60;
    for i in 0..n {
        spec.push_str(&format!("    S{i}:\n      type: object\n      properties:\n"));
        for (field, target) in [(1, (i + 1) % n), (2, (i + 7) % n), (3, (i * 3) % n)] {
            spec.push_str(&format!("        f{field}: {{$ref: '#/components/schemas/S{target}'}}\n"));
        }
    }
    let fixture = read("tests/fixtures/ok/recursion.yaml");
    for (file, text) in [("cycles.yaml", spec.as_str()), ("tests/fixtures/ok/recursion.yaml", fixture.as_str())] {
        let started = std::time::Instant::now();
        let module = codegen::generate_module(SpecSource { file, text }, &Settings::default()).unwrap().contents;
        let elapsed = started.elapsed();
        assert!(elapsed < std::time::Duration::from_secs(5), "{file}: generation took {elapsed:?}");
        assert!(module.contains("Option<Box<"), "{file}: members in the cycle are boxed");
    }
}
