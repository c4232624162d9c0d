//! A call as generated code describes it: method, path, query, headers, body.

use std::fmt;
use std::time::Duration;

use crate::runtime::{Path, Violation, Violations};

use super::config::RetryPolicy;

use super::error::ClientError;
use super::header;
use super::redact::Redactor;

/// HTTP methods the specs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// TRACE
    Trace,
}

impl Method {
    pub(crate) fn as_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
            Method::Options => reqwest::Method::OPTIONS,
            Method::Head => reqwest::Method::HEAD,
            Method::Trace => reqwest::Method::TRACE,
        }
    }

    /// Whether sending the request twice has the effect of sending it once
    /// (GET, PUT, DELETE); POST and PATCH are retried only with an
    /// idempotency key.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// Per-call settings.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CallOptions {
    /// `Klarna-Idempotency-Key` for a POST or PATCH. Without one, a fresh
    /// random key is used (unless turned off in the config); either way the
    /// same key goes with every retry of the call.
    pub idempotency_key: Option<String>,
    /// The correlation id of the call, sent in the operation's correlation
    /// header (`Partner-Correlation-Id` for Klarna, echoed back) and checked
    /// against that header's schema in the spec. An operation without one
    /// refuses it.
    pub correlation_id: Option<String>,
    /// The deadline of this call, every attempt and wait included; `None`
    /// uses the configuration's (`ClientConfigBuilder::deadline`).
    pub deadline: Option<Duration>,
    /// The retry policy of this call; `None` uses the configuration's.
    pub retry: Option<RetryPolicy>,
    /// Extra headers, sent after the operation's own. Headers the client
    /// sets itself (see [`RESERVED_HEADERS`]) and the operation's parameters
    /// are refused before anything is sent.
    pub headers: Vec<(String, String)>,
}

/// Headers an extra header may not set: credentials, routing, body framing
/// and the ones the client fills from its configuration and options.
pub const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "accept",
    "klarna-partner-account",
    "klarna-idempotency-key",
    "partner-correlation-id",
];

impl CallOptions {
    /// Options with an idempotency key.
    pub fn with_idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// Options with a deadline for the whole call.
    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Options with a correlation id.
    pub fn with_correlation_id(mut self, id: impl Into<String>) -> Self {
        self.correlation_id = Some(id.into());
        self
    }

    /// Options with this call's own retry policy.
    pub fn with_retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Options with one more extra header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Checks the options themselves; violations are reported under `/options`.
    pub(crate) fn check(&self, out: &mut Vec<Violation>) {
        let root = Path::Root;
        let options = root.field("options");
        if let Some(id) = &self.correlation_id {
            header::check(id, &options.field("correlation_id"), out);
        }
        if let Some(key) = &self.idempotency_key {
            let at = options.field("idempotency_key");
            crate::runtime::check::length(key, Some(1), Some(255), &at, out);
            header::check(key, &at, out);
        }
        let extra = options.field("headers");
        for (name, value) in &self.headers {
            let at = extra.field(name);
            let token = !name.is_empty() && reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_ok();
            if !token || RESERVED_HEADERS.iter().any(|reserved| name.eq_ignore_ascii_case(reserved)) {
                out.push(Violation { pointer: at.to_pointer(), rule: crate::runtime::Rule::HeaderName });
            }
            header::check(value, &at, out);
        }
    }
}

/// How a structured query value is written (OpenAPI `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryStyle {
    /// `form`: `a=1&a=2` (exploded) or `a=1,2`; object members as their own keys.
    Form,
    /// `spaceDelimited`: `a=1 2`.
    SpaceDelimited,
    /// `pipeDelimited`: `a=1|2`.
    PipeDelimited,
    /// `deepObject`: `a[key]=value`, nested members in further brackets.
    DeepObject,
}

/// One request, built by a generated method after its inputs were validated.
///
/// Its `Debug` output shows the method, the operation, the path with secret
/// values redacted, and only the names of query parameters and headers.
#[derive(Clone)]
pub struct RequestSpec {
    pub(crate) method: Method,
    pub(crate) operation: &'static str,
    pub(crate) path_template: &'static str,
    pub(crate) segments: Vec<String>,
    pub(crate) query: Vec<(std::borrow::Cow<'static, str>, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) content_type: Option<String>,
    pub(crate) accept: &'static str,
    pub(crate) partner_account_header: Option<&'static str>,
    pub(crate) idempotency_header: Option<&'static str>,
    pub(crate) correlation_header: Option<&'static str>,
    pub(crate) secrets: Redactor,
}

impl fmt::Debug for RequestSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.secrets.scrub(&self.segments.join("/"));
        let query: Vec<&str> = self.query.iter().map(|(name, _)| name.as_ref()).collect();
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("RequestSpec")
            .field("method", &self.method)
            .field("operation", &self.operation)
            .field("path", &path)
            .field("query", &query)
            .field("headers", &headers)
            .field("body_bytes", &self.body.as_ref().map(Vec::len))
            .finish_non_exhaustive()
    }
}

impl RequestSpec {
    /// A request for the operation `operation` (its `operationId`), without
    /// path, query, headers or body yet.
    pub fn new(method: Method, operation: &'static str) -> Self {
        RequestSpec {
            method,
            operation,
            path_template: "",
            segments: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            content_type: None,
            accept: "application/json",
            partner_account_header: None,
            idempotency_header: None,
            correlation_header: None,
            secrets: Redactor::default(),
        }
    }

