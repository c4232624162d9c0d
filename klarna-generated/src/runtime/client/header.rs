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

#[cfg(test)]
mod tests {
    use super::*;

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
