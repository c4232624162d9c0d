//! Sending a request: URL building, authentication, idempotency, retries
//! within the call's deadline.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use tokio::time::Instant;

use super::attempt::Attempt;
use super::config::{ClientConfig, Environment, RetryPolicy};
use super::error::ClientError;
use super::redact::Redactor;
use super::request::{CallOptions, RequestSpec};
use super::response::RawResponse;
use super::security::{Placement, Security, SecurityScheme};
use super::{base_url, retry, segment, trace};

/// Stands for "no deadline" when a configured one cannot be represented.
const FAR_FUTURE: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// The shared core of a generated API client. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Core {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: ClientConfig,
    base_url: url::Url,
    /// The credential of each of the API's security schemes configured.
    security: Security,
    /// The client's own secrets: credentials and partner account.
    secrets: Redactor,
}

impl Core {
    /// A core for an API whose live and test base URLs and security
    /// schemes come from its spec. A credential named after none of
    /// `schemes`, or of the wrong kind for its scheme, is refused.
    pub fn new(
        config: ClientConfig,
        live_url: Option<&str>,
        test_url: Option<&str>,
        schemes: &'static [SecurityScheme],
    ) -> Result<Self, ClientError> {
        let base = match &config.environment {
            Environment::Live => live_url.ok_or_else(|| ClientError::Config("the spec names no live server".into()))?,
            Environment::Test => test_url.ok_or_else(|| ClientError::Config("the spec names no test server".into()))?,
            Environment::Custom(url) => url.as_str(),
        };
        let base_url = base_url::parse(base)?;
        let security = Security::new(schemes, &config.credentials)?;
        let mut secrets = Redactor::default();
        for secret in config.credentials.secrets() {
            secrets.add(secret);
        }
        if let Some(account) = &config.partner_account {
            secrets.add(account);
        }
        Ok(Core { inner: Arc::new(Inner { config, base_url, security, secrets }) })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    /// The URL of `spec`: every segment percent-encoded below the base
    /// path, then the query with the credentials that go there.
    fn url(&self, spec: &RequestSpec, credentials: &[Placement]) -> Result<url::Url, ClientError> {
        let mut found = Vec::new();
        let mut path = self.inner.base_url.path().trim_end_matches('/').to_owned();
        for (index, value) in spec.segments.iter().enumerate() {
            if !value.fixed {
                segment::check(&value.text, &crate::runtime::Path::Root.field("path").index(index), &mut found);
            }
            path.push('/');
            path.push_str(&value.encoded);
        }
        crate::runtime::Violations::check(found).map_err(ClientError::InvalidRequest)?;
        let mut url = self.inner.base_url.clone();
        url.set_path(&path);
        if url.path() != path {
            // Cannot happen with encoded segments; refuse rather than send elsewhere.
            return Err(ClientError::Config("the request path would be rewritten by URL normalisation".into()));
        }
        let in_query: Vec<(&str, &str)> = credentials
            .iter()
            .filter_map(|placement| match placement {
                Placement::Query(name, value) => Some((*name, value.as_str())),
                _ => None,
            })
            .collect();
        if !spec.query.is_empty() || !in_query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &spec.query {
                pairs.append_pair(name, value);
            }
            for (name, value) in in_query {
                pairs.append_pair(name, value);
            }
        }
        Ok(url)
    }

