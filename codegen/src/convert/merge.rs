//! `allOf`: members merged into one schema. Objects merge their properties
//! (a property several members define becomes the `allOf` of its
//! definitions, merged in turn), `required` lists and bounds; scalars of one
//! type intersect their constraints; a union member is combined with each of
//! its alternatives. A referenced member that already says all the others
//! say keeps its name. Only what cannot be merged exactly (members of
//! different types, factors whose common multiple does not fit) is a
//! warning, read the more permissive way.

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, AnySchema, ArrayType, BooleanType, IntegerFormat, IntegerType, NumberType, ObjectType,
    ReferenceOr, Schema, SchemaData, SchemaKind, StringType, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

use super::decimal;
use super::normalize::{at_depth, origin, same_schema, tagged, Extra, Reading, MAX_DEPTH};
use super::schema::has_null_enum_value;
use super::Converter;
use crate::error::Result;
use crate::pointer;

/// A schema one member gives for a position, and where it is written.
type Definition = (ReferenceOr<Box<Schema>>, String);

/// One member, normalized: its content (a `$ref` followed, a wrapper
/// around one unwrapped), where it is written and the `$ref` it came through.
pub(super) struct Part {
    schema: Schema,
    extra: Extra,
    at: String,
    reference: Option<String>,
}

impl Part {
    /// A member read in place at `at`.
    pub fn inline(reading: Reading, at: &str) -> Self {
        let schema_data =
            SchemaData { nullable: reading.nullable, discriminator: reading.discriminator, ..SchemaData::default() };
        Part {
            schema: Schema { schema_data, schema_kind: reading.kind },
            extra: reading.extra,
            at: at.to_owned(),
            reference: None,
        }
    }

    fn allows_null(&self) -> bool {
        self.schema.schema_data.nullable || has_null_enum_value(&self.schema)
    }

    /// A member without type or constraints (annotations only) adds nothing.
    fn trivial(&self) -> bool {
        matches!(&self.schema.schema_kind, SchemaKind::Any(any) if *any == AnySchema::default())
    }

    /// The member as an `allOf` member again: its `$ref`, or its content
    /// marked with where it is written.
    fn as_member(&self) -> ReferenceOr<Schema> {
        match &self.reference {
            Some(reference) => ReferenceOr::Reference { reference: reference.clone() },
            None => ReferenceOr::Item(tagged(self.schema.clone(), &self.at)),
        }
    }
}

/// The JSON type (or combinator) a normalized kind stands for, for messages
/// and for telling which members can merge.
fn type_word(kind: &SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Type(Type::String(_)) => "string",
        SchemaKind::Type(Type::Integer(_)) => "integer",
        SchemaKind::Type(Type::Number(_)) => "number",
        SchemaKind::Type(Type::Boolean(_)) => "boolean",
        SchemaKind::Type(Type::Array(_)) => "array",
        SchemaKind::Type(Type::Object(_)) => "object",
        SchemaKind::OneOf { .. } => "oneOf",
        SchemaKind::AnyOf { .. } => "anyOf",
        SchemaKind::AllOf { .. } => "allOf",
        SchemaKind::Not { .. } => "not",
        SchemaKind::Any(_) => "any",
    }
}

/// Integers are numbers: the two merge.
fn family(kind: &SchemaKind) -> &'static str {
    match type_word(kind) {
        "integer" => "number",
        word => word,
    }
}

fn larger<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    a.max(b)
}

fn smaller<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The tighter of two lower bounds (`higher`) or upper bounds; at the same
/// value, exclusive wins.
fn tighter(current: Option<(f64, bool)>, new: (f64, bool), higher: bool) -> Option<(f64, bool)> {
    Some(match current {
        None => new,
        Some((value, exclusive)) if value == new.0 => (value, exclusive || new.1),
        Some(current) if (new.0 > current.0) == higher => new,
        Some(current) => current,
    })
}

/// The values in both lists (in the order of the first); the second alone
/// when there is no first yet.
fn common<T: PartialEq>(current: Option<Vec<T>>, values: Vec<T>) -> Option<Vec<T>> {
    if values.is_empty() {
        return current;
    }
    Some(match current {
        None => values,
        Some(current) => current.into_iter().filter(|v| values.contains(v)).collect(),
    })
}

