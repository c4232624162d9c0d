//! Where a `Box` is needed: a member whose type contains its owner would
//! make an infinitely sized type.
//!
//! Types that hold each other directly (struct members, aliases, newtypes,
//! union forms; not through a `Vec` or map) form a graph. A member must be
//! boxed exactly when its type and its owner lie in the same strongly
//! connected component of that graph, which one pass of Tarjan's algorithm
//! finds in time linear in the number of types and references.

use std::collections::BTreeMap;

use crate::error::{CodegenError, Result};
use crate::ir::{Ty, TypeDef, TypeKind};
use crate::load::SpecSource;

/// Sets [`Field::boxed`](crate::ir::Field::boxed) on every member that needs
/// it; fails when types hold each other in a cycle no member can break (a
/// cycle of aliases or unions only).
pub fn assign(source: SpecSource<'_>, types: &mut BTreeMap<String, TypeDef>) -> Result<()> {
    let names: Vec<&String> = types.keys().collect();
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let mut all_edges = vec![Vec::new(); names.len()];
    let mut unbreakable_edges = vec![Vec::new(); names.len()];
    for (from, def) in types.values().enumerate() {
        let mut add = |ty: &Ty, breakable: bool| {
            if let Some(&to) = named(ty).and_then(|n| index.get(n)) {
                all_edges[from].push(to);
                if !breakable {
                    unbreakable_edges[from].push(to);
                }
            }
        };
        match &def.kind {
            TypeKind::Struct(s) => s.fields.iter().for_each(|f| add(&f.shape.ty, true)),
            TypeKind::Newtype(shape) | TypeKind::Alias(shape) => add(&shape.ty, false),
            TypeKind::Union(union) => union.member_types().for_each(|t| add(&Ty::Named(t.to_owned()), false)),
            TypeKind::Enum(_) => {}
        }
    }
    let unbreakable = components(&unbreakable_edges);
    for (node, edges) in unbreakable_edges.iter().enumerate() {
        if edges.iter().any(|&to| unbreakable[to] == unbreakable[node]) {
            let def = &types[names[node].as_str()];
            return Err(CodegenError::Unsupported {
                at: source.at(&def.pointer),
                reason: format!("{} contains itself through aliases or unions only; no member can be boxed", def.name),
            });
        }
    }
    let component = components(&all_edges);
    let component_of: BTreeMap<String, usize> =
        names.iter().enumerate().map(|(i, n)| ((*n).clone(), component[i])).collect();
    for def in types.values_mut() {
        let owner = component_of[&def.name];
        if let TypeKind::Struct(s) = &mut def.kind {
            for field in &mut s.fields {
                field.boxed = named(&field.shape.ty).and_then(|n| component_of.get(n)) == Some(&owner);
            }
        }
    }
    Ok(())
}

fn named(ty: &Ty) -> Option<&str> {
    match ty {
        Ty::Named(name) => Some(name),
        _ => None,
    }
}

/// The strongly connected component of every node (Tarjan, iterative so a
/// deep graph cannot overflow the stack). Nodes share a number exactly when
/// each reaches the other.
pub fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_order = 0;
    let mut next_component = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // Each frame: a node and how many of its edges were followed.
        let mut frames = vec![(root, 0)];
        order[root] = next_order;
        low[root] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut followed)) = frames.last_mut() {
            if let Some(&to) = edges[node].get(*followed) {
                *followed += 1;
                if order[to] == UNSEEN {
                    order[to] = next_order;
                    low[to] = next_order;
                    next_order += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    frames.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn finds_cycles_and_leaves_the_rest_apart() {
        // 0 -> 1 -> 2 -> 0 form a cycle; 3 -> 0 hangs off it; 4 loops on itself.
        let edges = vec![vec![1], vec![2], vec![0], vec![0], vec![4]];
        let c = components(&edges);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[3], c[0]);
        assert_ne!(c[4], c[0]);
        assert_ne!(c[4], c[3]);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let edges: Vec<Vec<usize>> = (0..n).map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] }).collect();
        let c = components(&edges);
        assert!(c.iter().all(|&x| x == c[0]));
    }
}
