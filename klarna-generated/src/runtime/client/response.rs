//! A received response, and turning it into a documented outcome or an error.

use std::fmt;
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::error::{BodySnippet, ClientError, HEADER_TEXT_LIMIT};
use super::redact::{Redactor, REDACTED};
use super::response_headers::{self, FromHeaders, HeaderReader};
use super::retry;

/// Headers that may carry the server's correlation id, in order of preference.
const CORRELATION_HEADERS: &[&str] = &["klarna-correlation-id", "correlation-id", "partner-correlation-id"];

/// Statuses that ask the client to go elsewhere; none is ever followed.
const REDIRECT_STATUSES: &[u16] = &[301, 302, 303, 307, 308];

/// A response as received: status, content type, correlation id and body.
///
/// Header texts are already redacted and capped; `Debug` shows the body's
/// length, not its content.
#[derive(Clone)]
pub struct RawResponse {
    status: u16,
    content_type: Option<String>,
    correlation_id: Option<String>,
    retry_after: Option<Duration>,
    headers: Vec<(String, String)>,
    /// Every header as received, for typed reading.
    header_map: reqwest::header::HeaderMap,
    idempotency_key: Option<String>,
    attempts: u32,
    body: Vec<u8>,
    secrets: Redactor,
}

/// At most this many response headers are kept for `ResponseMeta`.
const KEPT_HEADERS: usize = 64;

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("content_type", &self.content_type)
            .field("correlation_id", &self.correlation_id)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

/// The server-sent header texts of a response, redacted and capped.
struct HeaderTexts<'a> {
    headers: &'a reqwest::header::HeaderMap,
    secrets: &'a Redactor,
}

impl HeaderTexts<'_> {
    fn get(&self, name: &str) -> Option<String> {
        let value = self.headers.get(name)?;
        let text = String::from_utf8_lossy(value.as_bytes());
        Some(self.secrets.scrub_capped(&text, HEADER_TEXT_LIMIT))
    }

    fn correlation_id(&self) -> Option<String> {
        CORRELATION_HEADERS.iter().find_map(|name| self.get(name))
    }

    /// Every header (the first [`KEPT_HEADERS`]), redacted and capped; the
    /// value of a header whose name ends in `token` is redacted whole.
    fn all(&self) -> Vec<(String, String)> {
        let text = |name: &str, value: &reqwest::header::HeaderValue| {
            if response_headers::is_secret_name(name) {
                return REDACTED.to_owned();
            }
            self.secrets.scrub_capped(&String::from_utf8_lossy(value.as_bytes()), HEADER_TEXT_LIMIT)
        };
        self.headers
            .iter()
            .take(KEPT_HEADERS)
            .map(|(name, value)| (name.as_str().to_owned(), text(name.as_str(), value)))
            .collect()
    }
}

