//! Checks that every operation can become a client method: its inputs can
//! be written as text (a path parameter as one segment) and no type takes
//! the client's name.

use std::collections::BTreeMap;

use super::facts::shape_displayable;
use crate::error::{CodegenError, Result};
use crate::ir::{Operation, ParamLocation, Ty, TypeDef};
use crate::load::SpecSource;

/// Fails on the first operation the client cannot express.
pub fn check(source: SpecSource<'_>, types: &BTreeMap<String, TypeDef>, operations: &[Operation]) -> Result<()> {
    if !operations.is_empty() && types.contains_key("Client") {
        return Err(CodegenError::Unsupported {
            at: source.at("/components/schemas/Client"),
            reason: "a schema named `Client` collides with the generated client".to_owned(),
        });
    }
    for op in operations {
        for p in &op.params {
            let text = shape_displayable(types, &p.shape)
                || matches!(&p.shape.ty, Ty::Array(item) if shape_displayable(types, item));
            if !text && !p.structured {
                return Err(CodegenError::Unsupported {
                    at: source.at(&op.pointer),
                    reason: format!("parameter {:?} has a type that cannot be written as text", p.wire_name),
                });
            }
            if p.location == ParamLocation::Path && matches!(p.shape.ty, Ty::Array(_)) {
                return Err(CodegenError::Unsupported {
                    at: source.at(&op.pointer),
                    reason: format!("path parameter {:?} is an array, which cannot be one path segment", p.wire_name),
                });
            }
        }
    }
    Ok(())
}
