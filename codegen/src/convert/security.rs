//! Security: the document's schemes, and for each operation the
//! alternatives the client picks from, resolved against them.

use openapiv3::{APIKeyLocation, SecurityRequirement, SecurityScheme as OaScheme};

use super::Converter;
use crate::error::Result;
use crate::ir::{KeyLocation, SchemeKind, SchemeUse, SecurityScheme};
use crate::pointer;

/// An operation's security as the client applies it.
#[derive(Debug, Default)]
pub(super) struct OperationSecurity {
    /// The alternatives in order, the empty one (optional credentials) last.
    pub alternatives: Vec<Vec<SchemeUse>>,
    /// Whether an alternative allows the partner account scheme (a convention).
    pub partner_account: bool,
}

impl Converter<'_> {
    /// The document's security schemes in document order, with the
    /// conventions applied. The partner account scheme is left out (the
    /// client fills it from its configuration), and so is, with a warning,
    /// a scheme whose credential cannot be sent.
    pub(super) fn read_security_schemes(&mut self) -> Result<Vec<SecurityScheme>> {
        let document = self.document;
        let Some(components) = &document.components else {
            return Ok(Vec::new());
        };
        let mut schemes = Vec::new();
        for (name, scheme) in &components.security_schemes {
            if self.conventions.partner_account_scheme.as_deref() == Some(name.as_str()) {
                continue;
            }
            let at = pointer::join("/components/securitySchemes", name);
            let (scheme, at) = self.resolve(scheme, "securitySchemes", |c| &c.security_schemes, &at)?;
            if let Some(kind) = self.scheme_kind(name, &scheme, &at) {
                schemes.push(SecurityScheme { name: name.clone(), kind, doc: description(&scheme) });
            }
        }
        Ok(schemes)
    }

    /// How the client sends the credential of scheme `name`; `None` (with a
    /// warning) when it cannot.
    fn scheme_kind(&mut self, name: &str, scheme: &OaScheme, at: &str) -> Option<SchemeKind> {
        let kind = match scheme {
            OaScheme::APIKey { location, name: key, .. } => {
                let (location, what) = match location {
                    APIKeyLocation::Header => (KeyLocation::Header, "header"),
                    APIKeyLocation::Query => (KeyLocation::Query, "query parameter"),
                    APIKeyLocation::Cookie => (KeyLocation::Cookie, "cookie"),
                };
                let sendable = if location == KeyLocation::Query { !key.is_empty() } else { is_token(key) };
                if !sendable {
                    self.warn(
                        &pointer::join(at, "name"),
                        format!("{key:?} cannot be a {what} name; the scheme is not used"),
                    );
                    return None;
                }
                SchemeKind::ApiKey { location, name: key.clone() }
            }
            OaScheme::HTTP { scheme: http, bearer_format, .. } => {
                if http.eq_ignore_ascii_case("basic") {
                    SchemeKind::Basic
                } else if http.eq_ignore_ascii_case("bearer") {
                    SchemeKind::Bearer { format: bearer_format.clone() }
                } else if is_token(http) {
                    SchemeKind::Http { scheme: http.clone() }
                } else {
                    self.warn(
                        &pointer::join(at, "scheme"),
                        format!("{http:?} is not an HTTP authentication scheme name; the scheme is not used"),
                    );
                    return None;
                }
            }
            OaScheme::OAuth2 { .. } => SchemeKind::OAuth2,
            OaScheme::OpenIDConnect { open_id_connect_url, .. } => {
                SchemeKind::OpenIdConnect { url: open_id_connect_url.clone() }
            }
        };
        if self.conventions.basic_key_scheme.as_deref() == Some(name) {
            match &kind {
                SchemeKind::ApiKey { location: KeyLocation::Header, name: header }
                    if header.eq_ignore_ascii_case("Authorization") =>
                {
                    return Some(SchemeKind::BasicKey);
                }
                _ => self.warn(
                    at,
                    "the conventions send this scheme's key as `Authorization: Basic <key>`, but it is not an \
                     apiKey in header Authorization; it is used as declared",
                ),
            }
        }
        Some(kind)
    }

    /// The security of one operation: its own `security` (`own`), or the
    /// document's. An alternative naming a scheme the client cannot use is
    /// dropped with a warning; repeated alternatives are merged; an empty
    /// one (`{}`: credentials are optional) goes last, where it is the
    /// client's choice only when nothing else is configured.
    pub(super) fn operation_security(&mut self, own: Option<&Vec<SecurityRequirement>>, at: &str) -> OperationSecurity {
        let document = self.document;
        let (requirements, base) = match (own, &document.security) {
            (Some(own), _) => (own, format!("{at}/security")),
            (None, Some(global)) => (global, "/security".to_owned()),
            (None, None) if self.security_unstated => {
                // Schemes declared, but no `security` anywhere: read as
                // "any scheme, if configured" (warned once, at the schemes).
                let mut alternatives = self.each_scheme_alone();
                alternatives.push(Vec::new());
                return OperationSecurity { alternatives, partner_account: false };
            }
            (None, None) => return OperationSecurity::default(),
        };
        let partner = self.conventions.partner_account_scheme.clone();
        let mut security = OperationSecurity::default();
        let mut optional = false;
        'alternatives: for (index, requirement) in requirements.iter().enumerate() {
            let mut uses = Vec::new();
            let mut with_partner = false;
            for (name, scopes) in requirement {
                if partner.as_deref() == Some(name.as_str()) {
                    with_partner = true;
                    continue;
                }
                if !self.security_schemes.iter().any(|s| s.name == *name) {
                    let defined = document.components.iter().any(|c| c.security_schemes.contains_key(name));
                    let reason = if defined {
                        format!(
                            "security scheme `{name}` cannot be sent (see its warning); this alternative is dropped"
                        )
                    } else {
                        format!(
                            "security scheme `{name}` is not defined in components/securitySchemes; this \
                             alternative is dropped"
                        )
                    };
                    self.warn(&pointer::join(&format!("{base}/{index}"), name), reason);
                    continue 'alternatives;
                }
                uses.push(SchemeUse { scheme: name.clone(), scopes: scopes.clone() });
            }
            security.partner_account |= with_partner;
            if uses.is_empty() {
                optional = true;
            } else if !security.alternatives.contains(&uses) {
                security.alternatives.push(uses);
            }
        }
        if optional && !security.alternatives.is_empty() {
            security.alternatives.push(Vec::new());
        }
        if !requirements.is_empty() && !optional && security.alternatives.is_empty() && !security.partner_account {
            // Credentials are required, but by no scheme the document has.
            security.alternatives = self.each_scheme_alone();
            if !security.alternatives.is_empty() {
                self.warn(
                    &base,
                    "no alternative names a scheme the client can send; any of the document's schemes is used",
                );
            }
        }
        security
    }

    /// Every scheme the client can send, each an alternative of its own.
    fn each_scheme_alone(&self) -> Vec<Vec<SchemeUse>> {
        self.security_schemes.iter().map(|s| vec![SchemeUse { scheme: s.name.clone(), scopes: Vec::new() }]).collect()
    }

    /// Whether the document declares security schemes but states `security`
    /// nowhere (neither for the document nor for any operation): then every
    /// operation takes any scheme, optionally, with one warning.
    pub(super) fn read_security_unstated(&mut self) -> bool {
        let document = self.document;
        let stated = document.security.is_some()
            || document.paths.iter().any(|(_, item)| match item {
                openapiv3::ReferenceOr::Item(item) => item.iter().any(|(_, op)| op.security.is_some()),
                openapiv3::ReferenceOr::Reference { .. } => false,
            });
        let unstated = !stated && !self.security_schemes.is_empty();
        if unstated {
            self.warn(
                "/components/securitySchemes",
                "security schemes are declared but no `security` says where they apply; every operation sends the \
                 credentials of the first configured scheme, if any",
            );
        }
        unstated
    }
}

