//! One `static` per distinct pattern, compiled once per process at first use.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{Api, PatternDef, Shape, Ty, TypeKind};

/// Every distinct pattern of an API with the name of its `static`.
pub struct PatternTable {
    by_source: BTreeMap<String, (Ident, PatternDef)>,
    /// Sources of the patterns only operations (the client) use.
    client_only: BTreeSet<String>,
}

impl PatternTable {
    /// Numbers the patterns in the order types (by name) use them.
    pub fn collect(api: &Api) -> Self {
        let mut table = PatternTable { by_source: BTreeMap::new(), client_only: BTreeSet::new() };
        for def in api.types.values() {
            match &def.kind {
                TypeKind::Struct(s) => s.shapes().for_each(|shape| table.add_shape(shape, false)),
                TypeKind::Newtype(shape) | TypeKind::Alias(shape) => table.add_shape(shape, false),
                TypeKind::Enum(_) | TypeKind::Union(_) => {}
            }
        }
        for operation in &api.operations {
            operation.params.iter().for_each(|p| table.add_shape(&p.shape, true));
            operation.correlation_shape.iter().for_each(|shape| table.add_shape(shape, true));
        }
        table
    }

    /// Adds the patterns of `shape`; `client_only` when only the client
    /// module (which a cargo feature may leave out) uses it.
    fn add_shape(&mut self, shape: &Shape, client_only: bool) {
        for pattern in &shape.rules.patterns {
            if !self.by_source.contains_key(&pattern.source) {
                let ident = format_ident!("PATTERN_{}", self.by_source.len() + 1);
                self.by_source.insert(pattern.source.clone(), (ident, pattern.clone()));
                if client_only {
                    self.client_only.insert(pattern.source.clone());
                }
            }
        }
        if let Ty::Array(inner) | Ty::Map(inner) = &shape.ty {
            self.add_shape(inner, client_only);
        }
    }

    /// The `static` holding `pattern`.
    pub fn ident(&self, pattern: &PatternDef) -> &Ident {
        &self.by_source[&pattern.source].0
    }

    /// The `static` items.
    pub fn statics(&self, runtime: &TokenStream) -> TokenStream {
        let mut items: Vec<_> = self.by_source.values().collect();
        items.sort_by_key(|(ident, _)| ident.to_string().trim_start_matches("PATTERN_").parse::<usize>().unwrap_or(0));
        let items = items.into_iter().map(|(ident, pattern)| {
            let source = &pattern.source;
            let must = &pattern.must_match;
            let must_not = &pattern.must_not_match;
            let doc = format!(" The spec pattern `{}`.", source.replace('`', "'"));
            let constructor = match &pattern.backtracking {
                Some(expression) => quote!(#runtime::Pattern::backtracking(#source, #expression)),
                None => quote!(#runtime::Pattern::new(#source, &[#(#must),*], &[#(#must_not),*])),
            };
            let allow = if self.client_only.contains(source) {
                quote!(#[allow(dead_code)]) // only the client checks it; a feature may leave the client out
            } else {
                quote!()
            };
            quote! {
                #[doc = #doc]
                #allow
                // Visible to the client module, which checks parameters against it.
                pub(crate) static #ident: #runtime::Pattern = #constructor;
            }
        });
        quote!(#(#items)*)
    }
}
