//! Errors the generator reports; each names the file and the JSON pointer.

use std::fmt;

/// Where in which spec file a problem was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    /// The spec file as the caller named it (`specs/identity.yaml`).
    pub file: String,
    /// A JSON pointer into the document (`/paths/~1v1~1accounts/get`).
    pub pointer: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.file, self.pointer)
    }
}

/// Everything that can stop generation. Nothing is written when one occurs.
#[derive(Debug, thiserror::Error)]
pub enum CodegenError {
    /// The file is not UTF-8 text, so it cannot be read as YAML at all.
    #[error("{file}:{line}:{column}: not UTF-8: {reason} at byte offset {offset}; save the file as UTF-8")]
    NotUtf8 {
        /// The spec file.
        file: String,
        /// 0-based byte offset of the first byte that is not valid UTF-8.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
        /// What is wrong with the bytes there.
        reason: String,
    },
    /// The file is not well-formed YAML.
    #[error("{file}:{line}:{column}: invalid YAML: {reason}")]
    Yaml {
        /// The spec file.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the YAML parser said.
        reason: String,
    },
    /// The document is YAML but not an OpenAPI 3.0 document of the expected shape.
    #[error("{at}: not a valid OpenAPI 3.0 document: {reason}")]
    Shape {
        /// Where the problem is.
        at: Location,
        /// What is wrong.
        reason: String,
    },
    /// A `$ref` points at nothing.
    #[error("{at}: unresolved $ref {target:?}")]
    UnresolvedRef {
        /// Where the `$ref` is.
        at: Location,
        /// The reference as written.
        target: String,
    },
    /// The document uses a construct the generator does not support.
    #[error("{at}: unsupported: {reason}")]
    Unsupported {
        /// Where the construct is.
        at: Location,
        /// What the construct is.
        reason: String,
    },
    /// Two names in the document map onto the same Rust name.
    #[error("{at}: name collision: {reason}")]
    NameCollision {
        /// Where the second name is.
        at: Location,
        /// Which names collide.
        reason: String,
    },
    /// The emitted tokens are not valid Rust (a generator bug, reported instead of panicking).
    #[error("{file}: generated code does not parse as Rust: {reason}")]
    Format {
        /// The spec file.
        file: String,
        /// What syn said.
        reason: String,
    },
}

/// Shorthand for results in this crate.
pub type Result<T, E = CodegenError> = std::result::Result<T, E>;
