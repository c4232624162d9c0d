//! Checks on the curated specs themselves: they parse, references resolve,
//! operationIds are unique, counts match the source documents, every pattern
//! compiles in the engine the generated code uses, and every example and
//! default is valid against its own schema, checked by two real validators:
//! the `jsonschema` crate and the generated validators.

use std::path::PathBuf;

use serde_json::{json, Map, Value};

/// (module, operations, callbacks) per source document.
const SPECS: &[(&str, usize, usize)] =
    &[("identity", 3, 1), ("customer_token", 3, 0), ("management", 34, 6), ("messaging", 8, 0)];

fn spec_path(module: &str) -> (String, PathBuf) {
    let file = format!("specs/{module}.yaml");
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(&file);
    (file, path)
}

fn spec_text(module: &str) -> (String, String) {
    let (file, path) = spec_path(module);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (file, text)
}

use tests::schema_json::spec_json;

#[test]
fn every_spec_parses_resolves_and_has_unique_operation_ids() {
    for (module, _, _) in SPECS {
        let (file, text) = spec_text(module);
        let typed: openapiv3::OpenAPI = serde_yaml::from_str(&text).expect("parses into openapiv3::OpenAPI");
        assert!(typed.openapi.starts_with("3.0."), "{file}: {}", typed.openapi);
        // load() checks that every $ref resolves and operationIds are unique.
        codegen::load::load(codegen::SpecSource { file: &file, text: &text }).unwrap_or_else(|e| panic!("{e}"));
        let mut ids: Vec<&str> = typed.operations().filter_map(|(_, _, op)| op.operation_id.as_deref()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{file}: duplicate operationIds");
    }
}

#[test]
fn operation_and_callback_counts_match_the_documents() {
    let mut total = 0;
    for (module, operations, callbacks) in SPECS {
        let (file, text) = spec_text(module);
        let typed: openapiv3::OpenAPI = serde_yaml::from_str(&text).unwrap();
        let ops: Vec<_> = typed.operations().collect();
        let callback_count: usize = ops
            .iter()
            .flat_map(|(_, _, op)| op.callbacks.values())
            .flat_map(|callback| callback.values())
            .map(|item| item.iter().count())
            .sum();
        assert_eq!(ops.len(), *operations, "{file}: operations");
        assert_eq!(callback_count, *callbacks, "{file}: callbacks");
        total += ops.len();
    }
    assert_eq!(total, 48);
}

/// Every `pattern` in the document, with the pointer of its schema.
fn patterns(node: &Value, at: &str, out: &mut Vec<(String, String, Option<Value>)>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(pattern)) = map.get("pattern") {
                if map.get("type") == Some(&json!("string")) {
                    out.push((at.to_owned(), pattern.clone(), map.get("example").cloned()));
                }
            }
            for (key, child) in map {
                if key != "example" && key != "examples" {
                    patterns(child, &format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                patterns(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_pattern_compiles_and_accepts_its_example() {
    let mut checked = 0;
    for (module, _, _) in SPECS {
        let mut found = Vec::new();
        patterns(&spec_json(module), "", &mut found);
        for (at, pattern, example) in found {
            let translated = codegen::pattern::translate(&pattern)
                .unwrap_or_else(|e| panic!("{module}#{at}: pattern {pattern:?} cannot be honoured: {e}"));
            if let Some(Value::String(example)) = example {
                let matches = translated.must_match.iter().all(|re| regex::Regex::new(re).unwrap().is_match(&example))
                    && !translated.must_not_match.iter().any(|re| regex::Regex::new(re).unwrap().is_match(&example));
                assert!(matches, "{module}#{at}: example {example:?} does not match {pattern:?}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} patterns found");
}

/// Where an example sits, the example, and the schema it must satisfy.
struct ExampleCase {
    at: String,
    value: Value,
    schema: Value,
}

fn is_schema(map: &Map<String, Value>) -> bool {
    ["type", "$ref", "properties", "items", "allOf", "anyOf", "oneOf", "enum"].iter().any(|k| map.contains_key(*k))
}

fn collect_examples(node: &Value, at: &str, in_properties: bool, out: &mut Vec<ExampleCase>) {
    let Value::Object(map) = node else {
        if let Value::Array(items) = node {
            for (i, item) in items.iter().enumerate() {
                collect_examples(item, &format!("{at}/{i}"), false, out);
            }
        }
        return;
    };
    if !in_properties {
        if is_schema(map) {
            for key in ["example", "default"] {
                if let Some(value) = map.get(key) {
                    out.push(ExampleCase { at: format!("{at}/{key}"), value: value.clone(), schema: node.clone() });
                }
            }
        } else if let Some(schema) = map.get("schema") {
            if let Some(value) = map.get("example") {
                out.push(ExampleCase { at: format!("{at}/example"), value: value.clone(), schema: schema.clone() });
            }
            if let Some(Value::Object(examples)) = map.get("examples") {
                for (name, example) in examples {
                    if let Some(value) = example.get("value") {
                        out.push(ExampleCase {
                            at: format!("{at}/examples/{name}/value"),
                            value: value.clone(),
                            schema: schema.clone(),
                        });
                    }
                }
            }
        }
    }
    for (key, child) in map {
        if !in_properties && (key == "example" || key == "examples" || key == "default") {
            continue;
        }
        let escaped = key.replace('~', "~0").replace('/', "~1");
        collect_examples(child, &format!("{at}/{escaped}"), !in_properties && key == "properties", out);
    }
}

#[test]
fn every_example_is_valid_against_its_schema() {
    let mut checked = 0;
    for (module, _, _) in SPECS {
        let spec = spec_json(module);
        let definitions = tests::schema_json::definitions(&spec);
        let mut cases = Vec::new();
        collect_examples(&spec, "", false, &mut cases);
        assert!(!cases.is_empty(), "{module}: no examples found");
        let mut failures = Vec::new();
        for case in &cases {
            let validator = tests::schema_json::validator(&case.schema, &definitions)
                .unwrap_or_else(|e| panic!("{module}#{}: schema does not compile: {e}", case.at));
            let errors: Vec<String> = validator.iter_errors(&case.value).map(|e| e.to_string()).collect();
            if !errors.is_empty() {
                failures.push(format!("{module}#{}: {:?}", case.at, errors));
            }
            checked += 1;
        }
        assert!(failures.is_empty(), "examples invalid per jsonschema:\n{}", failures.join("\n"));
    }
    assert!(checked > 100, "only {checked} examples checked");
}

#[test]
fn every_named_example_passes_the_generated_validators() {
    let mut checked = 0;
    for (module, _, _) in SPECS {
        let spec = spec_json(module);
        let check = tests::registry::checks(module).json;
        let mut cases = Vec::new();
        collect_examples(&spec, "", false, &mut cases);
        let mut failures = Vec::new();
        for case in cases {
            let name = match &case.schema {
                Value::Object(map)
                    if case.at.starts_with("/components/schemas/") && case.at.matches('/').count() == 4 =>
                {
                    case.at.split('/').nth(3).map(str::to_owned).filter(|_| is_schema(map))
                }
                Value::Object(map) => map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/schemas/"))
                    .map(str::to_owned),
                _ => None,
            };
            let Some(name) = name else { continue };
            match check(&name, case.value.clone()) {
                Some(Ok(())) => checked += 1,
                Some(Err(error)) => failures.push(format!("{module}#{} ({name}): {error}", case.at)),
                None => failures.push(format!("{module}#{}: no generated type for schema {name}", case.at)),
            }
        }
        assert!(failures.is_empty(), "examples invalid per the generated validators:\n{}", failures.join("\n"));
    }
    assert!(checked > 30, "only {checked} examples checked");
}
