//! A lookup from component schema names to their generated types, so that a
//! JSON value can be checked against any named schema of the spec at run time.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;

impl Emitter<'_> {
    /// `SCHEMAS`, the one dispatch `visit_schema` and `check_schema` on top of it.
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
        // Without component schemas the dispatch has nothing to match.
        let dispatch = if components.is_empty() {
            quote! {
                let _ = (name, visitor);
                None
            }
        } else {
            quote! {
                Some(match name {
                    #(#keys => visitor.visit::<#types>(),)*
                    _ => return None,
                })
            }
        };
        quote! {
            /// The names of the spec's component schemas (`components/schemas`).
            pub const SCHEMAS: &[&str] = &[#(#keys),*];

            /// Calls `visitor` with the generated type of the component schema
            /// `name`; `None` when the spec has no such schema.
            pub fn visit_schema<V: #rt::SchemaVisitor>(name: &str, visitor: V) -> Option<V::Output> {
                #dispatch
            }

            /// Reads `input` (a `serde_json::Value`, or raw bytes: invalid
            /// JSON is an error, never a panic) as the component schema `name`
            /// and checks every constraint: deserialization catches missing
            /// members and wrong types, `validate` the rest. `None` when the
            /// spec has no such schema.
            pub fn check_schema(name: &str, input: impl #rt::SchemaInput) -> Option<Result<(), #rt::JsonCheckError>> {
                visit_schema(name, #rt::CheckSchema(input))
            }
        }
    }
}
