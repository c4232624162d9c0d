//! Security schemes as generated clients declare them, and which
//! credentials a call sends: the first of its operation's alternatives
//! whose schemes all have a credential.

use std::fmt;

use super::credentials::Credentials;
use super::error::ClientError;
use super::secret::{Form, Secret};

/// How a security scheme puts its credential on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchemeKind {
    /// `apiKey` in the header of this name, the key as given.
    ApiKeyHeader(&'static str),
    /// `apiKey` in the query parameter of this name.
    ApiKeyQuery(&'static str),
    /// `apiKey` in the cookie of this name.
    ApiKeyCookie(&'static str),
    /// `http` `basic`: `Authorization: Basic <base64 of user:password>`.
    Basic,
    /// An API key that is HTTP Basic credentials as issued (Klarna's):
    /// `Authorization: Basic <key>`; a user and password are base64-encoded.
    BasicKey,
    /// `http` `bearer`: `Authorization: Bearer <token>`.
    Bearer,
    /// `oauth2`: an access token, sent as `Authorization: Bearer <token>`.
    OAuth2,
    /// `openIdConnect`: a token, sent as `Authorization: Bearer <token>`.
    OpenIdConnect,
    /// Another `http` scheme: `Authorization: <scheme> <credential>`.
    Http(&'static str),
}

impl SchemeKind {
    /// Whether a credential of `form` can be sent for this scheme.
    fn fits(self, form: Form) -> bool {
        match self {
            SchemeKind::ApiKeyHeader(_) | SchemeKind::ApiKeyQuery(_) | SchemeKind::ApiKeyCookie(_) => {
                matches!(form, Form::Issued | Form::Key)
            }
            SchemeKind::BasicKey => matches!(form, Form::Issued | Form::Key | Form::Basic),
            SchemeKind::Basic => form == Form::Basic,
            SchemeKind::Bearer | SchemeKind::OAuth2 | SchemeKind::OpenIdConnect | SchemeKind::Http(_) => {
                matches!(form, Form::Issued | Form::Token)
            }
        }
    }

    /// What the scheme takes, for errors.
    fn takes(self) -> &'static str {
        match self {
            SchemeKind::ApiKeyHeader(_) | SchemeKind::ApiKeyQuery(_) | SchemeKind::ApiKeyCookie(_) => {
                "an API key (`Credentials::api_key`)"
            }
            SchemeKind::BasicKey => "an API key or a user and password",
            SchemeKind::Basic => "a user and password (`Credentials::basic`)",
            _ => "a token (`Credentials::bearer`)",
        }
    }

    /// Why `text` cannot be sent for this scheme; `None` when it can.
    fn refuses(self, text: &str) -> Option<&'static str> {
        match self {
            SchemeKind::ApiKeyHeader(_) | SchemeKind::ApiKeyQuery(_) => None,
            // RFC 6265 cookie-octets.
            SchemeKind::ApiKeyCookie(_) => text
                .bytes()
                .any(|b| !b.is_ascii_graphic() || matches!(b, b'"' | b',' | b';' | b'\\'))
                .then_some("holds a character a cookie cannot carry"),
            _ => text.contains(' ').then_some("follows the `Authorization` scheme and cannot hold spaces"),
        }
    }

    /// Where a credential with `text` goes.
    fn placement(self, text: &str) -> Placement {
        match self {
            SchemeKind::ApiKeyHeader(name) => Placement::Header(name, text.to_owned()),
            SchemeKind::ApiKeyQuery(name) => Placement::Query(name, text.to_owned()),
            SchemeKind::ApiKeyCookie(name) => Placement::Cookie(format!("{name}={text}")),
            SchemeKind::Basic | SchemeKind::BasicKey => Placement::Header("Authorization", format!("Basic {text}")),
            SchemeKind::Bearer | SchemeKind::OAuth2 | SchemeKind::OpenIdConnect => {
                Placement::Header("Authorization", format!("Bearer {text}"))
            }
            SchemeKind::Http(scheme) => Placement::Header("Authorization", format!("{scheme} {text}")),
        }
    }
}

/// One security scheme of an API, as its generated client declares it in
/// `client::SECURITY_SCHEMES`: the name credentials are given under
/// (`Credentials`) and how the credential is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityScheme {
    /// The key of the scheme in the document's `components/securitySchemes`.
    pub name: &'static str,
    /// How its credential is sent.
    pub kind: SchemeKind,
}

