//! A call's documented answer with its metadata, and the error a documented
//! error status becomes with `into_result()`.

use std::fmt;

use super::metadata::{RateLimit, ResponseMeta};
use super::response::RawResponse;

/// Longest text kept from an error body field (code, type, message).
const FIELD_LIMIT: usize = 256;

/// An operation's outcome enum: one variant per documented status.
///
/// Implemented by every generated `...Outcome`; `Success` is the body of the
/// operation's only success status (`()` without a body), or the outcome
/// itself when several statuses succeed.
pub trait Outcome: fmt::Debug + Sized {
    /// What a success gives.
    type Success;

    /// The HTTP status of the response.
    fn status(&self) -> u16;

    /// The success value, or the outcome back when the status is an error.
    fn into_success(self) -> Result<Self::Success, Self>;
}

/// What a client method returns: the [`Response`] with the operation's
/// outcome, or a [`ClientError`](super::ClientError) when no documented
/// response came back (invalid input, transport, an undocumented status).
pub type CallResult<O> = Result<Response<O>, super::ClientError>;

/// The documented answer of a call, with the response's metadata.
///
/// `response.into_result()?` gives the success value, or an [`ApiError`]
/// for a documented error status; `response.outcome()` keeps every
/// documented status apart.
#[derive(Debug, Clone)]
pub struct Response<O> {
    outcome: O,
    meta: ResponseMeta,
    summary: ErrorSummary,
}

impl<O: Outcome> Response<O> {
    /// Wraps a decoded outcome; `body` is the response's JSON, if any, from
    /// which an error's code, type and message are read (already scrubbed).
    pub(crate) fn new(outcome: O, meta: ResponseMeta, body: Option<&serde_json::Value>) -> Self {
        let summary = match body {
            Some(body) if !(200..300).contains(&meta.status) => ErrorSummary::read(body),
            _ => ErrorSummary::default(),
        };
        Response { outcome, meta, summary }
    }

    /// The success value, or an [`ApiError`] for a documented error status.
    pub fn into_result(self) -> Result<O::Success, ApiError<O>> {
        let Response { outcome, meta, summary } = self;
        outcome.into_success().map_err(|outcome| ApiError::new(outcome, meta, summary))
    }

    /// Like [`Response::into_result`], keeping the metadata of a success.
    pub fn into_result_with_meta(self) -> Result<(O::Success, ResponseMeta), ApiError<O>> {
        let Response { outcome, meta, summary } = self;
        match outcome.into_success() {
            Ok(success) => Ok((success, meta)),
            Err(outcome) => Err(ApiError::new(outcome, meta, summary)),
        }
    }

    /// The outcome: one variant per documented status.
    pub fn outcome(&self) -> &O {
        &self.outcome
    }

    /// The outcome, without the metadata.
    pub fn into_outcome(self) -> O {
        self.outcome
    }

    /// The response's metadata.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.meta.status
    }
}

impl<O> std::ops::Deref for Response<O> {
    type Target = O;

    fn deref(&self) -> &O {
        &self.outcome
    }
}

impl RawResponse {
    /// The documented answer `outcome` decoded from this response, with the
    /// response's metadata.
    pub fn into_response<O: Outcome>(self, outcome: O) -> Response<O> {
        let headers = self.headers().to_vec();
        let meta = ResponseMeta {
            status: self.status(),
            rate_limit: RateLimit::from_headers(&headers),
            headers,
            correlation_id: self.correlation_id().map(str::to_owned),
            idempotency_key: self.idempotency_key().map(str::to_owned),
            attempts: self.attempts(),
        };
        let body = if (200..300).contains(&meta.status) { None } else { self.json::<serde_json::Value>().ok() };
        Response::new(outcome, meta, body.as_ref())
    }
}

/// Klarna's error fields, read from an error body of either API family:
/// v2 `{error_id, error_type, error_code, error_message}` and v1
/// `{error_code, error_messages, correlation_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ErrorSummary {
    code: Option<String>,
    kind: Option<String>,
    message: Option<String>,
    body_correlation_id: Option<String>,
}

impl ErrorSummary {
    fn read(body: &serde_json::Value) -> Self {
        let text = |name: &str| body.get(name).and_then(|v| v.as_str()).map(capped);
        let message = text("error_message").or_else(|| {
            let messages = body.get("error_messages")?.as_array()?;
            let texts: Vec<&str> = messages.iter().filter_map(|m| m.as_str()).collect();
            (!texts.is_empty()).then(|| capped(&texts.join("; ")))
        });
        ErrorSummary {
            code: text("error_code"),
            kind: text("error_type"),
            message,
            body_correlation_id: text("correlation_id"),
        }
    }
}

