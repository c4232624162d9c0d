//! Turns an OpenAPI 3.0 document into formatted Rust source: models with
//! validators, an async client and webhook payloads.
//!
//! The pipeline is load -> model -> emit -> format. This crate never touches
//! the filesystem: callers hand in the spec text and get back file contents.

mod convert;
mod digest;
mod docs;
mod emit;
pub mod error;
mod examples;
mod format;
pub mod ir;
pub mod load;
pub mod naming;
pub mod pattern;
mod pointer;
mod settings;
mod warning;

use quote::quote;

pub use error::{CodegenError, Location};
pub use format::GENERATED_MARKER;
pub use load::SpecSource;
pub use settings::Settings;
pub use warning::Warning;

/// One generated file, its path relative to the crate's `src/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to `src/` (`identity/types.rs`).
    pub path: String,
    /// The full file text, header included.
    pub contents: String,
}

/// Everything generated for one spec.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The files of the API's module.
    pub files: Vec<GeneratedFile>,
    /// A compact summary for review: operations with their outcomes, types
    /// with their fields and constraints.
    pub digest: String,
    /// What was odd but usable in the spec, and how it was read.
    pub warnings: Vec<Warning>,
}

/// One self-contained module generated from a spec.
#[derive(Debug, Clone)]
pub struct Module {
    /// The module's source text, header included.
    pub contents: String,
    /// What was odd but usable in the spec, and how it was read.
    pub warnings: Vec<Warning>,
}

/// Loads and converts a spec into the generator's model, with the warnings
/// found on the way.
pub fn model(source: SpecSource<'_>) -> Result<(ir::Api, Vec<Warning>), CodegenError> {
    let mut warnings = warning::Warnings::default();
    let document = load::load_document(source, &mut warnings)?;
    let api = convert::convert(source, &document, &mut warnings)?;
    Ok((api, warnings.into_vec()))
}

/// Generates the module `module` (a directory of files) for one spec:
/// `mod.rs`, `types.rs`, `client.rs` and, when the spec has callbacks,
/// `webhooks.rs`.
pub fn generate(source: SpecSource<'_>, module: &str, settings: &Settings) -> Result<Generated, CodegenError> {
    let (api, warnings) = model(source)?;
    let emitter = emit::Emitter::new(&api, settings);
    let mut module_doc = module_docs(&api);
    if let Some(krate) = &settings.doc_crate {
        module_doc.extend(examples::module_example(&api, krate, module));
    }
    let gate = feature_gate(settings);
    let webhooks = emitter.webhooks();
    let has_webhooks = !webhooks.is_empty();
    let webhooks_mod = if has_webhooks {
        quote! {
            pub mod webhooks;
            pub use webhooks::{Webhook, WebhookKind};
        }
    } else {
        quote!()
    };
    let has_client = !api.operations.is_empty();
    let client_mod = if has_client {
        quote! {
            #gate
            pub mod client;
            #gate
            pub use client::Client;
        }
    } else {
        quote!()
    };
    let mod_rs = quote! {
        #(#![doc = #module_doc])*
        mod types;
        pub use types::*;
        #client_mod
        #webhooks_mod
    };
    let types = emitter.types();
    let types_rs = quote! {
        //! Models and validators.
        #types
    };
    let client = emitter.client();
    let client_rs = quote! {
        //! The async HTTP client: one method per operation.
        #client
    };
    let file = |name: &str, tokens| -> Result<GeneratedFile, CodegenError> {
        Ok(GeneratedFile { path: format!("{module}/{name}"), contents: format::format_file(source.file, tokens)? })
    };
    let mut files = vec![file("mod.rs", mod_rs)?, file("types.rs", types_rs)?];
    if has_client {
        files.push(file("client.rs", client_rs)?);
    }
    if has_webhooks {
        files.push(file(
            "webhooks.rs",
            quote! {
                //! Typed webhook payloads and their parser.
                #webhooks
            },
        )?);
    }
    Ok(Generated { files, digest: digest::digest(&api), warnings })
}

/// Generates one self-contained Rust module for any spec: types and
/// validators, with the client and webhooks as inline submodules.
pub fn generate_module(source: SpecSource<'_>, settings: &Settings) -> Result<Module, CodegenError> {
    let (api, warnings) = model(source)?;
    let emitter = emit::Emitter::new(&api, settings);
    let module_doc = module_docs(&api);
    let types = emitter.types();
    let gate = feature_gate(settings);
    let client_mod = if api.operations.is_empty() {
        quote!()
    } else {
        let client = emitter.client();
        quote! {
            /// The async HTTP client: one method per operation.
            #gate
            pub mod client {
                #client
            }
        }
    };
    let webhooks = emitter.webhooks();
    let webhooks_mod = if webhooks.is_empty() {
        quote!()
    } else {
        quote! {
            /// Typed webhook payloads and their parser.
            pub mod webhooks {
                #webhooks
            }
        }
    };
    let contents = format::format_file(
        source.file,
        quote! {
            #(#![doc = #module_doc])*
            #types
            #client_mod
            #webhooks_mod
        },
    )?;
    Ok(Module { contents, warnings })
}

/// A test-support module that calls every operation of the API at
/// `api_path` (`klarna_generated::identity`) once, with the spec's example
/// inputs, for contract runs against a mock server of the spec.
pub fn generate_contract_calls(
    source: SpecSource<'_>,
    api_path: &str,
    settings: &Settings,
) -> Result<String, CodegenError> {
    let (api, _) = model(source)?;
    let mut emitter = emit::Emitter::new(&api, settings);
    let path: proc_macro2::TokenStream = api_path.parse().map_err(|_| CodegenError::Format {
        file: source.file.to_owned(),
        reason: format!("{api_path:?} is not a Rust path"),
    })?;
    emitter.type_prefix = quote!(#path::);
    let calls = emitter.contract_calls(&path)?;
    let doc = format!(" Contract calls for {} (every operation, example inputs).", api.title);
    format::format_file(
        source.file,
        quote! {
            #![doc = #doc]
            #calls
        },
    )
}

fn feature_gate(settings: &Settings) -> proc_macro2::TokenStream {
    match &settings.client_feature {
        Some(feature) => quote!(#[cfg(feature = #feature)]),
        None => quote!(),
    }
}

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
