//! A call as generated code describes it: method, path, query, headers, body.

use std::fmt;
use std::time::Duration;

use crate::runtime::{Path, Violation, Violations};

use super::body::MemberEncoding;
use super::config::RetryPolicy;

use serde_json::Value;

use super::error::ClientError;
use super::header;
use super::param_style::{self, ParamStyle, Piece};
use super::redact::Redactor;
use super::segment;

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
    /// sets itself (see [`RESERVED_HEADERS`]), the operation's parameters
    /// and the API's credential headers (an API key scheme's header, and
    /// `Cookie` when a scheme is a cookie) are refused before anything is
    /// sent.
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

/// One request, built by a generated method after its inputs were validated.
///
/// Its `Debug` output shows the method, the operation, its path template,
/// the path with secret values redacted, and only the names of query parameters and headers.
#[derive(Clone)]
pub struct RequestSpec {
    pub(crate) method: Method,
    pub(crate) operation: &'static str,
    pub(crate) path_template: &'static str,
    pub(crate) segments: Vec<Segment>,
    pub(crate) query: Vec<(std::borrow::Cow<'static, str>, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) content_type: Option<String>,
    pub(crate) accept: &'static str,
    pub(crate) partner_account_header: Option<&'static str>,
    pub(crate) idempotency_header: Option<&'static str>,
    pub(crate) correlation_header: Option<&'static str>,
    pub(crate) security: &'static [&'static [&'static str]],
    pub(crate) secrets: Redactor,
}

impl fmt::Debug for RequestSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path: Vec<&str> = self.segments.iter().map(|segment| segment.text.as_str()).collect();
        let path = self.secrets.scrub(&path.join("/"));
        let query: Vec<&str> = self.query.iter().map(|(name, _)| name.as_ref()).collect();
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("RequestSpec")
            .field("method", &self.method)
            .field("operation", &self.operation)
            .field("path_template", &self.path_template)
            .field("path", &path)
            .field("query", &query)
            .field("headers", &headers)
            .field("body_bytes", &self.body.as_ref().map(Vec::len))
            .finish_non_exhaustive()
    }
}

impl RequestSpec {
    /// A request for the operation `operation` (its `operationId`) at the
    /// path template `path_template` (`/v2/accounts/{account_id}`, for
    /// traces), without path segments, query, headers or body yet.
    pub fn new(method: Method, operation: &'static str, path_template: &'static str) -> Self {
        RequestSpec {
            method,
            operation,
            path_template,
            segments: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            content_type: None,
            accept: "application/json",
            partner_account_header: None,
            idempotency_header: None,
            correlation_header: None,
            security: &[],
            secrets: Redactor::default(),
        }
    }

    /// Appends a path segment; it is percent-encoded, and refused when the
    /// URL is built (nothing is sent) when it is empty, `.` or `..`.
    pub fn segment(&mut self, segment: impl Into<String>) -> &mut Self {
        let text = segment.into();
        self.segments.push(Segment { encoded: segment::encode(&text), text, fixed: false });
        self
    }

    /// Appends a segment of the path template itself (percent-encoded);
    /// it may be empty, as the one of `/` or of a trailing slash is.
    pub fn fixed_segment(&mut self, segment: &'static str) -> &mut Self {
        self.segments.push(Segment { encoded: segment::encode(segment), text: segment.to_owned(), fixed: true });
        self
    }

    /// Appends the fixed segments of `run` (`v2/accounts`: two segments),
    /// each as [`RequestSpec::fixed_segment`] appends one.
    pub fn fixed_segments(&mut self, run: &'static str) -> &mut Self {
        for segment in run.split('/') {
            self.fixed_segment(segment);
        }
        self
    }

