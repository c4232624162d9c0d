//! Typed response headers: the `<Operation><Status>Headers` structs of
//! generated outcomes are read from here, leniently (a header that is
//! absent or does not parse is `None`, never an error).

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::redact::{Redactor, REDACTED};

/// How the text of a response header becomes a value (OpenAPI's `simple`
/// style: lists are comma-separated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    /// A string (also enums and string newtypes).
    Text,
    /// A number, integer or not.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Comma-separated strings.
    TextList,
    /// Comma-separated numbers.
    NumberList,
    /// Comma-separated booleans.
    BooleanList,
    /// JSON text.
    Json,
}

/// A generated headers struct, read from a response by type only.
pub trait FromHeaders {
    /// Reads every declared header; each one absent or unparsable is `None`.
    fn from_headers(headers: &HeaderReader<'_>) -> Self;
}

/// The headers of one response as received, for typed reading.
///
/// Values of an error status (not 2xx) are read with the call's secrets
/// replaced, as its body is; a 2xx response is read as sent.
pub struct HeaderReader<'a> {
    headers: &'a reqwest::header::HeaderMap,
    secrets: Option<&'a Redactor>,
}

impl fmt::Debug for HeaderReader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HeaderReader").field("headers", &self.headers.len()).finish_non_exhaustive()
    }
}

impl<'a> HeaderReader<'a> {
    /// A reader of `headers`, scrubbing `secrets` from every value when given.
    pub(crate) fn new(headers: &'a reqwest::header::HeaderMap, secrets: Option<&'a Redactor>) -> Self {
        HeaderReader { headers, secrets }
    }

    /// Header `name` (any case) read as `kind` into `T` by type only (a
    /// newtype's constraints are not checked, an unknown enum value is
    /// kept); `None` when it is absent, not UTF-8 or not of that type.
    /// Repeated header lines are joined with `, `, as HTTP allows.
    pub fn read<T: DeserializeOwned>(&self, name: &str, kind: HeaderKind) -> Option<T> {
        let text = self.text(name)?;
        serde_json::from_value(value_of(&text, kind)?).ok()
    }

    fn text(&self, name: &str) -> Option<String> {
        let mut lines = self.headers.get_all(name).iter().peekable();
        lines.peek()?;
        let parts: Option<Vec<&str>> = lines.map(|line| std::str::from_utf8(line.as_bytes()).ok()).collect();
        let text = parts?.join(", ");
        Some(match self.secrets {
            Some(secrets) => secrets.scrub(&text),
            None => text,
        })
    }
}

/// The JSON value header text stands for, read as `kind`.
fn value_of(text: &str, kind: HeaderKind) -> Option<Value> {
    let list = |item: fn(&str) -> Option<Value>| {
        let items: Option<Vec<Value>> =
            text.split(',').map(str::trim).filter(|part| !part.is_empty()).map(item).collect();
        items.map(Value::Array)
    };
    match kind {
        HeaderKind::Text => text_value(text),
        HeaderKind::Number => number_value(text),
        HeaderKind::Boolean => bool_value(text),
        HeaderKind::TextList => list(text_value),
        HeaderKind::NumberList => list(number_value),
        HeaderKind::BooleanList => list(bool_value),
        HeaderKind::Json => serde_json::from_str(text).ok(),
    }
}

fn text_value(text: &str) -> Option<Value> {
    Some(Value::String(text.to_owned()))
}

fn number_value(text: &str) -> Option<Value> {
    text.trim().parse::<serde_json::Number>().ok().map(Value::Number)
}

fn bool_value(text: &str) -> Option<Value> {
    match text.trim() {
        "true" => Some(Value::Bool(true)),
        "false" => Some(Value::Bool(false)),
        _ => None,
    }
}

/// Whether a response header carries a credential, by its name (ending in
/// `token`, as secret parameters do): its value is never shown.
pub(crate) fn is_secret_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with("token")
}

/// A value that is a credential (a response header whose name ends in
/// `token`): `Debug` shows `[redacted]`; [`Secret::expose`] gives the value.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Secret(value)
    }

    /// The value itself: keep it out of logs.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The value, unwrapped.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Secret<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::{HeaderMap, HeaderValue};

    use super::*;

    fn headers(pairs: &[(&'static str, &[u8])]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_bytes(value).unwrap());
        }
        map
    }

    #[test]
    fn reads_scalars_and_lists_by_kind_and_gives_none_otherwise() {
        let map = headers(&[
            ("x-count", b" 12 "),
            ("x-ratio", b"0.5"),
            ("x-flag", b"true"),
            ("x-ids", b"1, 2,3"),
            ("x-tags", b"a"),
            ("x-tags", b"b c"),
            ("x-bad", b"twelve"),
            ("x-json", br#"{"a":1}"#),
            ("x-latin", b"caf\xe9"),
        ]);
        let reader = HeaderReader::new(&map, None);
        assert_eq!(reader.read::<i64>("X-Count", HeaderKind::Number), Some(12));
        assert_eq!(reader.read::<f64>("x-ratio", HeaderKind::Number), Some(0.5));
        assert_eq!(reader.read::<i32>("x-ratio", HeaderKind::Number), None, "not an integer");
        assert_eq!(reader.read::<bool>("x-flag", HeaderKind::Boolean), Some(true));
        assert_eq!(reader.read::<Vec<i64>>("x-ids", HeaderKind::NumberList), Some(vec![1, 2, 3]));
        assert_eq!(reader.read::<Vec<String>>("x-tags", HeaderKind::TextList), Some(vec!["a".into(), "b c".into()]));
        assert_eq!(reader.read::<String>("x-tags", HeaderKind::Text).as_deref(), Some("a, b c"));
        assert_eq!(reader.read::<i64>("x-bad", HeaderKind::Number), None);
        assert_eq!(reader.read::<Vec<i64>>("x-bad", HeaderKind::NumberList), None);
        assert_eq!(reader.read::<String>("missing", HeaderKind::Text), None);
        assert_eq!(reader.read::<String>("x-latin", HeaderKind::Text), None, "not UTF-8");
        assert_eq!(reader.read::<Value>("x-json", HeaderKind::Json), Some(serde_json::json!({"a": 1})));
    }

    #[test]
    fn error_statuses_are_read_scrubbed_and_secrets_never_show() {
        let map = headers(&[("location", b"/tokens/tok-123")]);
        let secrets = Redactor::default().with("tok-123");
        let scrubbed = HeaderReader::new(&map, Some(&secrets)).read::<String>("location", HeaderKind::Text);
        assert_eq!(scrubbed.as_deref(), Some("/tokens/[redacted]"));
        let token = HeaderReader::new(&map, None).read::<Secret<String>>("location", HeaderKind::Text).unwrap();
        assert_eq!(format!("{token:?}"), "[redacted]");
        assert_eq!(token.expose(), "/tokens/tok-123");
        assert!(is_secret_name("X-Session-Token") && !is_secret_name("Location"));
    }
}