impl RawResponse {
    /// Reads a response, refusing redirects and bodies longer than `limit`
    /// bytes. `secrets` are scrubbed from everything kept for errors.
    pub(crate) async fn read(
        mut response: reqwest::Response,
        limit: usize,
        secrets: &Redactor,
    ) -> Result<Self, ClientError> {
        let status = response.status().as_u16();
        let texts = HeaderTexts { headers: response.headers(), secrets };
        let content_type = texts.get("content-type");
        let correlation_id = texts.correlation_id();
        if REDIRECT_STATUSES.contains(&status) {
            return Err(ClientError::Redirect { status, location: texts.get("location"), correlation_id });
        }
        let retry_after = retry::server_delay(response.headers());
        let headers = texts.all();
        let header_map = response.headers().clone();
        let too_large = || ClientError::ResponseTooLarge { status, limit, correlation_id: correlation_id.clone() };
        if response.content_length().is_some_and(|length| length > limit as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| ClientError::Transport(e.without_url()))? {
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(RawResponse {
            status,
            content_type,
            correlation_id,
            retry_after,
            headers,
            header_map,
            idempotency_key: None,
            attempts: 1,
            body,
            secrets: secrets.clone(),
        })
    }

    /// The status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers (redacted, capped, at most 64).
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The typed headers of this response (a generated headers struct),
    /// read by type only: a header that is absent or does not parse is
    /// `None`. An error status is read with the call's secrets replaced.
    pub fn typed_headers<H: FromHeaders>(&self) -> H {
        let secrets = (!(200..300).contains(&self.status)).then_some(&self.secrets);
        H::from_headers(&HeaderReader::new(&self.header_map, secrets))
    }

    /// The idempotency key the call carried.
    pub fn idempotency_key(&self) -> Option<&str> {
        self.idempotency_key.as_deref()
    }

    /// The attempts the call took.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Records how the call went: its idempotency key and attempts.
    pub(crate) fn with_call(mut self, idempotency_key: Option<String>, attempts: u32) -> Self {
        self.idempotency_key = idempotency_key;
        self.attempts = attempts;
        self
    }

    /// The server's correlation id, if it sent one (redacted, capped).
    pub fn correlation_id(&self) -> Option<&str> {
        self.correlation_id.as_deref()
    }

    /// The wait the server asked for before a retry (`Retry-After` or
    /// `X-Ratelimit-Reset`), if any.
    pub(crate) fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// Decodes the JSON body of a documented status as `T`, by type only.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        let is_json = self.content_type.as_deref().is_some_and(|ct| {
            let essence = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
            essence == "application/json" || essence.ends_with("+json")
        });
        if !is_json {
            return Err(ClientError::UnexpectedContentType {
                status: self.status,
                content_type: self.content_type.clone(),
                body: self.snippet(),
                correlation_id: self.correlation_id.clone(),
            });
        }
        self.json_any_type()
    }

    /// Decodes the body as JSON whatever the content type (for responses
    /// documented as `*/*`), by type only.
    ///
    /// The body of an error status (not 2xx) is decoded with the call's
    /// secrets already replaced, so a typed error body, an `ApiError` and
    /// their `Debug` output never hold a key or token the server echoed.
    pub fn json_any_type<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        crate::runtime::decode::from_slice(&self.readable_body()).map_err(|reason| self.decode_error(reason))
    }

    /// The body as the caller gets it: with the call's secrets replaced when
    /// the status is an error (not 2xx) and the body is UTF-8 text.
    fn readable_body(&self) -> std::borrow::Cow<'_, [u8]> {
        match std::str::from_utf8(&self.body) {
            Ok(text) if !(200..300).contains(&self.status) => self.secrets.scrub(text).into_bytes().into(),
            _ => self.body[..].into(),
        }
    }

    /// Which of the `documented` media types the received `Content-Type`
    /// is: the index of the first that names it exactly, else of the
    /// range that covers it (`text/*` before `*/*`); `None` when none does
    /// or the response names no content type.
    pub fn media_among(&self, documented: &[&str]) -> Option<usize> {
        let essence = |media: &str| media.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        let received = essence(self.content_type.as_deref()?);
        let range = format!("{}/*", received.split('/').next().unwrap_or_default());
        let documented: Vec<String> = documented.iter().map(|media| essence(media)).collect();
        [received, range, "*/*".to_owned()]
            .iter()
            .find_map(|wanted| documented.iter().position(|media| media == wanted))
    }

    /// The body as text (for `text/*` and XML responses); it must be UTF-8.
    /// An error status's text has the call's secrets replaced.
    pub fn text(&self) -> Result<String, ClientError> {
        String::from_utf8(self.readable_body().into_owned()).map_err(|e| {
            self.decode_error(crate::runtime::decode::DecodeError {
                pointer: String::new(),
                reason: format!("the body is not UTF-8 text: {e}"),
                line: 0,
                column: 0,
            })
        })
    }

    /// The body as bytes (for binary responses). An error status's body
    /// that is UTF-8 text has the call's secrets replaced.
    pub fn bytes(&self) -> Result<Vec<u8>, ClientError> {
        Ok(self.readable_body().into_owned())
    }

    fn decode_error(&self, reason: crate::runtime::decode::DecodeError) -> ClientError {
        ClientError::Decode {
            status: self.status,
            reason: Box::new(reason.map_text(|text| self.secrets.scrub(text))),
            body: self.snippet(),
            correlation_id: self.correlation_id.clone(),
        }
    }

    /// The error for a status the operation does not document.
    pub fn unexpected_status(&self) -> ClientError {
        ClientError::UnexpectedStatus {
            status: self.status,
            body: self.snippet(),
            correlation_id: self.correlation_id.clone(),
        }
    }

    fn snippet(&self) -> BodySnippet {
        BodySnippet::redacted(&self.body, &self.secrets)
    }
}
