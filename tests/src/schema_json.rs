//! The curated specs as JSON, and their schemas as draft 4 JSON Schema for
//! the `jsonschema` crate (the reference validator in spec and differential tests).

use std::path::PathBuf;

use serde_json::{json, Map, Value};

/// The spec `specs/<module>.yaml`, as JSON.
pub fn spec_json(module: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(format!("specs/{module}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Converts an OpenAPI 3.0 schema into draft 4 JSON Schema: `$ref`s point
/// into `definitions`, `nullable` becomes an `anyOf` with `null`, and
/// OpenAPI-only keywords are dropped.
pub fn to_json_schema(node: &Value) -> Value {
    match node {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                match key.as_str() {
                    "$ref" => {
                        let target =
                            value.as_str().unwrap_or_default().replace("#/components/schemas/", "#/definitions/");
                        out.insert(key.clone(), Value::String(target));
                    }
                    "nullable" | "readOnly" | "writeOnly" | "example" | "deprecated" | "discriminator" | "xml"
                    | "externalDocs" => {}
                    "properties" => {
                        let props = value
                            .as_object()
                            .map(|p| p.iter().map(|(k, v)| (k.clone(), to_json_schema(v))).collect::<Map<_, _>>())
                            .unwrap_or_default();
                        out.insert(key.clone(), Value::Object(props));
                    }
                    _ => {
                        out.insert(key.clone(), to_json_schema(value));
                    }
                }
            }
            if map.get("nullable") == Some(&Value::Bool(true)) {
                return json!({"anyOf": [Value::Object(out), {"type": "null"}]});
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(to_json_schema).collect()),
        other => other.clone(),
    }
}

/// Every component schema of a spec, converted, keyed by name.
pub fn definitions(spec: &Value) -> Map<String, Value> {
    spec["components"]["schemas"]
        .as_object()
        .map(|s| s.iter().map(|(k, v)| (k.clone(), to_json_schema(v))).collect())
        .unwrap_or_default()
}

/// A compiled draft 4 validator for one OpenAPI schema of a spec, with
/// format checks off (OpenAPI formats are annotations here).
pub fn validator(schema: &Value, definitions: &Map<String, Value>) -> Result<jsonschema::Validator, String> {
    let mut converted = to_json_schema(schema);
    match &mut converted {
        Value::Object(map) => {
            map.insert("definitions".into(), Value::Object(definitions.clone()));
        }
        _ => return Err("schema is not an object".into()),
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(false)
        .build(&converted)
        .map_err(|e| e.to_string())
}

/// Follows `$ref`s and single-member `allOf`s to the schema that applies.
pub fn resolve<'a>(spec: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..32 {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/components/schemas/");
            node = &spec["components"]["schemas"][name];
        } else if let Some(Value::Array(all)) = node.get("allOf") {
            if all.len() != 1 {
                return node;
            }
            node = &all[0];
        } else {
            return node;
        }
    }
    node
}

/// The schema that applies at `pointer` inside an instance of `root`, and
/// whether the member there is required by its parent object (`true` for
/// array items and the root).
pub fn schema_at<'a>(spec: &'a Value, root: &'a Value, pointer: &str) -> Option<(&'a Value, bool)> {
    let mut schema = resolve(spec, root);
    let mut required = true;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if let Some(items) = schema.get("items") {
            schema = resolve(spec, items);
            required = true;
            continue;
        }
        let mut owners = vec![schema];
        if let Some(Value::Array(alternatives)) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
            owners.extend(alternatives.iter().map(|a| resolve(spec, a)));
        }
        let owner = owners.into_iter().find(|o| o.get("properties").and_then(|p| p.get(&token)).is_some())?;
        required = owner
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(token.as_str())));
        schema = resolve(spec, &owner["properties"][&token]);
    }
    Some((schema, required))
}
