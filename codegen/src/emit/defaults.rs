//! Members' `default` values as Rust expressions, from the typed values
//! the model computed (and checked against the schema).

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::DefaultValue;

impl Emitter<'_> {
    /// The Rust expression of a member's `default`, built from the model's
    /// typed value (already checked against the schema, so a newtype is
    /// made without its check).
    pub(super) fn default_value(&self, default: &DefaultValue) -> TokenStream {
        let named = |name: &str| {
            let ident = format_ident!("{}", name);
            let prefix = &self.type_prefix;
            quote!(#prefix #ident)
        };
        match default {
            DefaultValue::String(s) => quote!(#s.to_owned()),
            DefaultValue::Bool(b) => quote!(#b),
            DefaultValue::Integer(n) => {
                let n = proc_macro2::Literal::i64_unsuffixed(*n);
                quote!(#n)
            }
            DefaultValue::Number(n) => {
                let n = proc_macro2::Literal::f64_unsuffixed(*n);
                quote!(#n)
            }
            DefaultValue::Null => quote!(None),
            DefaultValue::Some(inner) => {
                let inner = self.default_value(inner);
                quote!(Some(#inner))
            }
            DefaultValue::Boxed(inner) => {
                let inner = self.default_value(inner);
                quote!(Box::new(#inner))
            }
            DefaultValue::Variant { type_name, variant } => {
                let ty = named(type_name);
                let variant = format_ident!("{}", variant);
                quote!(#ty::#variant)
            }
            DefaultValue::Newtype { type_name, inner } => {
                let ty = named(type_name);
                let inner = self.default_value(inner);
                quote!(#ty(#inner))
            }
            DefaultValue::Union { type_name, variant, inner } => {
                let ty = named(type_name);
                let variant = format_ident!("{}", variant);
                let inner = self.default_value(inner);
                quote!(#ty::#variant(#inner))
            }
            DefaultValue::Array(items) => {
                let items = items.iter().map(|item| self.default_value(item));
                quote!(vec![#(#items),*])
            }
            DefaultValue::Map(entries) if entries.is_empty() => quote!(std::collections::BTreeMap::new()),
            DefaultValue::Map(entries) => {
                let entries = entries.iter().map(|(key, value)| {
                    let value = self.default_value(value);
                    quote!((#key.to_owned(), #value))
                });
                quote!(std::collections::BTreeMap::from([#(#entries),*]))
            }
            DefaultValue::Json(value) => {
                let value = json_tokens(value);
                quote!(serde_json::json!(#value))
            }
            DefaultValue::JsonObject(members) if members.is_empty() => quote!(serde_json::Map::new()),
            DefaultValue::JsonObject(members) => {
                let members = members.iter().map(|(key, value)| {
                    let value = json_tokens(value);
                    quote!((#key.to_owned(), serde_json::json!(#value)))
                });
                quote!(serde_json::Map::from_iter([#(#members),*]))
            }
            DefaultValue::Struct { type_name, fields, additional } => {
                let ty = named(type_name);
                let fields = fields.iter().map(|(rust_name, value)| {
                    let ident = match rust_name.strip_prefix("r#") {
                        Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
                        None => format_ident!("{}", rust_name),
                    };
                    let value = self.default_value(value);
                    quote!(#ident: #value)
                });
                let additional = additional.as_ref().map(|value| {
                    let value = self.default_value(value);
                    quote!(additional_properties: #value)
                });
                quote!(#ty { #(#fields,)* #additional })
            }
        }
    }
}

/// A JSON value as the input of `serde_json::json!`.
fn json_tokens(value: &serde_json::Value) -> TokenStream {
    use serde_json::Value;
    match value {
        Value::Null => quote!(null),
        Value::Bool(b) => quote!(#b),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => {
                let i = proc_macro2::Literal::i64_unsuffixed(i);
                quote!(#i)
            }
            (_, Some(u), _) => {
                let u = proc_macro2::Literal::u64_unsuffixed(u);
                quote!(#u)
            }
            (_, _, Some(f)) => {
                let f = proc_macro2::Literal::f64_unsuffixed(f);
                quote!(#f)
            }
            _ => quote!(null),
        },
        Value::String(s) => quote!(#s),
        Value::Array(items) => {
            let items = items.iter().map(json_tokens);
            quote!([#(#items),*])
        }
        Value::Object(members) => {
            let members = members.iter().map(|(key, value)| {
                let value = json_tokens(value);
                quote!(#key: #value)
            });
            quote!({#(#members),*})
        }
    }
}
