//! Hand-written support code that the generated modules build on.
//!
//! Nothing here is generated: it holds the [`Validate`]
//! trait, the violation types it reports, the compiled-once pattern type and
//! the small helpers that enum and newtype code calls.

#[doc(hidden)] // called by generated validators
pub mod check;
#[cfg(feature = "client")]
pub mod client;
#[doc(hidden)] // called by generated deserializers
pub mod object_only;
pub mod path;
#[doc(hidden)] // compiled patterns of generated validators
pub mod pattern;
pub mod signature;
pub mod validate;
pub mod webhook;
pub mod webhook_event;

pub use path::Path;
#[doc(hidden)]
pub use pattern::Pattern;
pub use signature::{SignatureError, SigningKeys};
pub use validate::{
    check_json, check_json_bytes, JsonCheckError, Rule, UnknownEnumValue, Validate, Violation, Violations,
};
pub use webhook::WebhookError;
pub use webhook_event::{Delivery, OtherWebhook, ReceiveError};