impl SecurityScheme {
    /// The scheme `name` of `kind`.
    pub const fn new(name: &'static str, kind: SchemeKind) -> Self {
        SecurityScheme { name, kind }
    }
}

/// Where one credential goes in a request.
#[derive(Clone)]
pub(crate) enum Placement {
    /// A header and its value.
    Header(&'static str, String),
    /// A query parameter and its value.
    Query(&'static str, String),
    /// A `name=value` pair of the `Cookie` header.
    Cookie(String),
}

/// The credential of every scheme of an API that the configuration
/// provides, resolved when the client is made.
#[derive(Clone)]
pub(crate) struct Security {
    /// Every scheme of the API.
    schemes: &'static [SecurityScheme],
    /// The placement of each configured scheme, by name.
    configured: Vec<(&'static str, Placement)>,
}

impl fmt::Debug for Security {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.configured.iter().map(|(name, _)| *name).collect();
        f.debug_struct("Security").field("configured", &names).finish_non_exhaustive()
    }
}

impl Security {
    /// Matches `credentials` with the API's `schemes`: a credential named
    /// after no scheme, or of the wrong kind for its scheme, is refused, so
    /// a typo is found when the client is made rather than by a 401.
    pub(crate) fn new(schemes: &'static [SecurityScheme], credentials: &Credentials) -> Result<Self, ClientError> {
        for (name, secret) in credentials.named() {
            let Some(scheme) = schemes.iter().find(|s| s.name == name.as_str()) else {
                let known: Vec<String> = schemes.iter().map(|s| format!("`{}`", s.name)).collect();
                let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
                return Err(ClientError::Config(format!(
                    "credentials for security scheme `{name}`, which this API does not have (its schemes: {known})"
                )));
            };
            if !scheme.kind.fits(secret.form()) {
                return Err(ClientError::Config(format!("security scheme `{name}` takes {}", scheme.kind.takes())));
            }
        }
        let mut configured = Vec::new();
        for scheme in schemes {
            let named = credentials.named().iter().find(|(name, _)| name.as_str() == scheme.name).map(|(_, s)| s);
            let secret: Option<&Secret> = named.or(credentials.key().filter(|key| scheme.kind.fits(key.form())));
            let Some(secret) = secret else { continue };
            if let Some(problem) = scheme.kind.refuses(secret.text()) {
                return Err(ClientError::Config(format!(
                    "the credential for security scheme `{}` {problem}",
                    scheme.name
                )));
            }
            configured.push((scheme.name, scheme.kind.placement(secret.text())));
        }
        Ok(Security { schemes, configured })
    }

    /// Where the credentials of a call go: those of the first alternative
    /// whose schemes are all configured; none when there are no
    /// alternatives (the operation needs none).
    pub(crate) fn choose(
        &self,
        operation: &'static str,
        alternatives: &'static [&'static [&'static str]],
    ) -> Result<Vec<Placement>, ClientError> {
        if alternatives.is_empty() {
            return Ok(Vec::new());
        }
        let placement = |name: &str| self.configured.iter().find(|(n, _)| *n == name).map(|(_, p)| p.clone());
        alternatives
            .iter()
            .find_map(|alternative| alternative.iter().map(|name| placement(name)).collect::<Option<Vec<_>>>())
            .ok_or_else(|| ClientError::MissingCredentials {
                operation,
                needs: alternatives.iter().map(|alternative| alternative.to_vec()).collect(),
            })
    }

    /// Whether an extra header named `name` would set a credential: the
    /// header of an API key scheme, or `Cookie` when a scheme is a cookie.
    pub(crate) fn reserves(&self, name: &str) -> bool {
        self.schemes.iter().any(|scheme| match scheme.kind {
            SchemeKind::ApiKeyHeader(header) => header.eq_ignore_ascii_case(name),
            SchemeKind::ApiKeyCookie(_) => name.eq_ignore_ascii_case("cookie"),
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::client::ApiKey;

    const SCHEMES: &[SecurityScheme] = &[
        SecurityScheme::new("header", SchemeKind::ApiKeyHeader("X-Api-Key")),
        SecurityScheme::new("query", SchemeKind::ApiKeyQuery("key")),
        SecurityScheme::new("cookie", SchemeKind::ApiKeyCookie("session")),
        SecurityScheme::new("basic", SchemeKind::Basic),
        SecurityScheme::new("bearer", SchemeKind::Bearer),
        SecurityScheme::new("token", SchemeKind::Http("Token")),
    ];

    fn shown(placements: &[Placement]) -> Vec<String> {
        placements
            .iter()
            .map(|p| match p {
                Placement::Header(name, value) => format!("header {name}: {value}"),
                Placement::Query(name, value) => format!("query {name}={value}"),
                Placement::Cookie(pair) => format!("cookie {pair}"),
            })
            .collect()
    }

    #[test]
    fn the_first_configured_alternative_is_chosen() {
        let credentials = Credentials::new().basic("basic", "Aladdin", "open sesame").api_key("cookie", "c00kie");
        let security = Security::new(SCHEMES, &credentials).unwrap();
        let chosen = security.choose("op", &[&["bearer"], &["basic", "cookie"], &[]]).unwrap();
        assert_eq!(
            shown(&chosen),
            ["header Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "cookie session=c00kie"]
        );
        assert!(security.choose("op", &[]).unwrap().is_empty(), "no alternatives: nothing needed");
        assert!(security.choose("op", &[&["bearer"], &[]]).unwrap().is_empty(), "the optional one");
        match security.choose("op", &[&["bearer"], &["header", "query"]]) {
            Err(ClientError::MissingCredentials { operation: "op", needs }) => {
                assert_eq!(needs, [vec!["bearer"], vec!["header", "query"]]);
            }
            other => panic!("{:?}", other.map(|p| shown(&p))),
        }
    }

    #[test]
    fn a_key_fills_every_scheme_it_fits() {
        let security = Security::new(SCHEMES, &ApiKey::new("k3y").into()).unwrap();
        let configured: Vec<&str> = security.configured.iter().map(|(name, _)| *name).collect();
        assert_eq!(configured, ["header", "query", "cookie", "bearer", "token"], "all but basic");
        let chosen = security.choose("op", &[&["basic"], &["bearer"]]).unwrap();
        assert_eq!(shown(&chosen), ["header Authorization: Bearer k3y"], "a key as issued is no user and password");
        let basic = Security::new(SCHEMES, &ApiKey::basic("u", "p").into()).unwrap();
        assert_eq!(shown(&basic.choose("op", &[&["basic"]]).unwrap()), ["header Authorization: Basic dTpw"]);
        let chosen = security.choose("op", &[&["token", "query"]]).unwrap();
        assert_eq!(shown(&chosen), ["header Authorization: Token k3y", "query key=k3y"]);
    }

    #[test]
    fn credentials_that_fit_no_scheme_are_refused_when_the_client_is_made() {
        let refused = |credentials: Credentials| {
            let error = Security::new(SCHEMES, &credentials).unwrap_err();
            assert!(matches!(error, ClientError::Config(_)), "{error:?}");
            let text = error.to_string();
            assert!(!text.contains("s3cr3t"), "{text}");
            text
        };
        assert!(
            refused(Credentials::new().api_key("heder", "s3cr3t")).contains("`heder`, which this API does not have")
        );
        assert!(refused(Credentials::new().api_key("basic", "s3cr3t")).contains("takes a user and password"));
        assert!(refused(Credentials::new().bearer("header", "s3cr3t")).contains("takes an API key"));
        assert!(refused(Credentials::new().api_key("cookie", "s3;cr3t")).contains("cookie cannot carry"));
        assert!(refused(Credentials::from(ApiKey::new("s3;cr3t"))).contains("`cookie`"));
        let key_with_spaces = Credentials::new().api_key("header", "Token token=s3cr3t");
        assert!(Security::new(SCHEMES, &key_with_spaces).is_ok(), "an API key header may hold spaces");
        const BASIC_KEY: &[SecurityScheme] = &[SecurityScheme::new("klarna", SchemeKind::BasicKey)];
        assert!(Security::new(BASIC_KEY, &Credentials::new().api_key("klarna", "two s3cr3t")).is_err());
    }

    #[test]
    fn extra_headers_may_not_set_a_credential() {
        let security = Security::new(SCHEMES, &Credentials::new()).unwrap();
        assert!(security.reserves("x-api-key") && security.reserves("Cookie"));
        assert!(!security.reserves("X-Other"));
        assert!(format!("{security:?}").contains("configured: []"));
    }
}
