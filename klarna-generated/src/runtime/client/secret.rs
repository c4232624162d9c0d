//! The API key, kept out of Debug output, errors and logs.

use std::fmt;

/// A Klarna API key. It is sent as `Authorization: Basic <key>`, exactly as
/// given, and never printed: `Debug` and `Display` show `ApiKey(***)`.
/// Two keys are equal when they send the same header.
#[derive(Clone)]
pub struct ApiKey {
    key: String,
    /// Secrets the key was made from (a password), hidden like the key.
    parts: Vec<String>,
}

impl PartialEq for ApiKey {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for ApiKey {}

impl ApiKey {
    /// Wraps a key as Klarna issued it.
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey { key: key.into(), parts: Vec::new() }
    }

    /// The key, also hiding `part` (a secret it was made from) wherever the
    /// key itself is hidden.
    pub(crate) fn hiding(mut self, part: &str) -> Self {
        self.parts.push(part.to_owned());
        self
    }

    /// Whether the key can be sent: non-empty visible ASCII without spaces.
    pub(crate) fn is_well_formed(&self) -> bool {
        !self.key.is_empty() && self.key.bytes().all(|b| b.is_ascii_graphic())
    }

    /// The key and the secrets it was made from, for redaction.
    pub(crate) fn secrets(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.key.as_str()).chain(self.parts.iter().map(String::as_str))
    }

    /// The `Authorization` header value.
    pub(crate) fn authorization(&self) -> String {
        format!("Basic {}", self.key)
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(***)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::ApiKey;

    #[test]
    fn never_prints_the_key() {
        let key = ApiKey::new("klarna_test_api_s3cr3t");
        assert_eq!(format!("{key:?}"), "ApiKey(***)");
        assert!(!format!("{key} {key:#?}").contains("s3cr3t"));
        assert_eq!(key.authorization(), "Basic klarna_test_api_s3cr3t");
        assert!(key.is_well_formed());
        for bad in ["", "with space", "é", "line\nbreak"] {
            assert!(!ApiKey::new(bad).is_well_formed(), "{bad:?}");
        }
    }
}
