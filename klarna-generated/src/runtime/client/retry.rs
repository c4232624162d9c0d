//! Retry timing: exponential backoff (from `backon`) with jitter that stays
//! within `max_delay`, and the wait a server asks for in `Retry-After` or
//! `X-Ratelimit-Reset`.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

use super::config::RetryPolicy;

/// The delays before each retry a policy allows, in order. With jitter each
/// delay is drawn from the upper half of its exponential step, so it never
/// exceeds `max_delay`.
pub(crate) fn delays(policy: &RetryPolicy) -> impl Iterator<Item = Duration> {
    let steps = ExponentialBuilder::new()
        .with_min_delay(policy.min_delay)
        .with_max_delay(policy.max_delay)
        .with_max_times(policy.max_retries)
        .build();
    let jitter = policy.jitter;
    steps.map(move |step| if jitter { jittered(step) } else { step })
}

/// A random duration between half of `step` and `step`, in whole
/// nanoseconds (no float rounding, so no overflow even for `Duration::MAX`).
fn jittered(step: Duration) -> Duration {
    let off = fastrand::u128(0..=step.as_nanos() / 2);
    let off = Duration::new((off / 1_000_000_000) as u64, (off % 1_000_000_000) as u32);
    step - off
}

/// Statuses worth retrying: rate limited, temporarily unavailable.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 503)
}

/// The wait a response asks for: `Retry-After` in seconds or as an HTTP
/// date, else `X-Ratelimit-Reset` in seconds. Not capped: the caller
/// decides whether it is worth waiting for.
pub(crate) fn server_delay(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let text = |name: &str| headers.get(name)?.to_str().ok().map(str::trim);
    let retry_after = text("retry-after").and_then(|value| match value.parse::<u64>() {
        Ok(seconds) => Some(Duration::from_secs(seconds)),
        Err(_) => {
            let at = httpdate::parse_http_date(value).ok()?;
            Some(at.duration_since(std::time::SystemTime::now()).unwrap_or(Duration::ZERO))
        }
    });
    let reset = || text("x-ratelimit-reset")?.parse::<u64>().ok().map(Duration::from_secs);
    retry_after.or_else(reset)
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
    fn jitter_stays_within_max_delay_and_varies() {
        let policy = RetryPolicy {
            max_retries: 50,
            min_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(400),
            jitter: true,
            ..RetryPolicy::default()
        };
        let all: Vec<Duration> = (0..20).flat_map(|_| delays(&policy)).collect();
        assert!(all.iter().all(|d| *d <= policy.max_delay && *d >= policy.min_delay / 2), "{all:?}");
        let capped: Vec<&Duration> = all.iter().filter(|d| **d >= Duration::from_millis(200)).collect();
        assert!(capped.windows(2).any(|w| w[0] != w[1]), "jitter varies the delays: {capped:?}");
    }

    #[test]
    fn jitter_never_overflows() {
        for step in [Duration::ZERO, Duration::from_nanos(1), Duration::MAX] {
            let delay = jittered(step);
            assert!(delay <= step && delay >= step / 2, "{step:?} -> {delay:?}");
        }
    }

    #[test]
    fn server_delay_prefers_retry_after_and_is_not_capped() {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-ratelimit-reset", "7".parse().unwrap());
        assert_eq!(server_delay(&headers), Some(Duration::from_secs(7)));
        headers.insert("retry-after", "120".parse().unwrap());
        assert_eq!(server_delay(&headers), Some(Duration::from_secs(120)));
        headers.insert("retry-after", "99999999999999999999".parse().unwrap());
        assert_eq!(server_delay(&headers), Some(Duration::from_secs(7)), "an unparsable value is ignored");
        assert_eq!(server_delay(&reqwest::header::HeaderMap::new()), None);
    }

    #[test]
    fn retry_after_may_be_an_http_date() {
        let mut headers = reqwest::header::HeaderMap::new();
        let soon = std::time::SystemTime::now() + Duration::from_secs(30);
        headers.insert("retry-after", httpdate::fmt_http_date(soon).parse().unwrap());
        let delay = server_delay(&headers).unwrap();
        assert!(delay > Duration::from_secs(25) && delay <= Duration::from_secs(30), "{delay:?}");
        headers.insert("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap());
        assert_eq!(server_delay(&headers), Some(Duration::ZERO), "a past date means now");
    }
}
