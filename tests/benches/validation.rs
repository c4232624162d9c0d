//! `validate()` of large request bodies against two peers measured in the
//! same run: the `jsonschema` crate (validator compiled once, same
//! `serde_json::Value`) and serde_json parsing the same bytes into the type.
//! Results and ratios: BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use klarna_generated::runtime::Validate;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tests::instances::sample;
use tests::schema_json::{definitions, spec_json, validator};

/// A valid instance of a component schema with every member set.
fn instance(module: &str, schema: &str) -> (Value, jsonschema::Validator) {
    let spec = spec_json(module);
    let node = &spec["components"]["schemas"][schema];
    let value = sample(&spec, node, 0).expect("schema has a sample");
    let reference = validator(node, &definitions(&spec)).expect("schema compiles");
    (value, reference)
}

fn compare<T: DeserializeOwned + Validate>(
    c: &mut Criterion,
    group: &str,
    value: Value,
    reference: jsonschema::Validator,
) {
    let bytes = serde_json::to_vec(&value).unwrap();
    let typed: T = serde_json::from_slice(&bytes).unwrap();
    assert!(typed.validate().is_ok(), "{group}: the instance must be valid");
    assert!(reference.is_valid(&value), "{group}: jsonschema must accept the instance");
    let mut g = c.benchmark_group(group);
    g.bench_function("generated validate()", |b| b.iter(|| black_box(&typed).validate().is_ok()));
    g.bench_function("jsonschema is_valid", |b| b.iter(|| reference.is_valid(black_box(&value))));
    g.bench_function("serde_json parse into type", |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(&bytes)).unwrap())
    });
    g.finish();
}

fn customer_token_order(c: &mut Criterion) {
    let (mut value, reference) = instance("customer_token", "customer_token_order");
    let line = value["order_lines"][0].clone();
    value["order_lines"] = Value::Array(vec![line; 1000]);
    compare::<klarna_generated::customer_token::CustomerTokenOrder>(c, "order_1000_lines", value, reference);
}

fn management_onboarding(c: &mut Criterion) {
    let (value, reference) = instance("management", "OnboardMerchantRequest");
    compare::<klarna_generated::management::OnboardMerchantRequest>(c, "onboarding_body", value, reference);
}

criterion_group!(benches, customer_token_order, management_onboarding);
criterion_main!(benches);
