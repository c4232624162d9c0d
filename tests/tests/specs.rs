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

/// The pattern of the component schema `name` (or of its member
/// `property`); `parameters/<name>` names a component parameter's schema.
fn pattern_of(module: &str, name: &str, property: Option<&str>) -> String {
    let spec = spec_json(module);
    let schema = match name.strip_prefix("parameters/") {
        Some(parameter) => &spec["components"]["parameters"][parameter]["schema"],
        None => &spec["components"]["schemas"][name],
    };
    let schema = match property {
        Some(property) => &schema["properties"][property],
        None => schema,
    };
    schema["pattern"].as_str().unwrap_or_else(|| panic!("{module}: {name} {property:?} has no pattern")).to_owned()
}

/// Every pattern the specs add for a documented constraint, with values it
/// must accept and values it must refuse, checked in an ECMA-262 engine
/// (what the spec means) and in the generated code's translation.
#[test]
fn documented_patterns_accept_and_refuse_the_right_values() {
    type Case = (&'static str, &'static str, Option<&'static str>, &'static [&'static str], &'static [&'static str]);
    let cases: &[Case] = &[
        (
            "management",
            "CredentialIdentifier",
            None,
            &["206bbb83-9b6e-46fa-940d-337153c04a58", "376E67BB-8171-4DBA-B330-9130DD0798E4"],
            &[
                "xx206bbb83-9b6e-46fa-940d-337153c04a58/../../etc",
                "206bbb83-9b6e-46fa-940d-337153c04a58/..",
                "206bbb83-9b6e-46fa-940d-337153c04a5",
                "206bbb83-9b6e-46fa-940d-337153c04a58 ",
                "206bbb83+9b6e-46fa-940d-337153c04a58",
                "",
            ],
        ),
        (
            "management",
            "MerchantCategoryCode",
            None,
            &["5411", "0000", "9999"],
            &["541", "54111", "54a1", " 5411", "٥٤١١"],
        ),
        (
            "management",
            "Bic",
            None,
            &["NDEASEGG", "NDEASEGGXXX", "DEUTDEFF500"],
            &["NDEASEGGX", "NDEASEGGXX", "NDEASEG", "NDEASEGGXXXX", ""],
        ),
        (
            "management",
            "BankAccountRequest",
            Some("iban"),
            &[
                "SE4550000000058398257466",
                "DE89370400440532013000",
                "NO9386011117947",
                "MT84MALT011000012345MTLCAST001S",
            ],
            &[
                "se4550000000058398257466",
                "SE45 5000 0000 0583 9825 7466",
                "S14550000000058398257466",
                "SEAB50000000058398257466",
                "SE45",
                "SE451234567890123456789012345678901",
            ],
        ),
    ];
    let correlation: Vec<Case> = tests::APIS
        .iter()
        .map(|module| -> Case {
            (
                module,
                "parameters/PartnerCorrelationId",
                None,
                &["corr42", "A", "abcXYZ0123456789"],
                &["", "corr-42", "corr 42", "corr_42", "örn", "42\n"],
            )
        })
        .collect();
    for (module, name, property, accept, refuse) in cases.iter().chain(&correlation) {
        let pattern = pattern_of(module, name, *property);
        let ecma = regress::Regex::with_flags(&pattern, "u").unwrap_or_else(|e| panic!("{pattern}: {e}"));
        let translated = codegen::pattern::translate(&pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
        let generated = |value: &str| {
            translated.must_match.iter().all(|re| regex::Regex::new(re).unwrap().is_match(value))
                && !translated.must_not_match.iter().any(|re| regex::Regex::new(re).unwrap().is_match(value))
        };
        for value in *accept {
            assert!(ecma.find(value).is_some(), "{module} {name}: ECMA-262 refuses {value:?}");
            assert!(generated(value), "{module} {name}: the generated check refuses {value:?}");
        }
        for value in *refuse {
            assert!(ecma.find(value).is_none(), "{module} {name}: ECMA-262 accepts {value:?}");
            assert!(!generated(value), "{module} {name}: the generated check accepts {value:?}");
        }
    }
}

/// Instances around each constraint the specs take from the documents'
/// prose, each judged the same way by `jsonschema` and by the generated
/// validators.
#[test]
fn documented_constraints_hold_in_both_validators() {
    let line = |extra: Value| {
        let mut value = json!({"name": "Shoe", "quantity": 1, "total_amount": 2500, "unit_price": 2500});
        for (key, member) in extra.as_object().unwrap() {
            value[key] = member.clone();
        }
        value
    };
    let cases: Vec<(&str, &str, Value, bool)> = vec![
        ("customer_token", "order_line", line(json!({})), true),
        ("customer_token", "order_line", line(json!({"quantity_unit": "pcs"})), true),
        ("customer_token", "order_line", line(json!({"quantity_unit": "12345678"})), true),
        ("customer_token", "order_line", line(json!({"quantity_unit": ""})), false),
        ("customer_token", "order_line", line(json!({"quantity_unit": "123456789"})), false),
        ("customer_token", "order_line", line(json!({"tax_rate": 0})), true),
        ("customer_token", "order_line", line(json!({"tax_rate": -1})), false),
        ("customer_token", "order_line", line(json!({"total_amount": 0})), true),
        ("customer_token", "order_line", line(json!({"total_amount": -1})), false),
        ("customer_token", "order_line", line(json!({"unit_price": 0})), true),
        ("customer_token", "order_line", line(json!({"unit_price": -1})), false),
        ("management", "Bic", json!("NDEASEGGXX"), false),
        ("management", "Bic", json!("NDEASEGGXXX"), true),
        ("management", "MerchantCategoryCode", json!("541"), false),
        ("management", "CredentialIdentifier", json!("x206bbb83-9b6e-46fa-940d-337153c04a58"), false),
        (
            "management",
            "BankAccountRequest",
            json!({"bank_account_type": "IBAN", "bic": "NDEASEGGXXX", "iban": "SE45 5000"}),
            false,
        ),
        // "Any of" email and phone: either or both, never neither.
        ("identity", "CheckCustomerExistsRequest", json!({"email": "jane.doe@example.com"}), true),
        ("identity", "CheckCustomerExistsRequest", json!({"phone": "+18445527621"}), true),
        (
            "identity",
            "CheckCustomerExistsRequest",
            json!({"email": "jane.doe@example.com", "phone": "+18445527621"}),
            true,
        ),
        ("identity", "CheckCustomerExistsRequest", json!({}), false),
        ("identity", "CheckCustomerExistsRequest", json!({"phone": "18445527621"}), false),
        // Response schemas carry no request constraints.
        ("management", "Stakeholder", json!({"given_name": "", "date_of_birth": "1 Jan 1970"}), true),
        ("management", "BankAccount", json!({"bic": "NDEA", "iban": "not an iban"}), true),
        ("management", "AccountInformation", json!({"account_created_from_ip": "localhost"}), true),
        ("management", "UpdateAccountInformationRequest", json!({"account_created_from_ip": "localhost"}), false),
        ("management", "Credential", json!({"credential_id": "not-a-uuid"}), true),
        ("management", "WebsiteChannel", json!({"website_name": "x".repeat(81), "urls": ["y".repeat(2084)]}), true),
        ("management", "UpdateWebsiteRequest", json!({"website_name": "x".repeat(81)}), false),
        // Collapsed `[ ]` items are any JSON value.
        ("management", "CredentialList", json!({"credentials": ["a", 1, {}, null]}), true),
        ("messaging", "MessagingCapabilitiesResponse", json!({"countries": ["US"], "placements": [{"a": 1}]}), true),
        ("identity", "IntrospectCustomerTokenResponse", json!({"scopes": ["x", {}]}), true),
    ];
    for (module, name, value, valid) in cases {
        let spec = spec_json(module);
        let definitions = tests::schema_json::definitions(&spec);
        let schema = json!({"$ref": format!("#/components/schemas/{name}")});
        let reference = tests::schema_json::validator(&schema, &definitions).unwrap();
        assert_eq!(reference.is_valid(&value), valid, "{module} {name}: jsonschema on {value}");
        let generated = (tests::registry::checks(module).json)(name, value.clone())
            .unwrap_or_else(|| panic!("{module}: no generated type for {name}"));
        assert_eq!(generated.is_ok(), valid, "{module} {name}: generated validators on {value}: {generated:?}");
    }
}

/// The names of the header parameters of an operation (resolving `$ref`s).
fn header_names(spec: &Value, operation: &Value) -> Vec<String> {
    operation["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| match p["$ref"].as_str() {
            Some(r) => &spec["components"]["parameters"][r.trim_start_matches("#/components/parameters/")],
            None => p,
        })
        .filter(|p| p["in"] == "header")
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

/// The facts from Klarna's public documentation are declared where they
/// apply: the idempotency key on POST and PATCH, the correlation id on
/// every operation, the signature headers on
/// every callback, the rate-limit headers on every 429; the partner account
/// header never authenticates alone; every security scheme is used.
#[test]
fn public_facts_are_declared_where_they_apply() {
    for module in tests::APIS {
        let spec = spec_json(module);
        let mut used_schemes = std::collections::BTreeSet::new();
        for (path, item) in spec["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let at = format!("{module} {method} {path}");
                let headers = header_names(&spec, operation);
                let idempotent = headers.iter().any(|h| h == "Klarna-Idempotency-Key");
                assert_eq!(idempotent, method == "post" || method == "patch", "{at}: Klarna-Idempotency-Key");
                assert!(headers.iter().any(|h| h == "Partner-Correlation-Id"), "{at}: Partner-Correlation-Id");
                for alternative in operation["security"].as_array().unwrap() {
                    let schemes: Vec<&String> = alternative.as_object().unwrap().keys().collect();
                    assert!(schemes.iter().any(|s| *s == "klarna_api_key"), "{at}: an alternative without the key");
                    used_schemes.extend(schemes.into_iter().cloned());
                }
                if let Some(response) = operation["responses"].get("429") {
                    let response = resolve_response(&spec, response);
                    for name in ["X-Ratelimit-Limit", "X-Ratelimit-Remaining", "X-Ratelimit-Reset"] {
                        assert!(response["headers"].get(name).is_some(), "{at}: 429 without {name}");
                    }
                }
                for callback in operation["callbacks"].as_object().into_iter().flat_map(|c| c.values()) {
                    for hook in
                        callback.as_object().unwrap().values().flat_map(|item| item.as_object().unwrap().values())
                    {
                        let headers = header_names(&spec, hook);
                        for name in ["Klarna-Signature", "Klarna-Signing-Key-Id"] {
                            assert!(headers.iter().any(|h| h == name), "{at}: a callback without {name}");
                        }
                    }
                }
            }
        }
        let defined: std::collections::BTreeSet<String> =
            spec["components"]["securitySchemes"].as_object().unwrap().keys().cloned().collect();
        assert_eq!(defined, used_schemes, "{module}: security schemes defined but unused");
    }
}

/// Request bodies are required only where the document says "required"
/// (identity's customer-exists), never by default.
#[test]
fn request_bodies_are_required_only_where_documented() {
    for module in tests::APIS {
        let spec = spec_json(module);
        for (path, item) in spec["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                if let Some(body) = operation.get("requestBody") {
                    let documented = *module == "identity" && path.ends_with("/customer-exists");
                    assert_eq!(body["required"] == true, documented, "{module} {method} {path}");
                }
            }
        }
    }
}

/// Follows a response `$ref` into `components.responses`.
fn resolve_response<'a>(spec: &'a Value, response: &'a Value) -> &'a Value {
    match response.get("$ref").and_then(Value::as_str) {
        Some(reference) => &spec["components"]["responses"][reference.trim_start_matches("#/components/responses/")],
        None => response,
    }
}
