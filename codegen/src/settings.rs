//! Generator settings, kept apart from the generator itself.

/// How generated code refers to its surroundings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Path of the runtime module that generated code calls (`crate::runtime`
    /// inside `klarna-generated`, `klarna_generated::runtime` elsewhere).
    pub runtime_path: String,
    /// The cargo feature that gates generated client modules, if any.
    pub client_feature: Option<String>,
    /// The crate name doc examples import from (`klarna_generated`); without
    /// one, module docs carry no example.
    pub doc_crate: Option<String>,
    /// What the generated client does beyond what each operation declares.
    pub conventions: Conventions,
}

/// API-wide behaviour of the generated client that a spec does not state
/// per operation. [`Conventions::default`] has none of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conventions {
    /// The idempotency key header and the methods that carry it.
    pub idempotency: Option<Idempotency>,
    /// The header that carries `CallOptions::correlation_id`; a declared
    /// header parameter of that name is filled from the options, not asked for.
    pub correlation_header: Option<String>,
    /// The security scheme that lets a caller act on behalf of another
    /// account (`ClientConfig::partner_account`); its header comes from the
    /// spec's `securitySchemes`.
    pub partner_account_scheme: Option<String>,
    /// The `apiKey` scheme in header `Authorization` whose key is HTTP
    /// Basic credentials as issued: sent as `Authorization: Basic <key>`,
    /// where the document alone would mean `Authorization: <key>`.
    pub basic_key_scheme: Option<String>,
    /// How the live and test base URLs are picked from `servers`.
    pub servers: ServerChoice,
}

/// An idempotency key the client fills itself: the caller's from
/// `CallOptions::idempotency_key` or a fresh UUID, reused by retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Idempotency {
    /// The header name.
    pub header: String,
    /// The HTTP methods (upper case) that carry a key even where the spec
    /// does not declare the header.
    pub methods: Vec<String>,
}

/// How the live and test base URLs are picked from a spec's `servers`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ServerChoice {
    /// The first server is the live one; there is no test server.
    #[default]
    First,
    /// The servers whose descriptions start with these words (any case).
    ByDescription {
        /// The word of the live server (`live`).
        live: String,
        /// The word of the test server (`test`).
        test: String,
    },
}

impl Conventions {
    /// Klarna's conventions: `Klarna-Idempotency-Key` on every POST and
    /// PATCH, `Partner-Correlation-Id` from the call options, the
    /// `klarna_partner_account` scheme, the `klarna_api_key` sent as
    /// `Authorization: Basic <key>`, and servers described `live:` and
    /// `test:`.
    pub fn klarna() -> Self {
        Conventions {
            idempotency: Some(Idempotency {
                header: "Klarna-Idempotency-Key".to_owned(),
                methods: vec!["POST".to_owned(), "PATCH".to_owned()],
            }),
            correlation_header: Some("Partner-Correlation-Id".to_owned()),
            partner_account_scheme: Some("klarna_partner_account".to_owned()),
            basic_key_scheme: Some("klarna_api_key".to_owned()),
            servers: ServerChoice::ByDescription { live: "live".to_owned(), test: "test".to_owned() },
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            runtime_path: "crate::runtime".to_owned(),
            client_feature: None,
            doc_crate: None,
            conventions: Conventions::default(),
        }
    }
}

impl Settings {
    /// Settings whose generated code calls the runtime at `path`.
    pub fn with_runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }

    /// Gates generated client modules behind the cargo feature `feature`.
    pub fn with_client_feature(mut self, feature: impl Into<String>) -> Self {
        self.client_feature = Some(feature.into());
        self
    }

    /// Adds a compiled example to each module's docs, importing from `name`.
    pub fn with_doc_crate(mut self, name: impl Into<String>) -> Self {
        self.doc_crate = Some(name.into());
        self
    }

    /// Applies `conventions` (see [`Conventions::klarna`]).
    pub fn with_conventions(mut self, conventions: Conventions) -> Self {
        self.conventions = conventions;
        self
    }
}