fn unboxed(schema: ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference },
        ReferenceOr::Item(schema) => ReferenceOr::Item(*schema),
    }
}

impl Converter<'_> {
    /// Merges `allOf` members (and the keywords beside them, `siblings`).
    pub(super) fn merge_all_of(
        &mut self,
        members: &[ReferenceOr<Schema>],
        siblings: Option<&AnySchema>,
        at: &str,
        depth: usize,
    ) -> Result<Reading> {
        if depth > MAX_DEPTH {
            self.warn(at, "allOf nested too deeply; read as free-form JSON");
            return Ok(Reading::any());
        }
        let mut parts = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let member_at = origin(member).unwrap_or_else(|| format!("{at}/allOf/{i}"));
            if let Some(part) = self.part(member, member_at, depth)? {
                parts.push(part);
            }
        }
        if let Some(siblings) = siblings {
            let reading = self.infer(siblings, at, depth + 1)?;
            parts.push(Part::inline(reading, at));
        }
        self.intersect(parts, at, depth)
    }

    /// A member, normalized, with `$ref`s and single-`$ref` wrappers followed.
    fn part(&mut self, member: &ReferenceOr<Schema>, member_at: String, depth: usize) -> Result<Option<Part>> {
        if depth > MAX_DEPTH {
            self.warn(&member_at, "allOf nested too deeply; read as free-form JSON");
            return Ok(None);
        }
        let (schema, at, reference) = match member {
            ReferenceOr::Reference { reference } => {
                let Some((target, target_at)) = self.component_schema(reference) else {
                    self.warn(&member_at, format!("allOf member {reference:?} is not a component schema; ignored"));
                    return Ok(None);
                };
                (target, target_at, Some(reference.clone()))
            }
            ReferenceOr::Item(schema) => (schema.clone(), member_at, None),
        };
        let normal = self.normalize_at_depth(&schema, &at, depth + 1)?;
        let (schema, extra) = (normal.schema.into_owned(), normal.extra);
        if let SchemaKind::AllOf { all_of } = &schema.schema_kind {
            if let [inner @ ReferenceOr::Reference { .. }] = all_of.as_slice() {
                let nullable = schema.schema_data.nullable;
                let Some(mut part) = self.part(&inner.clone(), format!("{at}/allOf/0"), depth + 1)? else {
                    return Ok(None);
                };
                part.schema.schema_data.nullable |= nullable;
                part.reference = reference.or(part.reference);
                return Ok(Some(part));
            }
        }
        Ok(Some(Part { schema, extra, at, reference }))
    }

    /// The schema every part holds for.
    pub(super) fn intersect(&mut self, parts: Vec<Part>, at: &str, depth: usize) -> Result<Reading> {
        let mut parts: Vec<Part> = parts.into_iter().filter(|p| !p.trivial()).collect();
        let nullable = parts.iter().all(Part::allows_null);
        if parts.is_empty() {
            return Ok(Reading::any());
        }
        if parts.len() == 1 {
            let part = parts.remove(0);
            return Ok(match part.reference {
                Some(reference) => {
                    Reading::of(SchemaKind::AllOf { all_of: vec![ReferenceOr::Reference { reference }] })
                }
                None => Reading {
                    kind: part.schema.schema_kind,
                    extra: part.extra,
                    nullable,
                    discriminator: part.schema.schema_data.discriminator,
                },
            });
        }
        if let Some(reference) = self.implying_reference(&parts, nullable) {
            return Ok(Reading::of(SchemaKind::AllOf { all_of: vec![ReferenceOr::Reference { reference }] }));
        }
        if let Some(index) = parts.iter().position(|p| matches!(family(&p.schema.schema_kind), "oneOf" | "anyOf")) {
            return Ok(self.distribute(parts, index, nullable, depth));
        }
        let reading = if parts.iter().any(|p| family(&p.schema.schema_kind) == "object") {
            self.merge_objects(&parts)
        } else {
            self.merge_scalars(&parts, at)
        };
        Ok(Reading { nullable, ..reading })
    }

    /// A referenced part that already says what every other part says, so
    /// the merge is that reference (and keeps its name).
    fn implying_reference(&self, parts: &[Part], nullable: bool) -> Option<String> {
        parts.iter().find_map(|candidate| {
            let reference = candidate.reference.as_ref()?;
            let implied = candidate.allows_null() == nullable
                && parts.iter().all(|other| std::ptr::eq(other, candidate) || implies(candidate, other));
            implied.then(|| reference.clone())
        })
    }

    /// `S and (A or B)` is `(S and A) or (S and B)`: the union with every
    /// other part added to each alternative (and so for `oneOf`).
    fn distribute(&mut self, mut parts: Vec<Part>, index: usize, nullable: bool, depth: usize) -> Reading {
        let union = parts.remove(index);
        let (keyword, alternatives) = match &union.schema.schema_kind {
            SchemaKind::OneOf { one_of } => ("oneOf", one_of),
            SchemaKind::AnyOf { any_of } => ("anyOf", any_of),
            _ => unreachable!("distribute is called on a union part"),
        };
        let others: Vec<ReferenceOr<Schema>> = parts.iter().map(Part::as_member).collect();
        let members = alternatives
            .iter()
            .enumerate()
            .map(|(i, alternative)| {
                let alternative = match alternative {
                    ReferenceOr::Item(schema) => {
                        ReferenceOr::Item(tagged(schema.clone(), &format!("{}/{keyword}/{i}", union.at)))
                    }
                    reference => reference.clone(),
                };
                let all_of = others.iter().cloned().chain([alternative]).collect();
                let member = Schema { schema_data: SchemaData::default(), schema_kind: SchemaKind::AllOf { all_of } };
                // Members are read later, one by one: the depth travels with them,
                // so a union that contains itself ends at `MAX_DEPTH`.
                ReferenceOr::Item(at_depth(member, depth + 1))
            })
            .collect();
        let kind = if keyword == "oneOf" {
            SchemaKind::OneOf { one_of: members }
        } else {
            SchemaKind::AnyOf { any_of: members }
        };
        Reading { kind, extra: Extra::default(), nullable, discriminator: union.schema.schema_data.discriminator }
    }

    /// Objects: every property, `required` name and bound of every member.
    fn merge_objects(&mut self, parts: &[Part]) -> Reading {
        let mut merged = ObjectType::default();
        let mut definitions: IndexMap<String, Vec<Definition>> = IndexMap::new();
        let mut additional = Vec::new();
        let mut objects = 0;
        for part in parts {
            let SchemaKind::Type(Type::Object(object)) = &part.schema.schema_kind else {
                self.warn(
                    &part.at,
                    format!(
                        "allOf member of type {} cannot hold together with an object member; its constraints are not checked",
                        type_word(&part.schema.schema_kind)
                    ),
                );
                continue;
            };
            objects += 1;
            for (name, property) in &object.properties {
                let property_at =
                    origin(property).unwrap_or_else(|| pointer::join(&pointer::join(&part.at, "properties"), name));
                definitions.entry(name.clone()).or_default().push((property.clone(), property_at));
            }
            for name in &object.required {
                if !merged.required.contains(name) {
                    merged.required.push(name.clone());
                }
            }
            merged.min_properties = larger(merged.min_properties, object.min_properties);
            merged.max_properties = smaller(merged.max_properties, object.max_properties);
            if let Some(rule) = &object.additional_properties {
                additional.push((rule.clone(), format!("{}/additionalProperties", part.at)));
            }
        }
        for (name, definitions) in definitions {
            merged.properties.insert(name, merged_definition(definitions));
        }
        merged.additional_properties = merged_additional(additional);
        // `additionalProperties: false` on one member would forbid the
        // properties of the others: read the merged object as open.
        if merged.additional_properties == Some(AdditionalProperties::Any(false)) && objects > 1 {
            merged.additional_properties = None;
        }
        Reading::of(SchemaKind::Type(Type::Object(merged)))
    }

    /// Scalars and arrays of one type: the intersection of their constraints.
    fn merge_scalars(&mut self, parts: &[Part], at: &str) -> Reading {
        let first = family(&parts[0].schema.schema_kind);
        if let Some(other) = parts.iter().find(|p| family(&p.schema.schema_kind) != first) {
            self.warn(
                &other.at,
                format!(
                    "this allOf member is of type {}, another of type {}: no value is both; read as free-form JSON, not checked",
                    type_word(&other.schema.schema_kind),
                    type_word(&parts[0].schema.schema_kind)
                ),
            );
            return Reading::any();
        }
        match first {
            "string" => self.merge_strings(parts, at),
            "number" => self.merge_numbers(parts, at),
            "boolean" => {
                let mut values = None;
                for part in parts {
                    if let SchemaKind::Type(Type::Boolean(b)) = &part.schema.schema_kind {
                        values = common(values, b.enumeration.iter().flatten().copied().collect());
                    }
                }
                let enumeration = values.unwrap_or_default().into_iter().map(Some).collect();
                Reading::of(SchemaKind::Type(Type::Boolean(BooleanType { enumeration })))
            }
            "array" => merge_arrays(parts),
            other => {
                self.warn(
                    at,
                    format!("allOf members that are {other} schemas cannot be merged; only the first is read"),
                );
                Reading { extra: parts[0].extra.clone(), ..Reading::of(parts[0].schema.schema_kind.clone()) }
            }
        }
    }

    fn merge_strings(&mut self, parts: &[Part], at: &str) -> Reading {
        let mut merged = StringType::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut values: Option<Vec<String>> = None;
        let mut every_value: Vec<String> = Vec::new();
        let mut last_enum_at = at;
        for part in parts {
            let SchemaKind::Type(Type::String(string)) = &part.schema.schema_kind else { continue };
            if merged.format == VariantOrUnknownOrEmpty::Empty {
                merged.format = string.format.clone();
            }
            merged.min_length = larger(merged.min_length, string.min_length);
            merged.max_length = smaller(merged.max_length, string.max_length);
            for pattern in string.pattern.iter().chain(&part.extra.patterns) {
                if !patterns.contains(pattern) {
                    patterns.push(pattern.clone());
                }
            }
            let own: Vec<String> = string.enumeration.iter().flatten().cloned().collect();
            if !own.is_empty() {
                last_enum_at = &part.at;
            }
            every_value.extend(own.iter().filter(|v| !every_value.contains(v)).cloned().collect::<Vec<_>>());
            values = common(values, own);
        }
        if let Some(values) = values {
            let fitting: Vec<String> = values.into_iter().filter(|v| string_fits(v, &merged, &patterns)).collect();
            let chosen = if fitting.is_empty() {
                self.warn(
                    last_enum_at,
                    "no value of this enum satisfies the other allOf members; every value of any member is allowed, not checked",
                );
                every_value
            } else {
                fitting
            };
            merged.enumeration = chosen.into_iter().map(Some).collect();
        }
        let mut patterns = patterns.into_iter();
        merged.pattern = patterns.next();
        Reading {
            extra: Extra { patterns: patterns.collect(), multiple_of: None },
            ..Reading::of(SchemaKind::Type(Type::String(merged)))
        }
    }

    fn merge_numbers(&mut self, parts: &[Part], at: &str) -> Reading {
        let mut integer = false;
        let mut int32 = false;
        let mut number_format = VariantOrUnknownOrEmpty::Empty;
        let (mut minimum, mut maximum) = (None, None);
        let mut factors: Vec<f64> = Vec::new();
        let mut values: Option<Vec<f64>> = None;
        for part in parts {
            let (low, high, factor, own) = match &part.schema.schema_kind {
                SchemaKind::Type(Type::Integer(t)) => {
                    integer = true;
                    int32 |= t.format == VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32);
                    (
                        t.minimum.map(|n| (n as f64, t.exclusive_minimum)),
                        t.maximum.map(|n| (n as f64, t.exclusive_maximum)),
                        part.extra.multiple_of.or(t.multiple_of.map(|n| n as f64)),
                        t.enumeration.iter().flatten().map(|n| *n as f64).collect::<Vec<_>>(),
                    )
                }
                SchemaKind::Type(Type::Number(t)) => {
                    if number_format == VariantOrUnknownOrEmpty::Empty {
                        number_format = t.format.clone();
                    }
                    (
                        t.minimum.map(|n| (n, t.exclusive_minimum)),
                        t.maximum.map(|n| (n, t.exclusive_maximum)),
                        part.extra.multiple_of.or(t.multiple_of),
                        t.enumeration.iter().flatten().copied().collect(),
                    )
                }
                _ => continue,
            };
            if let Some(low) = low {
                minimum = tighter(minimum, low, true);
            }
            if let Some(high) = high {
                maximum = tighter(maximum, high, false);
            }
            factors.extend(factor.filter(|f| !factors.contains(f)));
            values = common(values, own);
        }
        let multiple_of = match factors.as_slice() {
            [] => None,
            [first, rest @ ..] => {
                Some(rest.iter().try_fold(*first, |a, b| decimal::least_common_multiple(a, *b)).unwrap_or_else(|| {
                    let shown: Vec<String> = factors.iter().map(f64::to_string).collect();
                    self.warn(
                        at,
                        format!(
                        "multipleOf {} have no common multiple that can be checked exactly; only {first} is checked",
                        shown.join(", ")
                    ),
                    );
                    *first
                }))
            }
        };
        if integer {
            let any = AnySchema {
                typ: Some("integer".to_owned()),
                format: int32.then(|| "int32".to_owned()),
                minimum: minimum.map(|(n, _)| n),
                exclusive_minimum: minimum.map(|(_, exclusive)| exclusive),
                maximum: maximum.map(|(n, _)| n),
                exclusive_maximum: maximum.map(|(_, exclusive)| exclusive),
                multiple_of,
                // Values that are not whole are no integer's.
                enumeration: values
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|v| v.fract() == 0.0)
                    .map(|v| Value::from(v as i64))
                    .collect(),
                ..AnySchema::default()
            };
            let (merged, fractional): (IntegerType, Option<f64>) = self.integer_type(&any, at);
            return Reading {
                extra: Extra { patterns: Vec::new(), multiple_of: fractional },
                ..Reading::of(SchemaKind::Type(Type::Integer(merged)))
            };
        }
        let merged = NumberType {
            format: number_format,
            multiple_of,
            exclusive_minimum: minimum.is_some_and(|(_, exclusive)| exclusive),
            exclusive_maximum: maximum.is_some_and(|(_, exclusive)| exclusive),
            minimum: minimum.map(|(n, _)| n),
            maximum: maximum.map(|(n, _)| n),
            enumeration: values.unwrap_or_default().into_iter().map(Some).collect(),
        };
        Reading::of(SchemaKind::Type(Type::Number(merged)))
    }
}

