//! A lookup from component schema names to their generated types, so that a
//! JSON value can be checked against any named schema of the spec at run time.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;

impl Emitter<'_> {
    /// `SCHEMAS` and `check_schema`.
    pub fn registry(&self) -> TokenStream {
        let rt = &self.rt;
        let components: Vec<(&String, Ident)> = self
            .api
            .types
            .values()
            .filter_map(|def| def.component.as_ref().map(|key| (key, format_ident!("{}", def.name))))
            .collect();
        let keys: Vec<&String> = components.iter().map(|(key, _)| *key).collect();
        let types: Vec<&Ident> = components.iter().map(|(_, ty)| ty).collect();
        quote! {
            /// The names of the spec's component schemas (`components/schemas`).
            pub const SCHEMAS: &[&str] = &[#(#keys),*];

            /// Reads `input` (a `serde_json::Value`, or raw bytes: invalid
            /// JSON is an error, never a panic) as the component schema `name`
            /// and checks every constraint: deserialization catches missing
            /// members and wrong types, `validate` the rest. `None` when the
            /// spec has no such schema.
            pub fn check_schema(name: &str, input: impl #rt::SchemaInput) -> Option<Result<(), #rt::JsonCheckError>> {
                Some(match name {
                    #(#keys => input.check::<#types>(),)*
                    _ => return None,
                })
            }
        }
    }
}
