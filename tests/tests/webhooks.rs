//! Received webhooks: verified with the signing key named by the delivery,
//! then typed by `metadata.event_type` without naming a kind.

use klarna_generated::runtime::{ReceiveError, SignatureError, SigningKeys};
use klarna_generated::{identity, management};

const BODY: &[u8] = br#"{"metadata":{"event_type":"partner.account.product.payment.state-change.disabled","event_id":"evt-42","live":false},"payload":{"product":"payments"}}"#;
// python3 -c 'import hmac,hashlib,base64; print(base64.b64encode(hmac.new(b"partner-signing-key-1", BODY, hashlib.sha256).digest()).decode())'
const SIGNATURE: &str = "4IfV3uxSavL3oSUewfS1DQhReqv0ORCTnw2LyQiePoc=";

fn keys() -> SigningKeys {
    // Rotation: the retired key stays until no delivery can use it.
    SigningKeys::new().with_key("key-old", "retired-key").with_key("key-1", "partner-signing-key-1")
}

fn headers(key_id: &str, signature: &str) -> Vec<(String, String)> {
    vec![
        ("content-type".into(), "application/json".into()),
        ("klarna-signing-key-id".into(), key_id.into()),
        ("klarna-signature".into(), signature.into()),
    ]
}

#[test]
fn a_signed_delivery_is_typed_by_its_event_type() {
    let delivery = management::Webhook::receive(&keys(), headers("key-1", SIGNATURE), BODY).unwrap();
    assert_eq!(delivery.event_id.as_deref(), Some("evt-42"));
    assert_eq!(delivery.event_type.as_deref(), Some("partner.account.product.payment.state-change.disabled"));
    match delivery.webhook {
        management::Webhook::PaymentProductDisabled(hook) => {
            assert_eq!(hook.metadata.event_id.as_deref(), Some("evt-42"));
            assert_eq!(hook.metadata.live, Some(false));
        }
        other => panic!("wrong variant: {other:?}"),
    }
}

#[test]
fn a_delivery_that_fails_verification_is_not_parsed() {
    let error = management::Webhook::receive(&keys(), headers("key-old", SIGNATURE), BODY).unwrap_err();
    assert_eq!(error, ReceiveError::Signature(SignatureError::Mismatch));
    let mut tampered = BODY.to_vec();
    let at = tampered.len() - 5;
    tampered[at] = b'X';
    let error = management::Webhook::receive(&keys(), headers("key-1", SIGNATURE), &tampered).unwrap_err();
    assert_eq!(error, ReceiveError::Signature(SignatureError::Mismatch));
    let error = management::Webhook::receive(&keys(), headers("key-9", SIGNATURE), BODY).unwrap_err();
    assert!(matches!(error, ReceiveError::Signature(SignatureError::UnknownKeyId(_))), "{error}");
    let unsigned = vec![("content-type", "application/json")];
    let error = management::Webhook::receive(&keys(), unsigned, BODY).unwrap_err();
    assert!(matches!(error, ReceiveError::Signature(SignatureError::MissingHeader(_))), "{error}");
}

#[test]
fn each_documented_event_type_selects_its_variant() {
    let cases = [
        ("partner.account.state-change.operational", Some(management::WebhookKind::AccountStateChanged)),
        ("partner.account.product.payment.state-change.enabled", Some(management::WebhookKind::PaymentProductEnabled)),
        (
            "partner.account.product.payment.state-change.disabled",
            Some(management::WebhookKind::PaymentProductDisabled),
        ),
        ("payment.request.state-change.authorized", None),
    ];
    for (event_type, kind) in cases {
        let body = format!(r#"{{"metadata":{{"event_type":"{event_type}","event_id":"e"}},"payload":{{}}}}"#);
        let delivery = management::Webhook::from_body(body.as_bytes()).unwrap();
        assert_eq!(delivery.webhook.kind(), kind, "{event_type}");
    }
}

#[test]
fn an_unknown_event_type_is_kept_not_refused() {
    let body = br#"{"metadata":{"event_type":"identity.something.new","event_id":"e-7"},"payload":{"x":1}}"#;
    let delivery = identity::Webhook::from_body(body).unwrap();
    assert_eq!(delivery.event_id.as_deref(), Some("e-7"));
    match delivery.webhook {
        identity::Webhook::Other(other) => {
            assert_eq!(other.metadata["event_type"], "identity.something.new");
            assert_eq!(other.payload["x"], 1);
        }
        known => panic!("an unnamed event type must not pick a variant: {known:?}"),
    }
}

#[test]
fn a_known_event_type_with_a_broken_body_is_an_error_naming_the_callback() {
    let body = br#"{"metadata":{"event_type":"partner.account.state-change.operational"},"payload":[]}"#;
    let error = management::Webhook::from_body(body).unwrap_err();
    assert_eq!(error.kind, "accountStateChanged");
    assert!(management::Webhook::from_body(b"[1,2]").is_err());
    assert!(management::Webhook::from_body(b"").is_err());
}
