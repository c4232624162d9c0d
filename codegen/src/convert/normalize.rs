//! Schemas brought into the forms the converter handles: a missing `type`
//! inferred from the other keywords, `allOf` members merged into one schema
//! (see `merge`), keywords beside `oneOf`/`anyOf` combined with each
//! alternative. What cannot be read exactly becomes a warning and the more
//! permissive reading.

use std::borrow::Cow;

use openapiv3::{
    AnySchema, ArrayType, BooleanType, Discriminator, IntegerType, NumberType, ObjectType, ReferenceOr, Schema,
    SchemaKind, StringType, Type,
};
use serde_json::Value;

use super::Converter;
use crate::error::Result;
use crate::pointer;

/// How deep `allOf` members may nest through references before the rest
/// is read as free-form.
pub(super) const MAX_DEPTH: usize = 32;

/// Constraints of a normalized schema that its openapiv3 form cannot hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Extra {
    /// Patterns a string must match besides its own `pattern`, as written
    /// (each `allOf` member may bring one).
    pub patterns: Vec<String>,
    /// A `multipleOf` that replaces the type's own: a fraction on an
    /// integer, or the factor several members' factors combine into.
    pub multiple_of: Option<f64>,
}

/// A schema in a form the converter handles, with what openapiv3 cannot hold.
pub(super) struct Normal<'s> {
    /// `Type`, `OneOf`, `AnyOf`, a single-member `AllOf` around a `$ref`,
    /// `Not`, or an empty `Any` (free-form JSON).
    pub schema: Cow<'s, Schema>,
    /// Its constraints beyond the schema's own.
    pub extra: Extra,
}

/// The kind of a schema read from its keywords or merged from members.
pub(super) struct Reading {
    /// The kind, in a form [`Normal`] allows.
    pub kind: SchemaKind,
    /// Constraints beyond the kind's own.
    pub extra: Extra,
    /// Values may be `null` (every merged member allows it).
    pub nullable: bool,
    /// The discriminator of a union that was combined with other members.
    pub discriminator: Option<Discriminator>,
}

impl Reading {
    /// A kind with nothing beside it.
    pub fn of(kind: SchemaKind) -> Self {
        Reading { kind, extra: Extra::default(), nullable: false, discriminator: None }
    }

    /// Free-form JSON.
    pub fn any() -> Self {
        Reading::of(SchemaKind::Any(AnySchema::default()))
    }
}

/// The extension under which a schema the merge moved (a property or the
/// items of an `allOf` member, a member of an `allOf` the merge made)
/// records where it is written in the document, so messages name that place.
const ORIGIN: &str = "x-codegen-origin";

/// Where a schema the merge moved is written, if it was moved.
pub(super) fn origin<T>(schema: &ReferenceOr<T>) -> Option<String>
where
    T: std::borrow::Borrow<Schema>,
{
    match schema {
        ReferenceOr::Item(schema) => {
            schema.borrow().schema_data.extensions.get(ORIGIN).and_then(Value::as_str).map(str::to_owned)
        }
        ReferenceOr::Reference { .. } => None,
    }
}

/// The schema, recording that it is written at `at` (unless it already
/// records a place: the first move knows the real one).
pub(super) fn tagged(mut schema: Schema, at: &str) -> Schema {
    schema.schema_data.extensions.entry(ORIGIN.to_owned()).or_insert_with(|| Value::String(at.to_owned()));
    schema
}

/// The extension under which an `allOf` the merge made records how deep in
/// merges it was made, since it is read later on its own.
const DEPTH: &str = "x-codegen-depth";

/// The schema, recording the merge depth it was made at.
pub(super) fn at_depth(mut schema: Schema, depth: usize) -> Schema {
    schema.schema_data.extensions.insert(DEPTH.to_owned(), Value::from(depth));
    schema
}

/// Whether two schemas are the same apart from where they are written.
pub(super) fn same_schema<T>(a: &ReferenceOr<T>, b: &ReferenceOr<T>) -> bool
where
    T: std::borrow::Borrow<Schema>,
{
    match (a, b) {
        (ReferenceOr::Item(a), ReferenceOr::Item(b)) => {
            let (a, b) = (a.borrow(), b.borrow());
            let untagged = |s: &Schema| {
                let mut data = s.schema_data.clone();
                data.extensions.shift_remove(ORIGIN);
                data
            };
            a.schema_kind == b.schema_kind && untagged(a) == untagged(b)
        }
        (ReferenceOr::Reference { reference: a }, ReferenceOr::Reference { reference: b }) => a == b,
        _ => false,
    }
}

