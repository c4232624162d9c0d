//! Turns an OpenAPI 3.0 document into formatted Rust source: models with
//! validators, an async client and webhook payloads.
//!
//! The pipeline is load -> model -> emit -> format. This crate never touches
//! the filesystem: callers hand in the spec text and get back file contents.

mod contract;
mod convert;
mod digest;
mod docs;
mod emit;
mod encoding_defaults;
pub mod error;
mod examples;
mod format;
mod inline_refs;
pub mod ir;
pub mod load;
mod module;
pub mod naming;
mod operation_ids;
pub mod pattern;
mod pointer;
mod settings;
mod warning;

use quote::quote;

use module::ModuleParts;

pub use error::{CodegenError, Location};
pub use format::GENERATED_MARKER;
pub use load::SpecSource;
pub use settings::{Conventions, Idempotency, ServerChoice, Settings};
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
pub fn model(source: SpecSource<'_>, settings: &Settings) -> Result<(ir::Api, Vec<Warning>), CodegenError> {
    let mut warnings = warning::Warnings::default();
    let document = load::load_document(source, &mut warnings)?;
    let api = convert::convert(source, &document, &mut warnings, &settings.conventions)?;
    Ok((api, warnings.into_vec()))
}

/// Generates the module `module` (a directory of files) for one spec:
/// `mod.rs`, `types.rs`, `client.rs` and, when the spec has callbacks,
/// `webhooks.rs`.
pub fn generate(source: SpecSource<'_>, module: &str, settings: &Settings) -> Result<Generated, CodegenError> {
    let (api, warnings) = model(source, settings)?;
    let example = match &settings.doc_crate {
        Some(krate) => examples::module_example(&api, krate, module),
        None => Vec::new(),
    };
    let files = ModuleParts::emit(&api, settings, example).files(source.file, module)?;
    Ok(Generated { files, digest: digest::digest(&api), warnings })
}

/// Generates one self-contained Rust module for any spec: types and
/// validators, with the client and webhooks as inline submodules.
pub fn generate_module(source: SpecSource<'_>, settings: &Settings) -> Result<Module, CodegenError> {
    let (api, warnings) = model(source, settings)?;
    let contents = ModuleParts::emit(&api, settings, Vec::new()).single_file(source.file)?;
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
    let (api, _) = model(source, settings)?;
    let plan = contract::plan(&api)?;
    let mut emitter = emit::Emitter::new(&api, settings);
    let path: proc_macro2::TokenStream = api_path.parse().map_err(|_| CodegenError::Format {
        file: source.file.to_owned(),
        reason: format!("{api_path:?} is not a Rust path"),
    })?;
    emitter.type_prefix = quote!(#path::);
    let calls = emitter.contract_calls(&path, &plan);
    let doc = format!(" Contract calls for {} (every operation, example inputs).", api.title);
    format::format_file(
        source.file,
        quote! {
            #![doc = #doc]
            #calls
        },
    )
}