/// Whether every value `candidate` allows is one `other` allows, judged on
/// what can be seen without merging: the same schema, a bare schema of the
/// same type, or an object whose properties and `required` names the
/// candidate already has.
fn implies(candidate: &Part, other: &Part) -> bool {
    if candidate.allows_null() && !other.allows_null() {
        return false;
    }
    if other.extra != Extra::default() && other.extra != candidate.extra {
        return false;
    }
    match (&candidate.schema.schema_kind, &other.schema.schema_kind) {
        (a, b) if a == b => true,
        (SchemaKind::Type(Type::Object(a)), SchemaKind::Type(Type::Object(b))) => {
            b.properties.iter().all(|(name, p)| a.properties.get(name).is_some_and(|q| same_schema(p, q)))
                && b.required.iter().all(|name| a.required.contains(name))
                && (b.additional_properties.is_none() || b.additional_properties == a.additional_properties)
                && (b.min_properties.is_none() || b.min_properties == a.min_properties)
                && (b.max_properties.is_none() || b.max_properties == a.max_properties)
        }
        (SchemaKind::Type(Type::String(_)), SchemaKind::Type(Type::String(b))) => {
            *b == StringType { format: b.format.clone(), ..StringType::default() }
        }
        (SchemaKind::Type(Type::Integer(_)), SchemaKind::Type(Type::Integer(b))) => {
            *b == IntegerType { format: b.format.clone(), ..IntegerType::default() }
        }
        (SchemaKind::Type(Type::Integer(_) | Type::Number(_)), SchemaKind::Type(Type::Number(b))) => {
            *b == NumberType { format: b.format.clone(), ..NumberType::default() }
        }
        (SchemaKind::Type(Type::Boolean(_)), SchemaKind::Type(Type::Boolean(b))) => b.enumeration.is_empty(),
        (SchemaKind::Type(Type::Array(_)), SchemaKind::Type(Type::Array(b))) => {
            *b == ArrayType { items: None, min_items: None, max_items: None, unique_items: false }
        }
        _ => false,
    }
}

