//! Verifying that a received webhook was signed by Klarna.
//!
//! Klarna signs each delivery with one of the signing keys the partner
//! created (`createSigningKey`): `Klarna-Signing-Key-Id` names the key and
//! `Klarna-Signature` carries HMAC-SHA256 over the raw request body.
//!
//! Assumptions, since Klarna's public pages leave them open:
//! - the signature is base64 (standard alphabet; padding optional), as
//!   third-party integrations read it;
//! - the HMAC key is the signing key's text exactly as Klarna returned it
//!   (its UTF-8 bytes).
//!
//! Verify before parsing, over the bytes exactly as received (not re-encoded
//! JSON), and answer 400 to a delivery that fails. Keep every key that may
//! still sign (the old and the new one while rotating): the key id picks it.
//! The comparison runs in constant time.

use std::fmt;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header naming the signing key a delivery was signed with.
pub const SIGNING_KEY_ID_HEADER: &str = "Klarna-Signing-Key-Id";
/// The header carrying the base64 HMAC-SHA256 of the raw body.
pub const SIGNATURE_HEADER: &str = "Klarna-Signature";

/// Header values longer than this are refused unread (a real key id is a
/// short KRN; a base64 SHA-256 MAC is 44 characters).
const MAX_HEADER_LEN: usize = 512;

/// Standard base64 that accepts the signature with or without padding.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a delivery's signature was not accepted. Never contains a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// A required header is missing (or not text).
    #[error("webhook header {0} is missing")]
    MissingHeader(&'static str),
    /// A header is longer than any valid value.
    #[error("webhook header {0} is too long")]
    HeaderTooLong(&'static str),
    /// No key of the set has the delivery's key id (shown up to 128 characters).
    #[error("no signing key with id {0:?}")]
    UnknownKeyId(String),
    /// `Klarna-Signature` is not base64.
    #[error("Klarna-Signature is not base64")]
    NotBase64,
    /// The signature does not match the body: the delivery was altered or
    /// not signed with this key.
    #[error("Klarna-Signature does not match the body")]
    Mismatch,
}

/// A signing key's secret, never printed.
#[derive(Clone)]
struct Secret(Vec<u8>);

/// The signing keys a delivery may be signed with, by key id.
///
/// ```
/// use klarna_generated::runtime::signature::SigningKeys;
///
/// let keys = SigningKeys::new().with_key("key-C", "k");
/// let body = b"{\"metadata\":{},\"payload\":{\"a\":[1,2,3]}}\n";
/// let headers = [
///     ("Klarna-Signing-Key-Id", "key-C"),
///     ("Klarna-Signature", "Y+s2ecMJeTz/ta8o8Pe1JIuzPmJfRRSqiErM7L1+nRk="),
/// ];
/// keys.verify_headers(headers, body)?;
/// assert!(keys.verify_headers(headers, b"{}").is_err());
/// # Ok::<(), klarna_generated::runtime::signature::SignatureError>(())
/// ```
#[derive(Clone, Default)]
pub struct SigningKeys {
    keys: Vec<(String, Secret)>,
}

impl fmt::Debug for SigningKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("SigningKeys").field("ids", &ids).finish_non_exhaustive()
    }
}

impl SigningKeys {
    /// An empty key set.
    pub fn new() -> Self {
        SigningKeys::default()
    }

    /// Adds (or replaces) the key with id `id`; `secret` is the signing key
    /// as Klarna returned it.
    pub fn with_key(mut self, id: impl Into<String>, secret: impl AsRef<[u8]>) -> Self {
        self.insert(id, secret);
        self
    }

    /// Adds (or replaces) the key with id `id`.
    pub fn insert(&mut self, id: impl Into<String>, secret: impl AsRef<[u8]>) {
        let id = id.into();
        let secret = Secret(secret.as_ref().to_vec());
        match self.keys.iter_mut().find(|(known, _)| *known == id) {
            Some(entry) => entry.1 = secret,
            None => self.keys.push((id, secret)),
        }
    }

