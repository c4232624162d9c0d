//! OpenAPI document -> [`Api`](crate::ir::Api) model.
//!
//! Components are named first (so references and cycles resolve), then every
//! component schema is converted, then operations and callbacks, which may
//! add inline types of their own. Finally one pass over the model computes
//! what emission relies on: how each member is held (presence, boxing),
//! which way each type's values travel, whether they are always valid and
//! whether they can be written as text; and merges identical inline types.
//! Emission itself cannot fail.

mod alias_cycles;
mod arguments;
mod bodies;
mod boxing;
mod client_types;
mod conventions;
mod decimal;
mod dedupe;
mod defaults;
mod direction;
mod discriminator;
mod facts;
mod media;
mod merge;
mod method_names;
mod normalize;
mod operation;
mod path;
mod presence;
mod response_headers;
mod schema;
mod security;
mod union;

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, ReferenceOr};

use crate::error::{CodegenError, Result};
use crate::ir::{Api, SecurityScheme, Server, TypeDef};
use crate::load::SpecSource;
use crate::naming;
use crate::pointer;
use crate::settings::Conventions;
use crate::warning::Warnings;

/// Converts a loaded document into the model.
pub fn convert(
    source: SpecSource<'_>,
    document: &OpenAPI,
    warnings: &mut Warnings,
    conventions: &Conventions,
) -> Result<Api> {
    let mut converter = Converter::new(source, document, warnings)?;
    converter.conventions = conventions.clone();
    converter.security_schemes = converter.read_security_schemes()?;
    converter.security_unstated = converter.read_security_unstated();
    if let Some(components) = &document.components {
        for (key, schema) in &components.schemas {
            let at = pointer::join("/components/schemas", key);
            let name = converter.component_names[key].clone();
            match schema {
                ReferenceOr::Item(schema) => converter.define(name.clone(), schema, &at)?,
                ReferenceOr::Reference { reference } => {
                    let target = converter.schema_ref_name(reference, &at)?;
                    converter.define_alias_of(name.clone(), target, &at)?;
                }
            }
            if let Some(def) = converter.types.get_mut(&name) {
                def.component = Some(key.clone());
            }
        }
    }
    let (mut operations, webhooks) = converter.operations()?;
    converter.warn_misplaced_discriminators();
    let security_schemes = std::mem::take(&mut converter.security_schemes);
    let mut types = converter.types;
    discriminator::assign(source, &mut types, converter.warnings);
    alias_cycles::break_cycles(source, &mut types, converter.warnings);
    boxing::assign(source, &mut types, converter.warnings);
    // After boxing: a default is built with the boxes its type holds.
    presence::assign(source, &mut types, converter.warnings);
    direction::assign(&mut types, &operations, &webhooks);
    facts::assign(&mut types);
    facts::assign_structured(&types, &mut operations);
    dedupe::merge(&mut types);
    method_names::assign(&types, &mut operations);
    client_types::assign(&types, &mut operations);
    arguments::take_string_newtypes_as_text(&types, &mut operations);
    Ok(Api {
        file: source.file.to_owned(),
        title: document.info.title.clone(),
        version: document.info.version.clone(),
        description: document.info.description.clone(),
        servers: document
            .servers
            .iter()
            .map(|s| Server { url: s.url.clone(), description: s.description.clone() })
            .collect(),
        base_urls: conventions::base_urls(document, &conventions.servers),
        conventions: conventions.clone(),
        security_schemes,
        types,
        operations,
        webhooks,
    })
}

/// Conversion state for one document.
struct Converter<'a> {
    source: SpecSource<'a>,
    /// What was odd but usable, for the caller.
    warnings: &'a mut Warnings,
    document: &'a OpenAPI,
    /// Component key -> Rust type name.
    component_names: BTreeMap<String, String>,
    /// Rust names of the components that are `nullable` (or list `null` in
    /// their `enum`): every reference to one is nullable.
    nullable_components: BTreeSet<String>,
    /// Types defined so far.
    types: BTreeMap<String, TypeDef>,
    /// Types defined for schemas referenced outside `components/schemas`, by reference.
    pointer_types: BTreeMap<String, String>,
    /// The document as JSON, made when a reference needs it.
    raw: Option<serde_json::Value>,
    /// The client conventions that claim some declared headers.
    conventions: Conventions,
    /// The security schemes the client can send (read before operations).
    security_schemes: Vec<SecurityScheme>,
    /// Schemes are declared but `security` is stated nowhere.
    security_unstated: bool,
    /// `anyOf` lists of `required` names found beside `properties`, by the
    /// pointer of their object schema (read by the struct conversion).
    any_required: BTreeMap<String, Vec<Vec<String>>>,
}