    /// Appends the path parameter `name` as one segment written from its
    /// serde form in `style` (`simple`, `label`, `matrix` or JSON): the
    /// style's delimiters as they are, every part of the value
    /// percent-encoded. A value that cannot be one segment (empty, `.`,
    /// `..`) is refused at `/path/<name>`.
    pub fn path_value<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: ParamStyle,
        explode: bool,
    ) -> Result<&mut Self, ClientError> {
        let pieces = param_style::path_pieces(name, &to_value(value)?, style, explode);
        let text = param_style::joined(&pieces);
        refuse_unless(|out| check_texts(ParamIn::Path, name, &[text.as_str()], out))?;
        let encoded = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Delimiter(delimiter) => (*delimiter).to_owned(),
                Piece::Text(text) => segment::encode(text),
            })
            .collect();
        self.segments.push(Segment { text, encoded, fixed: false });
        Ok(self)
    }

    /// Appends a query parameter written from its serde form in `style`
    /// (objects, arrays, `deepObject`, JSON); `null` members are left out.
    pub fn query_value<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: ParamStyle,
        explode: bool,
    ) -> Result<&mut Self, ClientError> {
        for (key, text) in param_style::query_pairs(name, &to_value(value)?, style, explode) {
            self.query.push((key.into(), text));
        }
        Ok(self)
    }

    /// Adds the header parameter `name` written from its serde form
    /// (`simple` style, or JSON); refused at `/header/<name>` unless the
    /// text is visible ASCII.
    pub fn header_value<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: ParamStyle,
        explode: bool,
    ) -> Result<&mut Self, ClientError> {
        let value = to_value(value)?;
        refuse_unless(|out| {
            check_texts(ParamIn::Header, name, &texts(ParamIn::Header, name, &value, style, explode), out)
        })?;
        let text = param_style::joined(&param_style::path_pieces(name, &value, style, explode));
        Ok(self.header(name, text))
    }

    /// Adds a cookie to the request's one `Cookie` header.
    pub fn cookie(&mut self, name: &str, text: impl Into<String>) -> &mut Self {
        let pair = format!("{name}={}", text.into());
        match self.headers.iter_mut().find(|(header, _)| *header == "Cookie") {
            Some((_, cookies)) => {
                cookies.push_str("; ");
                cookies.push_str(&pair);
            }
            None => self.headers.push(("Cookie", pair)),
        }
        self
    }

    /// Adds the cookie parameter `name` written from its serde form
    /// (`form` style: an exploded array or object is one cookie per item or
    /// member; or JSON). Each cookie value must be a cookie value (see
    /// `check_cookie_param`), the commas between items aside; otherwise it
    /// is refused at `/cookie/<name>`.
    pub fn cookie_value<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: ParamStyle,
        explode: bool,
    ) -> Result<&mut Self, ClientError> {
        let value = to_value(value)?;
        refuse_unless(|out| {
            check_texts(ParamIn::Cookie, name, &texts(ParamIn::Cookie, name, &value, style, explode), out)
        })?;
        for (key, text) in param_style::query_pairs(name, &value, style, explode) {
            self.cookie(&key, text);
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

    /// Sends `body` form-urlencoded, each member as its encoding says
    /// (`form` style, exploded, by default: arrays repeat their key, an
    /// object's members go under their own keys); `null`s are left out.
    pub fn form_body<T: serde::Serialize + ?Sized>(
        &mut self,
        body: &T,
        encodings: &[MemberEncoding],
    ) -> Result<&mut Self, ClientError> {
        let text = super::body::form(&to_value(body)?, encodings)?;
        Ok(self.bytes_body("application/x-www-form-urlencoded", text.into_bytes()))
    }

    /// Sends `body` as `multipart/form-data`: one part per member, strings
    /// as text, other values as JSON, binary members as file parts, each
    /// part's content type as its encoding says.
    pub fn multipart_body<T: serde::Serialize + ?Sized>(
        &mut self,
        body: &T,
        encodings: &[MemberEncoding],
    ) -> Result<&mut Self, ClientError> {
        let boundary = format!("boundary-{}", uuid::Uuid::new_v4().simple());
        let bytes = super::body::multipart(&to_value(body)?, &boundary, encodings)?;
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

    /// The operation's security alternatives, each the names of the
    /// schemes that go together (an empty one: no credentials needed). The
    /// first whose schemes are all configured is sent; without
    /// alternatives the call sends no credentials.
    pub fn security(&mut self, alternatives: &'static [&'static [&'static str]]) -> &mut Self {
        self.security = alternatives;
        self
    }

    /// The caller's `CallOptions::correlation_id` goes in header `name`.
    pub fn correlation_id_header(&mut self, name: &'static str) -> &mut Self {
        self.correlation_header = Some(name);
        self
    }
}

/// One path segment: its text (for checks and `Debug`) and its text as sent.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// The value as given.
    pub(crate) text: String,
    /// The value percent-encoded, a style's delimiters as they are.
    pub(crate) encoded: String,
    /// Text of the path template, not a value: exempt from the segment check.
    pub(crate) fixed: bool,
}

/// Where a parameter written from its serde form goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamIn {
    /// A path segment.
    Path,
    /// A header value.
    Header,
    /// Cookies.
    Cookie,
}

/// Checks the parameter `name` written from its serde form in `style`, as
/// [`RequestSpec::path_value`], [`RequestSpec::header_value`] and
/// [`RequestSpec::cookie_value`] will write it: one path segment, a header
/// value, cookie values (violations at `/path/<name>`, `/header/<name>`,
/// `/cookie/<name>`). A value that cannot be serialized is left to the
/// writer, which refuses it.
pub fn check_param_value<T: serde::Serialize + ?Sized>(
    location: ParamIn,
    name: &str,
    value: &T,
    style: ParamStyle,
    explode: bool,
    out: &mut Vec<Violation>,
) {
    if let Ok(value) = serde_json::to_value(value) {
        let texts = texts(location, name, &value, style, explode);
        check_texts(location, name, &texts.iter().map(String::as_str).collect::<Vec<_>>(), out);
    }
}

/// The texts of a structured value that must each pass its place's check:
/// the whole segment or header value; each cookie value, and each item of a
/// comma-separated cookie list (the commas are the style's).
fn texts(location: ParamIn, name: &str, value: &Value, style: ParamStyle, explode: bool) -> Vec<String> {
    match (location, value, style, explode) {
        (ParamIn::Cookie, Value::Array(items), ParamStyle::Form, false) => {
            items.iter().map(param_style::text).collect()
        }
        (ParamIn::Cookie, ..) => {
            param_style::query_pairs(name, value, style, explode).into_iter().map(|(_, text)| text).collect()
        }
        _ => vec![param_style::joined(&param_style::path_pieces(name, value, style, explode))],
    }
}

/// Runs the check of `location` on each text.
fn check_texts<S: AsRef<str>>(location: ParamIn, name: &str, texts: &[S], out: &mut Vec<Violation>) {
    for text in texts {
        let text = text.as_ref();
        match location {
            ParamIn::Path => segment::check(text, &Path::Root.field("path").field(name), out),
            ParamIn::Header => header::check(text, &Path::Root.field("header").field(name), out),
            ParamIn::Cookie => header::check_cookie_param(name, text, out),
        }
    }
}

/// `value`'s serde form.
fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Result<Value, ClientError> {
    serde_json::to_value(value).map_err(|e| ClientError::Serialize(e.to_string()))
}

/// `Err(InvalidRequest)` with what `check` finds, if anything.
fn refuse_unless(check: impl FnOnce(&mut Vec<Violation>)) -> Result<(), ClientError> {
    let mut found = Vec::new();
    check(&mut found);
    Violations::check(found).map_err(ClientError::InvalidRequest)
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
