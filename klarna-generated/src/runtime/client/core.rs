//! Sending a request: URL building, authentication, idempotency, retries.

use std::sync::Arc;

use reqwest::header::{HeaderName, HeaderValue};

use super::config::{ClientConfig, Environment};
use super::error::ClientError;
use super::request::{CallOptions, RequestSpec};
use super::response::RawResponse;
use super::retry;

/// The shared core of a generated API client. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Core {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: ClientConfig,
    base_url: url::Url,
}

impl Core {
    /// A core for an API whose live and test base URLs come from its spec.
    pub fn new(config: ClientConfig, live_url: Option<&str>, test_url: Option<&str>) -> Result<Self, ClientError> {
        let base = match &config.environment {
            Environment::Live => live_url.ok_or_else(|| ClientError::Config("the spec names no live server".into()))?,
            Environment::Test => test_url.ok_or_else(|| ClientError::Config("the spec names no test server".into()))?,
            Environment::Custom(url) => url.as_str(),
        };
        let base_url =
            url::Url::parse(base).map_err(|e| ClientError::Config(format!("invalid base URL {base:?}: {e}")))?;
        if base_url.cannot_be_a_base() {
            return Err(ClientError::Config(format!("{base:?} cannot be a base URL")));
        }
        Ok(Core { inner: Arc::new(Inner { config, base_url }) })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    fn url(&self, spec: &RequestSpec) -> Result<url::Url, ClientError> {
        let mut url = self.inner.base_url.clone();
        {
            let mut segments =
                url.path_segments_mut().map_err(|()| ClientError::Config("base URL cannot take a path".into()))?;
            segments.pop_if_empty();
            segments.extend(&spec.segments);
        }
        if !spec.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &spec.query {
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
    ) -> Result<reqwest::header::HeaderMap, ClientError> {
        let config = &self.inner.config;
        let mut headers = reqwest::header::HeaderMap::new();
        let mut put = |name: &str, value: &str| -> Result<(), ClientError> {
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| ClientError::InvalidHeader { name: name.to_owned() })?;
            let mut value =
                HeaderValue::from_str(value).map_err(|_| ClientError::InvalidHeader { name: name.to_owned() })?;
            if name == "Authorization" {
                value.set_sensitive(true);
            }
            headers.append(header, value);
            Ok(())
        };
        put("Authorization", &config.api_key.authorization())?;
        if spec.partner_account_allowed {
            if let Some(account) = &config.partner_account {
                put("Klarna-Partner-Account", account)?;
            }
        }
        if let Some(key) = key {
            put("Klarna-Idempotency-Key", key)?;
        }
        if let Some(id) = &options.correlation_id {
            put("Partner-Correlation-Id", id)?;
        }
        for (name, value) in &spec.headers {
            put(name, value)?;
        }
        if spec.body.is_some() {
            put("Content-Type", "application/json")?;
        }
        put("Accept", "application/json")?;
        Ok(headers)
    }

    /// Sends `spec`, retrying as the policy allows, and reads the response.
    ///
    /// A POST or PATCH carries the caller's idempotency key or a fresh one;
    /// the same key goes with every retry. Without a key such a call is
    /// never retried.
    pub async fn execute(&self, spec: RequestSpec, options: CallOptions) -> Result<RawResponse, ClientError> {
        let mut found = Vec::new();
        options.check(&mut found);
        crate::runtime::Violations::check(found).map_err(ClientError::InvalidRequest)?;
        let config = &self.inner.config;
        let key = if spec.method.takes_idempotency_key() {
            options
                .idempotency_key
                .clone()
                .or_else(|| config.auto_idempotency_keys.then(|| uuid::Uuid::new_v4().to_string()))
        } else {
            None
        };
        let retryable = !spec.method.takes_idempotency_key() || key.is_some();
        let url = self.url(&spec)?;
        let headers = self.headers(&spec, &options, key.as_deref())?;
        let mut delays = retry::delays(&config.retry);
        loop {
            let mut request = config.http.request(spec.method.as_reqwest(), url.clone()).headers(headers.clone());
            if let Some(body) = &spec.body {
                request = request.body(body.clone());
            }
            let wait = match request.send().await {
                Ok(response) if retryable && retry::is_retryable_status(response.status().as_u16()) => {
                    match delays.next() {
                        Some(delay) => {
                            let asked = retry::server_delay(response.headers(), config.retry.max_server_delay);
                            asked.map_or(delay, |asked| asked.max(delay))
                        }
                        None => return RawResponse::read(response, config.max_response_bytes).await,
                    }
                }
                Ok(response) => return RawResponse::read(response, config.max_response_bytes).await,
                Err(error) if retryable && (error.is_connect() || error.is_timeout()) => match delays.next() {
                    Some(delay) => delay,
                    None => return Err(ClientError::Transport(error)),
                },
                Err(error) => return Err(ClientError::Transport(error)),
            };
            tokio::time::sleep(wait).await;
        }
    }
}
