//! Which base URLs a client may call: https only (plain http only on the
//! loopback interface, for local tests), no user info, query or fragment.

use url::{Host, Url};

use super::error::ClientError;

/// Parses and checks a base URL. Errors never repeat the URL, which might
/// hold a password.
pub(crate) fn parse(text: &str) -> Result<Url, ClientError> {
    let fail = |reason: &str| Err(ClientError::Config(format!("base URL refused: {reason}")));
    let url = match Url::parse(text) {
        Ok(url) => url,
        Err(error) => return fail(&format!("not a URL ({error})")),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return fail("it carries user info (credentials go in ClientConfig, never in the URL)");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return fail("it carries a query or fragment");
    }
    if url.cannot_be_a_base() {
        return fail("it cannot take a path");
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => fail("plain http is only allowed to the loopback interface"),
        _ => fail("only https is allowed"),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_and_loopback_http_are_accepted() {
        for ok in [
            "https://api-global.test.klarna.com",
            "https://example.com/base/",
            "http://127.0.0.1:4010",
            "http://[::1]:8080",
            "http://localhost:1",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn everything_else_is_refused_without_echoing_it() {
        for bad in [
            "http://example.com",
            "file:///etc/passwd",
            "ftp://example.com",
            "https://user:hunter2@example.com",
            "https://example.com/?a=1",
            "https://example.com/#x",
            "mailto:a@example.com",
            "not a url hunter2",
        ] {
            let error = parse(bad).unwrap_err().to_string();
            assert!(!error.contains("hunter2") && !error.contains(bad), "{bad}: {error}");
        }
    }
}