/// The description of a scheme.
fn description(scheme: &OaScheme) -> Option<String> {
    match scheme {
        OaScheme::APIKey { description, .. }
        | OaScheme::HTTP { description, .. }
        | OaScheme::OAuth2 { description, .. }
        | OaScheme::OpenIDConnect { description, .. } => description.clone(),
    }
}

/// Whether `text` is an HTTP token (RFC 9110): a header name, cookie name
/// or authentication scheme.
fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use crate::ir::{KeyLocation, SchemeKind};
    use crate::settings::{Conventions, Settings};
    use crate::SpecSource;

    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
security: [{header_key: []}]
paths:
  /inherited:
    get:
      operationId: inherited
      responses: {'204': {description: done}}
  /own:
    get:
      operationId: own
      security: [{query_key: []}, {basic: [], bearer: []}, {oauth: [read, write]}, {missing: []}, {}, {query_key: []}]
      responses: {'204': {description: done}}
  /open:
    get:
      operationId: open
      security: []
      responses: {'204': {description: done}}
  /anonymous-first:
    get:
      operationId: anonymousFirst
      security: [{}, {cookie_key: []}]
      responses: {'204': {description: done}}
components:
  securitySchemes:
    header_key: {type: apiKey, in: header, name: X-Api-Key}
    query_key: {type: apiKey, in: query, name: api key}
    cookie_key: {type: apiKey, in: cookie, name: session}
    basic: {type: http, scheme: Basic}
    bearer: {type: http, scheme: bearer, bearerFormat: JWT}
    other: {type: http, scheme: Token}
    bad: {type: http, scheme: 'two words'}
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example/token', scopes: {read: r, write: w}}}}
    oidc: {type: openIdConnect, openIdConnectUrl: 'https://auth.example/.well-known/openid-configuration'}
    referenced: {$ref: '#/components/securitySchemes/bearer'}
    Authorization: {type: apiKey, in: header, name: Authorization}
