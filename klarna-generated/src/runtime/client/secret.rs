//! Secret credentials (API keys, tokens, passwords), kept out of Debug
//! output, errors and logs.

use std::fmt;

use base64::Engine;

/// What a credential is; it decides which security schemes it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A key or token as issued ([`ApiKey::new`]): fits API key schemes and
    /// the `Authorization` schemes that take a token (bearer, OAuth 2, ...).
    Issued,
    /// An API key value exactly as sent (`Credentials::api_key`); it may
    /// hold inner spaces (`Token token=...`).
    Key,
    /// A token for an `Authorization` scheme (`Credentials::bearer`).
    Token,
    /// HTTP Basic user and password, held base64-encoded (RFC 7617).
    Basic,
}

/// A secret credential: the text sent and the secrets it was made from.
#[derive(Clone)]
pub(crate) struct Secret {
    /// What is sent: the key or token, or base64 of `user:password`.
    text: String,
    /// Secrets it was made from (user and password), hidden like the text.
    parts: Vec<String>,
    form: Form,
}

impl Secret {
    /// A key or token of `form`, sent as given.
    pub(crate) fn new(text: String, form: Form) -> Self {
        Secret { text, parts: Vec::new(), form }
    }

    /// HTTP Basic credentials: base64 of `user:password` (RFC 7617, UTF-8).
    pub(crate) fn basic(user: &str, password: &str) -> Self {
        let text = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Secret { text, parts: vec![user.to_owned(), password.to_owned()], form: Form::Basic }
    }

    /// What is sent.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// What the credential is.
    pub(crate) fn form(&self) -> Form {
        self.form
    }

    /// The text and the secrets it was made from, for redaction.
    pub(crate) fn secrets(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.parts.iter().map(String::as_str))
    }

    /// Why the credential cannot be sent, whatever the scheme; `None` when it can.
    pub(crate) fn problem(&self) -> Option<&'static str> {
        let visible = |text: &str| text.bytes().all(|b| b.is_ascii_graphic());
        match self.form {
            Form::Issued | Form::Token if self.text.is_empty() || !visible(&self.text) => {
                Some("must be non-empty visible ASCII without spaces")
            }
            Form::Key => {
                let spaced = self.text.bytes().all(|b| b.is_ascii_graphic() || b == b' ');
                let trimmed = self.text.trim() == self.text;
                (self.text.is_empty() || !spaced || !trimmed)
                    .then_some("must be non-empty visible ASCII, spaces only between words")
            }
            Form::Basic => {
                let control = self.parts.iter().any(|part| part.chars().any(char::is_control));
                let colon = self.parts.first().is_some_and(|user| user.contains(':'));
                (control || colon).then_some("needs a user without `:` and no control characters in either part")
            }
            _ => None,
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let form = match self.form {
            Form::Issued => "ApiKey",
            Form::Key => "Key",
            Form::Token => "Token",
            Form::Basic => "Basic",
        };
        write!(f, "{form}(***)")
    }
}

/// A key or token as issued, or HTTP Basic user and password; never
/// printed: `Debug` and `Display` show `ApiKey(***)` and `***`.
///
/// Given to `ClientConfig::builder`, it is the credential of every
/// security scheme of the API that it fits (see `Credentials`): for
/// Klarna's APIs, the API key, sent as `Authorization: Basic <key>`
/// exactly as given. Two keys are equal when they hold the same text.
#[derive(Clone)]
pub struct ApiKey(pub(crate) Secret);

impl PartialEq for ApiKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.text == other.0.text
    }
}

impl Eq for ApiKey {}

impl ApiKey {
    /// Wraps a key or token as issued (non-empty visible ASCII without
    /// spaces, checked when the configuration is built).
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey(Secret::new(key.into(), Form::Issued))
    }

    /// HTTP Basic credentials: the pair is base64-encoded (RFC 7617), as
    /// Klarna's v1 APIs take a username and password. Neither is ever
    /// printed.
    pub fn basic(username: &str, password: &str) -> ApiKey {
        ApiKey(Secret::basic(username, password))
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
    use super::*;

    #[test]
    fn never_prints_the_key() {
        let key = ApiKey::new("klarna_test_api_s3cr3t");
        assert_eq!(format!("{key:?}"), "ApiKey(***)");
        assert!(!format!("{key} {key:#?} {:?}", key.0).contains("s3cr3t"));
        assert_eq!(key.0.text(), "klarna_test_api_s3cr3t");
        assert_eq!(key.0.problem(), None);
        for bad in ["", "with space", "é", "line\nbreak"] {
            assert!(ApiKey::new(bad).0.problem().is_some(), "{bad:?}");
        }
    }

    #[test]
    fn basic_credentials_are_base64_of_user_colon_password() {
        // RFC 7617's example: Aladdin / open sesame.
        assert_eq!(ApiKey::basic("Aladdin", "open sesame"), ApiKey::new("QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
        let key = ApiKey::basic("PK123_user", "s3cr3t");
        let shown = format!("{key:?} {:?}", key.0);
        assert!(!shown.contains("s3cr3t") && !shown.contains("PK123"), "{shown}");
        let secrets: Vec<&str> = key.0.secrets().collect();
        assert_eq!(secrets[1..], ["PK123_user", "s3cr3t"], "user and password are hidden too");
        assert_eq!(ApiKey::basic("sk_test", "").0.problem(), None, "an empty password is allowed");
        assert!(ApiKey::basic("a:b", "c").0.problem().is_some(), "a user cannot hold `:`");
        assert!(ApiKey::basic("a", "line\nbreak").0.problem().is_some());
        // UTF-8, as RFC 7617 recommends.
        assert_eq!(ApiKey::basic("test", "123£").0.text(), "dGVzdDoxMjPCow==");
    }

    #[test]
    fn keys_may_hold_inner_spaces_tokens_may_not() {
        assert_eq!(Secret::new("Token token=abc".into(), Form::Key).problem(), None);
        for bad in ["", " lead", "trail ", "tab\there"] {
            assert!(Secret::new(bad.into(), Form::Key).problem().is_some(), "{bad:?}");
        }
        assert!(Secret::new("two words".into(), Form::Token).problem().is_some());
    }
}
