//! Robustness: arbitrary JSON and arbitrary bytes through deserialization and
//! `validate()` of every generated type never panic; every spec pattern
//! agrees with an ECMA-262 engine (`regress`) and stays fast on hostile input.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{json, Value};
use tests::instances::{mutations, sample};
use tests::schema_json::{spec_json, MODULES};

/// Every (module, schema, sample) of the four specs, built once.
fn samples() -> &'static [(&'static str, String, Value)] {
    static SAMPLES: std::sync::OnceLock<Vec<(&'static str, String, Value)>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(build_samples)
}

fn build_samples() -> Vec<(&'static str, String, Value)> {
    let mut all = Vec::new();
    for module in MODULES {
        let spec = spec_json(module);
        for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
            let base = sample(&spec, schema, 0).unwrap_or(json!({}));
            all.push((*module, name.clone(), base));
        }
    }
    all
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
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        for module in MODULES {
            let checks = tests::registry::checks(module);
            for name in checks.schemas {
                prop_assert!((checks.json)(name, value.clone()).is_some());
            }
        }
    }

    #[test]
    fn samples_with_one_node_replaced_never_panic(index in 0usize..64, with in arbitrary_json()) {
        for (module, name, base) in samples() {
            let check = tests::registry::checks(module).json;
            let mut value = base.clone();
            replace_node(&mut value, index, with.clone());
            prop_assert!(check(name, value).is_some());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200), cut in 0usize..4096) {
        for (module, name, base) in samples() {
            let check_bytes = tests::registry::checks(module).bytes;
            prop_assert!(check_bytes(name, &bytes).is_some());
            // Truncated and corrupted JSON of a valid instance.
            let mut text = serde_json::to_vec(base).unwrap();
            let at = cut % (text.len() + 1);
            text.truncate(at);
            prop_assert!(check_bytes(name, &text).is_some());
            text.extend_from_slice(&bytes);
            prop_assert!(check_bytes(name, &text).is_some());
        }
    }
}

#[test]
fn near_miss_instances_never_panic() {
    for module in MODULES {
        let spec = spec_json(module);
        let tests::registry::Checks { json: check, bytes: check_bytes, .. } = tests::registry::checks(module);
        for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
            let Some(base) = sample(&spec, schema, 0) else { continue };
            for case in mutations(&spec, schema, &base) {
                assert!(check(name, case.value.clone()).is_some());
                assert!(check_bytes(name, case.value.to_string().as_bytes()).is_some());
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
    for module in MODULES {
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
