//! Hand-written support code that the generated modules build on.
//!
//! Nothing here is generated: it holds the [`Validate`]
//! trait, the violation types it reports, the compiled-once pattern type and
//! the small helpers that enum and newtype code calls.

pub mod check;
pub mod path;
pub mod pattern;
pub mod validate;

pub use path::Path;
pub use pattern::Pattern;
pub use validate::{
    check_json, JsonCheckError, Rule, UnknownEnumValue, Validate, Violation, Violations,
};
