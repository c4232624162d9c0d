//! Retry timing: exponential backoff with jitter (from `backon`), stretched
//! to what the server asks for in `Retry-After` or `X-Ratelimit-Reset`.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

use super::config::RetryPolicy;

/// The delays before each retry a policy allows, in order.
pub(crate) fn delays(policy: &RetryPolicy) -> impl Iterator<Item = Duration> {
    let mut builder = ExponentialBuilder::new()
        .with_min_delay(policy.min_delay)
        .with_max_delay(policy.max_delay)
        .with_max_times(policy.max_retries);
    if policy.jitter {
        builder = builder.with_jitter();
    }
    builder.build()
}

/// Statuses worth retrying: rate limited, temporarily unavailable.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 503)
}

/// The wait a response asks for, capped at `cap`: `Retry-After` in seconds
/// or as an HTTP date, else `X-Ratelimit-Reset` in seconds.
pub(crate) fn server_delay(headers: &reqwest::header::HeaderMap, cap: Duration) -> Option<Duration> {
    let text = |name: &str| headers.get(name)?.to_str().ok().map(str::trim);
    let retry_after = text("retry-after").and_then(|value| match value.parse::<u64>() {
        Ok(seconds) => Some(Duration::from_secs(seconds)),
        Err(_) => {
            let at = httpdate::parse_http_date(value).ok()?;
            Some(at.duration_since(std::time::SystemTime::now()).unwrap_or(Duration::ZERO))
        }
    });
    let reset = || text("x-ratelimit-reset")?.parse::<u64>().ok().map(Duration::from_secs);
    retry_after.or_else(reset).map(|delay| delay.min(cap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_are_bounded_in_count_and_size() {
        let policy = RetryPolicy { max_retries: 4, jitter: false, ..RetryPolicy::default() };
        let all: Vec<Duration> = delays(&policy).collect();
        assert_eq!(all.len(), 4);
        assert!(all.windows(2).all(|w| w[0] <= w[1]), "{all:?}");
        assert!(all.iter().all(|d| *d <= policy.max_delay));
        assert_eq!(delays(&RetryPolicy::none()).count(), 0);
    }

    #[test]
    fn server_delay_prefers_retry_after_and_is_capped() {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-ratelimit-reset", "7".parse().unwrap());
        assert_eq!(server_delay(&headers, Duration::from_secs(60)), Some(Duration::from_secs(7)));
        headers.insert("retry-after", "120".parse().unwrap());
        assert_eq!(server_delay(&headers, Duration::from_secs(60)), Some(Duration::from_secs(60)));
        assert_eq!(server_delay(&reqwest::header::HeaderMap::new(), Duration::from_secs(60)), None);
    }

    #[test]
    fn retry_after_may_be_an_http_date() {
        let mut headers = reqwest::header::HeaderMap::new();
        let soon = std::time::SystemTime::now() + Duration::from_secs(30);
        headers.insert("retry-after", httpdate::fmt_http_date(soon).parse().unwrap());
        let delay = server_delay(&headers, Duration::from_secs(60)).unwrap();
        assert!(delay > Duration::from_secs(25) && delay <= Duration::from_secs(30), "{delay:?}");
        headers.insert("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap());
        assert_eq!(server_delay(&headers, Duration::from_secs(60)), Some(Duration::ZERO), "a past date means now");
    }
}
