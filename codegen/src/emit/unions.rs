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
        let rt = &self.runtime;
        let docs = doc_attrs(
            def.doc.as_deref(),
            &format!("One of several forms of `{}`.", def.name),
            &["Exactly one form is sent; a received value takes the first form that accepts it.".to_owned()],
        );
        let idents: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v.name)).collect();
        let types: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v.type_name)).collect();
        let variant_docs = variants.iter().map(|v| format!(" The `{}` form.", v.type_name));
        let type_names: Vec<&String> = variants.iter().map(|v| &v.type_name).collect();
        let name_text = def.name.clone();
        let unique_types = {
            let mut seen = std::collections::BTreeSet::new();
            variants.iter().all(|v| seen.insert(&v.type_name))
        };
        let froms = if unique_types {
            quote! {
                #(impl From<#types> for #name {
                    fn from(value: #types) -> Self {
                        #name::#idents(value)
                    }
                })*
            }
        } else {
            quote!()
        };
        let display = if def.displayable {
            quote! {
                impl std::fmt::Display for #name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        match self {
                            #(#name::#idents(value) => std::fmt::Display::fmt(value, f),)*
                        }
                    }
                }
            }
        } else {
            quote!()
        };
        quote! {
            #display

            #docs
            #[derive(Debug, Clone, PartialEq, serde::Serialize)]
            #[serde(untagged)]
            pub enum #name {
                #(#[doc = #variant_docs] #idents(#types),)*
            }

            impl<'de> serde::Deserialize<'de> for #name {
                /// Takes the first form that accepts the value; when none does,
                /// the error says why each form refused it.
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                    let mut refusals: Vec<String> = Vec::new();
                    #(
                        match <#types as serde::Deserialize>::deserialize(&value) {
                            Ok(form) => return Ok(#name::#idents(form)),
                            Err(error) => refusals.push(format!("{}: {}", #type_names, error)),
                        }
                    )*
                    Err(serde::de::Error::custom(format!("matches none of the forms of {}: {}", #name_text, refusals.join("; "))))
                }
            }

            #froms

            impl #rt::Validate for #name {
                fn validate_at(&self, path: &#rt::Path<'_>, out: &mut Vec<#rt::Violation>) {
                    match self {
                        #(#name::#idents(value) => #rt::Validate::validate_at(value, path, out),)*
                    }
                }
            }
        }
    }
}
