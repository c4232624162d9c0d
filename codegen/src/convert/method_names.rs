//! The names each operation gives the client: its method (and the method's
//! `_with` twin) and its outcome enum. Operation ids that differ but give
//! the same Rust name (`getPet`, `get_pet`), or that take a name the client
//! or a schema already has, are numbered in document order.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{Operation, TypeDef};
use crate::naming;

/// Methods of `Client` that are not operations.
const CLIENT_METHODS: &[&str] = &["new", "base_url"];

/// Fills in [`Operation::rust_name`] and [`Operation::outcome_name`].
pub fn assign(types: &BTreeMap<String, TypeDef>, operations: &mut [Operation]) {
    let mut methods: BTreeSet<String> = CLIENT_METHODS.iter().map(|m| (*m).to_owned()).collect();
    let mut outcomes: BTreeSet<String> = BTreeSet::new();
    for op in operations.iter_mut() {
        let base = naming::value_name(&op.id);
        let (raw, plain) = match base.strip_prefix("r#") {
            Some(keyword) => ("r#", keyword.to_owned()),
            None => ("", base.clone()),
        };
        let free = |name: &str| !methods.contains(name) && !methods.contains(&format!("{name}_with"));
        let name = std::iter::once(plain.clone())
            .chain((2..).map(|n| format!("{plain}{n}")))
            .find(|name| free(name))
            .unwrap_or(plain);
        methods.insert(name.clone());
        methods.insert(format!("{name}_with"));
        op.rust_name = if name == base.trim_start_matches("r#") { format!("{raw}{name}") } else { name };
        let base = format!("{}Outcome", naming::type_name(&op.id));
        let outcome = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}{n}")))
            .find(|name| !types.contains_key(name) && !naming::is_reserved_type(name) && !outcomes.contains(name))
            .unwrap_or(base);
        outcomes.insert(outcome.clone());
        op.outcome_name = outcome;
    }
}
