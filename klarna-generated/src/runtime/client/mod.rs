//! The HTTP core every generated API client builds on: configuration,
//! authentication, idempotency keys, retries and response handling.
//!
//! Generated clients describe a call as a [`RequestSpec`] and hand it to
//! [`Core::execute`]; everything Klarna-specific about the wire lives here.

mod config;
mod core;
mod error;
mod request;
mod response;
mod retry;
mod secret;

pub use self::core::Core;
pub use config::{ClientConfig, ClientConfigBuilder, Environment, RetryPolicy, DEFAULT_MAX_RESPONSE_BYTES};
pub use error::{BodySnippet, ClientError, BODY_SNIPPET_LIMIT};
pub use request::{CallOptions, InputCheck, Method, RequestSpec};
pub use response::RawResponse;
pub use secret::ApiKey;
