//! Valid and near-invalid JSON instances of a schema, for differential tests.
//!
//! [`sample`] builds a valid instance (the schema's own example where it has
//! one); [`mutations`] derives cases around every constraint: each boundary
//! at and one past its limit (with multi-byte characters for lengths), near
//! misses for patterns, wrong-case enum values, bounds plus and minus one,
//! item counts, missing required members and wrong types, at nested object
//! and array positions.

use serde_json::{json, Map, Value};

use crate::schema_json::resolve;

/// One generated instance and what was done to get it.
#[derive(Debug, Clone)]
pub struct Case {
    /// What the mutation did, and where (`/order_lines/0/name: maxLength+1`).
    pub label: String,
    /// The JSON pointer of the changed value.
    pub pointer: String,
    /// The kind of change, for the allow-list.
    pub kind: Kind,
    /// The instance.
    pub value: Value,
}

/// Kinds of mutation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The unchanged sample.
    Sample,
    /// A value of another JSON type.
    WrongType,
    /// `null` in place of the value.
    Null,
    /// A string length at or past a limit.
    Length,
    /// A near miss of a pattern.
    Pattern,
    /// An enum value in another case, or unknown.
    Enum,
    /// A number at or past a bound, or a fraction for an integer.
    Bound,
    /// An item count at or past a limit, or duplicates.
    Items,
    /// A required member removed.
    Required,
}

/// A valid instance of `schema`, or `None` when one cannot be built.
pub fn sample(spec: &Value, schema: &Value, depth: usize) -> Option<Value> {
    if depth > 12 {
        return None;
    }
    let schema = resolve(spec, schema);
    if let Some(example) = schema.get("example") {
        return Some(example.clone());
    }
    // An object whose `anyOf` only lists `required` names is sampled from
    // its properties (which include every member of those lists).
    if let (None, Some(Value::Array(members))) =
        (schema.get("properties"), schema.get("anyOf").or_else(|| schema.get("oneOf")))
    {
        return members.iter().find_map(|m| sample(spec, m, depth + 1));
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        return values.first().cloned();
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut object = Map::new();
            if let Some(Value::Object(properties)) = schema.get("properties") {
                for (name, property) in properties {
                    match property.get("example").cloned().or_else(|| sample(spec, property, depth + 1)) {
                        Some(value) => {
                            object.insert(name.clone(), value);
                        }
                        None if required.contains(&name.as_str()) => return None,
                        None => {}
                    }
                }
            } else if schema.get("additionalProperties").is_none_or(|a| a == &Value::Bool(true)) {
                object.insert("key".into(), json!("value"));
            }
            Some(Value::Object(object))
        }
        Some("array") => {
            let item = sample(spec, schema.get("items")?, depth + 1)?;
            let count = schema.get("minItems").and_then(Value::as_u64).unwrap_or(1).max(1);
            let count = count.min(schema.get("maxItems").and_then(Value::as_u64).unwrap_or(count));
            if schema.get("uniqueItems") == Some(&Value::Bool(true)) && count > 1 {
                return None;
            }
            Some(Value::Array(vec![item; count as usize]))
        }
        Some("string") => {
            if schema.get("pattern").is_some() {
                return None;
            }
            let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(1).max(1);
            let max = schema.get("maxLength").and_then(Value::as_u64).unwrap_or(min);
            Some(Value::String("x".repeat(min.min(max) as usize)))
        }
        Some("integer") => Some(json!(schema.get("minimum").and_then(Value::as_i64).map_or(1, |m| m.max(1)))),
        Some("number") => Some(json!(schema.get("minimum").and_then(Value::as_f64).map_or(1.5, |m| m + 1.5))),
        Some("boolean") => Some(json!(true)),
        _ => Some(json!({})),
    }
}