    /// Removes the key with id `id` (a retired key); whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.keys.len();
        self.keys.retain(|(known, _)| known != id);
        self.keys.len() != before
    }

    /// Checks `signature` (base64) of `body` with the key named `key_id`.
    pub fn verify(&self, key_id: &str, signature: &str, body: &[u8]) -> Result<(), SignatureError> {
        let bounded = |name, value: &str| {
            if value.len() > MAX_HEADER_LEN {
                Err(SignatureError::HeaderTooLong(name))
            } else {
                Ok(())
            }
        };
        bounded(SIGNING_KEY_ID_HEADER, key_id)?;
        bounded(SIGNATURE_HEADER, signature)?;
        let (_, secret) = self
            .keys
            .iter()
            .find(|(id, _)| id == key_id)
            .ok_or_else(|| SignatureError::UnknownKeyId(key_id.chars().take(128).collect()))?;
        let expected = BASE64.decode(signature.trim()).map_err(|_| SignatureError::NotBase64)?;
        // HMAC takes keys of any length; the error arm cannot happen.
        let mut mac = Hmac::<Sha256>::new_from_slice(&secret.0).map_err(|_| SignatureError::Mismatch)?;
        mac.update(body);
        // `verify_slice` compares in constant time.
        mac.verify_slice(&expected).map_err(|_| SignatureError::Mismatch)
    }

    /// Checks a delivery given its headers (any case; any pairs of name and
    /// value, such as an `http::HeaderMap` or a list of string pairs).
    pub fn verify_headers<I, N, V>(&self, headers: I, body: &[u8]) -> Result<(), SignatureError>
    where
        I: IntoIterator<Item = (N, V)>,
        N: AsRef<str>,
        V: AsRef<[u8]>,
    {
        let mut key_id = None;
        let mut signature = None;
        for (name, value) in headers {
            let name = name.as_ref();
            let slot = if name.eq_ignore_ascii_case(SIGNING_KEY_ID_HEADER) {
                &mut key_id
            } else if name.eq_ignore_ascii_case(SIGNATURE_HEADER) {
                &mut signature
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = std::str::from_utf8(value.as_ref()).ok().map(str::to_owned);
            }
        }
        let key_id = key_id.ok_or(SignatureError::MissingHeader(SIGNING_KEY_ID_HEADER))?;
        let signature = signature.ok_or(SignatureError::MissingHeader(SIGNATURE_HEADER))?;
        self.verify(key_id.trim(), &signature, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Vectors computed independently with Python 3's standard library:
    //   base64.b64encode(hmac.new(key, body, hashlib.sha256).digest())
    const ID_A: &str = "krn:partner:global:notification:signing-key:11111111-2222-3333-4444-555555555555";
    const KEY_A: &str = "signing-secret-A";
    const BODY_A: &[u8] =
        br#"{"metadata":{"event_type":"partner.account.state-change.operational","event_id":"e-1"},"payload":{}}"#;
    const SIG_A: &str = "NAMsmgJ85kYpxbCKXL45gG0Am9rJM3EYWdu34h97xiQ=";
    // key b"another secret \xc3\xa9", empty body
    const SIG_B: &str = "h8tQu4frPKC3FUh/+ihRHUwW/tDQzPtII2B6G68fRVw=";
    // key b"k", body with a trailing newline
    const BODY_C: &[u8] = b"{\"metadata\":{},\"payload\":{\"a\":[1,2,3]}}\n";
    const SIG_C: &str = "Y+s2ecMJeTz/ta8o8Pe1JIuzPmJfRRSqiErM7L1+nRk=";

    fn keys() -> SigningKeys {
        SigningKeys::new().with_key(ID_A, KEY_A).with_key("key-B", "another secret é").with_key("key-C", "k")
    }

    #[test]
    fn accepts_the_python_vectors() {
        let keys = keys();
        assert_eq!(keys.verify(ID_A, SIG_A, BODY_A), Ok(()));
        assert_eq!(keys.verify("key-B", SIG_B, b""), Ok(()));
        assert_eq!(keys.verify("key-C", SIG_C, BODY_C), Ok(()));
        assert_eq!(keys.verify("key-C", SIG_C.trim_end_matches('='), BODY_C), Ok(()), "padding is optional");
    }

    #[test]
    fn refuses_altered_bodies_wrong_keys_and_bad_signatures() {
        let keys = keys();
        let mut altered = BODY_A.to_vec();
        altered[10] ^= 1;
        assert_eq!(keys.verify(ID_A, SIG_A, &altered), Err(SignatureError::Mismatch));
        assert_eq!(keys.verify("key-C", SIG_A, BODY_A), Err(SignatureError::Mismatch), "another key's id");
        assert_eq!(keys.verify("nope", SIG_A, BODY_A), Err(SignatureError::UnknownKeyId("nope".into())));
        assert_eq!(keys.verify(ID_A, "not base64!", BODY_A), Err(SignatureError::NotBase64));
        assert_eq!(keys.verify(ID_A, "", BODY_A), Err(SignatureError::Mismatch), "an empty MAC never matches");
        let truncated = &SIG_A[..20];
        assert!(keys.verify(ID_A, truncated, BODY_A).is_err());
        let long = "A".repeat(MAX_HEADER_LEN + 1);
        assert_eq!(keys.verify(ID_A, &long, BODY_A), Err(SignatureError::HeaderTooLong(SIGNATURE_HEADER)));
    }

    #[test]
    fn picks_the_key_by_id_for_rotation() {
        let mut keys = SigningKeys::new().with_key("old", "k").with_key("new", "other");
        assert_eq!(keys.verify("old", SIG_C, BODY_C), Ok(()));
        assert_eq!(keys.verify("new", SIG_C, BODY_C), Err(SignatureError::Mismatch));
        assert!(keys.remove("old"));
        assert!(keys.verify("old", SIG_C, BODY_C).is_err());
        keys.insert("new", "k");
        assert_eq!(keys.verify("new", SIG_C, BODY_C), Ok(()), "insert replaces a key");
    }

    #[test]
    fn reads_headers_in_any_case() {
        let keys = keys();
        let headers =
            vec![("klarna-signature".to_owned(), SIG_C.to_owned()), ("KLARNA-SIGNING-KEY-ID".into(), "key-C".into())];
        assert_eq!(keys.verify_headers(headers, BODY_C), Ok(()));
        let missing = [("Klarna-Signature", SIG_C)];
        assert_eq!(keys.verify_headers(missing, BODY_C), Err(SignatureError::MissingHeader(SIGNING_KEY_ID_HEADER)));
        let missing = [("Klarna-Signing-Key-Id", "key-C")];
        assert_eq!(keys.verify_headers(missing, BODY_C), Err(SignatureError::MissingHeader(SIGNATURE_HEADER)));
    }

    #[test]
    fn never_prints_a_secret() {
        let keys = keys();
        let shown = format!("{keys:?}");
        assert!(shown.contains("key-C"));
        assert!(!shown.contains("signing-secret-A") && !shown.contains("another secret"), "{shown}");
        let error = keys.verify(ID_A, SIG_C, BODY_A).unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(!text.contains(KEY_A), "{text}");
    }
}
