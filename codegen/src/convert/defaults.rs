//! A member's `default` as a typed value of its Rust type, checked here
//! against the member's schema: its type and every constraint, all the way
//! down. A default that does not fit says where and why.

use std::collections::BTreeMap;

use serde_json::Value;

use super::decimal;
use crate::ir::{Additional, DefaultValue, Field, Rules, Shape, Ty, TypeDef, TypeKind};
use crate::pattern;
use crate::pointer;

/// How deep a default may nest before it is refused.
const MAX_DEPTH: usize = 64;

/// Why a default does not fit: where inside it, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Misfit {
    /// JSON pointer inside the default (empty for the default itself).
    pub at: String,
    /// What does not fit.
    pub reason: String,
}

impl std::fmt::Display for Misfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "at {}: {}", self.at, self.reason)
        }
    }
}

type Fit = Result<DefaultValue, Misfit>;

/// Whether a member is held in an `Option` (absent or `null` is `None`):
/// every member but a required, writable one.
pub fn held_as_option(field: &Field) -> bool {
    !field.required || field.read_only || field.shape.nullable
}

/// The typed value of `value` as the member `field` holds it (inside its
/// `Option`, if it has one).
pub fn member(types: &BTreeMap<String, TypeDef>, field: &Field, value: &Value) -> Fit {
    let reader = Reader { types };
    let inner = reader.value(&field.shape.non_null(), value, "", 0)?;
    Ok(if field.boxed { DefaultValue::Boxed(Box::new(inner)) } else { inner })
}

/// The JSON type of a value, for messages.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct Reader<'a> {
    types: &'a BTreeMap<String, TypeDef>,
}

fn misfit(at: &str, reason: impl Into<String>) -> Misfit {
    Misfit { at: at.to_owned(), reason: reason.into() }
}