impl<'a> Converter<'a> {
    fn new(source: SpecSource<'a>, document: &'a OpenAPI, warnings: &'a mut Warnings) -> Result<Self> {
        let mut component_names = BTreeMap::new();
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        if let Some(components) = &document.components {
            // Keys that differ only in case or punctuation (`Address`,
            // `address`) get distinct names: later ones a number.
            for key in components.schemas.keys() {
                let base = naming::type_name(key);
                let mut name = base.clone();
                let mut n = 2;
                while owners.contains_key(&name) || naming::is_reserved_type(&name) {
                    name = format!("{base}{n}");
                    n += 1;
                }
                owners.insert(name.clone(), key.clone());
                component_names.insert(key.clone(), name);
            }
        }
        let nullable_components = document
            .components
            .iter()
            .flat_map(|c| &c.schemas)
            .filter_map(|(key, schema)| match schema {
                ReferenceOr::Item(schema) if schema.schema_data.nullable || schema::has_null_enum_value(schema) => {
                    Some(component_names[key].clone())
                }
                _ => None,
            })
            .collect();
        Ok(Converter {
            source,
            warnings,
            document,
            component_names,
            nullable_components,
            types: BTreeMap::new(),
            pointer_types: BTreeMap::new(),
            raw: None,
            conventions: Conventions::default(),
            security_schemes: Vec::new(),
            security_unstated: false,
            any_required: BTreeMap::new(),
        })
    }

    fn unsupported(&self, at: &str, reason: impl Into<String>) -> CodegenError {
        CodegenError::Unsupported { at: self.source.at(at), reason: reason.into() }
    }

    /// The Rust name of the type a schema `$ref` points at: a component, or
    /// a schema anywhere else in the document (`#/components/parameters/p/schema`),
    /// which becomes a named type of its own the first time it is referenced.
    fn schema_ref_name(&mut self, reference: &str, at: &str) -> Result<String> {
        let component = reference
            .strip_prefix("#/components/schemas/")
            .filter(|key| !key.contains('/'))
            .and_then(|key| self.component_names.get(&pointer::unescape(key)));
        if let Some(name) = component {
            return Ok(name.clone());
        }
        if let Some(name) = self.pointer_types.get(reference) {
            return Ok(name.clone());
        }
        let (schema, target_at) = self
            .schema_at(reference)
            .ok_or_else(|| self.unsupported(at, format!("$ref {reference:?} does not point at a schema")))?;
        let tokens: Vec<String> = target_at.split('/').skip(1).map(pointer::unescape).collect();
        let useful: Vec<&String> = tokens
            .iter()
            .filter(|t| !matches!(t.as_str(), "components" | "schema" | "schemas" | "properties" | "items" | "content"))
            .collect();
        let base = useful.iter().rev().take(2).rev().map(|t| naming::type_name(t)).collect::<String>();
        let mut name = if base.is_empty() { "Schema".to_owned() } else { base };
        let mut n = 2;
        let start = name.clone();
        while self.types.contains_key(&name)
            || naming::is_reserved_type(&name)
            || self.component_names.values().any(|v| *v == name)
            || self.pointer_types.values().any(|v| *v == name)
        {
            name = format!("{start}{n}");
            n += 1;
        }
        self.pointer_types.insert(reference.to_owned(), name.clone());
        self.define(name.clone(), &schema, &target_at)?;
        Ok(name)
    }

