//! Facts about each named type that emission relies on, computed once for
//! the whole model: whether its values are always valid and whether they can
//! be written as text.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{Operation, ParamLocation, ParamStyle, Shape, Ty, TypeDef, TypeKind};

/// Fills in [`TypeDef::always_valid`] and [`TypeDef::displayable`]. Needs
/// directions, since an enum received from the server keeps unknown values.
pub fn assign(types: &mut BTreeMap<String, TypeDef>) {
    let valid = always_valid(types);
    let mut displayable = BTreeMap::new();
    for name in types.keys() {
        named_displayable(types, name, &mut displayable);
    }
    for def in types.values_mut() {
        def.always_valid = valid.contains(&def.name);
        def.displayable = displayable.get(&def.name).copied().unwrap_or(false);
    }
}

/// The types no value of which can break a constraint: every type that
/// neither breaks one itself (own rules, a newtype, an enum keeping unknown
/// values) nor refers to a type that can. Invalidity spreads backwards over
/// references once, so the pass is linear.
fn always_valid(types: &BTreeMap<String, TypeDef>) -> BTreeSet<String> {
    let mut referrers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut invalid: Vec<&str> = Vec::new();
    for def in types.values() {
        let mut refs = Vec::new();
        let mut own_rules = false;
        match &def.kind {
            TypeKind::Struct(s) => {
                for shape in s.shapes() {
                    own_rules |= collect(shape, &mut refs);
                }
                // Rules on the object as a whole.
                own_rules |= !s.any_required.is_empty() || s.min_properties.is_some() || s.max_properties.is_some();
            }
            TypeKind::Alias(shape) => own_rules = collect(shape, &mut refs),
            TypeKind::Union(union) => {
                // A tag that selects no variant, or another one, is a violation.
                own_rules = union.discriminator.is_some();
                refs.extend(union.member_types());
            }
            TypeKind::Newtype(_) => own_rules = true,
            TypeKind::Enum(_) => own_rules = def.lenient(),
        }
        if own_rules {
            invalid.push(&def.name);
        }
        for target in refs {
            referrers.entry(target).or_default().push(&def.name);
        }
    }
    let mut seen: BTreeSet<&str> = invalid.iter().copied().collect();
    while let Some(name) = invalid.pop() {
        for &referrer in referrers.get(name).into_iter().flatten() {
            if seen.insert(referrer) {
                invalid.push(referrer);
            }
        }
    }
    types.keys().filter(|name| !seen.contains(name.as_str())).cloned().collect()
}

/// Adds the named types a shape refers to; returns whether the shape has rules of its own.
fn collect<'a>(shape: &'a Shape, refs: &mut Vec<&'a str>) -> bool {
    let own = !shape.rules.is_empty();
    match &shape.ty {
        Ty::Named(name) => {
            refs.push(name);
            own
        }
        Ty::Array(inner) | Ty::Map(inner) => collect(inner, refs) || own,
        _ => own,
    }
}

/// Whether a named type can be written as text; a type met again while
/// being decided (a cycle) is not.
fn named_displayable(types: &BTreeMap<String, TypeDef>, name: &str, memo: &mut BTreeMap<String, bool>) -> bool {
    if let Some(known) = memo.get(name) {
        return *known;
    }
    memo.insert(name.to_owned(), false);
    let result = match types.get(name).map(|d| &d.kind) {
        Some(TypeKind::Enum(_)) => true,
        Some(TypeKind::Newtype(shape) | TypeKind::Alias(shape)) => {
            !shape.nullable
                && match &shape.ty {
                    Ty::Named(inner) => named_displayable(types, inner, memo),
                    ty => scalar(ty),
                }
        }
        Some(TypeKind::Union(union)) => union.member_types().all(|t| named_displayable(types, t, memo)),
        Some(TypeKind::Struct(_)) | None => false,
    };
    memo.insert(name.to_owned(), result);
    result
}

fn scalar(ty: &Ty) -> bool {
    matches!(ty, Ty::String | Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool)
}

/// Whether values of a shape can be written as text, given the facts of named types.
pub fn shape_displayable(types: &BTreeMap<String, TypeDef>, shape: &Shape) -> bool {
    match &shape.ty {
        Ty::Named(name) => types.get(name).is_some_and(|d| d.displayable),
        ty => scalar(ty),
    }
}

/// Marks the parameters written from their serde form rather than as text:
/// values that cannot be written as text (objects, arrays of objects),
/// content described as JSON, query values in a style other than `form`,
/// path values in a style other than `simple` or holding an array (whose
/// delimiters stay literal while each item is encoded), and cookie arrays
/// (one cookie per item, or items checked one by one around their commas).
pub fn assign_structured(types: &BTreeMap<String, TypeDef>, operations: &mut [Operation]) {
    for param in operations.iter_mut().flat_map(|op| op.params.iter_mut()) {
        let scalar = shape_displayable(types, &param.shape);
        let array = matches!(&param.shape.ty, Ty::Array(item) if shape_displayable(types, item));
        param.structured = param.style == ParamStyle::Json
            || !(scalar || array)
            || match param.location {
                ParamLocation::Query => param.style != ParamStyle::Form,
                ParamLocation::Path => param.style != ParamStyle::Simple || array,
                ParamLocation::Cookie => array,
                ParamLocation::Header => false,
            };
    }
}