impl Reader<'_> {
    /// `value` as a value of `shape` (nullable: `None` or `Some`).
    fn value(&self, shape: &Shape, value: &Value, at: &str, depth: usize) -> Fit {
        if depth > MAX_DEPTH {
            return Err(misfit(at, "nests too deeply"));
        }
        if shape.nullable {
            return match value {
                Value::Null => Ok(DefaultValue::Null),
                value => Ok(DefaultValue::Some(Box::new(self.value(&shape.non_null(), value, at, depth)?))),
            };
        }
        let wrong = |expected: &str| misfit(at, format!("it is {}, the schema wants {expected}", json_type(value)));
        let typed =
            match (&shape.ty, value) {
                (Ty::String, Value::String(s)) => DefaultValue::String(s.clone()),
                (Ty::String, _) => return Err(wrong("a string")),
                (Ty::Bool, Value::Bool(b)) => DefaultValue::Bool(*b),
                (Ty::Bool, _) => return Err(wrong("a boolean")),
                (Ty::I32 | Ty::I64, Value::Number(n)) => {
                    let whole = n.as_i64().filter(|v| shape.ty == Ty::I64 || i32::try_from(*v).is_ok());
                    DefaultValue::Integer(whole.ok_or_else(|| {
                        wrong(if shape.ty == Ty::I32 { "a 32-bit integer" } else { "a 64-bit integer" })
                    })?)
                }
                (Ty::I32 | Ty::I64, _) => return Err(wrong("an integer")),
                (Ty::F64, Value::Number(n)) => DefaultValue::Number(n.as_f64().ok_or_else(|| wrong("a number"))?),
                (Ty::F64, _) => return Err(wrong("a number")),
                (Ty::Array(item), Value::Array(items)) => DefaultValue::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| self.value(item, v, &format!("{at}/{i}"), depth + 1))
                        .collect::<Result<_, _>>()?,
                ),
                (Ty::Array(_), _) => return Err(wrong("an array")),
                (Ty::Map(entry), Value::Object(members)) => DefaultValue::Map(
                    members
                        .iter()
                        .map(|(k, v)| Ok((k.clone(), self.value(entry, v, &pointer::join(at, k), depth + 1)?)))
                        .collect::<Result<_, Misfit>>()?,
                ),
                (Ty::JsonObject, Value::Object(members)) => DefaultValue::JsonObject(members.clone()),
                (Ty::Map(_) | Ty::JsonObject, _) => return Err(wrong("an object")),
                (Ty::Json, value) => DefaultValue::Json(value.clone()),
                (Ty::Bytes, _) => return Err(misfit(at, "the member is binary data, which has no JSON default")),
                (Ty::Named(name), value) => self.named(name, value, at, depth)?,
            };
        check(&shape.rules, value, at)?;
        Ok(typed)
    }

    fn named(&self, name: &str, value: &Value, at: &str, depth: usize) -> Fit {
        let Some(def) = self.types.get(name) else { return Err(misfit(at, format!("type {name} is unknown"))) };
        match &def.kind {
            TypeKind::Enum(e) => {
                let found = value.as_str().and_then(|s| e.values.iter().find(|v| v.wire_name == s));
                let found = found.ok_or_else(|| misfit(at, format!("{value} is not one of the enum's values")))?;
                Ok(DefaultValue::Variant { type_name: name.to_owned(), variant: found.variant.clone() })
            }
            TypeKind::Newtype(shape) => Ok(DefaultValue::Newtype {
                type_name: name.to_owned(),
                inner: Box::new(self.value(shape, value, at, depth + 1)?),
            }),
            TypeKind::Alias(shape) => self.value(shape, value, at, depth + 1),
            TypeKind::Union(union) => {
                let mut first_misfit = None;
                for variant in &union.variants {
                    if let Some(property) = &union.discriminator {
                        let tag = value.get(property).and_then(Value::as_str);
                        if !tag.is_some_and(|tag| variant.tags.iter().any(|t| t == tag)) {
                            continue;
                        }
                    }
                    match self.value(&Shape::plain(Ty::Named(variant.type_name.clone())), value, at, depth + 1) {
                        Ok(inner) => {
                            let inner = if variant.boxed { DefaultValue::Boxed(Box::new(inner)) } else { inner };
                            return Ok(DefaultValue::Union {
                                type_name: name.to_owned(),
                                variant: variant.name.clone(),
                                inner: Box::new(inner),
                            });
                        }
                        Err(e) => {
                            first_misfit.get_or_insert(e);
                        }
                    }
                }
                let reason = match first_misfit {
                    Some(first) => format!("it fits none of the forms of {name} (the first: {first})"),
                    None => format!("it fits none of the forms of {name}"),
                };
                Err(misfit(at, reason))
            }
            TypeKind::Struct(s) => {
                let Value::Object(members) = value else {
                    return Err(misfit(at, format!("it is {}, the schema wants an object", json_type(value))));
                };
                let mut fields = Vec::new();
                for field in &s.fields {
                    let field_at = pointer::join(at, &field.wire_name);
                    let held = match (members.get(&field.wire_name), held_as_option(field)) {
                        (None, false) => {
                            return Err(misfit(at, format!("the required member {:?} is missing", field.wire_name)));
                        }
                        (None | Some(Value::Null), true) => DefaultValue::Null,
                        (Some(v), option) => {
                            let inner = self.value(&field.shape.non_null(), v, &field_at, depth + 1)?;
                            let inner = if field.boxed { DefaultValue::Boxed(Box::new(inner)) } else { inner };
                            if option {
                                DefaultValue::Some(Box::new(inner))
                            } else {
                                inner
                            }
                        }
                    };
                    fields.push((field.rust_name.clone(), held));
                }
                let others = members.iter().filter(|(k, _)| !s.fields.iter().any(|f| f.wire_name == **k));
                let additional = match &s.additional {
                    Additional::Dropped => None,
                    Additional::Json => {
                        Some(DefaultValue::JsonObject(others.map(|(k, v)| (k.clone(), v.clone())).collect()))
                    }
                    Additional::Typed(shape) => Some(DefaultValue::Map(
                        others
                            .map(|(k, v)| Ok((k.clone(), self.value(shape, v, &pointer::join(at, k), depth + 1)?)))
                            .collect::<Result<_, Misfit>>()?,
                    )),
                };
                let count = members.len() as u64;
                if let Some(limit) = s.min_properties.filter(|limit| count < *limit) {
                    return Err(misfit(at, format!("it has {count} members, fewer than minProperties {limit}")));
                }
                if let Some(limit) = s.max_properties.filter(|limit| count > *limit) {
                    return Err(misfit(at, format!("it has {count} members, more than maxProperties {limit}")));
                }
                if !s.any_required.is_empty()
                    && !s.any_required.iter().any(|set| set.iter().all(|name| members.contains_key(name)))
                {
                    return Err(misfit(at, "it has none of the member sets one of which is required"));
                }
                Ok(DefaultValue::Struct { type_name: name.to_owned(), fields, additional: additional.map(Box::new) })
            }
        }
    }
}