fn capped(text: &str) -> String {
    match text.char_indices().nth(FIELD_LIMIT) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// A documented error status: what Klarna said, the typed body (through
/// the outcome) and the response's metadata.
///
/// `Display` shows the status, Klarna's error code and type, the message
/// and the correlation id, each capped; secrets of the call are scrubbed
/// before anything is kept.
#[derive(Clone)]
pub struct ApiError<O> {
    parts: Box<Parts<O>>,
}

/// What an [`ApiError`] holds, boxed to keep `Result`s small.
#[derive(Clone)]
struct Parts<O> {
    outcome: O,
    meta: ResponseMeta,
    summary: ErrorSummary,
}

impl<O> ApiError<O> {
    fn new(outcome: O, meta: ResponseMeta, summary: ErrorSummary) -> Self {
        ApiError { parts: Box::new(Parts { outcome, meta, summary }) }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.parts.meta.status
    }

    /// Klarna's `error_code` (branch on this and the status, never on the message).
    pub fn error_code(&self) -> Option<&str> {
        self.parts.summary.code.as_deref()
    }

    /// Klarna's `error_type` (v2 APIs: `INPUT_ERROR`, `RESOURCE_ERROR`, ...).
    pub fn error_type(&self) -> Option<&str> {
        self.parts.summary.kind.as_deref()
    }

    /// Klarna's message (`error_message`, or the v1 `error_messages` joined).
    pub fn message(&self) -> Option<&str> {
        self.parts.summary.message.as_deref()
    }

    /// The correlation id: the response header's, else the body's.
    pub fn correlation_id(&self) -> Option<&str> {
        self.parts.meta.correlation_id.as_deref().or(self.parts.summary.body_correlation_id.as_deref())
    }

    /// The outcome, whose variant holds the typed error body.
    pub fn outcome(&self) -> &O {
        &self.parts.outcome
    }

    /// The outcome, whose variant holds the typed error body.
    pub fn into_outcome(self) -> O {
        self.parts.outcome
    }

    /// The response's metadata (headers, rate limits, attempts).
    pub fn meta(&self) -> &ResponseMeta {
        &self.parts.meta
    }
}

impl<O> fmt::Display for ApiError<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Klarna answered {}", self.status())?;
        if let Some(code) = self.error_code() {
            write!(f, " {code}")?;
        }
        if let Some(kind) = self.error_type() {
            write!(f, " ({kind})")?;
        }
        if let Some(message) = self.message() {
            write!(f, ": {message}")?;
        }
        if let Some(id) = self.correlation_id() {
            write!(f, " [correlation id {id}]")?;
        }
        Ok(())
    }
}

impl<O: fmt::Debug> fmt::Debug for ApiError<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status())
            .field("error_code", &self.error_code())
            .field("error_type", &self.error_type())
            .field("correlation_id", &self.correlation_id())
            .field("outcome", &self.parts.outcome)
            .finish_non_exhaustive()
    }
}

impl<O: fmt::Debug> std::error::Error for ApiError<O> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    enum Probe {
        Ok(u8),
        BadRequest(serde_json::Value),
    }

    impl Outcome for Probe {
        type Success = u8;

        fn status(&self) -> u16 {
            match self {
                Probe::Ok(_) => 200,
                Probe::BadRequest(_) => 400,
            }
        }

        fn into_success(self) -> Result<u8, Self> {
            match self {
                Probe::Ok(value) => Ok(value),
                other => Err(other),
            }
        }
    }

    fn meta(status: u16) -> ResponseMeta {
        ResponseMeta { status, correlation_id: Some("corr1".into()), attempts: 2, ..ResponseMeta::default() }
    }

    #[test]
    fn success_gives_the_value_and_keeps_the_metadata() {
        let response = Response::new(Probe::Ok(7), meta(200), None);
        assert_eq!(response.meta().attempts, 2);
        assert!(matches!(*response, Probe::Ok(7)), "derefs to the outcome");
        let (value, meta) = response.into_result_with_meta().unwrap();
        assert_eq!((value, meta.status), (7, 200));
    }

    #[test]
    fn a_v2_error_reads_code_type_message_and_shows_them() {
        let body = serde_json::json!({"error_id": "e1", "error_type": "INPUT_ERROR", "error_code": "BAD_VALUE", "error_message": "phone is invalid"});
        let error = Response::new(Probe::BadRequest(body.clone()), meta(400), Some(&body)).into_result().unwrap_err();
        assert_eq!(error.status(), 400);
        assert_eq!(error.error_code(), Some("BAD_VALUE"));
        assert_eq!(error.error_type(), Some("INPUT_ERROR"));
        assert_eq!(
            error.to_string(),
            "Klarna answered 400 BAD_VALUE (INPUT_ERROR): phone is invalid [correlation id corr1]"
        );
        assert_eq!(error.outcome(), &Probe::BadRequest(body));
        let boxed: Box<dyn std::error::Error> = Box::new(error);
        assert!(boxed.to_string().contains("BAD_VALUE"));
    }

    #[test]
    fn a_v1_error_joins_messages_and_falls_back_to_the_body_correlation_id() {
        let body =
            serde_json::json!({"error_code": "NOT_FOUND", "error_messages": ["a", "b"], "correlation_id": "c-9"});
        let meta = ResponseMeta { status: 404, ..ResponseMeta::default() };
        let error = Response::new(Probe::BadRequest(body.clone()), meta, Some(&body)).into_result().unwrap_err();
        assert_eq!(error.message(), Some("a; b"));
        assert_eq!(error.correlation_id(), Some("c-9"));
    }

    #[test]
    fn texts_are_bounded() {
        let long = "x".repeat(10_000);
        let body = serde_json::json!({"error_code": long, "error_message": long});
        let error = Response::new(Probe::BadRequest(body.clone()), meta(400), Some(&body)).into_result().unwrap_err();
        assert!(error.to_string().len() < 2 * FIELD_LIMIT + 100, "{}", error.to_string().len());
    }
}
