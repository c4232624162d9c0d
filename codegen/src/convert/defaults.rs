//! Checks that every `default` can be written as a value of its member's
//! Rust type, so emission never meets one it cannot express.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::{CodegenError, Result};
use crate::ir::{Ty, TypeDef, TypeKind};
use crate::load::SpecSource;
use crate::pointer;

/// Fails on the first `default` that does not fit its member.
pub fn check(source: SpecSource<'_>, types: &BTreeMap<String, TypeDef>) -> Result<()> {
    for def in types.values() {
        let TypeKind::Struct(s) = &def.kind else { continue };
        for field in &s.fields {
            let Some(default) = &field.default else { continue };
            let fits = match (&field.shape.ty, default) {
                (Ty::String, Value::String(_)) | (Ty::Bool, Value::Bool(_)) => true,
                (Ty::I32, Value::Number(n)) => n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()),
                (Ty::I64, Value::Number(n)) => n.as_i64().is_some(),
                (Ty::F64, Value::Number(_)) => true,
                (Ty::Named(name), Value::String(value)) => match types.get(name).map(|d| &d.kind) {
                    Some(TypeKind::Enum(e)) => e.values.iter().any(|v| v.wire == *value),
                    _ => false,
                },
                _ => false,
            };
            if !fits {
                let at = pointer::join(&pointer::join(&def.pointer, "properties"), &field.json_name);
                return Err(CodegenError::Unsupported {
                    at: source.at(pointer::join(&at, "default")),
                    reason: format!(
                        "default {default} (defaults are supported for strings, numbers, booleans and enum values of the member's type)"
                    ),
                });
            }
        }
    }
    Ok(())
}
