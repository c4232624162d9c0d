//! One API's module, emitted once and laid out either as a directory of
//! files (`mod.rs`, `types.rs`, `client.rs`, `webhooks.rs`) or as one file
//! with the client and webhooks as inline submodules.

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Result;
use crate::{docs, emit, format, ir, GeneratedFile, Settings};

/// The emitted parts of a module.
pub struct ModuleParts {
    /// Inner doc lines of the module.
    doc: Vec<String>,
    /// Models and validators.
    types: TokenStream,
    /// The client, when the API has operations.
    client: Option<TokenStream>,
    /// Webhook payloads, when the API has callbacks.
    webhooks: Option<TokenStream>,
    /// `#[cfg(feature = ...)]` on the client, if it is gated.
    gate: TokenStream,
}

impl ModuleParts {
    /// Emits every part of `api`; `extra_doc` is appended to the module docs.
    pub fn emit(api: &ir::Api, settings: &Settings, extra_doc: Vec<String>) -> Self {
        let emitter = emit::Emitter::new(api, settings);
        let mut doc = module_docs(api);
        doc.extend(extra_doc);
        let webhooks = emitter.webhooks();
        ModuleParts {
            doc,
            types: emitter.types(),
            client: (!api.operations.is_empty()).then(|| emitter.client()),
            webhooks: (!webhooks.is_empty()).then_some(webhooks),
            gate: match &settings.client_feature {
                Some(feature) => quote!(#[cfg(feature = #feature)]),
                None => quote!(),
            },
        }
    }

    /// The directory layout below `module/`, re-exporting the client and webhook types from `mod.rs`.
    pub fn files(self, spec_file: &str, module: &str) -> Result<Vec<GeneratedFile>> {
        let ModuleParts { doc, types, client, webhooks, gate } = self;
        let client_mod = client.as_ref().map(|_| {
            quote! {
                #gate
                pub mod client;
                #gate
                pub use client::Client;
            }
        });
        let webhooks_mod = webhooks.as_ref().map(|_| {
            quote! {
                pub mod webhooks;
                pub use webhooks::{Webhook, WebhookKind};
            }
        });
        let file = |name: &str, tokens| -> Result<GeneratedFile> {
            Ok(GeneratedFile { path: format!("{module}/{name}"), contents: format::format_file(spec_file, tokens)? })
        };
        let mut files = vec![
            file(
                "mod.rs",
                quote! {
                    #(#![doc = #doc])*
                    mod types;
                    pub use types::*;
                    #client_mod
                    #webhooks_mod
                },
            )?,
            file("types.rs", quote!(#![doc = #TYPES_DOC] #types))?,
        ];
        if let Some(client) = client {
            files.push(file("client.rs", quote!(#![doc = #CLIENT_DOC] #client))?);
        }
        if let Some(webhooks) = webhooks {
            files.push(file("webhooks.rs", quote!(#![doc = #WEBHOOKS_DOC] #webhooks))?);
        }
        Ok(files)
    }

    /// The one-file layout: types at the top, client and webhooks inline.
    pub fn single_file(self, spec_file: &str) -> Result<String> {
        let ModuleParts { doc, types, client, webhooks, gate } = self;
        let client_mod = client.map(|client| {
            quote! {
                #[doc = #CLIENT_DOC]
                #gate
                pub mod client {
                    #client
                }
            }
        });
        let webhooks_mod = webhooks.map(|webhooks| {
            quote! {
                #[doc = #WEBHOOKS_DOC]
                pub mod webhooks {
                    #webhooks
                }
            }
        });
        format::format_file(
            spec_file,
            quote! {
                #(#![doc = #doc])*
                #types
                #client_mod
                #webhooks_mod
            },
        )
    }
}

const TYPES_DOC: &str = " Models and validators.";
const CLIENT_DOC: &str = " The async HTTP client: one method per operation.";
const WEBHOOKS_DOC: &str = " Typed webhook payloads and their parser.";

/// Module documentation lines: title, version, description and servers.
fn module_docs(api: &ir::Api) -> Vec<String> {
    let mut text = format!("{} (version {}).", api.title, api.version);
    if let Some(description) = &api.description {
        text.push_str("\n\n");
        text.push_str(&docs::sanitize(description));
    }
    if !api.servers.is_empty() {
        text.push_str("\n\nServers:\n");
        for server in &api.servers {
            let description =
                server.description.as_deref().map(|d| format!(" ({})", docs::sanitize(d))).unwrap_or_default();
            text.push_str(&format!("\n- <{}>{description}", server.url));
        }
    }
    text.lines().map(|line| if line.is_empty() { String::new() } else { format!(" {line}") }).collect()
}
