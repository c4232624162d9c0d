//! The HTTP core every generated API client builds on: configuration,
//! authentication (credentials by security scheme), idempotency keys, retries and response handling.
//!
//! Generated clients describe a call as a `RequestSpec` and hand it to
//! `Core::execute` (both hidden from the docs: they are not for callers);
//! everything Klarna-specific about the wire lives here.

mod api_error;
mod attempt;
mod base_url;
mod body;
mod config;
mod core;
mod credentials;
mod error;
mod header;
mod metadata;
mod param_style;
mod redact;
mod regions;
mod request;
mod response;
mod response_headers;
mod retry;
mod secret;
mod security;
mod segment;
mod trace;

pub use api_error::{ApiError, CallResult, Outcome, Response};
pub use config::{
    ClientConfig, ClientConfigBuilder, Environment, RetryPolicy, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES,
};
pub use credentials::Credentials;
pub use error::{BodySnippet, ClientError, BODY_SNIPPET_LIMIT, HEADER_TEXT_LIMIT};
pub use metadata::{RateLimit, ResponseMeta};
#[doc(hidden)]
pub use param_style::{styled_text, ParamStyle};
pub use redact::{Redactor, REDACTED};
pub use regions::Region;
pub use request::{CallOptions, RESERVED_HEADERS};
pub use response_headers::Secret;
pub use secret::ApiKey;
pub use security::{SchemeKind, SecurityScheme};

// What generated clients call; not part of the public API.
#[doc(hidden)]
pub use self::core::Core;
#[doc(hidden)]
pub use body::MemberEncoding;
#[doc(hidden)]
pub use header::{check_cookie_param, check_header_param};
#[doc(hidden)]
pub use request::{check_param_value, InputCheck, Method, ParamIn, RequestSpec};
#[doc(hidden)]
pub use response::RawResponse;
#[doc(hidden)]
pub use response_headers::{FromHeaders, HeaderKind, HeaderReader};
#[doc(hidden)]
pub use segment::check_path_param;
