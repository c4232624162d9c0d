//! Schemas brought into the forms the converter handles: a missing `type`
//! inferred from the other keywords, `allOf` members merged into one
//! object. What cannot be read exactly becomes a warning and the more
//! permissive reading.

use std::borrow::Cow;

use openapiv3::{
    AnySchema, ArrayType, BooleanType, IntegerType, NumberType, ObjectType, ReferenceOr, Schema, SchemaKind,
    StringType, Type,
};
use serde_json::Value;

use super::Converter;
use crate::error::Result;
use crate::pointer;

/// How deep `allOf` members may nest through references before the rest
/// is read as free-form.
const MAX_DEPTH: usize = 32;

impl Converter<'_> {
    /// The schema in a form the converter handles: `Type`, `OneOf`, `AnyOf`,
    /// a single-member `AllOf` around a `$ref`, `Not`, or an empty `Any`
    /// (free-form JSON).
    pub(super) fn normalize<'s>(&mut self, schema: &'s Schema, at: &str) -> Result<Cow<'s, Schema>> {
        self.normalize_at_depth(schema, at, 0)
    }

    fn normalize_at_depth<'s>(&mut self, schema: &'s Schema, at: &str, depth: usize) -> Result<Cow<'s, Schema>> {
        match &schema.schema_kind {
            SchemaKind::AllOf { all_of } if all_of.len() == 1 && matches!(all_of[0], ReferenceOr::Reference { .. }) => {
                Ok(Cow::Borrowed(schema))
            }
            SchemaKind::AllOf { all_of } => {
                let kind = self.merge_all_of(all_of, None, at, depth)?;
                Ok(Cow::Owned(Schema { schema_data: schema.schema_data.clone(), schema_kind: kind }))
            }
            SchemaKind::Any(any) if *any != AnySchema::default() => {
                let kind = self.infer(any, at, depth)?;
                Ok(Cow::Owned(Schema { schema_data: schema.schema_data.clone(), schema_kind: kind }))
            }
            _ => Ok(Cow::Borrowed(schema)),
        }
    }

    /// The kind of a schema without a usable `type`, from its other keywords.
    fn infer(&mut self, any: &AnySchema, at: &str, depth: usize) -> Result<SchemaKind> {
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
            let (keyword, members) =
                if any.one_of.is_empty() { ("anyOf", &any.any_of) } else { ("oneOf", &any.one_of) };
            if !any.properties.is_empty() {
                self.warn(at, format!("properties beside {keyword} are not merged into its members; they are ignored"));
            }
            return Ok(if keyword == "oneOf" {
                SchemaKind::OneOf { one_of: members.clone() }
            } else {
                SchemaKind::AnyOf { any_of: members.clone() }
            });
        }
        if let Some(not) = &any.not {
            return Ok(SchemaKind::Not { not: not.clone() });
        }
        let typ = match any.typ.as_deref() {
            Some(typ) => typ.to_owned(),
            None => match self.inferred_type(any) {
                Some(typ) => typ.to_owned(),
                None => {
                    if !any.enumeration.is_empty() {
                        self.warn(at, "enum values of different JSON types; read as free-form JSON, not checked");
                    }
                    return Ok(SchemaKind::Any(AnySchema::default()));
                }
            },
        };
        let ignored = |names: &[(&str, bool)]| -> Vec<String> {
            names.iter().filter(|(_, present)| *present).map(|(name, _)| format!("`{name}`")).collect()
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
            "integer" => (
                Type::Integer(self.integer_type(any, at)),
                [&string_keywords[..], &array_keywords, &object_keywords].concat(),
            ),
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
                return Ok(SchemaKind::Any(AnySchema::default()));
            }
        };
        let foreign = ignored(&foreign);
        if !foreign.is_empty() {
            let verb = if foreign.len() == 1 { "does" } else { "do" };
            self.warn(at, format!("{} {verb} not apply to type {typ}; ignored", foreign.join(", ")));
        }
        Ok(SchemaKind::Type(kind))
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
    /// the nearest whole number; a fractional factor is dropped with a warning.
    fn integer_type(&mut self, any: &AnySchema, at: &str) -> IntegerType {
        let whole = |bound: Option<f64>, round: fn(f64) -> f64| bound.map(|b| round(b) as i64);
        let multiple_of = match any.multiple_of {
            Some(factor) if factor.fract() == 0.0 && factor >= 1.0 => Some(factor as i64),
            Some(factor) => {
                self.warn(&pointer::join(at, "multipleOf"), format!("multipleOf {factor} on an integer; not checked"));
                None
            }
            None => None,
        };
        IntegerType {
            format: serde_json::from_value(any.format.clone().map(Value::String).unwrap_or(Value::Null))
                .unwrap_or_default(),
            multiple_of,
            exclusive_minimum: any.exclusive_minimum.unwrap_or(false) && any.minimum.is_some_and(|b| b.fract() == 0.0),
            exclusive_maximum: any.exclusive_maximum.unwrap_or(false) && any.maximum.is_some_and(|b| b.fract() == 0.0),
            minimum: whole(any.minimum, f64::ceil),
            maximum: whole(any.maximum, f64::floor),
            enumeration: self.enum_of(&any.enumeration, at, Value::as_i64),
        }
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

    /// Merges `allOf` members (and sibling keywords, `extra`) into one schema
    /// kind: objects become one object with the properties, `required` and
    /// bounds of every member; a single non-trivial member stands for itself.
    fn merge_all_of(
        &mut self,
        members: &[ReferenceOr<Schema>],
        extra: Option<&AnySchema>,
        at: &str,
        depth: usize,
    ) -> Result<SchemaKind> {
        if depth > MAX_DEPTH {
            self.warn(at, "allOf nested too deeply; read as free-form JSON");
            return Ok(SchemaKind::Any(AnySchema::default()));
        }
        let mut parts: Vec<(Schema, String, bool)> = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let member_at = format!("{at}/allOf/{i}");
            match member {
                ReferenceOr::Reference { reference } => {
                    let Some((target, target_at)) = self.component_schema(reference) else {
                        self.warn(&member_at, format!("allOf member {reference:?} is not a component schema; ignored"));
                        continue;
                    };
                    let normal = self.normalize_at_depth(&target, &target_at, depth + 1)?.into_owned();
                    parts.push((normal, target_at, true));
                }
                ReferenceOr::Item(schema) => {
                    let normal = self.normalize_at_depth(schema, &member_at, depth + 1)?.into_owned();
                    parts.push((normal, member_at, false));
                }
            }
        }
        if let Some(extra) = extra {
            let kind = self.infer(extra, at, depth + 1)?;
            parts.push((Schema { schema_data: Default::default(), schema_kind: kind }, at.to_owned(), false));
        }
        // Members that only annotate (no type, no keywords) add nothing.
        parts.retain(
            |(schema, _, _)| !matches!(&schema.schema_kind, SchemaKind::Any(any) if *any == AnySchema::default()),
        );
        if parts.len() == 1 && !parts[0].2 {
            return Ok(parts.remove(0).0.schema_kind);
        }
        if parts.len() == 1 {
            // One referenced member: keep its name.
            let reference = members
                .iter()
                .find(|m| matches!(m, ReferenceOr::Reference { .. }))
                .cloned()
                .unwrap_or(ReferenceOr::Item(parts.remove(0).0));
            return Ok(SchemaKind::AllOf { all_of: vec![reference] });
        }
        if parts.is_empty() {
            return Ok(SchemaKind::Any(AnySchema::default()));
        }
        let mut merged = ObjectType::default();
        let mut objects = 0;
        for (schema, part_at, _) in &parts {
            let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
                self.warn(
                    part_at,
                    "allOf member that is not an object cannot be merged with the others; its constraints are not checked",
                );
                continue;
            };
            objects += 1;
            for (name, property) in &object.properties {
                match merged.properties.get(name) {
                    None => {
                        merged.properties.insert(name.clone(), property.clone());
                    }
                    Some(existing) if existing == property => {}
                    Some(_) => self.warn(
                        &pointer::join(&pointer::join(part_at, "properties"), name),
                        format!("property {name:?} is defined by several allOf members; the first definition is used"),
                    ),
                }
            }
            for name in &object.required {
                if !merged.required.contains(name) {
                    merged.required.push(name.clone());
                }
            }
            merged.min_properties = merged.min_properties.max(object.min_properties);
            merged.max_properties = match (merged.max_properties, object.max_properties) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            merged.additional_properties = match (&merged.additional_properties, &object.additional_properties) {
                (None, other) | (other, None) => other.clone(),
                (Some(a), Some(b)) if a == b => Some(a.clone()),
                _ => {
                    self.warn(part_at, "allOf members disagree on additionalProperties; any additional member is kept");
                    Some(openapiv3::AdditionalProperties::Any(true))
                }
            };
        }
        if objects == 0 {
            self.warn(at, "allOf of members that are not objects; read as free-form JSON, not checked");
            return Ok(SchemaKind::Any(AnySchema::default()));
        }
        // `additionalProperties: false` on one member would forbid the
        // properties of the others: read the merged object as open.
        if merged.additional_properties == Some(openapiv3::AdditionalProperties::Any(false)) && objects > 1 {
            merged.additional_properties = None;
        }
        Ok(SchemaKind::Type(Type::Object(merged)))
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
