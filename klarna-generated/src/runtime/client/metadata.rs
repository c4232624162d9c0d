//! What a response said besides its body: status, headers, correlation id,
//! rate limits, and how the call went (idempotency key, attempts).

/// The metadata of a response, on success and on error.
///
/// Header values are as received, capped, with every secret of the call
/// scrubbed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// The HTTP status.
    pub status: u16,
    /// The response headers (names in lower case), in the order received.
    pub headers: Vec<(String, String)>,
    /// The server's correlation id, if it sent one: quote it to Klarna support.
    pub correlation_id: Option<String>,
    /// `X-Ratelimit-*` values, when the server sent them.
    pub rate_limit: RateLimit,
    /// The `Klarna-Idempotency-Key` the call carried (yours or a generated one).
    pub idempotency_key: Option<String>,
    /// How many attempts the call took (1 when it was not retried).
    pub attempts: u32,
}

impl ResponseMeta {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(known, _)| known.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }
}

/// The rate-limit headers of a response.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// `X-Ratelimit-Limit`: requests allowed in the window.
    pub limit: Option<u64>,
    /// `X-Ratelimit-Remaining`: requests left in the window.
    pub remaining: Option<u64>,
    /// `X-Ratelimit-Reset`: seconds until the window resets.
    pub reset_seconds: Option<u64>,
}

impl RateLimit {
    /// Reads the rate-limit values from response headers.
    pub(crate) fn from_headers(headers: &[(String, String)]) -> Self {
        let number = |name: &str| {
            headers
                .iter()
                .find(|(known, _)| known.eq_ignore_ascii_case(name))
                .and_then(|(_, value)| value.trim().parse::<u64>().ok())
        };
        RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            reset_seconds: number("x-ratelimit-reset"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rate_limits_and_headers_in_any_case() {
        let headers = vec![
            ("x-ratelimit-limit".to_owned(), "100".to_owned()),
            ("X-RateLimit-Remaining".to_owned(), " 7 ".to_owned()),
            ("x-ratelimit-reset".to_owned(), "soon".to_owned()),
        ];
        let limits = RateLimit::from_headers(&headers);
        assert_eq!(limits, RateLimit { limit: Some(100), remaining: Some(7), reset_seconds: None });
        let meta = ResponseMeta { headers, ..ResponseMeta::default() };
        assert_eq!(meta.header("X-RATELIMIT-LIMIT"), Some("100"));
        assert_eq!(meta.header("missing"), None);
    }
}