    /// The schema at a local reference anywhere in the document, with its
    /// JSON pointer; `$ref`s on the way are followed.
    fn schema_at(&mut self, reference: &str) -> Option<(openapiv3::Schema, String)> {
        let raw = self.raw.get_or_insert_with(|| serde_json::to_value(self.document).unwrap_or_default());
        let mut reference = reference.to_owned();
        for _ in 0..16 {
            let pointer = reference.strip_prefix('#')?.to_owned();
            let value = raw.pointer(&pointer)?;
            match value.get("$ref").and_then(serde_json::Value::as_str) {
                Some(next) => reference = next.to_owned(),
                None => return serde_json::from_value(value.clone()).ok().map(|schema| (schema, pointer)),
            }
        }
        None
    }

    /// Resolves a `$ref` to a parameter, response or request body: the item
    /// and the JSON pointer where it really is, so that later messages name
    /// the target, not the reference. References into `components/{kind}`
    /// are followed directly, any other local reference through the
    /// document's JSON (a response may reuse a request body's content).
    fn resolve<'d, T>(
        &mut self,
        item: &'d ReferenceOr<T>,
        kind: &str,
        map: impl Fn(&'d openapiv3::Components) -> &'d indexmap::IndexMap<String, ReferenceOr<T>>,
        at: &str,
    ) -> Result<(std::borrow::Cow<'d, T>, String)>
    where
        'a: 'd,
        T: Clone + serde::de::DeserializeOwned,
    {
        let mut current = item;
        let mut current_at = at.to_owned();
        for _ in 0..16 {
            match current {
                ReferenceOr::Item(value) => return Ok((std::borrow::Cow::Borrowed(value), current_at)),
                ReferenceOr::Reference { reference } => {
                    let prefix = format!("#/components/{kind}/");
                    let Some(key) = reference.strip_prefix(&prefix).filter(|k| !k.contains('/')).map(pointer::unescape)
                    else {
                        return self.resolve_pointer(reference, &current_at);
                    };
                    let document = self.document;
                    current = document.components.as_ref().and_then(|c| map(c).get(&key)).ok_or_else(|| {
                        CodegenError::UnresolvedRef { at: self.source.at(&current_at), target: reference.clone() }
                    })?;
                    current_at = pointer::join(&format!("/components/{kind}"), &key);
                }
            }
        }
        Err(self.unsupported(at, "$ref chain longer than 16 links"))
    }

    /// A value of type `T` at any local reference, following `$ref`s.
    fn resolve_pointer<'d, T: Clone + serde::de::DeserializeOwned>(
        &mut self,
        reference: &str,
        at: &str,
    ) -> Result<(std::borrow::Cow<'d, T>, String)> {
        let raw = self.raw.get_or_insert_with(|| serde_json::to_value(self.document).unwrap_or_default());
        let mut reference = reference.to_owned();
        for _ in 0..16 {
            let target = reference.strip_prefix('#').and_then(|p| raw.pointer(p));
            let Some(target) = target else {
                return Err(CodegenError::UnresolvedRef { at: self.source.at(at), target: reference });
            };
            match target.get("$ref").and_then(serde_json::Value::as_str) {
                Some(next) => reference = next.to_owned(),
                None => {
                    let value: T = serde_json::from_value(target.clone()).map_err(|e| CodegenError::Shape {
                        at: self.source.at(reference.trim_start_matches('#')),
                        reason: format!("the target of a $ref from {at}: {e}"),
                    })?;
                    return Ok((std::borrow::Cow::Owned(value), reference.trim_start_matches('#').to_owned()));
                }
            }
        }
        Err(self.unsupported(at, "$ref chain longer than 16 links"))
    }

    /// Adds a type, renaming a synthesized one whose name is taken (by a
    /// type already defined or by a component defined later).
    fn insert_type(&mut self, mut def: TypeDef, synthesized: bool) -> Result<String> {
        if synthesized {
            let base = def.name.clone();
            let mut n = 2;
            while self.types.contains_key(&def.name)
                || naming::is_reserved_type(&def.name)
                || self.component_names.values().any(|v| *v == def.name)
            {
                def.name = format!("{base}{n}");
                n += 1;
            }
        } else if self.types.contains_key(&def.name) {
            return Err(CodegenError::NameCollision {
                at: self.source.at(&def.pointer),
                reason: format!("type {} is defined twice", def.name),
            });
        }
        let name = def.name.clone();
        self.types.insert(name.clone(), def);
        Ok(name)
    }
}