/// The rules of one position, checked against the value found there.
fn check(rules: &Rules, value: &Value, at: &str) -> Result<(), Misfit> {
    let fail = |reason: String| Err(misfit(at, reason));
    match value {
        Value::String(s) => {
            let length = s.chars().count() as u64;
            if let Some(limit) = rules.min_length.filter(|limit| length < *limit) {
                return fail(format!("it has {length} characters, fewer than minLength {limit}"));
            }
            if let Some(limit) = rules.max_length.filter(|limit| length > *limit) {
                return fail(format!("it has {length} characters, more than maxLength {limit}"));
            }
            for p in &rules.patterns {
                if !pattern::matches(&p.source, s).unwrap_or(true) {
                    return fail(format!("it does not match the pattern {:?}", p.source));
                }
            }
        }
        Value::Number(n) => {
            let Some(x) = n.as_f64() else { return Ok(()) };
            if let Some(allowed) = &rules.allowed {
                if !allowed.iter().any(|a| a.as_f64() == Some(x)) {
                    return fail(format!("{x} is not one of the enum's values"));
                }
            }
            if let Some((limit, exclusive)) = rules.minimum {
                if x < limit || (exclusive && x == limit) {
                    return fail(format!(
                        "{x} is below the {}minimum {limit}",
                        if exclusive { "exclusive " } else { "" }
                    ));
                }
            }
            if let Some((limit, exclusive)) = rules.maximum {
                if x > limit || (exclusive && x == limit) {
                    return fail(format!(
                        "{x} is above the {}maximum {limit}",
                        if exclusive { "exclusive " } else { "" }
                    ));
                }
            }
            if let Some(factor) = rules.multiple_of {
                if !decimal::is_multiple(x, factor) {
                    return fail(format!("{x} is not a multiple of {factor}"));
                }
            }
        }
        Value::Bool(b) => {
            if let Some(allowed) = &rules.allowed {
                if !allowed.contains(&Value::Bool(*b)) {
                    return fail(format!("{b} is not one of the enum's values"));
                }
            }
        }
        Value::Array(items) => {
            let count = items.len() as u64;
            if let Some(limit) = rules.min_items.filter(|limit| count < *limit) {
                return fail(format!("it has {count} items, fewer than minItems {limit}"));
            }
            if let Some(limit) = rules.max_items.filter(|limit| count > *limit) {
                return fail(format!("it has {count} items, more than maxItems {limit}"));
            }
            if rules.unique_items && items.iter().enumerate().any(|(i, a)| items[i + 1..].contains(a)) {
                return fail("it has duplicate items but uniqueItems is set".to_owned());
            }
        }
        Value::Object(members) => {
            let count = members.len() as u64;
            if let Some(limit) = rules.min_properties.filter(|limit| count < *limit) {
                return fail(format!("it has {count} members, fewer than minProperties {limit}"));
            }
            if let Some(limit) = rules.max_properties.filter(|limit| count > *limit) {
                return fail(format!("it has {count} members, more than maxProperties {limit}"));
            }
        }
        Value::Null => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::ir::{DefaultValue, Presence, TypeKind};
    use crate::{Settings, SpecSource};

    /// The presence of each member of the struct `S` (YAML `properties`), and the warnings.
    fn members(properties: &str, others: &str) -> (Vec<Presence>, Vec<String>) {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    S:\n      type: object\n      properties:\n{properties}{others}"
        );
        let (api, warnings) = crate::model(SpecSource { file: "t.yaml", text: &text }, &Settings::default()).unwrap();
        let TypeKind::Struct(s) = &api.types["S"].kind else { panic!() };
        (s.fields.iter().map(|f| f.presence.clone()).collect(), warnings.into_iter().map(|w| w.reason).collect())
    }

    #[test]
    fn a_newtype_default_is_checked_against_its_constraints() {
        let others = "    Even: {type: integer, multipleOf: 0.5, maximum: 10}\n";
        let (presence, warnings) = members(
            "        a: {allOf: [{$ref: '#/components/schemas/Even'}], default: 4}\n        b: {allOf: [{$ref: '#/components/schemas/Even'}], default: 12}\n",
            others,
        );
        let newtype = DefaultValue::Newtype { type_name: "Even".into(), inner: Box::new(DefaultValue::Integer(4)) };
        assert_eq!(presence, [Presence::Defaulted(newtype), Presence::Optional]);
        assert_eq!(
            warnings,
            ["default 12 does not fit the member's schema: 12 is above the maximum 10; the member has no default"]
        );
    }

    #[test]
    fn a_union_default_takes_the_form_that_fits() {
        let others = "    U:\n      oneOf:\n        - {type: integer}\n        - {type: string, maxLength: 2}\n";
        let (presence, warnings) = members(
            "        a: {allOf: [{$ref: '#/components/schemas/U'}], default: ab}\n        b: {allOf: [{$ref: '#/components/schemas/U'}], default: abc}\n",
            others,
        );
        let Presence::Defaulted(DefaultValue::Union { variant, inner, .. }) = &presence[0] else {
            panic!("{presence:?}")
        };
        assert_eq!(
            (variant.as_str(), &**inner),
            (
                "String",
                &DefaultValue::Newtype {
                    type_name: "UString".into(),
                    inner: Box::new(DefaultValue::String("ab".into()))
                }
            )
        );
        assert_eq!(presence[1], Presence::Optional);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .contains("it fits none of the forms of U (the first: it is a string, the schema wants an integer)"),
            "{warnings:?}"
        );
    }

    #[test]
    fn fractional_factors_are_decided_in_decimal() {
        let (presence, warnings) = members(
            "        a: {type: number, multipleOf: 0.1, default: 0.3}\n        b: {type: number, multipleOf: 0.1, default: 0.35}\n",
            "",
        );
        assert_eq!(presence[0], Presence::Defaulted(DefaultValue::Number(0.3)));
        assert_eq!(
            warnings,
            ["default 0.35 does not fit the member's schema: 0.35 is not a multiple of 0.1; the member has no default"]
        );
    }
}
