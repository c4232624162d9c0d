//! Where a `Box` is needed: a member whose type contains its owner would
//! make an infinitely sized type.
//!
//! Types that hold each other directly (struct members, aliases, newtypes,
//! union forms; not through a `Vec` or map) form a graph. A struct member or
//! a union form must be boxed exactly when its type and its owner lie in
//! the same strongly connected component of that graph, which one pass of
//! Tarjan's algorithm finds in time linear in the number of types and
//! references. Aliases and newtypes cannot box what they hold: a cycle of
//! only those (a constrained string that is a constrained string that is
//! the first) describes no value and is read as any JSON value, with a
//! warning.

use std::collections::BTreeMap;

use crate::ir::{Shape, Ty, TypeDef, TypeKind};
use crate::load::SpecSource;
use crate::warning::Warnings;

/// Sets [`Field::boxed`](crate::ir::Field::boxed) and
/// [`Variant::boxed`](crate::ir::Variant::boxed) wherever needed.
pub fn assign(source: SpecSource<'_>, types: &mut BTreeMap<String, TypeDef>, warnings: &mut Warnings) {
    read_endless_wrappers_as_json(source, types, warnings);
    let graph = Graph::of(types);
    // Every cycle through a struct member is broken by boxing that member;
    // a cycle without one is broken by boxing a union form on it.
    let by_all = component_of(types, &components(&graph.all));
    let by_unions = component_of(types, &components(&graph.without_structs));
    let same = |components: &BTreeMap<String, usize>, owner: &str, ty: &Ty| {
        named(ty).and_then(|n| components.get(n)) == components.get(owner)
    };
    for def in types.values_mut() {
        match &mut def.kind {
            TypeKind::Struct(s) => s.fields.iter_mut().for_each(|f| f.boxed = same(&by_all, &def.name, &f.shape.ty)),
            TypeKind::Union(union) => union
                .variants
                .iter_mut()
                .for_each(|v| v.boxed = same(&by_unions, &def.name, &Ty::Named(v.type_name.clone()))),
            _ => {}
        }
    }
}

fn component_of(types: &BTreeMap<String, TypeDef>, component: &[usize]) -> BTreeMap<String, usize> {
    types.keys().cloned().zip(component.iter().copied()).collect()
}

/// Types that hold each other directly, each by its index in key order.
struct Graph {
    /// What each type holds directly.
    all: Vec<Vec<usize>>,
    /// What each holds as an alias, newtype or union form (not as a struct member).
    without_structs: Vec<Vec<usize>>,
    /// What each holds as an alias or newtype.
    wrapped: Vec<Vec<usize>>,
}

impl Graph {
    fn of(types: &BTreeMap<String, TypeDef>) -> Graph {
        let index: BTreeMap<&str, usize> = types.keys().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
        let empty = || vec![Vec::new(); types.len()];
        let mut graph = Graph { all: empty(), without_structs: empty(), wrapped: empty() };
        for (from, def) in types.values().enumerate() {
            let mut add = |ty: &Ty, member: bool, wraps: bool| {
                if let Some(&to) = named(ty).and_then(|n| index.get(n)) {
                    graph.all[from].push(to);
                    if !member {
                        graph.without_structs[from].push(to);
                    }
                    if wraps {
                        graph.wrapped[from].push(to);
                    }
                }
            };
            match &def.kind {
                TypeKind::Struct(s) => s.fields.iter().for_each(|f| add(&f.shape.ty, true, false)),
                TypeKind::Newtype(shape) | TypeKind::Alias(shape) => add(&shape.ty, false, true),
                TypeKind::Union(union) => {
                    union.member_types().for_each(|t| add(&Ty::Named(t.to_owned()), false, false))
                }
                TypeKind::Enum(_) => {}
            }
        }
        graph
    }
}

/// Aliases and newtypes on a cycle of aliases and newtypes become any JSON value.
fn read_endless_wrappers_as_json(
    source: SpecSource<'_>,
    types: &mut BTreeMap<String, TypeDef>,
    warnings: &mut Warnings,
) {
    let wrapping = Graph::of(types).wrapped;
    let component = components(&wrapping);
    let names: Vec<String> = types.keys().cloned().collect();
    for (node, edges) in wrapping.iter().enumerate() {
        if !edges.iter().any(|&to| component[to] == component[node]) {
            continue;
        }
        if let Some(def) = types.get_mut(&names[node]) {
            warnings.push(
                source.at(&def.pointer),
                format!("{} holds itself through other names only; read as any JSON value", def.name),
            );
            def.kind = TypeKind::Alias(Shape::plain(Ty::Json));
        }
    }
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
