//! JSON pointer building (RFC 6901).

/// Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Appends one token to a pointer.
pub fn join(base: &str, token: &str) -> String {
    format!("{base}/{}", escape(token))
}

/// Reverses [`escape`] for one token.
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_slashes_and_tildes() {
        assert_eq!(join("/paths", "/v1/a~b"), "/paths/~1v1~1a~0b");
        assert_eq!(unescape("~1v1~1a~0b"), "/v1/a~b");
    }
}
