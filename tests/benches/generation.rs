//! Generation time of the codegen library (load, model, emit, format; no
//! compilation), per spec and for all four. Results: BENCHMARKS.md.

use std::hint::black_box;

use codegen::{Settings, SpecSource};
use criterion::{criterion_group, criterion_main, Criterion};

fn specs() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    tests::APIS
        .iter()
        .map(|module| {
            let file = format!("specs/{module}.yaml");
            (module.to_string(), std::fs::read_to_string(root.join(&file)).unwrap())
        })
        .collect()
}

fn generation(c: &mut Criterion) {
    let specs = specs();
    let settings = Settings::default().with_client_feature("client");
    let mut group = c.benchmark_group("generate");
    for (module, text) in &specs {
        let file = format!("specs/{module}.yaml");
        group.bench_function(module.as_str(), |b| {
            b.iter(|| codegen::generate(SpecSource { file: &file, text: black_box(text) }, module, &settings).unwrap())
        });
    }
    group.bench_function("all four", |b| {
        b.iter(|| {
            for (module, text) in &specs {
                let file = format!("specs/{module}.yaml");
                codegen::generate(SpecSource { file: &file, text: black_box(text) }, module, &settings).unwrap();
            }
        })
    });
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
