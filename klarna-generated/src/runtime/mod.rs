//! Hand-written support code that the generated modules build on.
//!
//! Nothing here is generated: it holds the [`Validate`]
//! trait, the violation types it reports, the compiled-once pattern type and
//! the small helpers that enum and newtype code calls.

pub mod check;
#[cfg(feature = "client")]
pub mod client;
pub mod object_only;
pub mod path;
pub mod pattern;
pub mod validate;
pub mod webhook;

pub use path::Path;
pub use pattern::Pattern;
pub use validate::{
    check_json, check_json_bytes, JsonCheckError, Rule, UnknownEnumValue, Validate, Violation, Violations,
};
pub use webhook::WebhookError;
