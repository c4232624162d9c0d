//! One attempt of a call: send it, refuse any redirect, read the body.

use super::error::{ClientError, HEADER_TEXT_LIMIT};
use super::redact::Redactor;
use super::response::RawResponse;

/// One attempt of a call: send, refuse redirects, read the body.
pub(crate) struct Attempt<'a> {
    pub(crate) http: &'a reqwest::Client,
    pub(crate) max_response_bytes: usize,
    pub(crate) method: reqwest::Method,
    pub(crate) url: &'a url::Url,
    pub(crate) headers: &'a reqwest::header::HeaderMap,
    pub(crate) body: Option<&'a [u8]>,
    pub(crate) secrets: &'a Redactor,
}

impl Attempt<'_> {
    pub(crate) async fn run(&self) -> Result<RawResponse, ClientError> {
        let mut request = self.http.request(self.method.clone(), self.url.clone()).headers(self.headers.clone());
        if let Some(body) = self.body {
            request = request.body(body.to_vec());
        }
        let response = request.send().await.map_err(|e| ClientError::Transport(e.without_url()))?;
        if response.url() != self.url {
            // A custom HTTP client followed a redirect.
            return Err(ClientError::Redirect {
                status: response.status().as_u16(),
                location: Some(self.secrets.scrub_capped(response.url().as_str(), HEADER_TEXT_LIMIT)),
                correlation_id: None,
            });
        }
        RawResponse::read(response, self.max_response_bytes, self.secrets).await
    }
}
