//! Parameters whose type is a checked string newtype are taken as text: the
//! model gives them the newtype's own string shape, rules included, so a
//! caller passes `&str` and the method checks it like any other input.

use std::collections::BTreeMap;

use crate::ir::{Operation, Rules, Shape, Ty, TypeDef, TypeKind};

/// Replaces each parameter shape that names a string newtype (directly or
/// through aliases) with the newtype's string shape.
pub fn take_string_newtypes_as_text(types: &BTreeMap<String, TypeDef>, operations: &mut [Operation]) {
    for param in operations.iter_mut().flat_map(|op| op.params.iter_mut()) {
        if let Some(shape) = string_newtype_shape(types, &param.shape) {
            param.shape = shape;
        }
    }
}

/// The string shape behind a plain reference to a string newtype.
fn string_newtype_shape(types: &BTreeMap<String, TypeDef>, shape: &Shape) -> Option<Shape> {
    if shape.nullable || shape.rules != Rules::default() {
        return None;
    }
    let Ty::Named(first) = &shape.ty else {
        return None;
    };
    let mut name: &str = first;
    // An alias chain visits each type at most once.
    for _ in 0..=types.len() {
        match &types.get(name)?.kind {
            TypeKind::Newtype(inner) if inner.ty == Ty::String && !inner.nullable => return Some(inner.clone()),
            TypeKind::Alias(inner) if !inner.nullable && inner.rules == Rules::default() => match &inner.ty {
                Ty::Named(next) => name = next,
                _ => return None,
            },
            _ => return None,
        }
    }
    None
}