/// A property as one or more members define it: the one definition, or
/// the `allOf` of the distinct ones with their annotations combined.
fn merged_definition(definitions: Vec<Definition>) -> ReferenceOr<Box<Schema>> {
    let mut distinct: Vec<Definition> = Vec::new();
    for (definition, at) in definitions {
        if !distinct.iter().any(|(d, _)| same_schema(d, &definition)) {
            distinct.push((definition, at));
        }
    }
    if distinct.len() == 1 {
        let (definition, at) = distinct.remove(0);
        return match definition {
            ReferenceOr::Item(schema) => ReferenceOr::Item(Box::new(tagged(*schema, &at))),
            reference => reference,
        };
    }
    let mut data = SchemaData::default();
    for (definition, _) in &distinct {
        if let ReferenceOr::Item(schema) = definition {
            let d = &schema.schema_data;
            data.read_only |= d.read_only;
            data.write_only |= d.write_only;
            data.deprecated |= d.deprecated;
            data.description = d.description.clone().or(data.description);
            data.title = d.title.clone().or(data.title);
            data.example = d.example.clone().or(data.example);
            data.default = d.default.clone().or(data.default);
            data.external_docs = d.external_docs.clone().or(data.external_docs);
        }
    }
    let all_of = distinct
        .into_iter()
        .map(|(definition, at)| match unboxed(definition) {
            ReferenceOr::Item(schema) => ReferenceOr::Item(tagged(schema, &at)),
            reference => reference,
        })
        .collect();
    ReferenceOr::Item(Box::new(Schema { schema_data: data, schema_kind: SchemaKind::AllOf { all_of } }))
}

