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

/// The wait a response asks for, in whole seconds, from `Retry-After` or
/// `X-Ratelimit-Reset`, capped at `cap`.
pub(crate) fn server_delay(headers: &reqwest::header::HeaderMap, cap: Duration) -> Option<Duration> {
    ["retry-after", "x-ratelimit-reset"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok()?.trim().parse::<u64>().ok())
        .map(|seconds| Duration::from_secs(seconds).min(cap))
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
}
