//! Keeping secrets out of everything the client shows: errors, `Debug`
//! output and logs, even when a server echoes them back.

use std::fmt;

/// What a secret is replaced with.
pub const REDACTED: &str = "[redacted]";

/// The secrets of a client or of one call (credentials, partner account,
/// secret parameter values such as a customer token), in every form in
/// which a server could echo them: as sent, percent-encoded, escaped as in
/// JSON, escaped as in Rust `Debug` output.
#[derive(Clone, Default)]
pub struct Redactor {
    /// Every form of every secret, longest first.
    forms: Vec<String>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redactor({} forms)", self.forms.len())
    }
}

impl Redactor {
    /// Adds a secret; empty values are ignored.
    pub fn add(&mut self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        let json = unquote(&serde_json::to_string(secret).unwrap_or_default());
        let debug = unquote(&format!("{secret:?}"));
        let percent = super::segment::encode(secret);
        let form = percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC).to_string();
        // As in a query string (`application/x-www-form-urlencoded`: `+` for spaces).
        let query: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        let slashes = json.replace('/', "\\/");
        let lower_hex = [lowercase_hex(&percent), lowercase_hex(&form), lowercase_hex(&query)];
        for candidate in [secret.to_owned(), json, debug, percent, form, query, slashes].into_iter().chain(lower_hex) {
            if !candidate.is_empty() && !self.forms.contains(&candidate) {
                self.forms.push(candidate);
            }
        }
        self.forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
    }

    /// Adds every secret of `other`.
    pub(crate) fn extend(&mut self, other: &Redactor) {
        for form in &other.forms {
            if !self.forms.contains(form) {
                self.forms.push(form.clone());
            }
        }
        self.forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
    }

    /// A copy with `secret` added too.
    pub fn with(&self, secret: &str) -> Redactor {
        let mut copy = self.clone();
        copy.add(secret);
        copy
    }

    /// The longest form of any secret, in bytes.
    pub(crate) fn longest(&self) -> usize {
        self.forms.first().map_or(0, String::len)
    }

    /// `text` with every secret replaced by [`REDACTED`].
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for form in &self.forms {
            if out.contains(form.as_str()) {
                out = out.replace(form.as_str(), REDACTED);
            }
        }
        out
    }

    /// `text` scrubbed, then cut to at most `limit` bytes.
    pub fn scrub_capped(&self, text: &str, limit: usize) -> String {
        // Only what can reach the kept part is scrubbed: a secret starting
        // before `limit` ends before `limit + longest`.
        let mut window = text.len().min(limit.saturating_add(self.longest()));
        while !text.is_char_boundary(window) {
            window += 1;
        }
        crate::runtime::decode::cap(&self.scrub(&text[..window]), limit)
    }
}

/// Percent-encoded text with lowercase hex digits (`%2f`), as some servers
/// echo it.
fn lowercase_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if hex_left > 0 {
            out.push(c.to_ascii_lowercase());
            hex_left -= 1;
        } else {
            out.push(c);
            if c == '%' {
                hex_left = 2;
            }
        }
    }
    out
}

/// A quoted text without its one pair of quotes.
fn unquote(quoted: &str) -> String {
    quoted.strip_prefix('"').and_then(|rest| rest.strip_suffix('"')).unwrap_or(quoted).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_secret_is_replaced() {
        let mut redactor = Redactor::default();
        redactor.add("s3cr3t/\"key\"");
        redactor.add("");
        redactor.add("Token token=abc");
        assert_eq!(redactor.scrub("?api_key=Token+token%3Dabc&x"), format!("?api_key={REDACTED}&x"));
        for echoed in
            ["s3cr3t/\"key\"", "s3cr3t\\/\\\"key\\\"", "s3cr3t/\\\"key\\\"", "s3cr3t%2F%22key%22", "s3cr3t%2f%22key%22"]
        {
            let text = format!("before {echoed} after");
            assert_eq!(redactor.scrub(&text), format!("before {REDACTED} after"), "{echoed}");
        }
        assert_eq!(Redactor::default().scrub("plain"), "plain");
    }

    #[test]
    fn capping_never_leaves_part_of_a_secret() {
        let redactor = Redactor::default().with("abcdefgh");
        let text = format!("{}abcdefgh tail", "x".repeat(10));
        let kept = redactor.scrub_capped(&text, 14);
        assert!(!kept.contains("abcd"), "{kept}");
        assert!(kept.len() <= 14);
        assert_eq!(redactor.scrub_capped("short", 100), "short");
    }
}
