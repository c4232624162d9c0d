//! Aliases that refer to themselves. Rust type aliases cannot be recursive,
//! even through a `Vec`, so an alias on a cycle of aliases becomes a
//! newtype (`pub struct Tree(Vec<Tree>)`), which can. A cycle of aliases
//! that only name each other (`A` is `B`, `B` is `A`) says nothing about
//! the value: its members are read as any JSON value, with a warning.

use std::collections::BTreeMap;

use super::boxing::components;
use crate::ir::{Shape, Ty, TypeDef, TypeKind};
use crate::load::SpecSource;
use crate::warning::Warnings;

/// Rewrites the aliases that lie on a cycle of aliases.
pub fn break_cycles(source: SpecSource<'_>, types: &mut BTreeMap<String, TypeDef>, warnings: &mut Warnings) {
    let empty = on_cycle(types, |shape, out| {
        if let Ty::Named(name) = &shape.ty {
            out.push(name.as_str());
        }
    });
    for name in &empty {
        let Some(def) = types.get_mut(name) else { continue };
        warnings.push(
            source.at(&def.pointer),
            format!("{} only names itself through other names; read as any JSON value", def.name),
        );
        def.kind = TypeKind::Alias(Shape::plain(Ty::Json));
    }
    for name in on_cycle(types, collect_named) {
        let Some(def) = types.get_mut(&name) else { continue };
        if let TypeKind::Alias(shape) = &def.kind {
            def.kind = TypeKind::Newtype(shape.clone());
        }
    }
}

/// The aliases on a cycle of the graph whose edges `refs` gives for each
/// alias's shape (other types have no edges, so every cycle is of aliases).
fn on_cycle(types: &BTreeMap<String, TypeDef>, refs: impl for<'s> Fn(&'s Shape, &mut Vec<&'s str>)) -> Vec<String> {
    let index: BTreeMap<&str, usize> = types.keys().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let edges: Vec<Vec<usize>> = types
        .values()
        .map(|def| match &def.kind {
            TypeKind::Alias(shape) => {
                let mut names = Vec::new();
                refs(shape, &mut names);
                names.iter().filter_map(|name| index.get(name).copied()).collect()
            }
            _ => Vec::new(),
        })
        .collect();
    let component = components(&edges);
    let mut size = vec![0usize; edges.len()];
    component.iter().for_each(|&c| size[c] += 1);
    types
        .keys()
        .enumerate()
        .filter(|&(i, _)| size[component[i]] > 1 || edges[i].contains(&i))
        .map(|(_, name)| name.clone())
        .collect()
}

/// Every named type a shape mentions, inside arrays and maps too.
fn collect_named<'s>(shape: &'s Shape, out: &mut Vec<&'s str>) {
    match &shape.ty {
        Ty::Named(name) => out.push(name),
        Ty::Array(inner) | Ty::Map(inner) => collect_named(inner, out),
        _ => {}
    }
}
