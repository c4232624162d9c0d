//! How each object member is held: required, nullable, optional or
//! defaulted. A `default` is turned into a typed value here, so emission
//! never meets one it cannot express; one that does not fit is dropped with
//! a warning.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::ir::{DefaultValue, Field, Presence, Ty, TypeDef, TypeKind};
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
    let default = match &field.default {
        None => None,
        Some(default) => match default_value(types, &field.shape.ty, default) {
            Some(value) => Some(value),
            None => {
                warnings.push(
                    source.at(pointer::join(&field.pointer, "default")),
                    format!(
                        "default {default} is not supported for this member (only strings, numbers, booleans and enum values of its type are); the member has no default"
                    ),
                );
                None
            }
        },
    };
    // A read-only member is never sent, so it is optional for both sides.
    match default {
        _ if field.required && !field.read_only && field.shape.nullable => Presence::Nullable,
        _ if field.required && !field.read_only => Presence::Required,
        Some(value) if !field.read_only => Presence::Defaulted(value),
        _ => Presence::Optional,
    }
}

fn default_value(types: &BTreeMap<String, TypeDef>, ty: &Ty, default: &Value) -> Option<DefaultValue> {
    Some(match (ty, default) {
        (Ty::String, Value::String(s)) => DefaultValue::String(s.clone()),
        (Ty::Bool, Value::Bool(b)) => DefaultValue::Bool(*b),
        (Ty::I32, Value::Number(n)) => DefaultValue::Integer(n.as_i64().filter(|v| i32::try_from(*v).is_ok())?),
        (Ty::I64, Value::Number(n)) => DefaultValue::Integer(n.as_i64()?),
        (Ty::F64, Value::Number(n)) => DefaultValue::Number(n.as_f64()?),
        (Ty::Named(name), Value::String(value)) => match &types.get(name)?.kind {
            TypeKind::Enum(e) => {
                let found = e.values.iter().find(|v| v.wire_name == *value)?;
                DefaultValue::Variant { type_name: name.clone(), variant: found.variant.clone() }
            }
            _ => return None,
        },
        _ => return None,
    })
}
