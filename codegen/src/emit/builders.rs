//! Named construction of structs: `<Name>Required` for the required members,
//! a `with_` setter per optional one and a `<member>_or_default` accessor
//! per defaulted one, through the runtime's `builder!`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::{Presence, StructDef, TypeDef};

impl Emitter<'_> {
    /// The `builder!` call for a struct.
    pub fn builder(&self, def: &TypeDef, name: &Ident, s: &StructDef) -> TokenStream {
        let rt = &self.runtime;
        let mut required = Vec::new();
        let mut optional = Vec::new();
        let mut defaulted = Vec::new();
        for field in &s.fields {
            let ident = Self::field_ident(field);
            let setter = format_ident!("with_{}", field.rust_name.trim_start_matches("r#"));
            match &field.presence {
                // `new` takes a boxed member unboxed.
                Presence::Required if field.boxed => {
                    let ty = self.ty(&field.shape.ty);
                    required.push(quote!(#ident: #ty));
                }
                Presence::Required | Presence::Nullable => {
                    let ty = self.field_type(field);
                    required.push(quote!(#ident: #ty));
                }
                Presence::Optional => {
                    let ty = self.held_type(field);
                    optional.push(quote!(#setter #ident: #ty));
                }
                Presence::Defaulted(default) => {
                    let ty = self.held_type(field);
                    let accessor = format_ident!("{}_or_default", field.rust_name.trim_start_matches("r#"));
                    let value = self.default_value(default);
                    defaulted.push(quote!(#setter #accessor #ident: #ty = #value));
                }
            }
        }
        if required.is_empty() && optional.is_empty() && defaulted.is_empty() {
            return quote!();
        }
        let required_struct = if required.is_empty() {
            quote!()
        } else {
            let holder = self.required_name(&def.name);
            quote!(, #holder { #(#required),* })
        };
        quote! {
            #rt::builder!(#name #required_struct ; optional { #(#optional),* } ; defaulted { #(#defaulted),* });
        }
    }

    /// `<Name>Required`, or with more `Members` suffixes while a schema has that name.
    fn required_name(&self, name: &str) -> Ident {
        let mut candidate = format!("{name}Required");
        while self.api.types.contains_key(&candidate) {
            candidate.push_str("Members");
        }
        format_ident!("{}", candidate)
    }
}
