//! Everything a call can fail with, besides the documented outcomes.

use std::fmt;
use std::time::Duration;

use crate::runtime::{DecodeError, Violations};

use super::redact::Redactor;

/// At most this many bytes of an unexpected body are kept in an error.
pub const BODY_SNIPPET_LIMIT: usize = 4096;

/// At most this many bytes of a header value (correlation id, content type,
/// `Location`) are kept in an error.
pub const HEADER_TEXT_LIMIT: usize = 256;

/// A size-capped copy of a response body, for diagnosing unexpected answers.
#[derive(Clone, PartialEq, Eq)]
pub struct BodySnippet {
    text: String,
    truncated: bool,
}

impl BodySnippet {
    /// Keeps the first [`BODY_SNIPPET_LIMIT`] bytes of `body` (lossy UTF-8).
    pub fn new(body: &[u8]) -> Self {
        let truncated = body.len() > BODY_SNIPPET_LIMIT;
        let kept = &body[..body.len().min(BODY_SNIPPET_LIMIT)];
        BodySnippet { text: String::from_utf8_lossy(kept).into_owned(), truncated }
    }

    /// Keeps the first [`BODY_SNIPPET_LIMIT`] bytes of `body` with every
    /// secret `redactor` knows replaced.
    pub(crate) fn redacted(body: &[u8], redactor: &Redactor) -> Self {
        let window = &body[..body.len().min(BODY_SNIPPET_LIMIT + redactor.longest() + 4)];
        let text = redactor.scrub_capped(&String::from_utf8_lossy(window), BODY_SNIPPET_LIMIT);
        BodySnippet { text, truncated: body.len() > BODY_SNIPPET_LIMIT }
    }

    /// The kept text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the body was longer than what was kept.
    pub fn truncated(&self) -> bool {
        self.truncated
    }
}

impl fmt::Debug for BodySnippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}{}", self.text, if self.truncated { "..." } else { "" })
    }
}

/// Why a call did not produce a documented outcome.
///
/// No variant carries a credential, the partner account, a secret parameter
/// (customer token) or the request URL: text that came from the server is
/// scrubbed of them, even when the server echoes them, and capped (bodies
/// at [`BODY_SNIPPET_LIMIT`], header values at [`HEADER_TEXT_LIMIT`],
/// decode reasons at `decode::REASON_LIMIT` bytes).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The inputs break the spec's constraints; nothing was sent.
    #[error("invalid request, nothing was sent: {0}")]
    InvalidRequest(Violations),
    /// A header value cannot be sent (for example it contains a line break); nothing was sent.
    #[error("invalid value for header {name}, nothing was sent")]
    InvalidHeader {
        /// The header's name.
        name: String,
    },
    /// The request body could not be serialized; nothing was sent.
    #[error("cannot serialize the request body: {0}")]
    Serialize(String),
    /// The configuration cannot be used.
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The client has a partner account but the operation's security does
    /// not allow `Klarna-Partner-Account`; nothing was sent (the call would
    /// otherwise act on your own account).
    #[error("operation {operation} cannot act on behalf of a partner account; nothing was sent")]
    PartnerAccountNotAllowed {
        /// The operation's `operationId`.
        operation: &'static str,
    },
    /// The operation needs credentials and none of its security
    /// alternatives has all of its schemes configured (`Credentials`);
    /// nothing was sent.
    #[error("operation {operation} needs credentials for {}; none is configured, nothing was sent", alternatives(.needs))]
    MissingCredentials {
        /// The operation's `operationId`.
        operation: &'static str,
        /// Its security alternatives: each the scheme names that go together.
        needs: Vec<Vec<&'static str>>,
    },
    /// The server could not be reached, or the attempt failed or timed out
    /// (after retries). The error does not carry the URL.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// The whole call (attempts and waits) did not finish within its deadline.
    #[error("the call did not finish within its deadline of {deadline:?}")]
    DeadlineExceeded {
        /// The deadline that applied.
        deadline: Duration,
    },
    /// The server answered with a redirect (301, 302, 303, 307, 308), or a
    /// custom HTTP client followed one. Klarna's APIs do not redirect, so
    /// the client never follows one: the request, its credentials and data
    /// go nowhere but the configured base URL.
    #[error("status {status}: redirect to {location:?} refused (correlation id {correlation_id:?})")]
    Redirect {
        /// The status code.
        status: u16,
        /// Where the server pointed (redacted, capped).
        location: Option<String>,
        /// The server's correlation id, if it sent one.
        correlation_id: Option<String>,
    },
    /// The server answered with a status the spec does not document for this operation.
    #[error("undocumented status {status} (correlation id {correlation_id:?})")]
    UnexpectedStatus {
        /// The status code.
        status: u16,
        /// The start of the body.
        body: BodySnippet,
        /// The server's correlation id, if it sent one.
        correlation_id: Option<String>,
    },
    /// The response body is longer than the configured limit; it was not read.
    #[error("status {status}: response body exceeds the limit of {limit} bytes")]
    ResponseTooLarge {
        /// The status code.
        status: u16,
        /// The limit (`ClientConfigBuilder::max_response_bytes`).
        limit: usize,
        /// The server's correlation id, if it sent one.
        correlation_id: Option<String>,
    },
    /// A documented status came with a body that is not JSON.
    #[error("status {status}: expected a JSON body, got content type {content_type:?}")]
    UnexpectedContentType {
        /// The status code.
        status: u16,
        /// The `Content-Type` received.
        content_type: Option<String>,
        /// The start of the body.
        body: BodySnippet,
        /// The server's correlation id, if it sent one.
        correlation_id: Option<String>,
    },
    /// A documented status came with a body that does not match its schema.
    #[error("status {status}: body does not match the documented schema {reason}")]
    Decode {
        /// The status code.
        status: u16,
        /// Where (JSON pointer) and what did not match.
        reason: Box<DecodeError>,
        /// The start of the body.
        body: BodySnippet,
        /// The server's correlation id, if it sent one.
        correlation_id: Option<String>,
    },
}

