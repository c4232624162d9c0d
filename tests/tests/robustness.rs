//! Robustness: arbitrary JSON and arbitrary bytes through every generated
//! type get the verdict of the reference validator (`jsonschema`), and every
//! accepted value survives a round trip; every spec pattern agrees with an
//! ECMA-262 engine (`regress`) and stays fast on hostile input.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{json, Value};
use tests::instances::{mutations, sample};
use tests::registry::RoundTrip;
use tests::schema_json::{definitions, spec_json, validator};
use tests::APIS;

/// One component schema of a spec: a valid sample and the reference validator.
struct Schema {
    module: &'static str,
    name: String,
    sample: Value,
    reference: jsonschema::Validator,
}

/// Every component schema of the four specs, built once.
fn schemas() -> &'static [Schema] {
    static SCHEMAS: std::sync::OnceLock<Vec<Schema>> = std::sync::OnceLock::new();
    SCHEMAS.get_or_init(build_schemas)
}

fn build_schemas() -> Vec<Schema> {
    let mut all = Vec::new();
    for module in APIS {
        let spec = spec_json(module);
        let definitions = definitions(&spec);
        for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
            all.push(Schema {
                module,
                name: name.clone(),
                sample: sample(&spec, schema, 0).unwrap_or(json!({})),
                reference: validator(schema, &definitions).unwrap(),
            });
        }
    }
    all
}

fn contains_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.iter().any(contains_null),
        Value::Object(map) => map.values().any(contains_null),
        _ => false,
    }
}

fn contains_number_outside_i32(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.as_i64().is_none_or(|n| i32::try_from(n).is_err()),
        Value::Array(items) => items.iter().any(contains_number_outside_i32),
        Value::Object(map) => map.values().any(contains_number_outside_i32),
        _ => false,
    }
}

/// The generated check gives `value` the reference validator's verdict, and
/// a value it accepts survives a round trip. Two differences are expected:
/// a `null` read as an absent optional member (see `differential.rs`), and
/// `format: int32` / `int64`, which OpenAPI defines as a range and JSON
/// Schema treats as a mere annotation (a member held as `i32` refuses
/// -2147483649 that `jsonschema` accepts).
fn verdict_and_round_trip(schema: &Schema, value: &Value) -> Result<(), TestCaseError> {
    let checks = tests::registry::checks(schema.module);
    let ours = (checks.json)(&schema.name, value.clone()).expect("every component has a type");
    let theirs = schema.reference.is_valid(value);
    prop_assert!(
        ours.is_ok() == theirs
            || (ours.is_ok() && contains_null(value))
            || (ours.is_err() && contains_number_outside_i32(value)),
        "{}/{}: generated says {:?}, jsonschema says {} for {}",
        schema.module,
        schema.name,
        ours,
        theirs,
        value
    );
    let trip = (checks.round_trip)(&schema.name, value.clone()).expect("every component has a type");
    prop_assert!(!matches!(trip, RoundTrip::Broken(_)), "{}/{}: {:?}", schema.module, schema.name, trip);
    Ok(())
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "\\PC{0,40}".prop_map(Value::String),
        prop::sample::select(vec!["ACTIVE", "LIVE", "en-US", "+18445527621", "jane.doe@example.com", ""])
            .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Replaces the `index`-th node (pre-order, modulo the node count) of `value`.
fn replace_node(value: &mut Value, index: usize, with: Value) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(map) => map.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(v: &mut Value, target: &mut usize, with: &mut Option<Value>) {
        if *target == 0 {
            if let Some(new) = with.take() {
                *v = new;
            }
            return;
        }
        *target -= 1;
        match v {
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, target, with)),
            Value::Object(map) => map.values_mut().for_each(|item| walk(item, target, with)),
            _ => {}
        }
    }
    let mut target = index % count(value);
    walk(value, &mut target, &mut Some(with));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_json_gets_the_reference_verdict_and_round_trips(value in arbitrary_json()) {
        for schema in schemas() {
            verdict_and_round_trip(schema, &value)?;
        }
    }

    #[test]
    fn samples_with_one_node_replaced_get_the_reference_verdict(index in 0usize..64, with in arbitrary_json()) {
        for schema in schemas() {
            let mut value = schema.sample.clone();
            replace_node(&mut value, index, with.clone());
            verdict_and_round_trip(schema, &value)?;
        }
    }

    /// Raw bytes get the verdict of the JSON they parse to, and are refused
    /// when they are not JSON: truncated and corrupted valid instances too.
    #[test]
    fn bytes_get_the_verdict_of_their_json(bytes in prop::collection::vec(any::<u8>(), 0..200), cut in 0usize..4096) {
        for schema in schemas() {
            let checks = tests::registry::checks(schema.module);
            let mut text = serde_json::to_vec(&schema.sample).unwrap();
            let at = cut % (text.len() + 1);
            let truncated = text[..at].to_vec();
            text.truncate(at);
            text.extend_from_slice(&bytes);
            for input in [&bytes, &truncated, &text] {
                let from_bytes = (checks.bytes)(&schema.name, input).unwrap();
                match serde_json::from_slice::<Value>(input) {
                    Ok(value) => {
                        let from_value = (checks.json)(&schema.name, value).unwrap();
                        prop_assert_eq!(from_bytes.is_ok(), from_value.is_ok(), "{}/{}", schema.module, schema.name);
                    }
                    Err(_) => prop_assert!(from_bytes.is_err(), "{}/{}: not JSON yet accepted", schema.module, schema.name),
                }
            }
        }
    }
}

