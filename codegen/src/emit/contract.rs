//! Contract calls: every operation called once with the spec's own example
//! inputs, for running the generated client against a mock of the spec.

use super::Emitter;
use crate::contract::ContractInput;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

impl Emitter<'_> {
    /// `call_all(client)`: one call per operation, each returning the
    /// operation id and the status of the documented outcome, or the error.
    pub fn contract_calls(&self, api_path: &TokenStream, plan: &[Vec<ContractInput<'_>>]) -> TokenStream {
        let rt = &self.runtime;
        let mut calls = Vec::new();
        for (op, inputs) in self.api.operations.iter().zip(plan) {
            let method = format_ident!("{}", op.rust_name.trim_start_matches("r#"));
            let id = &op.id;
            let mut bindings = Vec::new();
            let mut args = Vec::new();
            for input in inputs {
                let ident = format_ident!("{}", input.name);
                match &input.example {
                    Some(value) => {
                        let text = serde_json::to_string(value).unwrap_or_default();
                        let ty = self.ty(&input.shape.ty);
                        let what = format!("example for {id}/{}", input.name);
                        bindings.push(quote!(let #ident: #ty = serde_json::from_str(#text).expect(#what);));
                        // A body of several media types goes as the preferred variant of its enum.
                        let value = match op.body.as_ref().and_then(|b| Some((b.enum_name.as_ref()?, b))) {
                            Some((name, body)) if input.name == "body" => {
                                let name = format_ident!("{}", name);
                                let variant = format_ident!("{}", body.preferred().variant);
                                quote!(#api_path::client::#name::#variant(&#ident))
                            }
                            _ => quote!(&#ident),
                        };
                        args.push(if input.required { value } else { quote!(Some(#value)) });
                    }
                    None => args.push(quote!(None)),
                }
            }
            calls.push(quote! {
                results.push((#id, async {
                    #(#bindings)*
                    client.#method(#(#args),*).await.map(|response| response.status())
                }.await));
            });
        }
        quote! {
            /// Calls every operation once with the spec's example inputs and
            /// returns, per operationId, the status of the documented outcome
            /// or the error.
            pub async fn call_all(client: &#api_path::client::Client) -> Vec<(&'static str, Result<u16, #rt::client::ClientError>)> {
                let mut results = Vec::new();
                #(#calls)*
                results
            }
        }
    }
}
