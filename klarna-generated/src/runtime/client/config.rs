//! Client configuration: environment, credentials, timeouts, retries, mTLS.
//!
//! Everything is checked when the configuration is built: the base URL
//! (see `base_url`), credentials that can be sent and a partner account
//! of visible ASCII.

use std::fmt;
use std::time::Duration;

use super::base_url;
use super::credentials::Credentials;
use super::error::ClientError;
use super::redact::REDACTED;

/// Which Klarna environment to talk to. Test and live are separate: test keys
/// work only in test, live keys only in live.
///
/// `Debug` never shows a password written into a custom URL (such a URL
/// is refused when the configuration is built).
#[derive(Clone, PartialEq, Eq)]
pub enum Environment {
    /// The live (production) environment, from the spec's `live:` server.
    Live,
    /// The test environment, from the spec's `test:` server.
    Test,
    /// Any base URL, such as a local mock server.
    Custom(String),
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Environment::Live => f.write_str("Live"),
            Environment::Test => f.write_str("Test"),
            Environment::Custom(url) => {
                let shown = match url.rsplit_once('@') {
                    Some((_, host)) => format!("{REDACTED}@{host}"),
                    None => url.clone(),
                };
                f.debug_tuple("Custom").field(&shown).finish()
            }
        }
    }
}

/// How failed calls are retried: bounded exponential backoff with jitter.
///
/// Retried: HTTP 429 and 503, and transport failures (connection refused or
/// reset, timeouts, a body cut off), before or after the request was sent,
/// when the call is safe to repeat: GET, PUT and DELETE always, POST and
/// PATCH only with an idempotency key. `Retry-After` and `X-Ratelimit-Reset`
/// are honoured; when the server asks for longer than `max_server_delay`,
/// or longer than the call's deadline leaves, its response is returned at
/// once. Every wait counts against the call's deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 turns retrying off.
    pub max_retries: usize,
    /// The first backoff delay.
    pub min_delay: Duration,
    /// The largest backoff delay; jitter never exceeds it.
    pub max_delay: Duration,
    /// The longest wait a server's `Retry-After` or reset header can ask
    /// for; a longer request returns the response without retrying.
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
    pub(crate) credentials: Credentials,
    pub(crate) partner_account: Option<String>,
    pub(crate) retry: RetryPolicy,
    pub(crate) deadline: Duration,
    pub(crate) auto_idempotency_keys: bool,
    pub(crate) max_response_bytes: usize,
    pub(crate) http: reqwest::Client,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("environment", &self.environment)
            .field("credentials", &self.credentials)
            .field("partner_account", &self.partner_account.as_ref().map(|_| REDACTED))
            .field("retry", &self.retry)
            .field("deadline", &self.deadline)
            .field("auto_idempotency_keys", &self.auto_idempotency_keys)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

/// The default limit on response bodies: 16 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// The default deadline of one call, every attempt and wait included: 60 s.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);

/// The longest partner account id accepted, in bytes.
const PARTNER_ACCOUNT_LIMIT: usize = 255;

impl ClientConfig {
    /// Starts a configuration for `environment`, authenticating with
    /// `credentials`: an `ApiKey` (for Klarna's APIs, and any API whose
    /// operations need one key) or `Credentials` by security scheme.
    pub fn builder(environment: Environment, credentials: impl Into<Credentials>) -> ClientConfigBuilder {
        ClientConfigBuilder {
            environment,
            credentials: credentials.into(),
            partner_account: None,
            retry: RetryPolicy::default(),
            deadline: DEFAULT_DEADLINE,
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
    credentials: Credentials,
    partner_account: Option<String>,
    retry: RetryPolicy,
    deadline: Duration,
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
            .field("credentials", &self.credentials)
            .field("partner_account", &self.partner_account.as_ref().map(|_| REDACTED))
            .finish_non_exhaustive()
    }
}

impl ClientConfigBuilder {
    /// Acts on behalf of another account (`Klarna-Partner-Account`). Calling
    /// an operation whose security does not allow it is refused with
    /// `ClientError::PartnerAccountNotAllowed` (nothing is sent), so a call
    /// never silently acts on your own account instead; use a client
    /// without a partner account for those operations. The value must be
    /// non-empty visible ASCII without spaces, at most 255 bytes, and is
    /// never printed.
    pub fn partner_account(mut self, account_id: impl Into<String>) -> Self {
        self.partner_account = Some(account_id.into());
        self
    }

    /// Replaces the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The deadline of one whole call, every attempt and every wait between
    /// attempts included (default 60 s); `CallOptions::with_deadline`
    /// overrides it for one call. A call that reaches it ends with
    /// `ClientError::DeadlineExceeded`.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
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
    /// yours to configure on it. Build it with
    /// `redirect(reqwest::redirect::Policy::none())`: a client that follows
    /// redirects has already sent the request on when the answer comes back
    /// (which is then refused as `ClientError::Redirect`).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Finishes the configuration, checking the credentials, the partner
    /// account and a custom base URL. (Whether each credential fits its
    /// security scheme is checked when a client is made with it.)
    pub fn build(self) -> Result<ClientConfig, ClientError> {
        self.credentials.check()?;
        if let Some(account) = &self.partner_account {
            let visible = account.bytes().all(|b| b.is_ascii_graphic());
            if account.is_empty() || account.len() > PARTNER_ACCOUNT_LIMIT || !visible {
                return Err(ClientError::Config(format!(
                    "the partner account must be 1 to {PARTNER_ACCOUNT_LIMIT} bytes of visible ASCII without spaces"
                )));
            }
        }
        if let Environment::Custom(url) = &self.environment {
            base_url::parse(url)?;
        }
        let http = match self.http {
            Some(client) => client,
            None => {
                let mut builder = reqwest::Client::builder()
                    .connect_timeout(self.connect_timeout)
                    .timeout(self.timeout)
                    .redirect(reqwest::redirect::Policy::none())
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
            credentials: self.credentials,
            partner_account: self.partner_account,
            retry: self.retry,
            deadline: self.deadline,
            auto_idempotency_keys: self.auto_idempotency_keys,
            max_response_bytes: self.max_response_bytes,
            http,
        })
    }
}
