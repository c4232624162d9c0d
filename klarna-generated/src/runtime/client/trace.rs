//! Observability with the `tracing` feature: one span per call and an event
//! per retry. Without the feature these are empty and cost nothing.
//!
//! Recorded: operation id, HTTP method, path template (never the filled-in
//! path, whose values may be tokens), status, attempts, and for each retry
//! its reason and delay. Never a header, body, key or parameter value.

use std::time::Duration;

/// The span of one call; entered for every attempt and wait.
#[cfg(feature = "tracing")]
pub(crate) fn call_span(operation: &str, method: &str, path: &str) -> tracing::Span {
    tracing::info_span!(
        "klarna.call",
        operation,
        method,
        path,
        status = tracing::field::Empty,
        attempts = tracing::field::Empty,
    )
}

/// Records how a call ended on its span.
#[cfg(feature = "tracing")]
pub(crate) fn finished(span: &tracing::Span, status: Option<u16>, attempts: u32) {
    if let Some(status) = status {
        span.record("status", status);
    }
    span.record("attempts", attempts);
}

/// An event for a retry about to wait `delay` after attempt `attempt`.
pub(crate) fn retrying(attempt: u32, reason: &RetryReason, delay: Duration) {
    #[cfg(feature = "tracing")]
    tracing::info!(attempt, reason = %reason, delay_ms = delay.as_millis() as u64, "retrying Klarna call");
    #[cfg(not(feature = "tracing"))]
    let _ = (attempt, reason, delay);
}

/// Why a call is retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RetryReason {
    /// The server answered a retryable status (429, 503).
    Status(u16),
    /// The attempt failed to connect or timed out.
    Transport,
}

impl std::fmt::Display for RetryReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RetryReason::Status(status) => write!(f, "status {status}"),
            RetryReason::Transport => f.write_str("connection failure or attempt timeout"),
        }
    }
}
