//! Typed webhook (callback) payloads: one enum per API, parsed by kind or
//! dispatched on `metadata.event_type`, and verified before parsing.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;

impl Emitter<'_> {
    /// `WebhookKind`, `Webhook` and its parsers, or nothing when the spec
    /// has no callbacks.
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
                let types = if w.event_types.is_empty() {
                    String::new()
                } else {
                    let quoted: Vec<String> = w.event_types.iter().map(|t| format!("`{t}`")).collect();
                    format!(" Event type {}.", quoted.join(", "))
                };
                let owners: Vec<String> =
                    std::iter::once(&w.operation_id).chain(&w.also_on).map(|id| format!("`{id}`")).collect();
                format!(
                    " {} (callback `{}` of {}).{deprecated}{types}",
                    text.replace('\n', " "),
                    w.name,
                    owners.join(", ")
                )
            })
            .collect();
        // Each event type selects the first callback that names it.
        let mut seen = BTreeSet::new();
        let mut dispatch = Vec::new();
        for (hook, variant) in hooks.iter().zip(&variants) {
            let fresh: Vec<&String> = hook.event_types.iter().filter(|t| seen.insert(t.as_str())).collect();
            if !fresh.is_empty() {
                let name = &hook.name;
                dispatch.push(quote!(#(Some(#fresh))|* => Webhook::#variant(#rt::webhook_event::parse(#name, body)?),));
            }
        }
        let from_body_doc = if seen.is_empty() {
            " The spec names no event type for any callback, so every delivery is `Webhook::Other`; use\n [`Webhook::parse`] when you know the kind.".to_owned()
        } else {
            format!(
                " Known event types: {}; any other is `Webhook::Other`.",
                seen.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
            )
        };
        let other = quote!(Webhook::Other(#rt::webhook_event::parse("other", body)?));
        let select = if dispatch.is_empty() {
            quote!(let webhook = #other;)
        } else {
            quote! {
                let webhook = match envelope.event_type.as_deref() {
                    #(#dispatch)*
                    _ => #other,
                };
            }
        };
        quote! {
            // Payloads that are free-form JSON name no type of the module.
            #[allow(unused_imports)]
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
            #[non_exhaustive]
            #[allow(clippy::large_enum_variant)]
            pub enum Webhook {
                #(#[doc = #docs] #variants(#bodies),)*
                /// A delivery whose `metadata.event_type` no callback of the spec names, kept as JSON.
                Other(#rt::webhook_event::OtherWebhook),
            }

            impl Webhook {
                /// Verifies a delivery's signature with `keys`, then parses it
                /// with [`Webhook::from_body`]. Pass the headers as received
                /// and the raw body; answer 400 when this fails.
                ///
                /// Klarna retries a delivery until it is acknowledged (for up
                /// to 12 hours), so the same event can arrive more than once:
                /// skip an `event_id` you have already handled.
                pub fn receive<I, N, V>(
                    keys: &#rt::SigningKeys,
                    headers: I,
                    body: &[u8],
                ) -> Result<#rt::webhook_event::Delivery<Webhook>, #rt::webhook_event::ReceiveError>
                where
                    I: IntoIterator<Item = (N, V)>,
                    N: AsRef<str>,
                    V: AsRef<[u8]>,
                {
                    keys.verify_headers(headers, body)?;
                    Ok(Webhook::from_body(body)?)
                }

                /// Parses any delivery of this API (without verifying it),
                /// typed by its `metadata.event_type`.
                ///
                #[doc = #from_body_doc]
                pub fn from_body(body: &[u8]) -> Result<#rt::webhook_event::Delivery<Webhook>, #rt::WebhookError> {
                    let envelope = #rt::webhook_event::Envelope::read(body)?;
                    #select
                    Ok(envelope.with(webhook))
                }

                /// Parses the raw body of a received webhook of the given kind.
                ///
                /// The error says which kind was expected, the JSON path where
                /// the body went wrong and why; it never panics on any input.
                pub fn parse(kind: WebhookKind, body: &[u8]) -> Result<Webhook, #rt::WebhookError> {
                    Ok(match kind {
                        #(WebhookKind::#variants => Webhook::#variants(#rt::webhook_event::parse(kind.name(), body)?),)*
                    })
                }

                /// The kind of this webhook; `None` for [`Webhook::Other`].
                pub fn kind(&self) -> Option<WebhookKind> {
                    match self {
                        #(Webhook::#variants(_) => Some(WebhookKind::#variants),)*
                        Webhook::Other(_) => None,
                    }
                }
            }
        }
    }
}