/// Cases around every constraint of `schema`, applied to `base`.
pub fn mutations(spec: &Value, schema: &Value, base: &Value) -> Vec<Case> {
    let mut cases =
        vec![Case { label: "sample".into(), pointer: String::new(), kind: Kind::Sample, value: base.clone() }];
    let mut replacements = Vec::new();
    collect(spec, schema, base, "", 0, &mut replacements);
    for (pointer, kind, label, replacement) in replacements {
        let mut value = base.clone();
        let applied = match replacement {
            Replacement::Set(new) => match value.pointer_mut(&pointer) {
                Some(slot) => {
                    *slot = new;
                    true
                }
                None if pointer.is_empty() => {
                    value = new;
                    true
                }
                None => false,
            },
            Replacement::Remove(parent, keys) => value
                .pointer_mut(&parent)
                .and_then(Value::as_object_mut)
                .is_some_and(|object| keys.iter().filter(|key| object.remove(key.as_str()).is_some()).count() > 0),
        };
        if applied {
            cases.push(Case { label: format!("{pointer}: {label}"), pointer, kind, value });
        }
    }
    cases
}

enum Replacement {
    Set(Value),
    /// Removes these members of the object at the pointer.
    Remove(String, Vec<String>),
}

type Found = Vec<(String, Kind, String, Replacement)>;

fn push(out: &mut Found, pointer: &str, kind: Kind, label: impl Into<String>, value: Value) {
    out.push((pointer.to_owned(), kind, label.into(), Replacement::Set(value)));
}

fn collect(spec: &Value, schema: &Value, value: &Value, pointer: &str, depth: usize, out: &mut Found) {
    if depth > 8 {
        return;
    }
    let schema = resolve(spec, schema);
    for (label, other) in [
        ("number instead", json!(12345)),
        ("string instead", json!("text")),
        ("boolean instead", json!(true)),
        ("array instead", json!([])),
        ("object instead", json!({})),
    ] {
        if std::mem::discriminant(&other) != std::mem::discriminant(value) {
            push(out, pointer, Kind::WrongType, label, other);
        }
    }
    if !pointer.is_empty() {
        push(out, pointer, Kind::Null, "null", Value::Null);
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        for v in values.iter().filter_map(Value::as_str).take(3) {
            push(out, pointer, Kind::Enum, "enum lower case", json!(v.to_lowercase()));
            push(out, pointer, Kind::Enum, "enum upper case", json!(v.to_uppercase()));
            push(out, pointer, Kind::Enum, "enum with space", json!(format!("{v} ")));
        }
        push(out, pointer, Kind::Enum, "unknown enum value", json!("NOT_A_LISTED_VALUE"));
    }
    match value {
        Value::String(text) => strings(schema, text, pointer, out),
        Value::Number(n) => numbers(schema, n, pointer, out),
        Value::Array(items) => {
            arrays(schema, items, pointer, out);
            if let (Some(first), Some(item_schema)) = (items.first(), schema.get("items")) {
                collect(spec, item_schema, first, &format!("{pointer}/0"), depth + 1, out);
            }
        }
        Value::Object(object) => {
            if let Some(Value::Array(required)) = schema.get("required") {
                for name in required.iter().filter_map(Value::as_str) {
                    out.push((
                        format!("{pointer}/{}", escape(name)),
                        Kind::Required,
                        format!("required `{name}` removed"),
                        Replacement::Remove(pointer.to_owned(), vec![name.to_owned()]),
                    ));
                }
            }
            // `anyOf` of `required` lists beside `properties`: remove every
            // member those lists name.
            if let (Some(_), Some(Value::Array(alternatives))) = (schema.get("properties"), schema.get("anyOf")) {
                let names: Vec<String> = alternatives
                    .iter()
                    .filter_map(|a| a.get("required").and_then(Value::as_array))
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect();
                if !names.is_empty() {
                    out.push((
                        pointer.to_owned(),
                        Kind::Required,
                        format!("every member of anyOf required {names:?} removed"),
                        Replacement::Remove(pointer.to_owned(), names),
                    ));
                }
            }
            let members = schema.get("properties").and_then(Value::as_object);
            let alternatives = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array);
            for (name, child) in object {
                let child_pointer = format!("{pointer}/{}", escape(name));
                if let Some(property) = members.and_then(|m| m.get(name)) {
                    collect(spec, property, child, &child_pointer, depth + 1, out);
                } else if let Some(alternatives) = alternatives {
                    let property = alternatives
                        .iter()
                        .map(|a| resolve(spec, a))
                        .find_map(|a| a.get("properties").and_then(|p| p.get(name)));
                    if let Some(property) = property {
                        collect(spec, property, child, &child_pointer, depth + 1, out);
                    }
                }
            }
        }
        _ => {}
    }
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn strings(schema: &Value, text: &str, pointer: &str, out: &mut Found) {
    let min = schema.get("minLength").and_then(Value::as_u64);
    let max = schema.get("maxLength").and_then(Value::as_u64);
    for (limit, name) in [(max, "maxLength"), (min, "minLength")] {
        let Some(limit) = limit else { continue };
        let limit = limit as usize;
        for filler in ["é", "😀", "a"] {
            push(out, pointer, Kind::Length, format!("{name} with {filler:?}"), json!(filler.repeat(limit)));
            push(out, pointer, Kind::Length, format!("{name}+1 with {filler:?}"), json!(filler.repeat(limit + 1)));
            if limit > 0 {
                push(out, pointer, Kind::Length, format!("{name}-1 with {filler:?}"), json!(filler.repeat(limit - 1)));
            }
        }
    }
    if schema.get("pattern").is_some() || schema.get("format").is_some() {
        let mut near = vec![
            ("appended letter", format!("{text}x")),
            ("appended newline", format!("{text}\n")),
            ("leading space", format!(" {text}")),
            ("upper case", text.to_uppercase()),
            ("lower case", text.to_lowercase()),
            ("empty", String::new()),
        ];
        if !text.is_empty() {
            near.push(("first character dropped", text.chars().skip(1).collect()));
            near.push(("last character dropped", text.chars().take(text.chars().count() - 1).collect()));
        }
        if let Some(digit) = text.find(|c: char| c.is_ascii_digit()) {
            let mut arabic = text.to_owned();
            arabic.replace_range(digit..digit + 1, "٣");
            near.push(("Arabic-Indic digit", arabic));
            let mut letter = text.to_owned();
            letter.replace_range(digit..digit + 1, "Z");
            near.push(("digit replaced by letter", letter));
        }
        for (label, candidate) in near {
            if candidate != text {
                push(out, pointer, Kind::Pattern, format!("pattern near miss: {label}"), json!(candidate));
            }
        }
    }
}

