//! Names of the types the client module defines beside outcome enums:
//! the headers struct of each response with typed headers and the body
//! enum of each body documented in several media types, all after the
//! outcome's name and distinct from every model type.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{HeadersType, Operation, ResponseHeader, TypeDef};
use crate::naming;

/// Fills in [`Body::enum_name`](crate::ir::Body::enum_name),
/// [`Response::body_type`](crate::ir::Response::body_type) and
/// [`Response::headers_type`](crate::ir::Response::headers_type): request
/// bodies `<Operation>Body`, response bodies `<Operation><Variant>Body`,
/// headers `<Operation><Variant>Headers`. A headers struct with the same
/// fields as an earlier one is an alias of it.
pub fn assign(types: &BTreeMap<String, TypeDef>, operations: &mut [Operation]) {
    let mut used: BTreeSet<String> = operations.iter().map(|op| op.outcome_name.clone()).collect();
    let mut free = |base: String| {
        let name = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}{n}")))
            .find(|name| !types.contains_key(name) && !naming::is_reserved_type(name) && !used.contains(name))
            .unwrap_or(base);
        used.insert(name.clone());
        name
    };
    let mut defined: Vec<(Vec<ResponseHeader>, String)> = Vec::new();
    for op in operations.iter_mut() {
        let owner = op.outcome_name.strip_suffix("Outcome").unwrap_or(&op.outcome_name).to_owned();
        if let Some(body) = op.body.as_mut().filter(|body| body.kinds.len() > 1) {
            body.enum_name = Some(free(format!("{owner}Body")));
        }
        for response in op.responses.iter_mut() {
            let variant = response.status.variant_name();
            if response.body.len() > 1 {
                response.body_type = Some(free(format!("{owner}{variant}Body")));
            }
            let fields: Vec<ResponseHeader> =
                response.headers.iter().filter(|h| h.in_meta.is_none()).cloned().collect();
            if fields.is_empty() {
                continue;
            }
            let name = free(format!("{owner}{variant}Headers"));
            let same_as = defined.iter().find(|(known, _)| *known == fields).map(|(_, first)| first.clone());
            if same_as.is_none() {
                defined.push((fields, name.clone()));
            }
            response.headers_type = Some(HeadersType { name, same_as });
        }
    }
}
