//! Errors from parsing received webhooks.

/// A webhook body that does not parse as the expected callback payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("webhook {kind}: body does not match its schema at line {line}, column {column}: {reason}")]
pub struct WebhookError {
    /// The callback's name in the spec.
    pub kind: &'static str,
    /// 1-based line of the problem (0 when unknown).
    pub line: usize,
    /// 1-based column of the problem (0 when unknown).
    pub column: usize,
    /// What was wrong.
    pub reason: String,
}

impl WebhookError {
    /// Wraps a JSON error for the callback `kind`.
    pub fn new(kind: &'static str, error: &serde_json::Error) -> Self {
        WebhookError { kind, line: error.line(), column: error.column(), reason: error.to_string() }
    }
}
