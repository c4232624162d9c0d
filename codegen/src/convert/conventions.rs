//! The settings' conventions applied to the model: which servers are live
//! and test, which headers the client fills itself.

use openapiv3::{APIKeyLocation, OpenAPI, ReferenceOr, SecurityScheme};

use super::Converter;
use crate::ir::{BaseUrls, Method, Param, ParamLocation, Shape};
use crate::settings::{Conventions, ServerChoice};

/// The live and test base URLs of a document under `choice`.
pub(super) fn base_urls(document: &OpenAPI, choice: &ServerChoice) -> BaseUrls {
    match choice {
        ServerChoice::First => BaseUrls { live: document.servers.first().map(|s| s.url.clone()), test: None },
        ServerChoice::ByDescription { live, test } => {
            let find = |word: &str| {
                document
                    .servers
                    .iter()
                    .find(|s| {
                        s.description
                            .as_deref()
                            .is_some_and(|d| d.get(..word.len()).is_some_and(|start| start.eq_ignore_ascii_case(word)))
                    })
                    .map(|s| s.url.clone())
            };
            BaseUrls { live: find(live), test: find(test) }
        }
    }
}

/// The headers of one operation that the client fills from its conventions.
#[derive(Debug, Default)]
pub(super) struct ConventionHeaders {
    /// The idempotency key header.
    pub idempotency: Option<String>,
    /// The correlation id header.
    pub correlation: Option<String>,
    /// The declared schema of the correlation id header.
    pub correlation_shape: Option<Shape>,
    /// The partner account header.
    pub partner_account: Option<String>,
}

impl Converter<'_> {
    /// Applies the conventions to one operation: declared header parameters
    /// that a convention fills leave `params`, and the headers the client
    /// sends for the operation are returned.
    pub(super) fn convention_headers(
        &mut self,
        method: Method,
        partner_account_allowed: bool,
        params: &mut Vec<Param>,
        at: &str,
    ) -> ConventionHeaders {
        let conventions: Conventions = self.conventions.clone();
        let mut claimed = |name: &str| -> Option<Param> {
            let at = params
                .iter()
                .position(|p| p.location == ParamLocation::Header && p.wire_name.eq_ignore_ascii_case(name))?;
            Some(params.remove(at))
        };
        let idempotency = conventions.idempotency.as_ref().and_then(|convention| {
            let declared = claimed(&convention.header).is_some();
            let by_method = convention.methods.iter().any(|m| m.eq_ignore_ascii_case(method.as_str()));
            (declared || by_method).then(|| convention.header.clone())
        });
        let correlation = conventions.correlation_header.clone();
        let correlation_shape = correlation.as_deref().and_then(&mut claimed).map(|p| p.shape);
        let scheme = conventions.partner_account_scheme.clone();
        let partner_account = match scheme {
            Some(scheme) if partner_account_allowed => {
                let header = self.api_key_header(&scheme);
                if header.is_none() {
                    self.warn(
                        at,
                        format!("security scheme {scheme:?} is not an apiKey header; no partner account is sent"),
                    );
                }
                header
            }
            _ => None,
        };
        ConventionHeaders { idempotency, correlation, correlation_shape, partner_account }
    }

    /// The header name of the `apiKey` security scheme `scheme`.
    fn api_key_header(&self, scheme: &str) -> Option<String> {
        let components = self.document.components.as_ref()?;
        match components.security_schemes.get(scheme)? {
            ReferenceOr::Item(SecurityScheme::APIKey { location: APIKeyLocation::Header, name, .. }) => {
                Some(name.clone())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::{Conventions, Settings};
    use crate::SpecSource;

    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - {url: 'https://live.example', description: 'live: production'}
  - {url: 'https://test.example', description: 'test: sandbox'}
paths:
  /things:
    post:
      operationId: createThing
      security: [{key: []}, {key: [], partner: []}]
      parameters:
        - {name: Klarna-Idempotency-Key, in: header, schema: {type: string}}
        - {name: Partner-Correlation-Id, in: header, schema: {type: string}}
      responses: {'204': {description: done}}
    get:
      operationId: listThings
      security: [{key: []}]
      responses: {'204': {description: done}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: Authorization}
    partner: {type: apiKey, in: header, name: X-Partner}
"#;

    fn model(conventions: Conventions) -> crate::ir::Api {
        let settings = Settings::default().with_conventions(conventions);
        crate::model(SpecSource { file: "t.yaml", text: SPEC }, &settings).unwrap().0
    }

    #[test]
    fn default_settings_apply_no_convention() {
        let api = model(Conventions::default());
        assert_eq!(api.base_urls.live.as_deref(), Some("https://live.example"));
        assert_eq!(api.base_urls.test, None);
        let create = &api.operations[1];
        assert_eq!(create.id, "createThing");
        let headers: Vec<&str> = create.params.iter().map(|p| p.wire_name.as_str()).collect();
        assert_eq!(headers, ["Klarna-Idempotency-Key", "Partner-Correlation-Id"], "declared headers stay arguments");
        assert_eq!(create.idempotency_header, None);
        assert_eq!(create.correlation_header, None);
        assert_eq!(create.partner_account_header, None);
    }

    #[test]
    fn klarna_conventions_claim_their_headers() {
        let conventions = Conventions { partner_account_scheme: Some("partner".to_owned()), ..Conventions::klarna() };
        let api = model(conventions);
        assert_eq!(api.base_urls.live.as_deref(), Some("https://live.example"));
        assert_eq!(api.base_urls.test.as_deref(), Some("https://test.example"));
        let (list, create) = (&api.operations[0], &api.operations[1]);
        assert!(create.params.is_empty(), "the client fills the declared convention headers");
        assert_eq!(create.idempotency_header.as_deref(), Some("Klarna-Idempotency-Key"));
        assert_eq!(create.correlation_header.as_deref(), Some("Partner-Correlation-Id"));
        assert_eq!(create.partner_account_header.as_deref(), Some("X-Partner"), "from the security scheme");
        assert_eq!(list.idempotency_header, None, "GET carries no idempotency key");
        assert_eq!(list.correlation_header.as_deref(), Some("Partner-Correlation-Id"));
        assert_eq!(list.partner_account_header, None, "its security does not allow it");
    }
}