impl Converter<'_> {
    /// The schema in a form the converter handles (see [`Normal`]).
    pub(super) fn normalize<'s>(&mut self, schema: &'s Schema, at: &str) -> Result<Normal<'s>> {
        self.normalize_at_depth(schema, at, 0)
    }

    pub(super) fn normalize_at_depth<'s>(&mut self, schema: &'s Schema, at: &str, depth: usize) -> Result<Normal<'s>> {
        let made_at = schema.schema_data.extensions.get(DEPTH).and_then(Value::as_u64).unwrap_or(0) as usize;
        let depth = depth.max(made_at);
        let reading = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } if all_of.len() == 1 && matches!(all_of[0], ReferenceOr::Reference { .. }) => {
                return Ok(Normal { schema: Cow::Borrowed(schema), extra: Extra::default() });
            }
            SchemaKind::AllOf { all_of } => self.merge_all_of(all_of, None, at, depth)?,
            SchemaKind::Any(any) if *any != AnySchema::default() => self.infer(any, at, depth)?,
            _ => return Ok(Normal { schema: Cow::Borrowed(schema), extra: Extra::default() }),
        };
        let mut schema_data = schema.schema_data.clone();
        schema_data.nullable |= reading.nullable;
        if schema_data.discriminator.is_none() {
            schema_data.discriminator = reading.discriminator;
        }
        Ok(Normal { schema: Cow::Owned(Schema { schema_data, schema_kind: reading.kind }), extra: reading.extra })
    }

    /// The kind of a schema without a usable `type`, from its other keywords.
    pub(super) fn infer(&mut self, any: &AnySchema, at: &str, depth: usize) -> Result<Reading> {
        if !any.all_of.is_empty() {
            let siblings = AnySchema { all_of: Vec::new(), ..any.clone() };
            let extra = (siblings != AnySchema::default()).then_some(siblings);
            return self.merge_all_of(&any.all_of, extra.as_ref(), at, depth);
        }
        if let Some(alternatives) = required_alternatives(any) {
            self.any_required.insert(at.to_owned(), alternatives);
            let object = AnySchema { any_of: Vec::new(), typ: Some("object".to_owned()), ..any.clone() };
            return self.infer(&object, at, depth);
        }
        if !any.one_of.is_empty() || !any.any_of.is_empty() {
            return self.union_with_siblings(any, at, depth);
        }
        if let Some(not) = &any.not {
            return Ok(Reading::of(SchemaKind::Not { not: not.clone() }));
        }
        let typ = match any.typ.as_deref() {
            Some(typ) => typ.to_owned(),
            None => match self.inferred_type(any) {
                Some(typ) => typ.to_owned(),
                None => {
                    if !any.enumeration.is_empty() {
                        self.warn(at, "enum values of different JSON types; read as free-form JSON, not checked");
                    }
                    return Ok(Reading::any());
                }
            },
        };
        let string_keywords = [
            ("pattern", any.pattern.is_some()),
            ("minLength", any.min_length.is_some()),
            ("maxLength", any.max_length.is_some()),
        ];
        let number_keywords = [
            ("minimum", any.minimum.is_some()),
            ("maximum", any.maximum.is_some()),
            ("multipleOf", any.multiple_of.is_some()),
            ("exclusiveMinimum", any.exclusive_minimum.is_some()),
            ("exclusiveMaximum", any.exclusive_maximum.is_some()),
        ];
        let array_keywords = [
            ("items", any.items.is_some()),
            ("minItems", any.min_items.is_some()),
            ("maxItems", any.max_items.is_some()),
            ("uniqueItems", any.unique_items.is_some()),
        ];
        let object_keywords = [
            ("properties", !any.properties.is_empty()),
            ("required", !any.required.is_empty()),
            ("additionalProperties", any.additional_properties.is_some()),
            ("minProperties", any.min_properties.is_some()),
            ("maxProperties", any.max_properties.is_some()),
        ];
        let mut extra = Extra::default();
        let (kind, foreign) = match typ.as_str() {
            "string" => (
                Type::String(StringType {
                    format: serde_json::from_value(any.format.clone().map(Value::String).unwrap_or(Value::Null))
                        .unwrap_or_default(),
                    pattern: any.pattern.clone(),
                    enumeration: self.enum_of(&any.enumeration, at, |v| v.as_str().map(str::to_owned)),
                    min_length: any.min_length,
                    max_length: any.max_length,
                }),
                [&number_keywords[..], &array_keywords, &object_keywords].concat(),
            ),
            "number" => (
                Type::Number(NumberType {
                    format: serde_json::from_value(any.format.clone().map(Value::String).unwrap_or(Value::Null))
                        .unwrap_or_default(),
                    multiple_of: any.multiple_of,
                    exclusive_minimum: any.exclusive_minimum.unwrap_or(false),
                    exclusive_maximum: any.exclusive_maximum.unwrap_or(false),
                    minimum: any.minimum,
                    maximum: any.maximum,
                    enumeration: self.enum_of(&any.enumeration, at, Value::as_f64),
                }),
                [&string_keywords[..], &array_keywords, &object_keywords].concat(),
            ),
            "integer" => {
                let (integer, fractional_factor) = self.integer_type(any, at);
                extra.multiple_of = fractional_factor;
                (Type::Integer(integer), [&string_keywords[..], &array_keywords, &object_keywords].concat())
            }
            "boolean" => (
                Type::Boolean(BooleanType { enumeration: self.enum_of(&any.enumeration, at, Value::as_bool) }),
                [&string_keywords[..], &number_keywords, &array_keywords, &object_keywords].concat(),
            ),
            "array" => (
                Type::Array(ArrayType {
                    items: any.items.clone(),
                    min_items: any.min_items,
                    max_items: any.max_items,
                    unique_items: any.unique_items.unwrap_or(false),
                }),
                [&string_keywords[..], &number_keywords, &object_keywords].concat(),
            ),
            "object" => (
                Type::Object(ObjectType {
                    properties: any.properties.clone(),
                    required: any.required.clone(),
                    additional_properties: any.additional_properties.clone(),
                    min_properties: any.min_properties,
                    max_properties: any.max_properties,
                }),
                [&string_keywords[..], &number_keywords, &array_keywords].concat(),
            ),
            other => {
                self.warn(
                    &pointer::join(at, "type"),
                    format!("unknown type {other:?}; read as free-form JSON, not checked"),
                );
                return Ok(Reading::any());
            }
        };
        for (keyword, _) in foreign.iter().filter(|(_, present)| *present) {
            self.warn(&pointer::join(at, keyword), format!("`{keyword}` does not apply to type {typ}; ignored"));
        }
        Ok(Reading { extra, ..Reading::of(SchemaKind::Type(kind)) })
    }

    /// `oneOf` / `anyOf` and the keywords beside it: each alternative with
    /// those keywords added (`S` and one of `A`, `B` is one of `S and A`,
    /// `S and B`), so shared properties land in every member.
    fn union_with_siblings(&mut self, any: &AnySchema, at: &str, depth: usize) -> Result<Reading> {
        let siblings = AnySchema { one_of: Vec::new(), any_of: Vec::new(), ..any.clone() };
        let mut parts = Vec::new();
        if siblings != AnySchema::default() {
            parts.push(super::merge::Part::inline(self.infer(&siblings, at, depth + 1)?, at));
        }
        if !any.one_of.is_empty() {
            parts.push(super::merge::Part::inline(Reading::of(SchemaKind::OneOf { one_of: any.one_of.clone() }), at));
        }
        if !any.any_of.is_empty() {
            parts.push(super::merge::Part::inline(Reading::of(SchemaKind::AnyOf { any_of: any.any_of.clone() }), at));
        }
        self.intersect(parts, at, depth)
    }

    /// The JSON type the keywords of a schema without `type` imply, if one does.
    fn inferred_type(&self, any: &AnySchema) -> Option<&'static str> {
        if !any.properties.is_empty()
            || !any.required.is_empty()
            || any.additional_properties.is_some()
            || any.min_properties.is_some()
            || any.max_properties.is_some()
        {
            return Some("object");
        }
        if any.items.is_some() || any.min_items.is_some() || any.max_items.is_some() || any.unique_items.is_some() {
            return Some("array");
        }
        if !any.enumeration.is_empty() {
            let values: Vec<&Value> = any.enumeration.iter().filter(|v| !v.is_null()).collect();
            return if values.iter().all(|v| v.is_string()) {
                Some("string")
            } else if values.iter().all(|v| v.is_i64() || v.is_u64()) {
                Some("integer")
            } else if values.iter().all(|v| v.is_number()) {
                Some("number")
            } else if values.iter().all(|v| v.is_boolean()) {
                Some("boolean")
            } else {
                None
            };
        }
        if any.pattern.is_some() || any.min_length.is_some() || any.max_length.is_some() {
            return Some("string");
        }
        if any.minimum.is_some() || any.maximum.is_some() || any.multiple_of.is_some() {
            return Some(match any.format.as_deref() {
                Some("int32" | "int64") => "integer",
                _ => "number",
            });
        }
        None
    }

    /// An integer schema whose bounds or factor were written as fractions
    /// (which openapiv3 cannot read as integers): bounds move inwards to
    /// the nearest whole number; a fractional factor (which openapiv3's
    /// integer cannot hold) is returned beside it, to be checked exactly.
    pub(super) fn integer_type(&mut self, any: &AnySchema, at: &str) -> (IntegerType, Option<f64>) {
        let whole = |bound: Option<f64>, round: fn(f64) -> f64| bound.map(|b| round(b) as i64);
        let (multiple_of, fractional) = match any.multiple_of {
            Some(factor) if factor.fract() == 0.0 && (1.0..9.0e18).contains(&factor) => (Some(factor as i64), None),
            Some(factor) if factor > 0.0 && factor.is_finite() => (None, Some(factor)),
            Some(factor) => {
                self.warn(
                    &pointer::join(at, "multipleOf"),
                    format!("multipleOf {factor} is not a positive number; not checked"),
                );
                (None, None)
            }
            None => (None, None),
        };
        let integer = IntegerType {
            format: serde_json::from_value(any.format.clone().map(Value::String).unwrap_or(Value::Null))
                .unwrap_or_default(),
            multiple_of,
            exclusive_minimum: any.exclusive_minimum.unwrap_or(false) && any.minimum.is_some_and(|b| b.fract() == 0.0),
            exclusive_maximum: any.exclusive_maximum.unwrap_or(false) && any.maximum.is_some_and(|b| b.fract() == 0.0),
            minimum: whole(any.minimum, f64::ceil),
            maximum: whole(any.maximum, f64::floor),
            enumeration: self.enum_of(&any.enumeration, at, Value::as_i64),
        };
        (integer, fractional)
    }

    /// The enum values of one JSON type (`null` kept as `None`); others are
    /// dropped with a warning.
    fn enum_of<T>(&mut self, values: &[Value], at: &str, read: impl Fn(&Value) -> Option<T>) -> Vec<Option<T>> {
        let mut out = Vec::new();
        for value in values {
            match (value, read(value)) {
                (Value::Null, _) => out.push(None),
                (_, Some(read)) => out.push(Some(read)),
                (_, None) => self.warn(
                    &pointer::join(at, "enum"),
                    format!("enum value {value} does not have the schema's type; dropped"),
                ),
            }
        }
        out
    }

    /// The schema a `$ref` names, following references, with its pointer.
    pub(super) fn component_schema(&mut self, reference: &str) -> Option<(Schema, String)> {
        let schemas = &self.document.components.as_ref()?.schemas;
        let mut current = reference.to_owned();
        for _ in 0..MAX_DEPTH {
            let Some(key) = current.strip_prefix("#/components/schemas/").filter(|key| !key.contains('/')) else {
                return self.schema_at(&current);
            };
            let key = pointer::unescape(key);
            match schemas.get(&key)? {
                ReferenceOr::Item(schema) => {
                    return Some((schema.clone(), pointer::join("/components/schemas", &key)));
                }
                ReferenceOr::Reference { reference: next } => current = next.clone(),
            }
        }
        None
    }

    pub(super) fn warn(&mut self, at: &str, reason: impl Into<String>) {
        self.warnings.push(self.source.at(at), reason);
    }
}

/// The `required` lists of an object's `anyOf` whose members say nothing
/// but `required` (names among its properties): "at least one of these".
fn required_alternatives(any: &AnySchema) -> Option<Vec<Vec<String>>> {
    if any.properties.is_empty() || any.any_of.is_empty() || !any.one_of.is_empty() {
        return None;
    }
    any.any_of
        .iter()
        .map(|member| match member {
            ReferenceOr::Item(Schema { schema_kind: SchemaKind::Any(member), .. })
                if !member.required.is_empty()
                    && AnySchema { required: Vec::new(), ..member.clone() } == AnySchema::default()
                    && member.required.iter().all(|name| any.properties.contains_key(name)) =>
            {
                Some(member.required.clone())
            }
            _ => None,
        })
        .collect()
}
