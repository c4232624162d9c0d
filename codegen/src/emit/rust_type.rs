//! Shapes -> Rust type expressions.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::{Shape, Ty, TypeKind};

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
        }
    }

    /// Whether `name` can reach `target` through fields held directly (not
    /// behind a `Vec`, map or `Option`), which would make an infinitely sized type.
    pub fn reaches_directly(&self, name: &str, target: &str, depth: usize) -> bool {
        if depth > 64 {
            return false;
        }
        if name == target {
            return true;
        }
        match self.api.types.get(name).map(|d| &d.kind) {
            Some(TypeKind::Struct(s)) => s.fields.iter().any(|f| match &f.shape.ty {
                Ty::Named(next) => self.reaches_directly(next, target, depth + 1),
                _ => false,
            }),
            Some(TypeKind::Alias(shape) | TypeKind::Newtype(shape)) => match &shape.ty {
                Ty::Named(next) => self.reaches_directly(next, target, depth + 1),
                _ => false,
            },
            Some(TypeKind::Union(variants)) => {
                variants.iter().any(|v| self.reaches_directly(&v.type_name, target, depth + 1))
            }
            _ => false,
        }
    }

    /// Whether values of a named type can never break a constraint
    /// (so callers need not call its `validate_at`).
    pub fn always_valid(&self, name: &str) -> bool {
        self.named_always_valid(name, 0)
    }

    fn named_always_valid(&self, name: &str, depth: usize) -> bool {
        match self.api.types.get(name).map(|d| (&d.kind, d.direction.response)) {
            Some((TypeKind::Enum(_), lenient)) => !lenient,
            Some((TypeKind::Alias(shape), _)) => self.shape_always_valid(shape, depth + 1),
            _ => false,
        }
    }

    fn shape_always_valid(&self, shape: &Shape, depth: usize) -> bool {
        if !shape.checks.is_empty() || depth > 64 {
            return false;
        }
        match &shape.ty {
            Ty::Named(name) => self.named_always_valid(name, depth + 1),
            Ty::Array(inner) | Ty::Map(inner) => self.shape_always_valid(inner, depth + 1),
            _ => true,
        }
    }
}