    fn headers(
        &self,
        spec: &RequestSpec,
        options: &CallOptions,
        key: Option<&str>,
        credentials: &[Placement],
    ) -> Result<reqwest::header::HeaderMap, ClientError> {
        let config = &self.inner.config;
        let mut headers = reqwest::header::HeaderMap::new();
        let mut put = |name: &str, value: &str, sensitive: bool| -> Result<(), ClientError> {
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| ClientError::InvalidHeader { name: name.to_owned() })?;
            let mut value =
                HeaderValue::from_str(value).map_err(|_| ClientError::InvalidHeader { name: name.to_owned() })?;
            value.set_sensitive(sensitive);
            headers.append(header, value);
            Ok(())
        };
        let mut cookies = Vec::new();
        for placement in credentials {
            match placement {
                Placement::Header(name, value) => put(name, value, true)?,
                Placement::Cookie(pair) => cookies.push(pair.as_str()),
                Placement::Query(..) => {}
            }
        }
        if let (Some(name), Some(account)) = (spec.partner_account_header, &config.partner_account) {
            put(name, account, true)?;
        }
        if let (Some(name), Some(key)) = (spec.idempotency_header, key) {
            put(name, key, false)?;
        }
        if let (Some(name), Some(id)) = (spec.correlation_header, &options.correlation_id) {
            put(name, id, false)?;
        }
        // One `Cookie` header: the operation's cookies, then the credentials'.
        for (name, value) in &spec.headers {
            if !cookies.is_empty() && name.eq_ignore_ascii_case("cookie") {
                put(name, &format!("{value}; {}", cookies.join("; ")), true)?;
                cookies.clear();
            } else {
                put(name, value, spec.secrets.scrub(value) != *value)?;
            }
        }
        if !cookies.is_empty() {
            put("Cookie", &cookies.join("; "), true)?;
        }
        for (name, value) in &options.headers {
            put(name, value, false)?;
        }
        if let (Some(_), Some(content_type)) = (&spec.body, &spec.content_type) {
            put("Content-Type", content_type, false)?;
        }
        put("Accept", spec.accept, false)?;
        Ok(headers)
    }

    /// Sends `spec`, retrying as the policy allows within the call's
    /// deadline, and reads the response.
    ///
    /// A POST or PATCH carries the caller's idempotency key or a fresh one;
    /// the same key goes with every retry. Without a key such a call is
    /// never retried. Nothing is sent when the options are invalid, the
    /// client's partner account is not allowed on the operation, or none
    /// of the operation's security alternatives is configured.
    pub async fn execute(&self, spec: RequestSpec, options: CallOptions) -> Result<RawResponse, ClientError> {
        #[cfg(feature = "tracing")]
        {
            let method = spec.method.as_reqwest();
            let span = trace::call_span(spec.operation, method.as_str(), spec.path_template);
            let result = tracing::Instrument::instrument(self.run(spec, options), span.clone()).await;
            let status = result.as_ref().map(|r| r.status()).ok().or_else(|| result.as_ref().err()?.status());
            trace::finished(&span, status, result.as_ref().map_or(0, |r| r.attempts()));
            result
        }
        #[cfg(not(feature = "tracing"))]
        self.run(spec, options).await
    }

    async fn run(&self, spec: RequestSpec, options: CallOptions) -> Result<RawResponse, ClientError> {
        let mut found = Vec::new();
        options.check(&mut found);
        // An extra header may not replace one of the operation's parameters
        // or set a credential.
        for (name, _) in &options.headers {
            let own = spec.headers.iter().any(|(own, _)| own.eq_ignore_ascii_case(name));
            if own || self.inner.security.reserves(name) {
                let root = crate::runtime::Path::Root;
                let options_at = root.field("options");
                let headers_at = options_at.field("headers");
                let pointer = headers_at.field(name).to_pointer();
                found.push(crate::runtime::Violation { pointer, rule: crate::runtime::Rule::HeaderName });
            }
        }
        crate::runtime::Violations::check(found).map_err(ClientError::InvalidRequest)?;
        let config = &self.inner.config;
        if config.partner_account.is_some() && spec.partner_account_header.is_none() {
            return Err(ClientError::PartnerAccountNotAllowed { operation: spec.operation });
        }
        if options.correlation_id.is_some() && spec.correlation_header.is_none() {
            return Err(ClientError::Config(format!(
                "operation {} takes no correlation id; nothing was sent",
                spec.operation
            )));
        }
        let credentials = self.inner.security.choose(spec.operation, spec.security)?;
        let key = if spec.idempotency_header.is_some() {
            options
                .idempotency_key
                .clone()
                .or_else(|| config.auto_idempotency_keys.then(|| uuid::Uuid::new_v4().to_string()))
        } else {
            None
        };
        let repeatable = spec.method.is_idempotent() || key.is_some();
        let url = self.url(&spec, &credentials)?;
        let headers = self.headers(&spec, &options, key.as_deref(), &credentials)?;
        let mut secrets = self.inner.secrets.clone();
        secrets.extend(&spec.secrets);
        let attempt = Attempt {
            http: &config.http,
            max_response_bytes: config.max_response_bytes,
            method: spec.method.as_reqwest(),
            url: &url,
            headers: &headers,
            body: spec.body.as_deref(),
            secrets: &secrets,
        };
        let budget = options.deadline.unwrap_or(config.deadline);
        // A deadline too far to represent means none.
        let deadline = Instant::now().checked_add(budget).unwrap_or_else(|| Instant::now() + FAR_FUTURE);
        let policy = options.retry.as_ref().unwrap_or(&config.retry);
        let mut delays = retry::delays(policy);
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            let result = match tokio::time::timeout_at(deadline, attempt.run()).await {
                Ok(result) => result.map(|response| response.with_call(key.clone(), attempts)),
                Err(_) => return Err(ClientError::DeadlineExceeded { deadline: budget }),
            };
            let Some(wait) = repeatable.then(|| Self::retry_wait(policy, &result, &mut delays)).flatten() else {
                return result;
            };
            if wait >= deadline.saturating_duration_since(Instant::now()) {
                return result;
            }
            let reason = match &result {
                Ok(response) => trace::RetryReason::Status(response.status()),
                Err(_) => trace::RetryReason::Transport,
            };
            trace::retrying(attempts, &reason, wait);
            tokio::time::sleep(wait).await;
        }
    }

    /// How long to wait before retrying after `result`, or `None` to stop
    /// (not retryable, retries used up, or the server asks for longer than
    /// the policy allows).
    fn retry_wait(
        policy: &RetryPolicy,
        result: &Result<RawResponse, ClientError>,
        delays: &mut impl Iterator<Item = Duration>,
    ) -> Option<Duration> {
        match result {
            Ok(response) if retry::is_retryable_status(response.status()) => {
                let backoff = delays.next()?;
                match response.retry_after() {
                    Some(asked) if asked > policy.max_server_delay => None,
                    Some(asked) => Some(asked.max(backoff)),
                    None => Some(backoff),
                }
            }
            Err(ClientError::Transport(error)) if !error.is_builder() => delays.next(),
            _ => None,
        }
    }
}
