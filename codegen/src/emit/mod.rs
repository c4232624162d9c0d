//! Model -> Rust tokens, one concern per module. No string pasting of code:
//! everything is built with `quote!`.

mod bodies;
mod builders;
mod client;
mod contract;
mod defaults;
mod docs;
mod enums;
mod newtype;
mod patterns;
mod registry;
mod rust_type;
mod security;
mod structs;
mod unions;
mod validation;
mod webhooks;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ir::{Api, TypeKind};
use crate::settings::Settings;

pub use patterns::PatternTable;

/// What every emitter needs: the API, the settings and the pattern table.
pub struct Emitter<'a> {
    /// The API being emitted.
    pub api: &'a Api,
    /// Path of the hand-written runtime module.
    pub runtime: TokenStream,
    /// The name generated types and client code import the runtime as (`rt`).
    pub rt: TokenStream,
    /// Every pattern of the API, numbered once.
    pub patterns: PatternTable,
    /// Path prepended to named types (empty inside the API's own module).
    pub type_prefix: TokenStream,
}

impl<'a> Emitter<'a> {
    /// Prepares emission of `api`.
    pub fn new(api: &'a Api, settings: &Settings) -> Self {
        let runtime: TokenStream = settings.runtime_path.parse().unwrap_or_else(|_| quote!(crate::runtime));
        Emitter { api, runtime, rt: quote!(rt), patterns: PatternTable::collect(api), type_prefix: TokenStream::new() }
    }

    /// The models-and-validators module: patterns, then every type in name order.
    pub fn types(&self) -> TokenStream {
        let runtime = &self.runtime;
        let patterns = self.patterns.statics(&self.rt);
        let types = self.api.types.values().map(|def| {
            let name = format_ident!("{}", def.name);
            match &def.kind {
                TypeKind::Struct(s) => {
                    let (item, builder) = (self.struct_def(def, &name, s), self.builder(def, &name, s));
                    quote!(#item #builder)
                }
                TypeKind::Enum(e) => self.enum_def(def, &name, e),
                TypeKind::Newtype(shape) => self.newtype_def(def, &name, shape),
                TypeKind::Alias(shape) => self.alias_def(def, &name, shape),
                TypeKind::Union(union) => self.union_def(def, &name, union),
            }
        });
        let registry = self.registry();
        quote! {
            #[allow(unused_imports)]
            use #runtime as rt;
            #patterns
            #(#types)*
            #registry
        }
    }
}
