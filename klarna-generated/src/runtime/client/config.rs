//! Client configuration: environment, credentials, timeouts, retries, mTLS.

use std::fmt;
use std::time::Duration;

use super::error::ClientError;
use super::secret::ApiKey;

/// Which Klarna environment to talk to. Test and live are separate: test keys
/// work only in test, live keys only in live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Environment {
    /// The live (production) environment, from the spec's `live:` server.
    Live,
    /// The test environment, from the spec's `test:` server.
    Test,
    /// Any base URL, such as a local mock server.
    Custom(String),
}

/// How failed calls are retried: bounded exponential backoff with jitter.
///
/// Retried: HTTP 429 and 503, connection failures and timeouts. A POST or
/// PATCH is retried only when it carries an idempotency key. `Retry-After`
/// and `X-Ratelimit-Reset` (seconds) are honoured, up to `max_server_delay`.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 turns retrying off.
    pub max_retries: usize,
    /// The first backoff delay.
    pub min_delay: Duration,
    /// The largest backoff delay.
    pub max_delay: Duration,
    /// The longest wait a server's `Retry-After` or reset header can ask for.
    pub max_server_delay: Duration,
    /// Whether backoff delays are randomised.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_server_delay: Duration::from_secs(60),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy { max_retries: 0, ..RetryPolicy::default() }
    }
}

/// Everything a client needs; build it with [`ClientConfig::builder`].
#[derive(Clone)]
pub struct ClientConfig {
    pub(crate) environment: Environment,
    pub(crate) api_key: ApiKey,
    pub(crate) partner_account: Option<String>,
    pub(crate) retry: RetryPolicy,
    pub(crate) auto_idempotency_keys: bool,
    pub(crate) max_response_bytes: usize,
    pub(crate) http: reqwest::Client,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("environment", &self.environment)
            .field("api_key", &self.api_key)
            .field("partner_account", &self.partner_account)
            .field("retry", &self.retry)
            .field("auto_idempotency_keys", &self.auto_idempotency_keys)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

/// The default limit on response bodies: 16 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

impl ClientConfig {
    /// Starts a configuration for `environment`, authenticating with `api_key`.
    pub fn builder(environment: Environment, api_key: ApiKey) -> ClientConfigBuilder {
        ClientConfigBuilder {
            environment,
            api_key,
            partner_account: None,
            retry: RetryPolicy::default(),
            auto_idempotency_keys: true,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            identity: None,
            http: None,
        }
    }
}

/// Builder for [`ClientConfig`].
pub struct ClientConfigBuilder {
    environment: Environment,
    api_key: ApiKey,
    partner_account: Option<String>,
    retry: RetryPolicy,
    auto_idempotency_keys: bool,
    max_response_bytes: usize,
    connect_timeout: Duration,
    timeout: Duration,
    identity: Option<reqwest::Identity>,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for ClientConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfigBuilder")
            .field("environment", &self.environment)
            .field("api_key", &self.api_key)
            .field("partner_account", &self.partner_account)
            .finish_non_exhaustive()
    }
}

impl ClientConfigBuilder {
    /// Acts on behalf of another account (`Klarna-Partner-Account`), on the
    /// operations whose security allows it.
    pub fn partner_account(mut self, account_id: impl Into<String>) -> Self {
        self.partner_account = Some(account_id.into());
        self
    }

    /// Replaces the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Whether POST and PATCH calls without a caller-given idempotency key get
    /// a fresh random one (default: yes). Without a key they are never retried.
    pub fn auto_idempotency_keys(mut self, enabled: bool) -> Self {
        self.auto_idempotency_keys = enabled;
        self
    }

    /// The largest response body read (default 16 MiB); a longer one is
    /// `ClientError::ResponseTooLarge` instead of unbounded memory use.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// The connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The timeout of one whole attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// A client certificate and key for mTLS, as PEM (certificate chain and
    /// private key in one buffer).
    pub fn mtls_identity_pem(mut self, pem: &[u8]) -> Result<Self, ClientError> {
        let identity =
            reqwest::Identity::from_pem(pem).map_err(|e| ClientError::Config(format!("invalid mTLS identity: {e}")))?;
        self.identity = Some(identity);
        Ok(self)
    }

    /// Uses your own reqwest client; timeouts and mTLS set here are then
    /// yours to configure on it.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Finishes the configuration.
    pub fn build(self) -> Result<ClientConfig, ClientError> {
        let http = match self.http {
            Some(client) => client,
            None => {
                let mut builder = reqwest::Client::builder()
                    .connect_timeout(self.connect_timeout)
                    .timeout(self.timeout)
                    .min_tls_version(reqwest::tls::Version::TLS_1_2)
                    .user_agent(concat!("klarna-generated/", env!("CARGO_PKG_VERSION")));
                if let Some(identity) = self.identity {
                    builder = builder.identity(identity);
                }
                builder.build().map_err(|e| ClientError::Config(format!("cannot build the HTTP client: {e}")))?
            }
        };
        Ok(ClientConfig {
            environment: self.environment,
            api_key: self.api_key,
            partner_account: self.partner_account,
            retry: self.retry,
            auto_idempotency_keys: self.auto_idempotency_keys,
            max_response_bytes: self.max_response_bytes,
            http,
        })
    }
}
