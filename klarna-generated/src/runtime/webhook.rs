//! Errors from parsing received webhooks: they name the JSON path.

use super::decode::DecodeError;

/// A webhook body that does not parse as the expected callback payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("webhook {kind}: body does not match its schema {error}")]
pub struct WebhookError {
    /// The callback's name in the spec.
    pub kind: &'static str,
    /// Where and why the body did not fit: JSON pointer, reason (capped),
    /// line and column.
    pub error: DecodeError,
}
