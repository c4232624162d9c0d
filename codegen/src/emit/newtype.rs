//! Named scalars: checked newtypes for constrained ones, aliases otherwise.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_attrs, example_line};
use super::validation::{Location, Value};
use super::Emitter;
use crate::ir::{Shape, Ty, TypeDef};

impl Emitter<'_> {
    /// `pub type Name = ...;` for a named shape without constraints of its own.
    pub fn alias_def(&self, def: &TypeDef, name: &Ident, shape: &Shape) -> TokenStream {
        let extra: Vec<String> = example_line(def.example.as_ref()).into_iter().collect();
        let fallback = match &shape.ty {
            Ty::Named(target) if !shape.nullable => {
                format!("The `{}` schema: the same type as [`{target}`].", def.name)
            }
            _ => format!("The `{}` schema.", def.name),
        };
        let docs = doc_attrs(def.doc.as_deref(), &fallback, &extra);
        let ty = self.shape_type(shape);
        quote! {
            #docs
            pub type #name = #ty;
        }
    }

    /// A newtype whose constructor checks its schema's constraints. It
    /// deserializes from any value of its base type (a response that breaks
    /// a documented constraint still parses), and `validate()` reports what
    /// it breaks.
    pub fn newtype_def(&self, def: &TypeDef, name: &Ident, shape: &Shape) -> TokenStream {
        let rt = &self.rt;
        let mut extra: Vec<String> = example_line(def.example.as_ref()).into_iter().collect();
        extra.push(
            "`new`, `TryFrom` and `FromStr` check every constraint of the schema. Deserialization accepts any \
             value of the base type, so a response that breaks a documented constraint still parses; \
             `validate()` reports the violation, and the client validates every input before sending it."
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
        let value = format_ident!("value");
        let body =
            self.validation(shape, false, &Value::reference(&value), &Location::borrowed(&format_ident!("path")));
        let (value_arg, path_arg, out_arg) = match body {
            Some(_) => (quote!(value), quote!(path), quote!(out)),
            None => (quote!(_value), quote!(_path), quote!(_out)),
        };
        let accessors = if matches!(shape.ty, Ty::String) && !shape.nullable {
            quote!(#rt::newtype!(string #name);)
        } else if matches!(shape.ty, Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool) && !shape.nullable {
            quote!(#rt::newtype!(display #name: #inner);)
        } else {
            quote!(#rt::newtype!(#name: #inner);)
        };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            #[serde(transparent)]
            pub struct #name(#inner);

            impl #name {
                fn check(#value_arg: &#borrowed, #path_arg: &#rt::Path<'_>, #out_arg: &mut Vec<#rt::Violation>) {
                    #body
                }
            }

            #accessors
        }
    }
}
