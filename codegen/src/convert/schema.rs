//! Schemas -> named types and shapes.

use openapiv3::{
    AdditionalProperties, ArrayType, IntegerFormat, ObjectType, ReferenceOr, Schema, SchemaKind, StringType, Type,
    VariantOrUnknownOrEmpty,
};

use super::normalize::{origin, Extra};
use super::Converter;
use crate::error::Result;
use crate::ir::{
    Additional, EnumDef, EnumValue, Field, PatternDef, Presence, Rules, Shape, StructDef, Ty, TypeDef, TypeKind,
};
use crate::naming;
use crate::pattern;
use crate::pointer;
use serde_json::Value;

/// How a schema is turned into Rust, decided once for both named and inline use.
enum Form<'s> {
    /// An object with properties: a struct.
    Struct(&'s ObjectType),
    /// A string enumeration.
    Enum(Vec<String>),
    /// `anyOf` / `oneOf`, with the keyword used.
    Union(&'s [ReferenceOr<Schema>], &'static str),
    /// A single-member `allOf`, used to annotate a `$ref`.
    Wrapper(&'s ReferenceOr<Schema>),
    /// Everything that becomes a [`Shape`] directly.
    Scalar,
}

impl Converter<'_> {
    fn form<'s>(&self, schema: &'s Schema, at: &str) -> Result<Form<'s>> {
        Ok(match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) if !object.properties.is_empty() => Form::Struct(object),
            SchemaKind::Type(Type::String(string)) if string.enumeration.iter().any(Option::is_some) => {
                Form::Enum(self.enum_values(string, at)?)
            }
            SchemaKind::AnyOf { any_of } => Form::Union(any_of, "anyOf"),
            SchemaKind::OneOf { one_of } => Form::Union(one_of, "oneOf"),
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => Form::Wrapper(&all_of[0]),
            SchemaKind::AllOf { .. } => {
                return Err(self.unsupported(
                    at,
                    "allOf with more than one member (only a single-member allOf annotating a $ref is supported)",
                ))
            }
            SchemaKind::Not { .. } => return Err(self.unsupported(at, "`not` schemas")),
            _ => Form::Scalar,
        })
    }

    /// The values of a string enum; a `null` among them makes values of the
    /// schema nullable instead (see [`Self::shape`]).
    fn enum_values(&self, string: &StringType, _at: &str) -> Result<Vec<String>> {
        Ok(string.enumeration.iter().flatten().cloned().collect())
    }

    /// Defines the named type `name` from a component or inline schema.
    pub(super) fn define(&mut self, name: String, schema: &Schema, at: &str) -> Result<()> {
        self.define_named(name, schema, at, false).map(|_| ())
    }

    /// Defines `name` as another name for the component `target`.
    pub(super) fn define_alias_of(&mut self, name: String, target: String, at: &str) -> Result<()> {
        let def = TypeDef::new(name, at, TypeKind::Alias(Shape::plain(Ty::Named(target))));
        self.insert_type(def, false).map(|_| ())
    }

    /// Defines a named type. `nullable` is not part of a named type: every
    /// use of a nullable schema carries it instead (see [`Self::shape`]).
    fn define_named(&mut self, name: String, schema: &Schema, at: &str, synthesized: bool) -> Result<String> {
        let normal = self.normalize(schema, at)?;
        let extra = normal.extra;
        let mut schema = normal.schema.into_owned();
        schema.schema_data.nullable = false;
        let schema = &schema;
        let kind = match self.form(schema, at)? {
            Form::Struct(object) => TypeKind::Struct(self.struct_def(&name, object, at)?),
            Form::Enum(values) => TypeKind::Enum(enum_def(values)),
            Form::Union(members, keyword) => {
                let discriminator = schema.schema_data.discriminator.as_ref();
                TypeKind::Union(self.union_def(&name, members, keyword, discriminator, at)?)
            }
            Form::Wrapper(inner) => TypeKind::Alias(self.wrapped_shape(inner, schema, &name, at)?),
            Form::Scalar => {
                let shape = self.scalar_shape(schema, &extra, &name, at)?;
                if shape_has_own_rules(&shape) {
                    TypeKind::Newtype(shape)
                } else {
                    TypeKind::Alias(shape)
                }
            }
        };
        let def = TypeDef {
            doc: schema.schema_data.description.clone().or_else(|| schema.schema_data.title.clone()),
            example: schema.schema_data.example.clone(),
            ..TypeDef::new(name, at, kind)
        };
        self.insert_type(def, synthesized)
    }

    /// The shape of a schema used at one position; inline objects, enums and
    /// unions become named types called `context`.
    pub(super) fn shape(&mut self, schema: &ReferenceOr<Schema>, context: &str, at: &str) -> Result<Shape> {
        let schema = match schema {
            ReferenceOr::Reference { reference } => {
                let name = self.schema_ref_name(reference, at)?;
                let nullable = self.nullable_components.contains(&name);
                return Ok(Shape { nullable, ..Shape::plain(Ty::Named(name)) });
            }
            ReferenceOr::Item(schema) => schema,
        };
        let normal = self.normalize(schema, at)?;
        let schema = normal.schema.as_ref();
        let nullable = schema.schema_data.nullable || has_null_enum_value(schema);
        let mut shape = match self.form(schema, at)? {
            Form::Struct(_) | Form::Enum(_) | Form::Union(..) => {
                let mut inline = schema.clone();
                inline.schema_data.nullable = false;
                Shape::plain(Ty::Named(self.define_named(context.to_owned(), &inline, at, true)?))
            }
            Form::Wrapper(inner) => self.wrapped_shape(inner, schema, context, at)?,
            Form::Scalar => self.scalar_shape(schema, &normal.extra, context, at)?,
        };
        shape.nullable |= nullable;
        Ok(shape)
    }

    /// [`Self::shape`] for the boxed schemas openapiv3 uses in properties and items.
    pub(super) fn boxed_shape(&mut self, schema: &ReferenceOr<Box<Schema>>, context: &str, at: &str) -> Result<Shape> {
        let unboxed = match schema {
            ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference: reference.clone() },
            ReferenceOr::Item(schema) => ReferenceOr::Item((**schema).clone()),
        };
        self.shape(&unboxed, context, at)
    }

    fn wrapped_shape(&mut self, inner: &ReferenceOr<Schema>, outer: &Schema, context: &str, at: &str) -> Result<Shape> {
        if !matches!(outer.schema_kind, SchemaKind::AllOf { .. }) {
            return Err(self.unsupported(at, "expected allOf"));
        }
        let mut shape = self.shape(inner, context, &format!("{at}/allOf/0"))?;
        shape.nullable |= outer.schema_data.nullable;
        Ok(shape)
    }

    /// The shape of a scalar, array or open object, with the constraints
    /// `extra` adds to the schema's own.
    fn scalar_shape(&mut self, schema: &Schema, extra: &Extra, context: &str, at: &str) -> Result<Shape> {
        let mut rules = Rules::default();
        let ty = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                // minLength 0 and minItems 0 hold for every value: no check.
                rules.min_length = string.min_length.filter(|n| *n > 0).map(|n| n as u64);
                rules.max_length = string.max_length.map(|n| n as u64);
                for source in string.pattern.iter().chain(&extra.patterns) {
                    rules.patterns.extend(self.pattern(source, at));
                }
                Ty::String
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                rules.allowed = allowed(integer.enumeration.iter().flatten().map(|n| Value::from(*n)));
                rules.multiple_of = extra.multiple_of.or(integer.multiple_of.map(|n| n as f64));
                rules.minimum = integer.minimum.map(|n| (n as f64, integer.exclusive_minimum));
                rules.maximum = integer.maximum.map(|n| (n as f64, integer.exclusive_maximum));
                match integer.format {
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Ty::I32,
                    _ => Ty::I64,
                }
            }
            SchemaKind::Type(Type::Number(number)) => {
                rules.allowed = allowed(number.enumeration.iter().flatten().map(|n| Value::from(*n)));
                rules.multiple_of = extra.multiple_of.or(number.multiple_of);
                rules.minimum = number.minimum.map(|n| (n, number.exclusive_minimum));
                rules.maximum = number.maximum.map(|n| (n, number.exclusive_maximum));
                Ty::F64
            }
            SchemaKind::Type(Type::Boolean(boolean)) => {
                rules.allowed = allowed(boolean.enumeration.iter().flatten().map(|b| Value::from(*b)));
                Ty::Bool
            }
            SchemaKind::Type(Type::Array(array)) => self.array_ty(array, &mut rules, context, at)?,
            SchemaKind::Type(Type::Object(object)) => self.open_object_ty(object, &mut rules, context, at)?,
            // `normalize` leaves only the empty schema here: any JSON value.
            SchemaKind::Any(_) => Ty::Json,
            _ => return Err(self.unsupported(at, "this schema form")),
        };
        Ok(Shape { ty, rules, nullable: schema.schema_data.nullable || has_null_enum_value(schema) })
    }

    fn array_ty(&mut self, array: &ArrayType, rules: &mut Rules, context: &str, at: &str) -> Result<Ty> {
        rules.min_items = array.min_items.filter(|n| *n > 0).map(|n| n as u64);
        rules.max_items = array.max_items.map(|n| n as u64);
        rules.unique_items = array.unique_items;
        let item = match &array.items {
            Some(items) => {
                let items_at = origin(items).unwrap_or_else(|| format!("{at}/items"));
                self.boxed_shape(items, &format!("{context}Item"), &items_at)?
            }
            // Without `items`, any value may be an item.
            None => Shape::plain(Ty::Json),
        };
        Ok(Ty::Array(Box::new(item)))
    }

    /// An object without properties: free-form, or a map of one value schema.
    fn open_object_ty(&mut self, object: &ObjectType, rules: &mut Rules, context: &str, at: &str) -> Result<Ty> {
        rules.min_properties = object.min_properties.filter(|n| *n > 0).map(|n| n as u64);
        rules.max_properties = object.max_properties.map(|n| n as u64);
        match &object.additional_properties {
            None | Some(AdditionalProperties::Any(true)) => Ok(Ty::JsonObject),
            Some(AdditionalProperties::Any(false)) => {
                // Only the empty object is allowed.
                rules.max_properties = Some(0);
                Ok(Ty::JsonObject)
            }
            Some(AdditionalProperties::Schema(value)) => {
                let value_at = origin(value).unwrap_or_else(|| format!("{at}/additionalProperties"));
                let value = self.shape(value, &format!("{context}Value"), &value_at)?;
                Ok(Ty::Map(Box::new(value)))
            }
        }
    }

    /// The pattern at `at`, translated; one that is not a regular
    /// expression at all is a warning and is not checked.
    fn pattern(&mut self, source: &str, at: &str) -> Option<PatternDef> {
        match pattern::translate(source) {
            Ok(translated) => Some(PatternDef {
                source: source.to_owned(),
                must_match: translated.must_match,
                must_not_match: translated.must_not_match,
                backtracking: translated.backtracking,
            }),
            Err(reason) => {
                self.warn(
                    &pointer::join(at, "pattern"),
                    format!("pattern {source:?} is not an ECMA-262 regular expression ({reason}); not checked"),
                );
                None
            }
        }
    }

    fn struct_def(&mut self, name: &str, object: &ObjectType, at: &str) -> Result<StructDef> {
        let additional = match &object.additional_properties {
            None | Some(AdditionalProperties::Any(false)) => Additional::Dropped,
            Some(AdditionalProperties::Any(true)) => Additional::Json,
            Some(AdditionalProperties::Schema(value)) => {
                let value_at = origin(value).unwrap_or_else(|| format!("{at}/additionalProperties"));
                match self.shape(value, &format!("{name}Value"), &value_at)? {
                    shape if shape == Shape::plain(Ty::Json) => Additional::Json,
                    shape => Additional::Typed(Box::new(shape)),
                }
            }
        };
        let keeps_additional = additional != Additional::Dropped;
        // A required name without a property: the member must be present, any value.
        let mut properties = object.properties.clone();
        for required in &object.required {
            if !properties.contains_key(required) {
                properties.insert(
                    required.clone(),
                    ReferenceOr::Item(Box::new(Schema {
                        schema_data: Default::default(),
                        schema_kind: SchemaKind::Any(Default::default()),
                    })),
                );
            }
        }
        let object = &ObjectType { properties, ..object.clone() };
        let mut names: Vec<String> = object.properties.keys().map(|k| naming::value_name(k)).collect();
        if keeps_additional {
            names.push("additional_properties".to_owned());
        }
        let rust_names = naming::dedupe(names);
        let mut fields = Vec::new();
        for ((wire_name, schema), rust_name) in object.properties.iter().zip(rust_names) {
            let field_at = origin(schema).unwrap_or_else(|| pointer::join(&pointer::join(at, "properties"), wire_name));
            let context = format!("{name}{}", naming::type_name(wire_name));
            let shape = self.boxed_shape(schema, &context, &field_at)?;
            let data = match schema {
                ReferenceOr::Item(schema) => Some(&schema.schema_data),
                ReferenceOr::Reference { .. } => None,
            };
            fields.push(Field {
                wire_name: wire_name.clone(),
                pointer: field_at,
                rust_name,
                doc: data.and_then(|d| d.description.clone()),
                shape,
                required: object.required.contains(wire_name),
                read_only: data.is_some_and(|d| d.read_only),
                deprecated: data.is_some_and(|d| d.deprecated),
                default: data.and_then(|d| d.default.clone()),
                example: data.and_then(|d| d.example.clone()),
                presence: Presence::Optional,
                boxed: false,
            });
        }
        let any_required = self.any_required.remove(at).unwrap_or_default();
        Ok(StructDef {
            fields,
            additional,
            any_required,
            // minProperties 0 holds for every object: no check.
            min_properties: object.min_properties.filter(|n| *n > 0).map(|n| n as u64),
            max_properties: object.max_properties.map(|n| n as u64),
        })
    }
}

