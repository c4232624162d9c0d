//! The API key, kept out of Debug output, errors and logs.

use std::fmt;

/// A Klarna API key. It is sent as `Authorization: Basic <key>`, exactly as
/// given, and never printed: `Debug` and `Display` show `ApiKey(***)`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key as Klarna issued it.
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey(key.into())
    }

    /// Whether the key can be sent: non-empty visible ASCII without spaces.
    pub(crate) fn is_well_formed(&self) -> bool {
        !self.0.is_empty() && self.0.bytes().all(|b| b.is_ascii_graphic())
    }

    /// The key itself, for redaction.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// The `Authorization` header value.
    pub(crate) fn authorization(&self) -> String {
        format!("Basic {}", self.0)
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
