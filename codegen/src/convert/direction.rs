//! Which way each type's values travel: sent, received or both.

use std::collections::BTreeMap;

use crate::ir::{Operation, Shape, Ty, TypeDef, TypeKind, Webhook};

/// Marks every type reachable from a request as `request` and every type
/// reachable from a response or webhook as `response`.
pub fn assign(types: &mut BTreeMap<String, TypeDef>, operations: &[Operation], webhooks: &[Webhook]) {
    for operation in operations {
        for param in &operation.params {
            mark(types, &param.shape, true);
        }
        for kind in operation.body.iter().flat_map(|body| &body.kinds) {
            mark(types, &kind.shape, true);
        }
        for response in &operation.responses {
            for kind in &response.body {
                mark(types, &kind.shape, false);
            }
            for header in &response.headers {
                mark(types, &header.shape, false);
            }
        }
    }
    for webhook in webhooks {
        mark(types, &webhook.body, false);
    }
}

fn mark(types: &mut BTreeMap<String, TypeDef>, shape: &Shape, request: bool) {
    match &shape.ty {
        Ty::Named(name) => mark_named(types, name, request),
        Ty::Array(inner) | Ty::Map(inner) => mark(types, inner, request),
        _ => {}
    }
}

fn mark_named(types: &mut BTreeMap<String, TypeDef>, name: &str, request: bool) {
    let Some(def) = types.get_mut(name) else {
        return;
    };
    let flag = if request { &mut def.direction.request } else { &mut def.direction.response };
    if *flag {
        return;
    }
    *flag = true;
    let inner: Vec<Shape> = match &def.kind {
        TypeKind::Struct(s) => s.shapes().cloned().collect(),
        TypeKind::Newtype(shape) | TypeKind::Alias(shape) => vec![shape.clone()],
        TypeKind::Union(union) => union.member_types().map(|t| Shape::plain(Ty::Named(t.to_owned()))).collect(),
        TypeKind::Enum(_) => Vec::new(),
    };
    for shape in &inner {
        mark(types, shape, request);
    }
}
