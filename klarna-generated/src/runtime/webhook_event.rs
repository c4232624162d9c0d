//! Receiving a webhook delivery: which event it is, its id for
//! deduplication, and the error when it is refused.
//!
//! Every Klarna delivery is `{"metadata": {...}, "payload": {...}}`;
//! `metadata.event_type` says what happened and `metadata.event_id` names
//! the event. Klarna retries a delivery until it is acknowledged with a 2xx
//! (for up to 12 hours), so one event may arrive several times: remember the
//! `event_id`s you handled and acknowledge repeats without acting again.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::signature::SignatureError;
use super::webhook::WebhookError;

/// Parses a delivery body as `T`, by type only; errors name the callback
/// and the JSON path of the value that did not fit.
pub fn parse<T: DeserializeOwned>(kind: &'static str, body: &[u8]) -> Result<T, WebhookError> {
    super::decode::from_slice(body).map_err(|error| WebhookError { kind, error })
}

/// The identifying part of a delivery: `metadata.event_type` and
/// `metadata.event_id`, read leniently (absent, or not text, is `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Envelope {
    /// `metadata.event_type`, which selects the typed webhook.
    pub event_type: Option<String>,
    /// `metadata.event_id`, the key for deduplication.
    pub event_id: Option<String>,
}

impl Envelope {
    /// Reads the envelope of a delivery body; fails only when the body is
    /// not a JSON object.
    pub fn read(body: &[u8]) -> Result<Envelope, WebhookError> {
        let outer: serde_json::Map<String, serde_json::Value> = parse("webhook", body)?;
        let text = |name: &str| outer.get("metadata")?.get(name)?.as_str().map(str::to_owned);
        Ok(Envelope { event_type: text("event_type"), event_id: text("event_id") })
    }

    /// The delivery of `webhook` with this envelope.
    pub fn with<W>(self, webhook: W) -> Delivery<W> {
        Delivery { event_type: self.event_type, event_id: self.event_id, webhook }
    }
}

/// A parsed delivery: the typed webhook with the event's id and type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Delivery<W> {
    /// `metadata.event_type`, when present.
    pub event_type: Option<String>,
    /// `metadata.event_id`, when present: handle each id once (Klarna
    /// retries deliveries for up to 12 hours).
    pub event_id: Option<String>,
    /// The typed webhook.
    pub webhook: W,
}

/// A delivery whose event type the spec does not name: its parts as JSON.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct OtherWebhook {
    /// The `metadata` object (empty when absent).
    #[serde(default)]
    pub metadata: serde_json::Map<String, serde_json::Value>,
    /// The `payload` value (`null` when absent).
    #[serde(default)]
    pub payload: serde_json::Value,
}

/// Why a received delivery was refused: answer it with HTTP 400.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReceiveError {
    /// The signature is missing, unknown or wrong: do not trust the body.
    #[error(transparent)]
    Signature(#[from] SignatureError),
    /// The signature is right but the body does not parse.
    #[error(transparent)]
    Body(#[from] WebhookError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_envelope_leniently() {
        let body = br#"{"metadata":{"event_type":"a.b","event_id":"e-1","extra":1},"payload":{}}"#;
        let envelope = Envelope::read(body).unwrap();
        assert_eq!(envelope.event_type.as_deref(), Some("a.b"));
        assert_eq!(envelope.event_id.as_deref(), Some("e-1"));
        assert_eq!(Envelope::read(b"{}").unwrap(), Envelope::default());
        assert_eq!(Envelope::read(br#"{"payload":[1]}"#).unwrap(), Envelope::default());
    }

    #[test]
    fn refuses_bodies_that_are_not_objects() {
        for body in [&b"[]"[..], b"[{}]", b"null", b"", b"7", b"{"] {
            assert!(Envelope::read(body).is_err(), "{}", String::from_utf8_lossy(body));
        }
        // Odd metadata is no reason to refuse: the delivery is kept as `Other`.
        assert_eq!(Envelope::read(br#"{"metadata":7}"#).unwrap(), Envelope::default());
        assert_eq!(Envelope::read(br#"{"metadata":{"event_type":1}}"#).unwrap(), Envelope::default());
    }

    #[test]
    fn keeps_unknown_deliveries_as_json() {
        let other: OtherWebhook = parse("other", br#"{"metadata":{"event_type":"x"},"payload":{"k":[1]}}"#).unwrap();
        assert_eq!(other.metadata["event_type"], "x");
        assert_eq!(other.payload["k"][0], 1);
    }
}
