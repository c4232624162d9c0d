//! `discriminator`: which tag values select which member of a union.
//!
//! A member's tags are the `mapping` keys that name it (a `$ref` or a schema
//! name); a member the mapping does not name is selected by the component
//! name of its `$ref`, as OpenAPI 3.0 says. Documents often write the tag a
//! member really carries only in the member itself (`type: {enum: [track]}`
//! where the implicit tag would be `TrackObject`): once every type is
//! known, [`assign`] adds the values a member allows for the tag property
//! (those no other member's mapping claims) and puts them first, since a
//! value is only valid with one of them. What cannot be honoured exactly is
//! a warning: a mapping to no schema or to a schema that is no member, a
//! member without a tag, a member that is no object, a discriminator beside
//! neither `oneOf` nor `anyOf`.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{Discriminator, ReferenceOr, Schema};
use serde_json::Value;

use super::Converter;
use crate::ir::{Ty, TypeDef, TypeKind};
use crate::load::SpecSource;
use crate::pointer;
use crate::warning::Warnings;

impl Converter<'_> {
    /// The tags of each member from the document: the mapping keys that name
    /// it, or else the component name of its `$ref`.
    pub(super) fn spec_tags(
        &mut self,
        members: &[ReferenceOr<Schema>],
        discriminator: &Discriminator,
        keyword: &str,
        at: &str,
    ) -> Vec<Vec<String>> {
        let mapping_at = pointer::join(&pointer::join(at, "discriminator"), "mapping");
        let mut tags = vec![Vec::new(); members.len()];
        for (tag, target) in &discriminator.mapping {
            let tag_at = pointer::join(&mapping_at, tag);
            match self.mapped_member(members, target, keyword, at) {
                Ok(index) => tags[index].push(tag.clone()),
                Err(reason) => self.warn(
                    &tag_at,
                    format!("discriminator mapping {tag:?} -> {target:?} {reason}; a value with this tag is read as the first form that accepts it"),
                ),
            }
        }
        let claimed: BTreeSet<String> = discriminator.mapping.keys().cloned().collect();
        for (i, member) in members.iter().enumerate() {
            if !tags[i].is_empty() {
                continue;
            }
            let ReferenceOr::Reference { reference } = member else { continue };
            let Some(key) = reference.strip_prefix("#/components/schemas/").filter(|k| !k.contains('/')) else {
                continue;
            };
            let implicit = pointer::unescape(key);
            if claimed.contains(&implicit) {
                self.warn(
                    &format!("{at}/{keyword}/{i}"),
                    format!("the implicit discriminator tag {implicit:?} of this member is mapped to another member; the mapping wins"),
                );
            } else if !tags.iter().flatten().any(|t| *t == implicit) {
                tags[i].push(implicit);
            }
        }
        tags
    }

    /// The index of the member a mapping value names, or why there is none.
    fn mapped_member(
        &mut self,
        members: &[ReferenceOr<Schema>],
        target: &str,
        keyword: &str,
        at: &str,
    ) -> std::result::Result<usize, &'static str> {
        // A schema name (`Dog`) or a reference (`#/components/schemas/Dog`).
        let reference = if target.contains('#') || target.contains('/') {
            target.to_owned()
        } else {
            format!("#/components/schemas/{}", target.replace('~', "~0"))
        };
        if !reference.starts_with('#') {
            return Err("is not a reference into this document");
        }
        let member_at = |i: usize| format!("#{at}/{keyword}/{i}");
        let textual = members.iter().enumerate().position(|(i, member)| match member {
            ReferenceOr::Reference { reference: r } => *r == reference,
            ReferenceOr::Item(_) => member_at(i) == reference,
        });
        if let Some(index) = textual {
            return Ok(index);
        }
        let Some((schema, target_at)) = self.component_schema(&reference) else {
            return Err("points at no schema");
        };
        for (i, member) in members.iter().enumerate() {
            let same = match member {
                ReferenceOr::Reference { reference: r } => {
                    self.component_schema(r).is_some_and(|(_, member_target)| member_target == target_at)
                }
                ReferenceOr::Item(inline) => *inline == schema,
            };
            if same {
                return Ok(i);
            }
        }
        Err("names a schema that is not a member")
    }

    /// Warns about every `discriminator` beside neither `oneOf` nor `anyOf`
    /// (on a base schema that others extend through `allOf`): it selects
    /// nothing; a value is read as the schema that carries it.
    pub(super) fn warn_misplaced_discriminators(&mut self) {
        let raw = self.raw.get_or_insert_with(|| serde_json::to_value(self.document).unwrap_or_default());
        let mut found = Vec::new();
        misplaced(raw, String::new(), &mut found);
        for at in found {
            self.warn(
                &pointer::join(&at, "discriminator"),
                "discriminator beside neither oneOf nor anyOf (a base schema extended through allOf) selects nothing: a value is read as the schema that refers to it",
            );
        }
    }
}

