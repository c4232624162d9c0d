//! The credentials a client authenticates with, by security scheme.

use std::fmt;

use super::error::ClientError;
use super::secret::{ApiKey, Form, Secret};

/// The credentials of a client, each for one security scheme of the API
/// (a key of the document's `components/securitySchemes`, listed in the
/// generated `client::SECURITY_SCHEMES`), and optionally one [`ApiKey`] for
/// every scheme it fits that has no credential of its own.
///
/// Each call sends the credentials of the first of its operation's
/// security alternatives whose schemes all have one, and nothing for an
/// operation that needs none; when no alternative is configured the call
/// is refused before anything is sent (`ClientError::MissingCredentials`).
/// Credentials go only to the configured base URL and never appear in
/// `Debug`, `Display`, errors or logs.
///
/// ```
/// use klarna_generated::runtime::client::{ApiKey, Credentials};
///
/// // For an API with several schemes: each credential by scheme name.
/// let credentials = Credentials::new()
///     .api_key("api_key", "Token token=y_NbAkKc66ryYTWUXYEu") // apiKey: the value as sent
///     .basic("basicAuth", "sk_test_123", "") // http basic: base64 of user:password
///     .bearer("oauth2", "an-access-token"); // http bearer, oauth2, openIdConnect
/// assert!(!format!("{credentials:?}").contains("sk_test"));
/// // For an API with one scheme (Klarna's): the key alone.
/// let credentials = Credentials::from(ApiKey::new("klarna_test_api_..."));
/// # let _ = credentials;
/// ```
#[derive(Clone, Default)]
pub struct Credentials {
    /// By scheme name, in the order given; a later one replaces an earlier.
    named: Vec<(String, Secret)>,
    /// For every scheme it fits that has none of its own.
    key: Option<Secret>,
}

impl Credentials {
    /// No credentials: for APIs, or operations, that need none.
    pub fn new() -> Self {
        Credentials::default()
    }

    /// An API key for the `apiKey` scheme `scheme`: the header, query
    /// parameter or cookie value exactly as sent (inner spaces allowed, as
    /// in `Token token=...`).
    pub fn api_key(self, scheme: impl Into<String>, key: impl Into<String>) -> Self {
        self.with(scheme.into(), Secret::new(key.into(), Form::Key))
    }

    /// A token for the `http` `bearer`, `oauth2` or `openIdConnect` scheme
    /// `scheme` (or another `http` scheme): sent as
    /// `Authorization: Bearer <token>` (`<scheme> <token>`).
    pub fn bearer(self, scheme: impl Into<String>, token: impl Into<String>) -> Self {
        self.with(scheme.into(), Secret::new(token.into(), Form::Token))
    }

    /// A user and password for the `http` `basic` scheme `scheme`: sent as
    /// `Authorization: Basic <base64 of user:password>` (RFC 7617).
    pub fn basic(self, scheme: impl Into<String>, user: &str, password: &str) -> Self {
        self.with(scheme.into(), Secret::basic(user, password))
    }

    fn with(mut self, scheme: String, secret: Secret) -> Self {
        self.named.retain(|(name, _)| *name != scheme);
        self.named.push((scheme, secret));
        self
    }

    /// The credentials by scheme name.
    pub(crate) fn named(&self) -> &[(String, Secret)] {
        &self.named
    }

    /// The key for every scheme it fits.
    pub(crate) fn key(&self) -> Option<&Secret> {
        self.key.as_ref()
    }

    /// Every secret, for redaction.
    pub(crate) fn secrets(&self) -> impl Iterator<Item = &str> {
        self.named.iter().map(|(_, secret)| secret).chain(&self.key).flat_map(Secret::secrets)
    }

    /// Refuses a credential that cannot be sent whatever the scheme; the
    /// error names the scheme, never the value.
    pub(crate) fn check(&self) -> Result<(), ClientError> {
        if let Some(problem) = self.key.as_ref().and_then(Secret::problem) {
            return Err(ClientError::Config(format!("the API key {problem}")));
        }
        for (scheme, secret) in &self.named {
            if let Some(problem) = secret.problem() {
                return Err(ClientError::Config(format!("the credential for security scheme `{scheme}` {problem}")));
            }
        }
        Ok(())
    }
}

impl From<ApiKey> for Credentials {
    /// The key for every security scheme it fits (an API key, bearer,
    /// OAuth 2 or OpenID Connect scheme for a key as issued; a basic scheme
    /// for [`ApiKey::basic`]). Add named credentials for an API whose
    /// schemes need different ones.
    fn from(key: ApiKey) -> Self {
        Credentials { named: Vec::new(), key: Some(key.0) }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (scheme, secret) in &self.named {
            map.entry(scheme, secret);
        }
        if let Some(key) = &self.key {
            map.entry(&"*", key);
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_scheme_names_only() {
        let credentials = Credentials::from(ApiKey::new("k3y"))
            .api_key("api_key", "first")
            .api_key("api_key", "v4lue")
            .bearer("oauth", "t0ken")
            .basic("basic", "us3r", "pa55");
        let shown = format!("{credentials:?} {credentials:#?}");
        for secret in ["k3y", "first", "v4lue", "t0ken", "us3r", "pa55", "dXNl"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert_eq!(
            format!("{credentials:?}"),
            r#"{"api_key": Key(***), "oauth": Token(***), "basic": Basic(***), "*": ApiKey(***)}"#
        );
        assert_eq!(credentials.named().len(), 3, "a scheme given twice keeps the last");
        let secrets: Vec<&str> = credentials.secrets().collect();
        assert!(secrets.contains(&"v4lue") && secrets.contains(&"pa55") && secrets.contains(&"k3y"));
        assert!(!secrets.contains(&"first"));
    }

    #[test]
    fn unsendable_credentials_are_refused_naming_the_scheme_only() {
        assert!(Credentials::new().check().is_ok());
        let error = Credentials::new().bearer("oauth", "two w0rds").check().unwrap_err();
        let text = error.to_string();
        assert!(text.contains("`oauth`") && !text.contains("w0rds"), "{text}");
        assert!(Credentials::from(ApiKey::new("")).check().is_err());
        assert!(Credentials::new().basic("basic", "a:b", "c").check().is_err());
    }
}
