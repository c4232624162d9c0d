//! `anyOf` / `oneOf` of named schemas -> untagged enums.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::Emitter;
use crate::ir::{Ty, TypeDef, TypeKind, Variant};

impl Emitter<'_> {
    /// The Rust type an alias finally names, as text (`Foo` for a non-alias).
    fn alias_target(&self, name: &str) -> String {
        let mut current = name.to_owned();
        for _ in 0..32 {
            match self.api.types.get(&current).map(|d| &d.kind) {
                Some(TypeKind::Alias(shape)) => match &shape.ty {
                    Ty::Named(next) if !shape.nullable => current = next.clone(),
                    _ => return self.shape_type(shape).to_string(),
                },
                _ => return current,
            }
        }
        current
    }

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
        // `From` per form only when no two forms are the same Rust type
        // (aliases of one type count as the same).
        let unique_types = {
            let mut seen = std::collections::BTreeSet::new();
            variants.iter().all(|v| seen.insert(self.alias_target(&v.type_name)))
        };
        let froms = if unique_types { quote!(#rt::union!(from #name { #(#idents(#types)),* });) } else { quote!() };
        let display = if def.displayable { quote!(#rt::union!(display #name { #(#idents),* });) } else { quote!() };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, serde::Serialize)]
            #[serde(untagged)]
            // A value is parsed once and matched; boxing large forms would only add allocations.
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#[doc = #variant_docs] #idents(#types),)*
            }
            #rt::union!(#name { #(#idents(#types)),* });
            #froms
            #display
        }
    }
}