/// The `additionalProperties` every member's rule allows.
fn merged_additional(rules: Vec<(AdditionalProperties, String)>) -> Option<AdditionalProperties> {
    let mut schemas: Vec<Definition> = Vec::new();
    let mut open = false;
    for (rule, at) in rules {
        match rule {
            AdditionalProperties::Any(false) => return Some(AdditionalProperties::Any(false)),
            AdditionalProperties::Any(true) => open = true,
            AdditionalProperties::Schema(schema) => schemas.push((unboxed_ref(*schema), at)),
        }
    }
    if schemas.is_empty() {
        return open.then_some(AdditionalProperties::Any(true));
    }
    Some(AdditionalProperties::Schema(Box::new(unboxed(merged_definition(schemas)))))
}

fn unboxed_ref(schema: ReferenceOr<Schema>) -> ReferenceOr<Box<Schema>> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference },
        ReferenceOr::Item(schema) => ReferenceOr::Item(Box::new(schema)),
    }
}

/// Arrays: the tighter item counts, and items that satisfy every member's `items`.
fn merge_arrays(parts: &[Part]) -> Reading {
    let mut merged = ArrayType { items: None, min_items: None, max_items: None, unique_items: false };
    let mut items = Vec::new();
    for part in parts {
        let SchemaKind::Type(Type::Array(array)) = &part.schema.schema_kind else { continue };
        merged.min_items = larger(merged.min_items, array.min_items);
        merged.max_items = smaller(merged.max_items, array.max_items);
        merged.unique_items |= array.unique_items;
        if let Some(item) = &array.items {
            let item_at = origin(item).unwrap_or_else(|| format!("{}/items", part.at));
            items.push((item.clone(), item_at));
        }
    }
    if !items.is_empty() {
        merged.items = Some(merged_definition(items));
    }
    Reading::of(SchemaKind::Type(Type::Array(merged)))
}

