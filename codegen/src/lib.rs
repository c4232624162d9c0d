//! Turns an OpenAPI 3.0 document into formatted Rust source: models with
//! validators (and, per API, the client).
//!
//! The pipeline is load -> model -> emit -> format. This crate never touches
//! the filesystem: callers hand in the spec text and get back file contents.

mod convert;
mod docs;
pub mod error;
pub mod ir;
pub mod load;
pub mod naming;
pub mod pattern;
mod pointer;

pub use error::{CodegenError, Location};
pub use load::SpecSource;

/// Loads and converts a spec into the generator's model.
pub fn model(source: SpecSource<'_>) -> Result<ir::Api, CodegenError> {
    let document = load::load(source)?;
    convert::convert(source, &document)
}
