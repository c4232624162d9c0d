//! `anyOf` / `oneOf` of named schemas -> enums with one variant per form:
//! untagged, or tagged by a discriminator.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::Emitter;
use crate::ir::{Ty, TypeDef, TypeKind, UnionDef};

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

    /// The enum of a union: serializes as the variant it holds; an untagged
    /// one deserializes as the first variant that accepts the value, a
    /// tagged one as the variant its tag selects.
    pub fn union_def(&self, def: &TypeDef, name: &Ident, union: &UnionDef) -> TokenStream {
        let rt = &self.rt;
        let variants = &union.variants;
        let reading = match &union.discriminator {
            None => "Exactly one form is sent; a received value takes the first form that accepts it and keeps every member it has, else the first that accepts it.".to_owned(),
            Some(property) => format!(
                "Tagged by `{property}`: a received value is read as the form its tag selects. Without a tag, or with one no form has, it is read as an untagged value, and `validate()` reports an unknown tag. A form is sent with its tag (added when the form does not hold one)."
            ),
        };
        let docs = doc_attrs(def.doc.as_deref(), &format!("One of several forms of `{}`.", def.name), &[reading]);
        let idents: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v.name)).collect();
        let types: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v.type_name)).collect();
        // A form that contains the union is held in a `Box`.
        let held = variants.iter().zip(&types).map(|(v, ty)| if v.boxed { quote!(Box<#ty>) } else { quote!(#ty) });
        let variant_docs = variants.iter().map(|v| match v.tags.as_slice() {
            [] => format!(" The `{}` form.", v.type_name),
            tags => format!(" The `{}` form, selected by {}.", v.type_name, quoted(tags)),
        });
        // `From` per form only when no two forms are the same Rust type
        // (aliases of one type count as the same).
        let unique_types = {
            let mut seen = std::collections::BTreeSet::new();
            variants.iter().all(|v| seen.insert(self.alias_target(&v.type_name)))
        };
        let froms = if unique_types { quote!(#rt::union!(from #name { #(#idents(#types)),* });) } else { quote!() };
        let display = if def.displayable { quote!(#rt::union!(display #name { #(#idents),* });) } else { quote!() };
        let (derives, behaviour) = match &union.discriminator {
            None => (
                quote!(#[derive(Debug, Clone, PartialEq, serde::Serialize)] #[serde(untagged)]),
                quote!(#rt::union!(#name { #(#idents(#types)),* });),
            ),
            Some(property) => {
                let tags = variants.iter().map(|v| {
                    let tags = &v.tags;
                    quote!([#(#tags),*])
                });
                (
                    quote!(#[derive(Debug, Clone, PartialEq)]),
                    quote!(#rt::union!(tagged #name, #property { #(#idents(#types) #tags),* });),
                )
            }
        };
        quote! {
            #docs
            #derives
            // A value is parsed once and matched; boxing large forms would only add allocations.
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#[doc = #variant_docs] #idents(#held),)*
            }
            #behaviour
            #froms
            #display
        }
    }
}

/// `` `a`, `b` `` for documentation.
fn quoted(tags: &[String]) -> String {
    tags.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
}