/// The pointers of the schemas under `value` with a discriminator but no
/// `oneOf` / `anyOf`. Example values, extensions and enum values are not
/// schemas; under `properties` the keys are member names.
fn misplaced(value: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            let has_discriminator =
                map.get("discriminator").and_then(|d| d.get("propertyName")).is_some_and(Value::is_string);
            if has_discriminator && !map.contains_key("oneOf") && !map.contains_key("anyOf") {
                found.push(at.clone());
            }
            for (key, child) in map {
                match key.as_str() {
                    "example" | "examples" | "default" | "enum" | "discriminator" => {}
                    key if key.starts_with("x-") => {}
                    "properties" => {
                        for (name, schema) in child.as_object().into_iter().flatten() {
                            misplaced(schema, pointer::join(&pointer::join(&at, "properties"), name), found);
                        }
                    }
                    _ => misplaced(child, pointer::join(&at, key), found),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                misplaced(item, format!("{at}/{i}"), found);
            }
        }
        _ => {}
    }
}

/// What a member type says about the tag property.
enum MemberTag {
    /// An object that declares the property with these values (an enum).
    Values(Vec<String>),
    /// An object that may carry the property with any value (or leaves it out).
    Any,
    /// Not an object: it cannot carry the tag.
    NotObject,
}

/// Adds to every tagged union's variants the tag values their members allow
/// (see the module documentation) and warns about members no tag selects.
pub fn assign(source: SpecSource<'_>, types: &mut BTreeMap<String, TypeDef>, warnings: &mut Warnings) {
    let mut updates = Vec::new();
    for def in types.values() {
        let TypeKind::Union(union) = &def.kind else { continue };
        let Some(property) = &union.discriminator else { continue };
        let at = pointer::join(&def.pointer, "discriminator");
        let claimed: BTreeSet<&str> = union.variants.iter().flat_map(|v| &v.tags).map(String::as_str).collect();
        let mut contradictions = Vec::new();
        let mut all_tags = Vec::new();
        for variant in &union.variants {
            let mut tags = Vec::new();
            match member_tag(types, &variant.type_name, property) {
                MemberTag::Values(values) => {
                    if !variant.tags.is_empty() && !variant.tags.iter().any(|t| values.contains(t)) {
                        contradictions.push(format!(
                            "`{}` allows {} only, not its tag {}",
                            variant.type_name,
                            quoted(&values),
                            quoted(&variant.tags)
                        ));
                    }
                    tags.extend(
                        values.into_iter().filter(|v| variant.tags.contains(v) || !claimed.contains(v.as_str())),
                    );
                }
                MemberTag::Any => {}
                MemberTag::NotObject => warnings.push(
                    source.at(&at),
                    format!(
                        "member `{}` is not an object and cannot carry the tag `{property}`; its values are read as the first form that accepts them",
                        variant.type_name
                    ),
                ),
            }
            for tag in &variant.tags {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
            }
            if tags.is_empty() {
                warnings.push(
                    source.at(&at),
                    format!(
                        "member `{}` has no tag (the mapping does not name it and it is no $ref); it is read only when the tag selects no form",
                        variant.type_name
                    ),
                );
            }
            all_tags.push(tags);
        }
        if !contradictions.is_empty() {
            warnings.push(
                source.at(&at),
                format!(
                    "no valid value can carry some tags of `{property}`: {}; the values a member allows select it too",
                    contradictions.join("; ")
                ),
            );
        }
        updates.push((def.name.clone(), all_tags));
    }
    for (name, all_tags) in updates {
        if let Some(TypeKind::Union(union)) = types.get_mut(&name).map(|d| &mut d.kind) {
            for (variant, tags) in union.variants.iter_mut().zip(all_tags) {
                variant.tags = tags;
            }
        }
    }
}

/// `"a", "b"`.
fn quoted(values: &[String]) -> String {
    values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", ")
}

/// The definition `name` finally names, through plain aliases.
fn resolve<'t>(types: &'t BTreeMap<String, TypeDef>, name: &str) -> Option<&'t TypeKind> {
    let mut current = types.get(name)?;
    for _ in 0..32 {
        match &current.kind {
            TypeKind::Alias(shape) if !shape.nullable => match &shape.ty {
                Ty::Named(next) => current = types.get(next)?,
                _ => return Some(&current.kind),
            },
            kind => return Some(kind),
        }
    }
    None
}

fn member_tag(types: &BTreeMap<String, TypeDef>, member: &str, property: &str) -> MemberTag {
    match resolve(types, member) {
        Some(TypeKind::Struct(s)) => {
            let Some(field) = s.fields.iter().find(|f| f.wire_name == property) else { return MemberTag::Any };
            match &field.shape.ty {
                Ty::Named(name) => match resolve(types, name) {
                    Some(TypeKind::Enum(e)) => {
                        MemberTag::Values(e.values.iter().map(|v| v.wire_name.clone()).collect())
                    }
                    _ => MemberTag::Any,
                },
                _ => MemberTag::Any,
            }
        }
        Some(TypeKind::Alias(shape) | TypeKind::Newtype(shape))
            if matches!(shape.ty, Ty::Map(_) | Ty::JsonObject | Ty::Json) =>
        {
            MemberTag::Any
        }
        // A member that is itself a union may hold objects.
        Some(TypeKind::Union(_)) | None => MemberTag::Any,
        Some(_) => MemberTag::NotObject,
    }
}
