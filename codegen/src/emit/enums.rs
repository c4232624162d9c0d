//! String enumerations -> Rust enums.
//!
//! Enums the client sends are strict: an unknown value does not deserialize.
//! Enums that come back from the server (responses, webhooks) keep unknown
//! values in an extra variant, because the API adds values over time; such a
//! value fails `validate()` if it is ever sent back. The runtime's
//! `strict_enum!` / `lenient_enum!` add everything built on the wire names.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::Emitter;
use crate::ir::{EnumDef, TypeDef};

impl Emitter<'_> {
    /// The enum and its runtime macro call.
    pub fn enum_def(&self, def: &TypeDef, name: &Ident, e: &EnumDef) -> TokenStream {
        let rt = &self.rt;
        let docs = doc_attrs(def.doc.as_deref(), &format!("The `{}` enumeration.", def.name), &[]);
        let wires: Vec<&String> = e.values.iter().map(|v| &v.wire_name).collect();
        let variants: Vec<Ident> = e.values.iter().map(|v| format_ident!("{}", v.variant)).collect();
        let variant_docs = wires.iter().map(|w| format!(" `{w}`"));
        if def.lenient() {
            let unknown = self.unknown_variant(e);
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #(#[doc = #variant_docs] #variants,)*
                    /// A value this version of the spec does not list, kept as received.
                    #unknown(String),
                }
                #rt::lenient_enum!(#name, #unknown { #(#variants = #wires),* });
            }
        } else {
            quote! {
                #docs
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #(#[doc = #variant_docs] #variants,)*
                }
                #rt::strict_enum!(#name { #(#variants = #wires),* });
            }
        }
    }

    fn unknown_variant(&self, e: &EnumDef) -> Ident {
        let mut name = "Unrecognized".to_owned();
        while e.values.iter().any(|v| v.variant == name) {
            name.push_str("Value");
        }
        format_ident!("{}", name)
    }
}
