//! Deserializing JSON so that an error names the JSON path of the value
//! that did not fit (`/order_lines/0/name`), through `serde_path_to_error`.

use std::fmt;

use serde::de::DeserializeOwned;

/// The longest reason a [`DecodeError`] keeps, in bytes; a longer one (a
/// server can quote a megabyte-long value) is cut and marked with `…`.
pub const REASON_LIMIT: usize = 512;

/// JSON that does not deserialize as the expected type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// JSON pointer of the innermost value known to be wrong (`""` is the
    /// whole document), at most [`REASON_LIMIT`] bytes.
    pub pointer: String,
    /// What was wrong, at most [`REASON_LIMIT`] bytes.
    pub reason: String,
    /// 1-based line in the input (0 when decoding a `serde_json::Value`).
    pub line: usize,
    /// 1-based column in the input (0 when decoding a `serde_json::Value`).
    pub column: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() { "(root)" } else { &self.pointer };
        write!(f, "at {at}: {}", self.reason)?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    fn new(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let pointer = pointer(error.path());
        let inner = error.into_inner();
        Self::located(pointer, &inner)
    }

    fn located(pointer: String, inner: &serde_json::Error) -> Self {
        let (line, column) = (inner.line(), inner.column());
        let text = inner.to_string();
        let suffix = format!(" at line {line} column {column}");
        let reason = text.strip_suffix(&suffix).unwrap_or(&text);
        DecodeError { pointer: cap(&pointer, REASON_LIMIT), reason: cap(reason, REASON_LIMIT), line, column }
    }

    /// Applies `edit` to the pointer and the reason (for example to redact
    /// secrets), then caps them again.
    pub fn map_text(mut self, edit: impl Fn(&str) -> String) -> Self {
        self.pointer = cap(&edit(&self.pointer), REASON_LIMIT);
        self.reason = cap(&edit(&self.reason), REASON_LIMIT);
        self
    }
}

/// Deserializes `bytes` as JSON of type `T`; trailing non-whitespace is an error.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(DecodeError::new)?;
    deserializer.end().map_err(|e| DecodeError::located(String::new(), &e))?;
    Ok(value)
}

/// Deserializes a JSON value as `T`.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(DecodeError::new)
}

/// The RFC 6901 pointer of a deserialization path. An unknown step (inside
/// a buffered union) ends the pointer at the deepest known ancestor.
pub(crate) fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => break,
        }
    }
    out
}

/// `text` cut to at most `limit` bytes at a character boundary; a cut text
/// ends with `…` (counted in the limit).
pub(crate) fn cap(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_owned();
    }
    const MARK: &str = "…";
    let mut end = limit.saturating_sub(MARK.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{MARK}", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Line {
        name: String,
        quantity: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        order_lines: Vec<Line>,
    }

    #[test]
    fn errors_name_the_json_path() {
        let body = br#"{"order_lines": [{"name": "a", "quantity": 1}, {"name": 7, "quantity": 1}]}"#;
        let error = from_slice::<Order>(body).unwrap_err();
        assert_eq!(error.pointer, "/order_lines/1/name");
        assert!(error.reason.starts_with("invalid type: integer `7`"), "{error}");
        assert_eq!(error.line, 1);
        let value = serde_json::json!({"order_lines": [{"name": "a", "quantity": -1}]});
        assert_eq!(from_value::<Order>(value).unwrap_err().pointer, "/order_lines/0/quantity");
    }

    #[test]
    fn trailing_input_and_syntax_errors_are_reported() {
        assert!(from_slice::<Vec<u8>>(b"[1] x").is_err());
        let error = from_slice::<Order>(b"{\"order_lines\": [").unwrap_err();
        assert!(error.to_string().contains("line 1"), "{error}");
    }

    #[test]
    fn keys_are_escaped_and_reasons_capped() {
        let value = serde_json::json!({"a/b~c": "x".repeat(10_000)});
        let error = from_value::<std::collections::BTreeMap<String, u8>>(value).unwrap_err();
        assert_eq!(error.pointer, "/a~1b~0c");
        assert!(error.reason.len() <= REASON_LIMIT && error.reason.ends_with('…'), "{}", error.reason.len());
        assert_eq!(cap("ééé", 5), "é…");
        assert_eq!(cap("ééé", 4), "…"); // never splits a character
        assert_eq!(cap("abc", 3), "abc");
    }
}
