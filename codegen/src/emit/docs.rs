//! `#[doc]` attributes from spec text.

use proc_macro2::TokenStream;
use quote::quote;

use crate::docs::sanitize;

/// Doc attributes for `text` (sanitised), falling back to `fallback`, with
/// extra paragraphs appended.
pub fn doc_attrs(text: Option<&str>, fallback: &str, extra: &[String]) -> TokenStream {
    let mut body = match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => sanitize(text),
        None => fallback.to_owned(),
    };
    for paragraph in extra {
        body.push_str("\n\n");
        body.push_str(paragraph);
    }
    let lines = body.lines().map(|line| {
        let line = if line.is_empty() { String::new() } else { format!(" {line}") };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// An "Example: `...`" paragraph for a JSON example value.
pub fn example_line(example: Option<&serde_json::Value>) -> Option<String> {
    let example = example?;
    let text = serde_json::to_string(example).ok()?;
    if text.len() > 200 || text.contains('`') {
        return None;
    }
    Some(format!("Example: `{text}`"))
}
