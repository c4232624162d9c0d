//! Turns an OpenAPI 3.0 document into formatted Rust source: models with
//! validators (and, per API, the client).
//!
//! The pipeline is load -> model -> emit -> format. This crate never touches
//! the filesystem: callers hand in the spec text and get back file contents.

mod convert;
mod digest;
mod docs;
mod emit;
pub mod error;
mod format;
pub mod ir;
pub mod load;
pub mod naming;
pub mod pattern;
mod pointer;
mod settings;

use quote::quote;

pub use error::{CodegenError, Location};
pub use format::GENERATED_MARKER;
pub use load::SpecSource;
pub use settings::Settings;

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
    /// A compact summary for review (see [`digest`](crate::digest)).
    pub digest: String,
}

/// Loads and converts a spec into the generator's model.
pub fn model(source: SpecSource<'_>) -> Result<ir::Api, CodegenError> {
    let document = load::load(source)?;
    convert::convert(source, &document)
}

/// Generates the module `module` (a directory of files) for one spec.
pub fn generate(
    source: SpecSource<'_>,
    module: &str,
    settings: &Settings,
) -> Result<Generated, CodegenError> {
    let api = model(source)?;
    let emitter = emit::Emitter::new(&api, settings);
    let module_doc = module_docs(&api);
    let mod_rs = quote! {
        #(#![doc = #module_doc])*
        mod types;
        pub use types::*;
    };
    let types = emitter.types();
    let types_rs = quote! {
        //! Models and validators.
        #types
    };
    Ok(Generated {
        files: vec![
            GeneratedFile {
                path: format!("{module}/mod.rs"),
                contents: format::format_file(source.file, mod_rs)?,
            },
            GeneratedFile {
                path: format!("{module}/types.rs"),
                contents: format::format_file(source.file, types_rs)?,
            },
        ],
        digest: digest::digest(&api),
    })
}

/// Generates one self-contained Rust module for any spec (types and
/// validators in a single file), for trying the generator on other documents.
pub fn generate_module(
    source: SpecSource<'_>,
    settings: &Settings,
) -> Result<String, CodegenError> {
    let api = model(source)?;
    let emitter = emit::Emitter::new(&api, settings);
    let module_doc = module_docs(&api);
    let types = emitter.types();
    format::format_file(
        source.file,
        quote! {
            #(#![doc = #module_doc])*
            #types
        },
    )
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
            let description = server
                .description
                .as_deref()
                .map(|d| format!(" ({})", docs::sanitize(d)))
                .unwrap_or_default();
            text.push_str(&format!("\n- <{}>{description}", server.url));
        }
    }
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}