"#;

    fn model(conventions: Conventions) -> (crate::ir::Api, Vec<crate::Warning>) {
        let settings = Settings::default().with_conventions(conventions);
        crate::model(SpecSource { file: "t.yaml", text: SPEC }, &settings).unwrap()
    }

    fn alternatives(api: &crate::ir::Api, id: &str) -> Vec<Vec<String>> {
        let op = api.operations.iter().find(|op| op.id == id).unwrap();
        op.security.iter().map(|alt| alt.iter().map(|u| u.scheme.clone()).collect()).collect()
    }

    #[test]
    fn every_scheme_kind_is_read() {
        let (api, warnings) = model(Conventions::default());
        let kinds: Vec<(&str, &SchemeKind)> = api.security_schemes.iter().map(|s| (s.name.as_str(), &s.kind)).collect();
        let key = |location, name: &str| SchemeKind::ApiKey { location, name: name.to_owned() };
        let bearer = SchemeKind::Bearer { format: Some("JWT".to_owned()) };
        let url = "https://auth.example/.well-known/openid-configuration".to_owned();
        assert_eq!(
            kinds,
            [
                ("header_key", &key(KeyLocation::Header, "X-Api-Key")),
                ("query_key", &key(KeyLocation::Query, "api key")),
                ("cookie_key", &key(KeyLocation::Cookie, "session")),
                ("basic", &SchemeKind::Basic),
                ("bearer", &bearer),
                ("other", &SchemeKind::Http { scheme: "Token".to_owned() }),
                ("oauth", &SchemeKind::OAuth2),
                ("oidc", &SchemeKind::OpenIdConnect { url }),
                ("referenced", &bearer),
                ("Authorization", &key(KeyLocation::Header, "Authorization")),
            ]
        );
        let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "t.yaml#/components/securitySchemes/bad/scheme: warning: \"two words\" is not an HTTP \
                 authentication scheme name; the scheme is not used",
                "t.yaml#/paths/~1own/get/security/3/missing: warning: security scheme `missing` is not defined in \
                 components/securitySchemes; this alternative is dropped",
            ]
        );
    }

    #[test]
    fn alternatives_are_resolved_in_order_with_the_optional_one_last() {
        let (api, _) = model(Conventions::default());
        assert_eq!(alternatives(&api, "inherited"), [["header_key"]], "the document's security");
        assert_eq!(
            alternatives(&api, "own"),
            [vec!["query_key"], vec!["basic", "bearer"], vec!["oauth"], vec![]],
            "the unknown one dropped, the repeated one merged, `{{}}` last"
        );
        let own = api.operations.iter().find(|op| op.id == "own").unwrap();
        assert_eq!(own.security[2][0].scopes, ["read", "write"]);
        assert!(alternatives(&api, "open").is_empty(), "`security: []` needs nothing");
        assert_eq!(alternatives(&api, "anonymousFirst"), [vec!["cookie_key"], vec![]]);
    }

    #[test]
    fn credentials_required_by_no_known_scheme_take_any_scheme() {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nsecurity: [{basicAuth: []}]\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {'204': {description: done}}\ncomponents:\n  securitySchemes:\n    Basic-authorization: {type: http, scheme: basic}\n    bearer: {type: http, scheme: bearer}\n";
        let (api, warnings) = crate::model(SpecSource { file: "t.yaml", text: spec }, &Settings::default()).unwrap();
        assert_eq!(alternatives(&api, "a"), [["Basic-authorization"], ["bearer"]], "required, by any scheme");
        let pointers: Vec<&str> = warnings.iter().map(|w| w.at.pointer.as_str()).collect();
        assert_eq!(pointers, ["/security/0/basicAuth", "/security"]);
    }

    #[test]
    fn schemes_without_any_security_are_optional_on_every_operation() {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {'204': {description: done}}\ncomponents:\n  securitySchemes:\n    oauth: {type: oauth2, flows: {}}\n";
        let (api, warnings) = crate::model(SpecSource { file: "t.yaml", text: spec }, &Settings::default()).unwrap();
        assert_eq!(alternatives(&api, "a"), [vec!["oauth"], vec![]]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].at.pointer, "/components/securitySchemes");
        let stated = spec.replace("      responses", "      security: []\n      responses");
        let (api, warnings) = crate::model(SpecSource { file: "t.yaml", text: &stated }, &Settings::default()).unwrap();
        assert!(alternatives(&api, "a").is_empty() && warnings.is_empty(), "stated: nothing");
    }

    #[test]
    fn the_basic_key_convention_reads_an_authorization_key_as_basic_credentials() {
        let conventions = Conventions { basic_key_scheme: Some("Authorization".to_owned()), ..Conventions::default() };
        let (api, warnings) = model(conventions);
        let scheme = api.security_schemes.iter().find(|s| s.name == "Authorization").unwrap();
        assert_eq!(scheme.kind, SchemeKind::BasicKey);
        assert_eq!(warnings.len(), 2, "no warning of its own: {warnings:?}");
        let conventions = Conventions { basic_key_scheme: Some("header_key".to_owned()), ..Conventions::default() };
        let (api, warnings) = model(conventions);
        assert!(matches!(api.security_schemes[0].kind, SchemeKind::ApiKey { .. }), "used as declared");
        assert!(warnings.iter().any(|w| w.at.pointer == "/components/securitySchemes/header_key"), "{warnings:?}");
    }
}
