//! Named scalars: checked newtypes for constrained ones, aliases otherwise.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_attrs, example_line};
use super::Emitter;
use crate::ir::{Shape, Ty, TypeDef};

impl Emitter<'_> {
    /// `pub type Name = ...;` for a named shape without constraints of its own.
    pub fn alias_def(&self, def: &TypeDef, name: &Ident, shape: &Shape) -> TokenStream {
        let extra: Vec<String> = example_line(def.example.as_ref()).into_iter().collect();
        let docs = doc_attrs(def.doc.as_deref(), &format!("The `{}` schema.", def.name), &extra);
        let ty = self.shape_type(shape);
        quote! {
            #docs
            pub type #name = #ty;
        }
    }

    /// A newtype that cannot hold a value breaking its schema's constraints.
    pub fn newtype_def(&self, def: &TypeDef, name: &Ident, shape: &Shape) -> TokenStream {
        let rt = &self.runtime;
        let mut extra: Vec<String> = example_line(def.example.as_ref()).into_iter().collect();
        extra.push(
            "Construct it with `new`, which checks every constraint of the schema; deserialization checks them too."
                .to_owned(),
        );
        let docs = doc_attrs(def.doc.as_deref(), &format!("The `{}` schema.", def.name), &extra);
        let inner = self.shape_type(shape);
        let borrowed = match (&shape.ty, shape.nullable) {
            (Ty::String, false) => quote!(str),
            (Ty::Array(item), false) => {
                let item = self.shape_type(item);
                quote!([#item])
            }
            _ => inner.clone(),
        };
        let body = self.checks(shape, false, &format_ident!("value"), &format_ident!("path"), 0);
        let (value_arg, path_arg, out_arg) = match body {
            Some(_) => (quote!(value), quote!(path), quote!(out)),
            None => (quote!(_value), quote!(_path), quote!(_out)),
        };
        let is_string = shape.ty == Ty::String && !shape.nullable;
        let (new_arg, new_conv) = if is_string {
            (quote!(value: impl Into<String>), quote!(let value: String = value.into();))
        } else {
            (quote!(value: #inner), quote!())
        };
        let string_impls = if is_string {
            quote! {
                impl #name {
                    /// The string value.
                    pub fn as_str(&self) -> &str {
                        &self.0
                    }
                }

                impl AsRef<str> for #name {
                    fn as_ref(&self) -> &str {
                        &self.0
                    }
                }

                impl std::fmt::Display for #name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(&self.0)
                    }
                }

                impl std::str::FromStr for #name {
                    type Err = #rt::Violations;
                    fn from_str(value: &str) -> Result<Self, Self::Err> {
                        #name::new(value)
                    }
                }
            }
        } else if matches!(shape.ty, Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool) && !shape.nullable {
            quote! {
                impl std::fmt::Display for #name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        std::fmt::Display::fmt(&self.0, f)
                    }
                }
            }
        } else {
            quote!()
        };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq)]
            pub struct #name(#inner);

            impl #name {
                /// Checks `value` against the schema and wraps it; the error lists every violation.
                pub fn new(#new_arg) -> Result<Self, #rt::Violations> {
                    #new_conv
                    let mut found = Vec::new();
                    #name::check(&value, &#rt::Path::Root, &mut found);
                    #rt::Violations::check(found)?;
                    Ok(#name(value))
                }

                /// The wrapped value.
                pub fn get(&self) -> &#inner {
                    &self.0
                }

                /// Unwraps the value.
                pub fn into_inner(self) -> #inner {
                    self.0
                }

                fn check(#value_arg: &#borrowed, #path_arg: &#rt::Path<'_>, #out_arg: &mut Vec<#rt::Violation>) {
                    #body
                }
            }

            #string_impls

            impl TryFrom<#inner> for #name {
                type Error = #rt::Violations;
                fn try_from(value: #inner) -> Result<Self, Self::Error> {
                    #name::new(value)
                }
            }

            impl From<#name> for #inner {
                fn from(value: #name) -> Self {
                    value.0
                }
            }

            impl serde::Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serde::Serialize::serialize(&self.0, serializer)
                }
            }

            impl<'de> serde::Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = <#inner as serde::Deserialize>::deserialize(deserializer)?;
                    #name::new(value).map_err(serde::de::Error::custom)
                }
            }

            impl #rt::Validate for #name {
                fn validate_at(&self, path: &#rt::Path<'_>, out: &mut Vec<#rt::Violation>) {
                    #name::check(&self.0, path, out);
                }
            }
        }
    }
}
