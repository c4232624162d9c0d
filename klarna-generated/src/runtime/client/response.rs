//! A received response, and turning it into a documented outcome or an error.

use serde::de::DeserializeOwned;

use super::error::{BodySnippet, ClientError};

/// Headers that may carry the server's correlation id, in order of preference.
const CORRELATION_HEADERS: &[&str] = &["klarna-correlation-id", "correlation-id", "partner-correlation-id"];

/// A response as received: status, content type, correlation id and body.
#[derive(Debug, Clone)]
pub struct RawResponse {
    status: u16,
    content_type: Option<String>,
    correlation_id: Option<String>,
    body: Vec<u8>,
}

impl RawResponse {
    /// Reads a response, refusing bodies longer than `limit` bytes.
    pub(crate) async fn read(mut response: reqwest::Response, limit: usize) -> Result<Self, ClientError> {
        let status = response.status().as_u16();
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let content_type = header("content-type");
        let correlation_id = CORRELATION_HEADERS.iter().find_map(|name| header(name));
        let too_large = || ClientError::ResponseTooLarge { status, limit, correlation_id: correlation_id.clone() };
        if response.content_length().is_some_and(|length| length > limit as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(ClientError::Transport)? {
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(RawResponse { status, content_type, correlation_id, body })
    }

    /// The status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The server's correlation id, if it sent one.
    pub fn correlation_id(&self) -> Option<&str> {
        self.correlation_id.as_deref()
    }

    /// Decodes the JSON body of a documented status as `T`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        let is_json = self.content_type.as_deref().is_some_and(|ct| {
            let essence = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
            essence == "application/json" || essence.ends_with("+json")
        });
        if !is_json {
            return Err(ClientError::UnexpectedContentType {
                status: self.status,
                content_type: self.content_type.clone(),
                body: BodySnippet::new(&self.body),
                correlation_id: self.correlation_id.clone(),
            });
        }
        serde_json::from_slice(&self.body).map_err(|e| ClientError::Decode {
            status: self.status,
            reason: e.to_string(),
            body: BodySnippet::new(&self.body),
            correlation_id: self.correlation_id.clone(),
        })
    }

    /// The error for a status the operation does not document.
    pub fn unexpected_status(&self) -> ClientError {
        ClientError::UnexpectedStatus {
            status: self.status,
            body: BodySnippet::new(&self.body),
            correlation_id: self.correlation_id.clone(),
        }
    }
}
