//! Tokens -> formatted source with the `@generated` header.

use proc_macro2::TokenStream;

use crate::error::{CodegenError, Result};

/// The marker every generated file carries on its first line.
pub const GENERATED_MARKER: &str = "@generated";

/// The first line of a file generated from `spec_file`.
pub fn header(spec_file: &str) -> String {
    format!("// {GENERATED_MARKER} by cargo xtask regen from {spec_file}. Do not edit.\n")
}

/// Parses `tokens` as a Rust file and pretty-prints it below the header.
pub fn format_file(spec_file: &str, tokens: TokenStream) -> Result<String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| CodegenError::Format { file: spec_file.to_owned(), reason: e.to_string() })?;
    Ok(format!("{}{}", header(spec_file), prettyplease::unparse(&file)))
}