fn numbers(schema: &Value, n: &serde_json::Number, pointer: &str, out: &mut Found) {
    let integer = schema.get("type").and_then(Value::as_str) == Some("integer");
    for key in ["minimum", "maximum"] {
        let Some(bound) = schema.get(key).and_then(Value::as_f64) else { continue };
        if integer {
            let b = bound as i64;
            for v in [b - 1, b, b + 1] {
                push(out, pointer, Kind::Bound, format!("{key} {v}"), json!(v));
            }
        } else {
            for v in [bound - 1.0, bound - 0.001, bound, bound + 0.001, bound + 1.0] {
                push(out, pointer, Kind::Bound, format!("{key} {v}"), json!(v));
            }
        }
    }
    if integer {
        push(out, pointer, Kind::Bound, "fraction for an integer", json!(n.as_f64().unwrap_or(1.0) + 0.5));
    }
}

fn arrays(schema: &Value, items: &[Value], pointer: &str, out: &mut Found) {
    let Some(first) = items.first() else { return };
    for key in ["minItems", "maxItems"] {
        let Some(limit) = schema.get(key).and_then(Value::as_u64) else { continue };
        let limit = limit as usize;
        for count in [limit.saturating_sub(1), limit, limit + 1] {
            push(out, pointer, Kind::Items, format!("{key} {count} items"), Value::Array(vec![first.clone(); count]));
        }
    }
    push(out, pointer, Kind::Items, "duplicate items", Value::Array(vec![first.clone(), first.clone()]));
    push(out, pointer, Kind::Items, "no items", json!([]));
}