/// Near misses of every schema's sample (their verdicts against `jsonschema`
/// are in `differential.rs`) get the same verdict from their bytes as from
/// their JSON value.
#[test]
fn near_miss_instances_get_one_verdict_from_bytes_and_values() {
    for module in APIS {
        let spec = spec_json(module);
        let tests::registry::Checks { json: check, bytes: check_bytes, .. } = tests::registry::checks(module);
        for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
            let Some(base) = sample(&spec, schema, 0) else { continue };
            for case in mutations(&spec, schema, &base) {
                let from_value = check(name, case.value.clone()).unwrap().is_ok();
                let from_bytes = check_bytes(name, case.value.to_string().as_bytes()).unwrap().is_ok();
                assert_eq!(from_value, from_bytes, "{module}/{name} {}: {}", case.label, case.value);
            }
        }
    }
}

/// Every `pattern` in the specs with its example, if the schema has one; built once.
fn spec_patterns() -> Vec<(String, Option<String>)> {
    static PATTERNS: std::sync::OnceLock<Vec<(String, Option<String>)>> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(collect_patterns).clone()
}

fn collect_patterns() -> Vec<(String, Option<String>)> {
    fn walk(node: &Value, out: &mut Vec<(String, Option<String>)>) {
        match node {
            Value::Object(map) => {
                if let (Some(Value::String(pattern)), Some("string")) =
                    (map.get("pattern"), map.get("type").and_then(Value::as_str))
                {
                    let example = map.get("example").and_then(Value::as_str).map(str::to_owned);
                    out.push((pattern.clone(), example));
                }
                map.iter().filter(|(k, _)| *k != "example" && *k != "examples").for_each(|(_, v)| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for module in APIS {
        walk(&spec_json(module), &mut out);
    }
    out.sort();
    out.dedup();
    out
}

/// Matches as the generated code does: translated expressions, `regex` engine.
struct Translated {
    must: Vec<regex::Regex>,
    must_not: Vec<regex::Regex>,
}

impl Translated {
    fn new(pattern: &str) -> Self {
        let t = codegen::pattern::translate(pattern).unwrap();
        let compile = |list: &[String]| list.iter().map(|e| regex::Regex::new(e).unwrap()).collect();
        Translated { must: compile(&t.must_match), must_not: compile(&t.must_not_match) }
    }

    fn is_match(&self, text: &str) -> bool {
        self.must.iter().all(|re| re.is_match(text)) && !self.must_not.iter().any(|re| re.is_match(text))
    }
}

fn near_misses(text: &str) -> Vec<String> {
    let mut out = vec![
        text.to_owned(),
        format!("{text}x"),
        format!(" {text}"),
        format!("{text}\n"),
        text.to_uppercase(),
        text.to_lowercase(),
        text.chars().rev().collect(),
        text.replace(|c: char| c.is_ascii_digit(), "٣"),
        text.replace('.', ""),
        text.replace('@', "@@"),
        text.repeat(3),
        String::new(),
    ];
    if !text.is_empty() {
        out.push(text.chars().skip(1).collect());
    }
    out
}

#[test]
fn translated_patterns_agree_with_an_ecma_engine() {
    let mut checked = 0;
    for (pattern, example) in spec_patterns() {
        let ours = Translated::new(&pattern);
        let ecma = regress::Regex::with_flags(&pattern, "u").unwrap_or_else(|e| panic!("{pattern}: {e}"));
        let mut inputs = near_misses(example.as_deref().unwrap_or("abc"));
        inputs.extend(
            ["jöran@exämple.se", "a@b.c", "+46701234567", "2024-01-01T10:00:00Z", "192.168.0.1", "::1"]
                .map(String::from),
        );
        inputs
            .extend(["GB", "SE12 3456", "krn:partner:global:account:live:X", "ÿ", "\u{2028}", "😀"].map(String::from));
        for input in inputs {
            assert_eq!(
                ours.is_match(&input),
                ecma.find(&input).is_some(),
                "pattern {pattern:?} on {input:?}: generated and ECMA-262 disagree"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} inputs checked");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn strings_built_from_a_pattern_get_the_ecma_verdict(seed in any::<u64>()) {
        for (pattern, _) in spec_patterns() {
            let translation = codegen::pattern::translate(&pattern).unwrap();
            let main = translation.must_match.last().unwrap();
            let generator = proptest::string::string_regex(&without_anchors(main)).unwrap();
            let mut runner = proptest::test_runner::TestRunner::new_with_rng(
                ProptestConfig::default(),
                proptest::test_runner::TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &seed_bytes(seed)),
            );
            let input = generator.new_tree(&mut runner).unwrap().current();
            let ecma = regress::Regex::with_flags(&pattern, "u").unwrap();
            prop_assert_eq!(Translated::new(&pattern).is_match(&input), ecma.find(&input).is_some(), "{} on {:?}", pattern, input);
        }
    }
}

/// The expression with `^` and `$` outside classes removed (the string
/// generator does not support anchors; the verdict is taken on the result
/// with the real pattern either way).
fn without_anchors(expression: &str) -> String {
    let mut out = String::new();
    let (mut escaped, mut in_class) = (false, false);
    for c in expression.chars() {
        match c {
            _ if escaped => {
                escaped = false;
                out.push(c);
            }
            '\\' => {
                escaped = true;
                out.push(c);
            }
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            '^' | '$' if !in_class => {}
            _ => out.push(c),
        }
    }
    out
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&(seed.wrapping_add(i as u64)).to_le_bytes());
    }
    bytes
}

/// Hang guard, not a performance claim: inputs built to make backtracking
/// engines explode must finish; 10 s for all of them is far more than a
/// linear-time engine needs (benchmarks live in BENCHMARKS.md).
#[test]
fn hostile_inputs_against_every_pattern_finish() {
    let started = Instant::now();
    let mut checked = 0;
    for (pattern, example) in spec_patterns() {
        let ours = Translated::new(&pattern);
        let seed = example.unwrap_or_else(|| "a".to_owned());
        let hostile = [
            "a".repeat(100_000),
            format!("{}!", "a".repeat(100_000)),
            format!("{}@", "a.".repeat(50_000)),
            format!("{}@{}", "a".repeat(64), "a-".repeat(50_000)),
            format!("\"{}", "\\\"".repeat(40_000)),
            format!("+{}", "1".repeat(100_000)),
            seed.repeat(10_000),
            format!("{}\u{0}", seed.repeat(5_000)),
        ];
        for input in &hostile {
            let _ = ours.is_match(input);
            checked += 1;
        }
        let _ = klarna_generated::identity::Email::new(hostile[3].clone());
    }
    assert!(checked > 30);
    assert!(started.elapsed() < Duration::from_secs(10), "hostile inputs took {:?}", started.elapsed());
}
