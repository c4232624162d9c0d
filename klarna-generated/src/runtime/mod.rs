//! Hand-written support code that the generated modules build on.
//!
//! Nothing here is generated: it holds the [`Validate`]
//! trait, the violation types it reports, the compiled-once pattern type,
//! the small checks generated validators call, and the macros that give
//! every generated struct, newtype, enum and union what all of them share.

pub mod builder;
#[doc(hidden)] // called by generated validators
pub mod check;
#[cfg(feature = "client")]
pub mod client;
pub mod decode;
mod macros;
#[doc(hidden)] // called by generated deserializers
pub mod object_only;
pub mod path;
#[doc(hidden)] // compiled patterns of generated validators
pub mod pattern;
pub mod signature;
#[doc(hidden)] // called by generated unions
pub mod union;
pub mod validate;
pub mod webhook;
pub mod webhook_event;

pub use decode::DecodeError;
pub use path::Path;
#[doc(hidden)]
pub use pattern::Pattern;
pub use signature::{SignatureError, SigningKeys};
pub use validate::{
    check_json, check_json_bytes, CheckSchema, JsonCheckError, Rule, SchemaInput, SchemaVisitor, UnknownEnumValue,
    Validate, Violation, Violations,
};
pub use webhook::WebhookError;
pub use webhook_event::{Delivery, OtherWebhook, ReceiveError};

// The macros generated code calls (see `macros`), by their runtime path.
#[doc(hidden)]
pub use crate::__klarna_builder as builder;
#[doc(hidden)]
pub use crate::{
    __klarna_always_valid as always_valid, __klarna_lenient_enum as lenient_enum, __klarna_newtype as newtype,
    __klarna_object as object, __klarna_outcome as outcome, __klarna_response_headers as response_headers,
    __klarna_strict_enum as strict_enum, __klarna_union as union,
};