/// The `allowed` rule of a non-string enum, `None` when it has no values.
fn allowed(values: impl Iterator<Item = Value>) -> Option<Vec<Value>> {
    let values: Vec<Value> = values.collect();
    (!values.is_empty()).then_some(values)
}

/// Whether the schema's `enum` lists `null`, which makes its values nullable.
pub(super) fn has_null_enum_value(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(t)) => t.enumeration.iter().any(Option::is_none),
        SchemaKind::Type(Type::Number(t)) => t.enumeration.iter().any(Option::is_none),
        SchemaKind::Type(Type::Integer(t)) => t.enumeration.iter().any(Option::is_none),
        SchemaKind::Type(Type::Boolean(t)) => t.enumeration.iter().any(Option::is_none),
        _ => false,
    }
}

fn enum_def(values: Vec<String>) -> EnumDef {
    let variants = naming::dedupe(values.iter().map(|v| naming::type_name(v)).collect());
    EnumDef {
        values: values.into_iter().zip(variants).map(|(wire_name, variant)| EnumValue { wire_name, variant }).collect(),
    }
}

/// Whether a named scalar needs a checked newtype: it has constraints of its own.
pub(super) fn shape_has_own_rules(shape: &Shape) -> bool {
    !shape.rules.is_empty()
        || match &shape.ty {
            Ty::Array(item) | Ty::Map(item) => !matches!(item.ty, Ty::Named(_)) && shape_has_own_rules(item),
            _ => false,
        }
}
