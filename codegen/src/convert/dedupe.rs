//! Identical types are emitted once: an inline enum, union or newtype that
//! equals another type (same values or forms, same direction) becomes an
//! alias of it. Component schemas keep their own definitions.

use std::collections::BTreeMap;

use crate::ir::{Shape, Ty, TypeDef, TypeKind};

/// Turns every synthesized type that repeats another into an alias of the
/// first equal one (a component if there is one, else the first by name).
pub fn merge(types: &mut BTreeMap<String, TypeDef>) {
    let mut canonical: BTreeMap<String, String> = BTreeMap::new();
    let components = types.values().filter(|d| d.component.is_some());
    let synthesized = types.values().filter(|d| d.component.is_none());
    let mut merged = Vec::new();
    for def in components.chain(synthesized) {
        let Some(key) = key(def) else { continue };
        match canonical.get(&key) {
            Some(first) if def.component.is_none() => merged.push((def.name.clone(), first.clone())),
            Some(_) => {}
            None => {
                canonical.insert(key, def.name.clone());
            }
        }
    }
    for (name, target) in merged {
        if let Some(def) = types.get_mut(&name) {
            def.kind = TypeKind::Alias(Shape::plain(Ty::Named(target)));
        }
    }
}

/// What makes two types emit the same code, when they are of a kind that is merged.
fn key(def: &TypeDef) -> Option<String> {
    let kind = match &def.kind {
        TypeKind::Enum(e) => format!("enum {:?}", e.values),
        TypeKind::Union(union) => format!("union {union:?}"),
        TypeKind::Newtype(shape) => format!("newtype {shape:?}"),
        TypeKind::Struct(_) | TypeKind::Alias(_) => return None,
    };
    Some(format!("{kind} {:?} {} {}", def.direction, def.always_valid, def.displayable))
}