/// Whether an enum value satisfies the merged string's lengths and patterns.
fn string_fits(value: &str, string: &StringType, patterns: &[String]) -> bool {
    let length = value.chars().count();
    let long_enough = string.min_length.is_none_or(|min| length >= min);
    let short_enough = string.max_length.is_none_or(|max| length <= max);
    long_enough && short_enough && patterns.iter().all(|p| crate::pattern::matches(p, value).unwrap_or(true))
}

#[cfg(test)]
mod tests {
    use crate::ir::{Rules, Shape, Ty, TypeKind};
    use crate::{Settings, SpecSource};

    /// The model of `schemas` (YAML under `components/schemas`) and its warnings.
    fn model(schemas: &str) -> (crate::ir::Api, Vec<String>) {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        let (api, warnings) = crate::model(SpecSource { file: "t.yaml", text: &text }, &Settings::default()).unwrap();
        (api, warnings.into_iter().map(|w| format!("{}: {}", w.at.pointer, w.reason)).collect())
    }

    fn newtype(api: &crate::ir::Api, name: &str) -> Shape {
        match &api.types[name].kind {
            TypeKind::Newtype(shape) => shape.clone(),
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn number_bounds_take_the_tighter_side_and_exclusive_wins_a_tie() {
        let (api, warnings) = model(
            "    N:\n      allOf:\n        - {type: number, minimum: 1, maximum: 9, exclusiveMaximum: true}\n        - {type: number, minimum: 1, exclusiveMinimum: true, maximum: 5}\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let shape = newtype(&api, "N");
        assert_eq!(shape.ty, Ty::F64);
        assert_eq!(shape.rules, Rules { minimum: Some((1.0, true)), maximum: Some((5.0, false)), ..Rules::default() });
    }

    #[test]
    fn enum_values_in_common_that_fit_the_other_members() {
        let (api, warnings) = model(
            "    E:\n      allOf:\n        - {type: string, enum: [a, bb, ccc]}\n        - {type: string, enum: [ccc, bb, a], maxLength: 2}\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let TypeKind::Enum(e) = &api.types["E"].kind else { panic!() };
        let values: Vec<&str> = e.values.iter().map(|v| v.wire_name.as_str()).collect();
        assert_eq!(values, ["a", "bb"]);
    }

    #[test]
    fn a_property_merged_from_an_integer_and_a_number_is_an_integer() {
        let (api, warnings) = model(
            "    A:\n      type: object\n      properties:\n        n: {type: integer, format: int32}\n    B:\n      allOf:\n        - $ref: '#/components/schemas/A'\n        - properties:\n            n: {type: number, multipleOf: 2.5}\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let TypeKind::Struct(s) = &api.types["B"].kind else { panic!() };
        assert_eq!(s.fields[0].shape.ty, Ty::I32);
        assert_eq!(s.fields[0].shape.rules.multiple_of, Some(2.5));
    }

    #[test]
    fn allof_of_a_union_combines_with_each_alternative() {
        let (api, warnings) = model(
            "    Base:\n      type: object\n      required: [id]\n      properties:\n        id: {type: string}\n    Cat:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - {properties: {meow: {type: boolean}}}\n    Pet:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - oneOf:\n            - $ref: '#/components/schemas/Cat'\n            - {properties: {bark: {type: boolean}}}\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let TypeKind::Union(union) = &api.types["Pet"].kind else { panic!("{:?}", api.types["Pet"].kind) };
        let variants = &union.variants;
        // `Cat` already holds everything `Base` says: it keeps its name.
        assert_eq!(variants[0].type_name, "Cat");
        let TypeKind::Struct(other) = &api.types[&variants[1].type_name].kind else { panic!() };
        let names: Vec<&str> = other.fields.iter().map(|f| f.wire_name.as_str()).collect();
        assert_eq!(names, ["id", "bark"]);
    }

    #[test]
    fn a_moved_property_is_reported_where_it_is_written() {
        let (_, warnings) = model(
            "    A:\n      type: object\n      properties:\n        p: {type: string, minItems: 1}\n    B:\n      allOf:\n        - $ref: '#/components/schemas/A'\n        - type: object\n          properties:\n            q: {type: string}\n",
        );
        // Once, at the member that writes it, not again under `B`.
        assert_eq!(
            warnings,
            ["/components/schemas/A/properties/p/minItems: `minItems` does not apply to type string; ignored"]
        );
    }
}