    /// The operation's path template (`/v2/accounts/{account_id}`), for traces.
    pub fn path_template(&mut self, template: &'static str) -> &mut Self {
        self.path_template = template;
        self
    }

    /// Appends a path segment; it is percent-encoded when the URL is built,
    /// and refused (nothing is sent) when it is empty, `.` or `..`.
    pub fn segment(&mut self, segment: impl Into<String>) -> &mut Self {
        self.segments.push(segment.into());
        self
    }

    /// Appends a query parameter written from its serde form in `style`
    /// (objects, arrays, `deepObject`); `null` members are left out.
    pub fn query_value<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: QueryStyle,
        explode: bool,
    ) -> Result<&mut Self, ClientError> {
        let value = serde_json::to_value(value).map_err(|e| ClientError::Serialize(e.to_string()))?;
        for (key, text) in super::body::query_pairs(name, &value, style, explode) {
            self.query.push((key.into(), text));
        }
        Ok(self)
    }

    /// Appends a query pair; it is form-encoded when the URL is built.
    pub fn query(&mut self, name: &'static str, value: impl Into<String>) -> &mut Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Adds a header.
    pub fn header(&mut self, name: &'static str, value: impl Into<String>) -> &mut Self {
        self.headers.push((name, value.into()));
        self
    }

    /// Serializes `body` as the JSON request body.
    pub fn json_body<T: serde::Serialize + ?Sized>(&mut self, body: &T) -> Result<&mut Self, ClientError> {
        self.json_body_as(body, "application/json")
    }

    /// Serializes `body` as JSON sent as `content_type` (a `+json` type).
    pub fn json_body_as<T: serde::Serialize + ?Sized>(
        &mut self,
        body: &T,
        content_type: &'static str,
    ) -> Result<&mut Self, ClientError> {
        let bytes = serde_json::to_vec(body).map_err(|e| ClientError::Serialize(e.to_string()))?;
        Ok(self.bytes_body(content_type, bytes))
    }

    /// Sends `body` form-urlencoded: top-level arrays repeat their key,
    /// nested members use brackets (`a[b]=1`, `a[0]=x`), `null`s are left out.
    pub fn form_body<T: serde::Serialize + ?Sized>(&mut self, body: &T) -> Result<&mut Self, ClientError> {
        let value = serde_json::to_value(body).map_err(|e| ClientError::Serialize(e.to_string()))?;
        let text = super::body::form(&value)?;
        Ok(self.bytes_body("application/x-www-form-urlencoded", text.into_bytes()))
    }

    /// Sends `body` as `multipart/form-data`: one part per member, strings
    /// as text, other values as JSON.
    pub fn multipart_body<T: serde::Serialize + ?Sized>(&mut self, body: &T) -> Result<&mut Self, ClientError> {
        let value = serde_json::to_value(body).map_err(|e| ClientError::Serialize(e.to_string()))?;
        let boundary = format!("boundary-{}", uuid::Uuid::new_v4().simple());
        let bytes = super::body::multipart(&value, &boundary)?;
        self.body = Some(bytes);
        self.content_type = Some(format!("multipart/form-data; boundary={boundary}"));
        Ok(self)
    }

    /// Marks a value of this call as secret (a customer token): it is never
    /// shown in `Debug` output or errors, even when the server echoes it.
    pub fn secret(&mut self, value: impl fmt::Display) -> &mut Self {
        self.secrets.add(&value.to_string());
        self
    }

    /// Sends `bytes` as they are, as `content_type` (text, binary).
    pub fn bytes_body(&mut self, content_type: &'static str, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.body = Some(bytes.into());
        self.content_type = Some(content_type.to_owned());
        self
    }

    /// The `Accept` header (`application/json` unless set).
    pub fn accept(&mut self, media: &'static str) -> &mut Self {
        self.accept = media;
        self
    }

    /// The operation's security allows acting on behalf of another
    /// account: the configured partner account goes in header `name`.
    pub fn partner_account_header(&mut self, name: &'static str) -> &mut Self {
        self.partner_account_header = Some(name);
        self
    }

    /// The call carries an idempotency key in header `name`: the caller's
    /// (`CallOptions::idempotency_key`) or a fresh one, the same on every retry.
    pub fn idempotency_key_header(&mut self, name: &'static str) -> &mut Self {
        self.idempotency_header = Some(name);
        self
    }

    /// The caller's `CallOptions::correlation_id` goes in header `name`.
    pub fn correlation_id_header(&mut self, name: &'static str) -> &mut Self {
        self.correlation_header = Some(name);
        self
    }
}

/// Collects input violations of a call; generated methods use it before
/// building anything, so an invalid call sends nothing.
#[derive(Debug, Default)]
pub struct InputCheck {
    found: Vec<Violation>,
}

impl InputCheck {
    /// Where violations are collected, for checks the generated code inlines.
    pub fn sink(&mut self) -> &mut Vec<Violation> {
        &mut self.found
    }

    /// `Ok` when nothing was found.
    pub fn finish(self) -> Result<(), ClientError> {
        Violations::check(self.found).map_err(ClientError::InvalidRequest)
    }
}
