//! Validation statements: the body of `validate_at` for a member, a newtype
//! or a client input.
//!
//! A value whose shape has no rules of its own is validated with one
//! `validate_at` call (the runtime implements `Validate` for `Option`, `Vec`,
//! slices, `Box` and maps), or not at all when its types are always valid.
//! Rules of the shape itself become calls into `runtime::check`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::{Shape, Ty};

/// A value being validated: an expression of type `&T` (or `&Option<T>`),
/// and for a member the place itself, so numbers are read without `*&`.
#[derive(Clone)]
pub struct Value {
    reference: TokenStream,
    place: Option<TokenStream>,
}

impl Value {
    /// A place such as `self.name`: borrowed where a reference is needed.
    pub fn place(place: TokenStream) -> Self {
        Value { reference: quote!(&#place), place: Some(place) }
    }

    /// A binding that already holds a reference.
    pub fn reference(ident: &Ident) -> Self {
        Value { reference: quote!(#ident), place: None }
    }

    /// The value read out (numbers are `Copy`).
    fn copied(&self) -> TokenStream {
        match &self.place {
            Some(place) => place.clone(),
            None => {
                let reference = &self.reference;
                quote!(*#reference)
            }
        }
    }

    /// An expression to call methods on.
    fn receiver(&self) -> &TokenStream {
        self.place.as_ref().unwrap_or(&self.reference)
    }
}

/// Where a value sits: an expression of type `Path` (built in place) or a
/// binding of type `&Path`.
#[derive(Clone)]
pub struct Location {
    expr: TokenStream,
    borrowed: bool,
}

impl Location {
    /// A path built in place, such as `path.field("name")`.
    pub fn built(expr: TokenStream) -> Self {
        Location { expr, borrowed: false }
    }

    /// A binding that holds a `&Path`.
    pub fn borrowed(ident: &Ident) -> Self {
        Location { expr: quote!(#ident), borrowed: true }
    }

    /// The path as an argument (`&Path`).
    fn argument(&self) -> TokenStream {
        let expr = &self.expr;
        if self.borrowed {
            expr.clone()
        } else {
            quote!(&#expr)
        }
    }

    fn child(&self, step: TokenStream) -> Location {
        let expr = &self.expr;
        Location::built(quote!(#expr.#step))
    }
}

impl Emitter<'_> {
    /// Statements validating `value` at `path` into `out`, or `None` when no
    /// value of the shape can break a rule. `optional`: the value is an
    /// `Option` although the shape is not nullable.
    pub fn validation(&self, shape: &Shape, optional: bool, value: &Value, path: &Location) -> Option<TokenStream> {
        self.validation_at(shape, optional, value, path, 0)
    }

    fn validation_at(
        &self,
        shape: &Shape,
        optional: bool,
        value: &Value,
        location: &Location,
        depth: usize,
    ) -> Option<TokenStream> {
        let rt = &self.rt;
        let path = location.argument();
        if !has_rules(shape) {
            let reference = &value.reference;
            return self.needs_validate(shape).then(|| quote!(#rt::Validate::validate_at(#reference, #path, out);));
        }
        if optional || shape.nullable {
            let inner = format_ident!("value{}", depth);
            let body = self.validation_at(&shape.non_null(), false, &Value::reference(&inner), location, depth + 1)?;
            let reference = &value.reference;
            return Some(quote!(if let Some(#inner) = #reference { #body }));
        }
        let r = &shape.rules;
        let reference = &value.reference;
        let mut out = Vec::new();
        match &shape.ty {
            Ty::String => {
                if r.min_length.is_some() || r.max_length.is_some() {
                    let (min, max) = (option_u64(r.min_length), option_u64(r.max_length));
                    out.push(quote!(#rt::check::length(#reference, #min, #max, #path, out);));
                }
                for pattern in &r.patterns {
                    let ident = self.patterns.ident(pattern);
                    out.push(quote!(#rt::check::pattern(#reference, &#ident, #path, out);));
                }
            }
            Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool => {
                let copied = value.copied();
                if let Some(values) = &r.allowed {
                    let literals = values.iter().map(|v| allowed_literal(&shape.ty, v));
                    let shown = values.iter().map(|v| v.to_string());
                    out.push(quote!(#rt::check::allowed(#reference, &[#(#literals),*], &[#(#shown),*], #path, out);));
                }
                if let Some(factor) = r.multiple_of {
                    out.push(quote!(#rt::check::multiple_of(#copied, #factor, #path, out);));
                }
                if let Some((limit, exclusive)) = r.minimum {
                    out.push(quote!(#rt::check::minimum(#copied, #limit, #exclusive, #path, out);));
                }
                if let Some((limit, exclusive)) = r.maximum {
                    out.push(quote!(#rt::check::maximum(#copied, #limit, #exclusive, #path, out);));
                }
            }
            Ty::Array(item) => {
                let receiver = value.receiver();
                if r.min_items.is_some() || r.max_items.is_some() {
                    let (min, max) = (option_u64(r.min_items), option_u64(r.max_items));
                    out.push(quote!(#rt::check::items(#receiver.len(), #min, #max, #path, out);));
                }
                if r.unique_items {
                    out.push(quote!(#rt::check::unique(#reference, #path, out);));
                }
                let (item_value, index) = (format_ident!("item{}", depth), format_ident!("index{}", depth));
                let item_path = location.child(quote!(index(#index)));
                if let Some(body) =
                    self.validation_at(item, false, &Value::reference(&item_value), &item_path, depth + 1)
                {
                    out.push(quote!(for (#index, #item_value) in #receiver.iter().enumerate() { #body }));
                }
            }
            Ty::JsonObject => out.extend(self.property_count(r, value, &path)),
            Ty::Map(entry) => {
                out.extend(self.property_count(r, value, &path));
                let (entry_value, key) = (format_ident!("entry{}", depth), format_ident!("key{}", depth));
                let entry_path = location.child(quote!(field(#key)));
                if let Some(body) =
                    self.validation_at(entry, false, &Value::reference(&entry_value), &entry_path, depth + 1)
                {
                    out.push(quote!(for (#key, #entry_value) in #reference { #body }));
                }
            }
            Ty::Named(_) | Ty::Json | Ty::Bytes => {}
        }
        (!out.is_empty()).then(|| quote!(#(#out)*))
    }

    /// The `minProperties` / `maxProperties` check of a map or free-form object.
    fn property_count(&self, r: &crate::ir::Rules, value: &Value, path: &TokenStream) -> Option<TokenStream> {
        let rt = &self.rt;
        let receiver = value.receiver();
        (r.min_properties.is_some() || r.max_properties.is_some()).then(|| {
            let (min, max) = (option_u64(r.min_properties), option_u64(r.max_properties));
            quote!(#rt::check::properties(#receiver.len(), #min, #max, #path, out);)
        })
    }

    /// Whether a shape without rules of its own refers to a type whose values can break one.
    fn needs_validate(&self, shape: &Shape) -> bool {
        match &shape.ty {
            Ty::Named(name) => !self.always_valid(name),
            Ty::Array(inner) | Ty::Map(inner) => self.needs_validate(inner),
            _ => false,
        }
    }
}

/// Whether a shape, or an item or entry of it, has rules of its own.
pub fn has_rules(shape: &Shape) -> bool {
    !shape.rules.is_empty()
        || match &shape.ty {
            Ty::Array(inner) | Ty::Map(inner) => has_rules(inner),
            _ => false,
        }
}

/// One allowed value as a literal of the member's Rust type.
fn allowed_literal(ty: &Ty, value: &serde_json::Value) -> TokenStream {
    match (ty, value) {
        (Ty::Bool, serde_json::Value::Bool(b)) => quote!(#b),
        (Ty::I32, v) => {
            let n = v.as_i64().and_then(|n| i32::try_from(n).ok()).unwrap_or_default();
            quote!(#n)
        }
        (Ty::I64, v) => {
            let n = v.as_i64().unwrap_or_default();
            quote!(#n)
        }
        (_, v) => {
            let n = v.as_f64().unwrap_or_default();
            quote!(#n)
        }
    }
}

pub(super) fn option_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(n) => {
            let n = Literal::u64_unsuffixed(n);
            quote!(Some(#n))
        }
        None => quote!(None),
    }
}
