//! The body of `validate_at`: constraint checks for a value of some shape.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::{Shape, Ty};

impl Emitter<'_> {
    /// Statements checking the value bound to `value` (of type `&T`, or
    /// `&Option<T>` when `optional` or the shape is nullable) at the location
    /// bound to `path` (of type `&Path`), or `None` when a value of this
    /// shape can never break a constraint.
    pub fn checks(
        &self,
        shape: &Shape,
        optional: bool,
        value: &Ident,
        path: &Ident,
        depth: usize,
    ) -> Option<TokenStream> {
        if optional || shape.nullable {
            let inner_value = format_ident!("value{}", depth);
            let body = self.checks(&shape.non_null(), false, &inner_value, path, depth + 1)?;
            return Some(quote! {
                if let Some(#inner_value) = #value {
                    #body
                }
            });
        }
        let rt = &self.runtime;
        let c = &shape.rules;
        let mut out = Vec::new();
        match &shape.ty {
            Ty::Named(name) => {
                if !self.always_valid(name) {
                    out.push(quote!(#rt::Validate::validate_at(#value, #path, out);));
                }
            }
            Ty::String => {
                if c.min_length.is_some() || c.max_length.is_some() {
                    let min = option_u64(c.min_length);
                    let max = option_u64(c.max_length);
                    out.push(quote!(#rt::check::length(#value, #min, #max, #path, out);));
                }
                if let Some(pattern) = &c.pattern {
                    let ident = self.patterns.ident(pattern);
                    out.push(quote!(#rt::check::pattern(#value, &#ident, #path, out);));
                }
            }
            Ty::I32 | Ty::I64 | Ty::F64 => {
                if let Some((limit, exclusive)) = c.minimum {
                    out.push(quote!(#rt::check::minimum(*#value, #limit, #exclusive, #path, out);));
                }
                if let Some((limit, exclusive)) = c.maximum {
                    out.push(quote!(#rt::check::maximum(*#value, #limit, #exclusive, #path, out);));
                }
            }
            Ty::Array(item) => {
                if c.min_items.is_some() || c.max_items.is_some() {
                    let min = option_u64(c.min_items);
                    let max = option_u64(c.max_items);
                    out.push(quote!(#rt::check::items(#value.len(), #min, #max, #path, out);));
                }
                if c.unique_items {
                    out.push(quote!(#rt::check::unique(#value, #path, out);));
                }
                let item_value = format_ident!("item{}", depth);
                let item_path = format_ident!("item_path{}", depth);
                let index = format_ident!("index{}", depth);
                if let Some(body) = self.checks(item, false, &item_value, &item_path, depth + 1) {
                    out.push(quote! {
                        for (#index, #item_value) in #value.iter().enumerate() {
                            let #item_path = &#path.index(#index);
                            #body
                        }
                    });
                }
            }
            Ty::Map(entry) => {
                let key = format_ident!("key{}", depth);
                let entry_value = format_ident!("entry{}", depth);
                let entry_path = format_ident!("entry_path{}", depth);
                if let Some(body) = self.checks(entry, false, &entry_value, &entry_path, depth + 1) {
                    out.push(quote! {
                        for (#key, #entry_value) in #value {
                            let #entry_path = &#path.field(#key);
                            #body
                        }
                    });
                }
            }
            Ty::Bool | Ty::Json | Ty::JsonObject => {}
        }
        if out.is_empty() {
            None
        } else {
            Some(quote!(#(#out)*))
        }
    }
}

fn option_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(n) => quote!(Some(#n)),
        None => quote!(None),
    }
}
