//! Shapes -> Rust type expressions.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::{Shape, Ty};

impl Emitter<'_> {
    /// The Rust type of a shape (`Option<...>` when nullable).
    pub fn shape_type(&self, shape: &Shape) -> TokenStream {
        let ty = self.ty(&shape.ty);
        if shape.nullable {
            quote!(Option<#ty>)
        } else {
            ty
        }
    }

    /// The Rust type of a type expression.
    pub fn ty(&self, ty: &Ty) -> TokenStream {
        match ty {
            Ty::Named(name) => {
                let ident = format_ident!("{}", name);
                let prefix = &self.type_prefix;
                quote!(#prefix #ident)
            }
            Ty::String => quote!(String),
            Ty::I32 => quote!(i32),
            Ty::I64 => quote!(i64),
            Ty::F64 => quote!(f64),
            Ty::Bool => quote!(bool),
            Ty::Array(item) => {
                let item = self.shape_type(item);
                quote!(Vec<#item>)
            }
            Ty::Map(value) => {
                let value = self.shape_type(value);
                quote!(std::collections::BTreeMap<String, #value>)
            }
            Ty::Json => quote!(serde_json::Value),
            Ty::JsonObject => quote!(serde_json::Map<String, serde_json::Value>),
            Ty::Bytes => quote!(Vec<u8>),
        }
    }

    /// Whether values of a named type can never break a constraint (so
    /// callers need not call its `validate_at`), as the model computed.
    pub fn always_valid(&self, name: &str) -> bool {
        self.api.types.get(name).is_some_and(|d| d.always_valid)
    }
}
