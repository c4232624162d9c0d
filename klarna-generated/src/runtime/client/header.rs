//! Header values: only visible ASCII goes on the wire.

use crate::runtime::{Path, Rule, Violation};

/// Whether `value` can be sent as a header value as it is: visible ASCII
/// (`!` to `~`) with single spaces only between visible characters.
pub(crate) fn is_valid(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().all(|b| (0x20..=0x7e).contains(b))
        && bytes.first().is_none_or(|b| *b != b' ')
        && bytes.last().is_none_or(|b| *b != b' ')
}

/// Records a [`Rule::HeaderValue`] violation at `at` when `value` cannot be
/// sent as a header value.
pub fn check(value: &str, at: &Path<'_>, out: &mut Vec<Violation>) {
    if !is_valid(value) {
        out.push(Violation { pointer: at.to_pointer(), rule: Rule::HeaderValue });
    }
}

/// Checks that the header parameter `name`, written as text, can be sent as
/// it is (violation at `/header/<name>`).
pub fn check_header_param(name: &str, value: impl std::fmt::Display, out: &mut Vec<Violation>) {
    check(&value.to_string(), &Path::Root.field("header").field(name), out);
}

/// Checks that the cookie parameter `name`, written as text, is a cookie
/// value (RFC 6265: visible ASCII without space, `"`, `,`, `;` or `\\`), so
/// it cannot add or end cookies (violation at `/cookie/<name>`).
pub fn check_cookie_param(name: &str, value: impl std::fmt::Display, out: &mut Vec<Violation>) {
    let value = value.to_string();
    let ok = value.bytes().all(|b| (0x21..=0x7e).contains(&b) && !matches!(b, b'"' | b',' | b';' | b'\\'));
    if !ok {
        out.push(Violation { pointer: Path::Root.field("cookie").field(name).to_pointer(), rule: Rule::HeaderValue });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_values_cannot_add_cookies() {
        let mut out = Vec::new();
        check_cookie_param("s", "abc-1.2", &mut out);
        assert!(out.is_empty());
        for bad in ["a;b=c", "a b", "a,b", "\"\"", "é"] {
            check_cookie_param("s", bad, &mut out);
        }
        assert_eq!(out.len(), 5);
        assert_eq!(out[0].pointer, "/cookie/s");
    }

    #[test]
    fn only_visible_ascii_passes() {
        for ok in ["", "abc", "a b", "krn:partner:x", "~!"] {
            assert!(is_valid(ok), "{ok:?}");
        }
        for bad in ["é", "a\r\nb", "a\tb", " a", "a ", "\u{7f}", "\0"] {
            assert!(!is_valid(bad), "{bad:?}");
        }
    }
}
