//! Path parameters: every value stays exactly one path segment.
//!
//! A value is refused when it is empty, `.` or `..` (a URL parser would
//! drop or climb such a segment, changing the endpoint). Anything else is
//! percent-encoded so that only letters, digits, `-`, `.`, `_`, `~`, `:`
//! and `@` stay as they are: `/`, `?`, `#`, `%`, `;`, spaces, control
//! characters and non-ASCII text can never leave the segment.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::runtime::{Path, Rule, Violation};

/// Bytes encoded in a segment: everything but unreserved characters
/// (RFC 3986) and `:` and `@`, which Klarna's account ids use.
const ENCODED: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b':').remove(b'@');

/// Whether `value` can be one path segment.
pub(crate) fn is_valid(value: &str) -> bool {
    !matches!(value, "" | "." | "..")
}

/// Records a [`Rule::PathSegment`] violation at `at` when `value` cannot be
/// one path segment.
pub fn check(value: &str, at: &Path<'_>, out: &mut Vec<Violation>) {
    if !is_valid(value) {
        out.push(Violation { pointer: at.to_pointer(), rule: Rule::PathSegment });
    }
}

/// Checks that the path parameter `name`, written as text, can be one path
/// segment (violation at `/path/<name>`).
pub fn check_path_param(name: &str, value: impl std::fmt::Display, out: &mut Vec<Violation>) {
    check(&value.to_string(), &Path::Root.field("path").field(name), out);
}

/// `value` percent-encoded for use as one path segment.
pub(crate) fn encode(value: &str) -> String {
    utf8_percent_encode(value, ENCODED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_and_empty_values_are_refused() {
        for value in ["", ".", ".."] {
            let mut out = Vec::new();
            check(value, &Path::Root.field("id"), &mut out);
            assert_eq!(out, vec![Violation { pointer: "/id".into(), rule: Rule::PathSegment }], "{value:?}");
        }
        for value in ["...", ".a", "a..", " ..", "%2e%2e"] {
            assert!(is_valid(value), "{value:?}");
        }
    }

    #[test]
    fn separators_and_controls_are_encoded() {
        assert_eq!(encode("krn:partner:global:account:live:AB12"), "krn:partner:global:account:live:AB12");
        assert_eq!(encode("a/b?c#d%e;f g"), "a%2Fb%3Fc%23d%25e%3Bf%20g");
        assert_eq!(encode("..\t"), "..%09");
        assert_eq!(encode("\n.."), "%0A..");
        assert_eq!(encode("%2e%2e"), "%252e%252e");
        assert_eq!(encode("é"), "%C3%A9");
    }
}
