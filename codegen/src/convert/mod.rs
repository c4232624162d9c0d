//! OpenAPI document -> [`Api`](crate::ir::Api) model.
//!
//! Components are named first (so references and cycles resolve), then every
//! component schema is converted, then operations and callbacks, which may
//! add inline types of their own. Finally one pass over the model computes
//! what emission relies on: how each member is held (presence, boxing),
//! which way each type's values travel, whether they are always valid and
//! whether they can be written as text; merges identical inline types; and
//! checks that every operation
//! can become a client method. Emission itself cannot fail.

mod boxing;
mod dedupe;
mod direction;
mod facts;
mod inputs;
mod media;
mod normalize;
mod operation;
mod path;
mod presence;
mod schema;

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, ReferenceOr};

use crate::error::{CodegenError, Result};
use crate::ir::{Api, Server, TypeDef};
use crate::load::SpecSource;
use crate::naming;
use crate::pointer;
use crate::warning::Warnings;

/// Converts a loaded document into the model.
pub fn convert(source: SpecSource<'_>, document: &OpenAPI, warnings: &mut Warnings) -> Result<Api> {
    let mut converter = Converter::new(source, document, warnings)?;
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
    let (operations, webhooks) = converter.operations()?;
    let mut types = converter.types;
    presence::assign(source, &mut types, converter.warnings);
    boxing::assign(source, &mut types)?;
    direction::assign(&mut types, &operations, &webhooks);
    facts::assign(&mut types);
    dedupe::merge(&mut types);
    inputs::check(source, &types, &operations)?;
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
}

impl<'a> Converter<'a> {
    fn new(source: SpecSource<'a>, document: &'a OpenAPI, warnings: &'a mut Warnings) -> Result<Self> {
        let mut component_names = BTreeMap::new();
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        if let Some(components) = &document.components {
            for key in components.schemas.keys() {
                let name = naming::type_name(key);
                if let Some(other) = owners.get(&name) {
                    return Err(CodegenError::NameCollision {
                        at: source.at(pointer::join("/components/schemas", key)),
                        reason: format!("schemas {other:?} and {key:?} both become Rust type {name}"),
                    });
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
        Ok(Converter { source, warnings, document, component_names, nullable_components, types: BTreeMap::new() })
    }

    fn unsupported(&self, at: &str, reason: impl Into<String>) -> CodegenError {
        CodegenError::Unsupported { at: self.source.at(at), reason: reason.into() }
    }

    /// The Rust name of the component a schema `$ref` points at.
    fn schema_ref_name(&self, reference: &str, at: &str) -> Result<String> {
        reference
            .strip_prefix("#/components/schemas/")
            .filter(|key| !key.contains('/'))
            .and_then(|key| self.component_names.get(&pointer::unescape(key)))
            .cloned()
            .ok_or_else(|| self.unsupported(at, format!("schema $ref {reference:?} must name a component schema")))
    }

    /// Resolves a `$ref` to a component of another kind (`parameters`,
    /// `responses`, ...): the item and the JSON pointer where it really is,
    /// so that later messages name the component, not the reference.
    fn resolve<'d, T>(
        &self,
        item: &'d ReferenceOr<T>,
        kind: &str,
        map: impl Fn(&'d openapiv3::Components) -> &'d indexmap::IndexMap<String, ReferenceOr<T>>,
        at: &str,
    ) -> Result<(&'d T, String)>
    where
        'a: 'd,
    {
        let mut current = item;
        let mut current_at = at.to_owned();
        for _ in 0..16 {
            match current {
                ReferenceOr::Item(value) => return Ok((value, current_at)),
                ReferenceOr::Reference { reference } => {
                    let prefix = format!("#/components/{kind}/");
                    let key = reference.strip_prefix(&prefix).map(pointer::unescape).ok_or_else(|| {
                        self.unsupported(&current_at, format!("$ref {reference:?} must name a component of {kind}"))
                    })?;
                    current = self.document.components.as_ref().and_then(|c| map(c).get(&key)).ok_or_else(|| {
                        CodegenError::UnresolvedRef { at: self.source.at(&current_at), target: reference.clone() }
                    })?;
                    current_at = pointer::join(&format!("/components/{kind}"), &key);
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
            while self.types.contains_key(&def.name) || self.component_names.values().any(|v| *v == def.name) {
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
