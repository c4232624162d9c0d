//! Typed webhook (callback) payloads and a parser for received bodies.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;

impl Emitter<'_> {
    /// `WebhookKind`, `Webhook` and `Webhook::parse`, or nothing when the
    /// spec has no callbacks.
    pub fn webhooks(&self) -> TokenStream {
        let rt = &self.runtime;
        let hooks = &self.api.webhooks;
        if hooks.is_empty() {
            return quote!();
        }
        let variants: Vec<Ident> = hooks.iter().map(|w| format_ident!("{}", w.rust_name)).collect();
        let names: Vec<&String> = hooks.iter().map(|w| &w.name).collect();
        let bodies: Vec<TokenStream> = hooks.iter().map(|w| self.shape_type(&w.body)).collect();
        let docs: Vec<String> = hooks
            .iter()
            .map(|w| {
                let text =
                    w.doc.as_deref().map(crate::docs::sanitize).unwrap_or_else(|| format!("The `{}` callback", w.name));
                let deprecated = if w.deprecated { " Deprecated by the API." } else { "" };
                format!(" {} (callback `{}` of `{}`).{deprecated}", text.replace('\n', " "), w.name, w.operation_id)
            })
            .collect();
        quote! {
            use super::*;

            /// The callbacks this API sends, by their name in the spec.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum WebhookKind {
                #(#[doc = #docs] #variants,)*
            }

            impl WebhookKind {
                /// Every kind, in spec order.
                pub const ALL: &'static [WebhookKind] = &[#(WebhookKind::#variants),*];

                /// The callback's name in the spec.
                pub fn name(self) -> &'static str {
                    match self {
                        #(WebhookKind::#variants => #names,)*
                    }
                }
            }

            /// A received webhook, typed by its kind.
            #[derive(Debug, Clone, PartialEq)]
            pub enum Webhook {
                #(#[doc = #docs] #variants(#bodies),)*
            }

            impl Webhook {
                /// Parses the raw body of a received webhook of the given kind.
                ///
                /// The error says which kind was expected, where the body
                /// went wrong and why; it never panics on any input.
                pub fn parse(kind: WebhookKind, body: &[u8]) -> Result<Webhook, #rt::WebhookError> {
                    let error = |e: serde_json::Error| #rt::WebhookError::new(kind.name(), &e);
                    Ok(match kind {
                        #(WebhookKind::#variants => Webhook::#variants(serde_json::from_slice(body).map_err(error)?),)*
                    })
                }

                /// The kind of this webhook.
                pub fn kind(&self) -> WebhookKind {
                    match self {
                        #(Webhook::#variants(_) => WebhookKind::#variants,)*
                    }
                }
            }
        }
    }
}
