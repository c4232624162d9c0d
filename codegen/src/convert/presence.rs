//! How each object member is held: required, nullable, optional or
//! defaulted. A `default` is turned into a typed value here, so emission
//! never meets one it cannot express; one that does not fit is dropped with
//! a warning.

use std::collections::BTreeMap;

use super::defaults;
use crate::ir::{Field, Presence, TypeDef, TypeKind};
use crate::load::SpecSource;
use crate::pointer;
use crate::warning::Warnings;

/// Fills in [`Field::presence`] of every struct member; a `default` that
/// does not fit its member is dropped with a warning.
pub fn assign(source: SpecSource<'_>, types: &mut BTreeMap<String, TypeDef>, warnings: &mut Warnings) {
    let mut presences = Vec::new();
    for def in types.values() {
        let TypeKind::Struct(s) = &def.kind else { continue };
        for (index, field) in s.fields.iter().enumerate() {
            presences.push((def.name.clone(), index, presence(source, types, field, warnings)));
        }
    }
    for (name, index, presence) in presences {
        if let Some(TypeKind::Struct(s)) = types.get_mut(&name).map(|d| &mut d.kind) {
            s.fields[index].presence = presence;
        }
    }
}

fn presence(
    source: SpecSource<'_>,
    types: &BTreeMap<String, TypeDef>,
    field: &Field,
    warnings: &mut Warnings,
) -> Presence {
    // A read-only member is never sent, so it is optional for both sides.
    if field.required && !field.read_only {
        return if field.shape.nullable { Presence::Nullable } else { Presence::Required };
    }
    let Some(default) = &field.default else { return Presence::Optional };
    // `null` on a nullable member: absent and `null` both read as `None`, the default.
    if default.is_null() && field.shape.nullable {
        return Presence::Optional;
    }
    match defaults::member(types, field, default) {
        Ok(value) => Presence::Defaulted(value),
        Err(misfit) => {
            warnings.push(
                source.at(pointer::join(&field.pointer, "default")),
                format!("default {default} does not fit the member's schema: {misfit}; the member has no default"),
            );
            Presence::Optional
        }
    }
}
