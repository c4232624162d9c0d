//! `anyOf` / `oneOf` of named schemas -> untagged enums.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::Emitter;
use crate::ir::{TypeDef, Variant};

impl Emitter<'_> {
    /// An untagged enum: serializes as the variant it holds, deserializes as
    /// the first variant that accepts the value.
    pub fn union_def(&self, def: &TypeDef, name: &Ident, variants: &[Variant]) -> TokenStream {
        let rt = &self.rt;
        let docs = doc_attrs(
            def.doc.as_deref(),
            &format!("One of several forms of `{}`.", def.name),
            &["Exactly one form is sent; a received value takes the first form that accepts it.".to_owned()],
        );
        let idents: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v.name)).collect();
        let types: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v.type_name)).collect();
        let variant_docs = variants.iter().map(|v| format!(" The `{}` form.", v.type_name));
        let unique_types = {
            let mut seen = std::collections::BTreeSet::new();
            variants.iter().all(|v| seen.insert(&v.type_name))
        };
        let froms = if unique_types { quote!(#rt::union!(from #name { #(#idents(#types)),* });) } else { quote!() };
        let display = if def.displayable { quote!(#rt::union!(display #name { #(#idents),* });) } else { quote!() };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, serde::Serialize)]
            #[serde(untagged)]
            pub enum #name {
                #(#[doc = #variant_docs] #idents(#types),)*
            }
            #rt::union!(#name { #(#idents(#types)),* });
            #froms
            #display
        }
    }
}
