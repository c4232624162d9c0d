//! Schemas -> named types and shapes.

use openapiv3::{
    AdditionalProperties, ArrayType, IntegerFormat, ObjectType, ReferenceOr, Schema, SchemaKind, StringType, Type,
    VariantOrUnknownOrEmpty,
};

use super::Converter;
use crate::error::{CodegenError, Result};
use crate::ir::{
    EnumDef, EnumValue, Field, PatternDef, Presence, Rules, Shape, StructDef, Ty, TypeDef, TypeKind, Variant,
};
use crate::naming;
use crate::pattern;
use crate::pointer;

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
            SchemaKind::Type(Type::String(string)) if !string.enumeration.is_empty() => {
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

    fn enum_values(&self, string: &StringType, at: &str) -> Result<Vec<String>> {
        string
            .enumeration
            .iter()
            .map(|value| value.clone().ok_or_else(|| self.unsupported(at, "null inside a string enum")))
            .collect()
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

    fn define_named(&mut self, name: String, schema: &Schema, at: &str, synthesized: bool) -> Result<String> {
        if schema.schema_data.nullable {
            if let Form::Struct(_) | Form::Enum(_) | Form::Union(..) = self.form(schema, at)? {
                return Err(self.unsupported(
                    at,
                    "nullable on an object, enum or union type (make the property nullable instead)",
                ));
            }
        }
        let kind = match self.form(schema, at)? {
            Form::Struct(object) => TypeKind::Struct(self.struct_def(&name, object, at)?),
            Form::Enum(values) => TypeKind::Enum(enum_def(values)),
            Form::Union(members, keyword) => TypeKind::Union(self.union_variants(&name, members, keyword, at)?),
            Form::Wrapper(inner) => TypeKind::Alias(self.wrapped_shape(inner, schema, &name, at)?),
            Form::Scalar => {
                let shape = self.scalar_shape(schema, &name, at)?;
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
                return Ok(Shape::plain(Ty::Named(self.schema_ref_name(reference, at)?)));
            }
            ReferenceOr::Item(schema) => schema,
        };
        let nullable = schema.schema_data.nullable;
        let mut shape = match self.form(schema, at)? {
            Form::Struct(_) | Form::Enum(_) | Form::Union(..) => {
                let mut inline = schema.clone();
                inline.schema_data.nullable = false;
                Shape::plain(Ty::Named(self.define_named(context.to_owned(), &inline, at, true)?))
            }
            Form::Wrapper(inner) => self.wrapped_shape(inner, schema, context, at)?,
            Form::Scalar => self.scalar_shape(schema, context, at)?,
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

    fn scalar_shape(&mut self, schema: &Schema, context: &str, at: &str) -> Result<Shape> {
        let mut rules = Rules::default();
        let ty = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                // minLength 0 and minItems 0 hold for every value: no check.
                rules.min_length = string.min_length.filter(|n| *n > 0).map(|n| n as u64);
                rules.max_length = string.max_length.map(|n| n as u64);
                if let Some(source) = &string.pattern {
                    rules.pattern = Some(self.pattern(source, at)?);
                }
                Ty::String
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                if !integer.enumeration.is_empty() {
                    return Err(self.unsupported(at, "integer enums"));
                }
                if integer.multiple_of.is_some() {
                    return Err(self.unsupported(at, "multipleOf"));
                }
                rules.minimum = integer.minimum.map(|n| (n as f64, integer.exclusive_minimum));
                rules.maximum = integer.maximum.map(|n| (n as f64, integer.exclusive_maximum));
                match integer.format {
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Ty::I32,
                    _ => Ty::I64,
                }
            }
            SchemaKind::Type(Type::Number(number)) => {
                if !number.enumeration.is_empty() {
                    return Err(self.unsupported(at, "number enums"));
                }
                if number.multiple_of.is_some() {
                    return Err(self.unsupported(at, "multipleOf"));
                }
                rules.minimum = number.minimum.map(|n| (n, number.exclusive_minimum));
                rules.maximum = number.maximum.map(|n| (n, number.exclusive_maximum));
                Ty::F64
            }
            SchemaKind::Type(Type::Boolean(boolean)) => {
                if !boolean.enumeration.is_empty() {
                    return Err(self.unsupported(at, "boolean enums"));
                }
                Ty::Bool
            }
            SchemaKind::Type(Type::Array(array)) => self.array_ty(array, &mut rules, context, at)?,
            SchemaKind::Type(Type::Object(object)) => self.open_object_ty(object, context, at)?,
            SchemaKind::Any(any) => {
                if *any != openapiv3::AnySchema::default() {
                    return Err(self.unsupported(
                        at,
                        "a schema without a supported `type` (give it `type:`; integer bounds must be whole numbers)",
                    ));
                }
                Ty::Json
            }
            _ => return Err(self.unsupported(at, "this schema form")),
        };
        Ok(Shape { ty, rules, nullable: schema.schema_data.nullable })
    }

    fn array_ty(&mut self, array: &ArrayType, rules: &mut Rules, context: &str, at: &str) -> Result<Ty> {
        let items = array.items.as_ref().ok_or_else(|| self.unsupported(at, "an array without `items`"))?;
        rules.min_items = array.min_items.filter(|n| *n > 0).map(|n| n as u64);
        rules.max_items = array.max_items.map(|n| n as u64);
        rules.unique_items = array.unique_items;
        let item = self.boxed_shape(items, &format!("{context}Item"), &format!("{at}/items"))?;
        Ok(Ty::Array(Box::new(item)))
    }

    /// An object without properties: free-form, or a map of one value schema.
    fn open_object_ty(&mut self, object: &ObjectType, context: &str, at: &str) -> Result<Ty> {
        if object.min_properties.is_some() || object.max_properties.is_some() {
            return Err(self.unsupported(at, "minProperties / maxProperties"));
        }
        match &object.additional_properties {
            None | Some(AdditionalProperties::Any(true)) => Ok(Ty::JsonObject),
            Some(AdditionalProperties::Any(false)) => {
                Err(self.unsupported(at, "an object that allows no properties at all"))
            }
            Some(AdditionalProperties::Schema(value)) => {
                let value = self.shape(value, &format!("{context}Value"), &format!("{at}/additionalProperties"))?;
                Ok(Ty::Map(Box::new(value)))
            }
        }
    }

    fn pattern(&self, source: &str, at: &str) -> Result<PatternDef> {
        let translated = pattern::translate(source).map_err(|reason| CodegenError::Pattern {
            at: self.source.at(pointer::join(at, "pattern")),
            pattern: source.to_owned(),
            reason,
        })?;
        Ok(PatternDef {
            source: source.to_owned(),
            must_match: translated.must_match,
            must_not_match: translated.must_not_match,
        })
    }

    fn struct_def(&mut self, name: &str, object: &ObjectType, at: &str) -> Result<StructDef> {
        if object.min_properties.is_some() || object.max_properties.is_some() {
            return Err(self.unsupported(at, "minProperties / maxProperties"));
        }
        let keeps_additional = match &object.additional_properties {
            None | Some(AdditionalProperties::Any(false)) => false,
            Some(AdditionalProperties::Any(true)) => true,
            Some(AdditionalProperties::Schema(_)) => {
                return Err(self.unsupported(at, "additionalProperties with a schema next to properties"))
            }
        };
        for required in &object.required {
            if !object.properties.contains_key(required) {
                return Err(self.unsupported(
                    &pointer::join(at, "required"),
                    format!("required member {required:?} is not among the properties"),
                ));
            }
        }
        let mut names: Vec<String> = object.properties.keys().map(|k| naming::value_name(k)).collect();
        if keeps_additional {
            names.push("additional_properties".to_owned());
        }
        let rust_names = naming::dedupe(names);
        let mut fields = Vec::new();
        for ((wire_name, schema), rust_name) in object.properties.iter().zip(rust_names) {
            let field_at = pointer::join(&pointer::join(at, "properties"), wire_name);
            let context = format!("{name}{}", naming::type_name(wire_name));
            let shape = self.boxed_shape(schema, &context, &field_at)?;
            let data = match schema {
                ReferenceOr::Item(schema) => Some(&schema.schema_data),
                ReferenceOr::Reference { .. } => None,
            };
            fields.push(Field {
                wire_name: wire_name.clone(),
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
        Ok(StructDef { fields, keeps_additional })
    }

    fn union_variants(
        &mut self,
        name: &str,
        members: &[ReferenceOr<Schema>],
        keyword: &str,
        at: &str,
    ) -> Result<Vec<Variant>> {
        let mut type_names = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let member_at = format!("{at}/{keyword}/{i}");
            let shape = self.shape(member, &format!("{name}Variant{}", i + 1), &member_at)?;
            match shape.ty {
                Ty::Named(type_name) if !shape.nullable => type_names.push(type_name),
                _ => return Err(self.unsupported(&member_at, "anyOf/oneOf members must be named schemas ($ref)")),
            }
        }
        let variant_names = naming::dedupe(type_names.clone());
        Ok(variant_names.into_iter().zip(type_names).map(|(name, type_name)| Variant { name, type_name }).collect())
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