/// Security alternatives as text: "`a`, or `b` and `c`".
fn alternatives(needs: &[Vec<&'static str>]) -> String {
    let each: Vec<String> = needs
        .iter()
        .map(|schemes| schemes.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(" and "))
        .collect();
    each.join(", or ")
}

impl ClientError {
    /// The server's correlation id, when the error came from a response.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            ClientError::UnexpectedStatus { correlation_id, .. }
            | ClientError::Redirect { correlation_id, .. }
            | ClientError::ResponseTooLarge { correlation_id, .. }
            | ClientError::UnexpectedContentType { correlation_id, .. }
            | ClientError::Decode { correlation_id, .. } => correlation_id.as_deref(),
            _ => None,
        }
    }

    /// The HTTP status, when the error came from a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::UnexpectedStatus { status, .. }
            | ClientError::Redirect { status, .. }
            | ClientError::ResponseTooLarge { status, .. }
            | ClientError::UnexpectedContentType { status, .. }
            | ClientError::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_credentials_name_every_alternative() {
        let error = ClientError::MissingCredentials { operation: "listPets", needs: vec![vec!["a"], vec!["b", "c"]] };
        assert_eq!(
            error.to_string(),
            "operation listPets needs credentials for `a`, or `b` and `c`; none is configured, nothing was sent"
        );
    }

    #[test]
    fn snippets_are_capped() {
        let long = vec![b'a'; BODY_SNIPPET_LIMIT + 10];
        let snippet = BodySnippet::new(&long);
        assert_eq!(snippet.text().len(), BODY_SNIPPET_LIMIT);
        assert!(snippet.truncated());
        assert!(!BodySnippet::new(b"{}").truncated());
    }

    #[test]
    fn redacted_snippets_hide_secrets_even_across_the_cut() {
        let redactor = Redactor::default().with("SECRETVALUE");
        let mut body = vec![b'a'; BODY_SNIPPET_LIMIT - 4];
        body.extend_from_slice(b"SECRETVALUE and more");
        let snippet = BodySnippet::redacted(&body, &redactor);
        assert!(snippet.truncated());
        assert!(snippet.text().len() <= BODY_SNIPPET_LIMIT);
        assert!(!snippet.text().contains("SECR"), "{:?}", &snippet.text()[4000..]);
    }
}
