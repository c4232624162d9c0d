//! Request bodies that are not JSON: form-urlencoded and multipart, written
//! from the same serde representation the JSON body would have, member by
//! member as the spec's `encoding` says (OpenAPI 3.0 defaults otherwise).

use serde_json::Value;

use super::error::ClientError;
use super::param_style::{query_pairs, ParamStyle};

/// How one member of a form or multipart body is written, where the spec
/// says more than the default (its `encoding`, or a binary member).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberEncoding {
    name: &'static str,
    style: ParamStyle,
    explode: bool,
    content_type: Option<&'static str>,
    file: bool,
}

impl MemberEncoding {
    /// A form member written in `style` (`form`, `deepObject`, the
    /// delimited styles, or `Json` for its JSON text) with `explode`.
    pub const fn styled(name: &'static str, style: ParamStyle, explode: bool) -> Self {
        MemberEncoding { name, style, explode, content_type: None, file: false }
    }

    /// A multipart member with its part's `content_type`, sent as a file
    /// part (with a file name) when `file`.
    pub const fn part(name: &'static str, content_type: Option<&'static str>, file: bool) -> Self {
        MemberEncoding { name, style: ParamStyle::Form, explode: true, content_type, file }
    }

    fn of<'a>(encodings: &'a [MemberEncoding], name: &str) -> Option<&'a MemberEncoding> {
        encodings.iter().find(|encoding| encoding.name == name)
    }
}

/// `application/x-www-form-urlencoded` text for `body`, which must serialize
/// to a JSON object. Each member is written like a query parameter in its
/// encoding's style, `form` with `explode` by default (OpenAPI 3.0): arrays
/// repeat their key, an object's members go under their own keys,
/// `deepObject` brackets nested members (`a[b]=1`, `a[0]=x`); `null`
/// members are left out.
pub fn form(body: &Value, encodings: &[MemberEncoding]) -> Result<String, ClientError> {
    let Value::Object(members) = body else {
        return Err(ClientError::Serialize("a form body must be an object".to_owned()));
    };
    let mut pairs = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in members {
        let (style, explode) = match MemberEncoding::of(encodings, name) {
            Some(encoding) => (encoding.style, encoding.explode),
            None => (ParamStyle::Form, true),
        };
        for (key, text) in query_pairs(name, value, style, explode) {
            pairs.append_pair(&key, &text);
        }
    }
    Ok(pairs.finish())
}

/// A `multipart/form-data` body for `body` (a JSON object) with `boundary`:
/// one part per member (per item of a top-level array); strings as text,
/// other values as JSON, unless the encoding names the part's content
/// type; binary members as file parts (`application/octet-stream` by
/// default).
pub fn multipart(body: &Value, boundary: &str, encodings: &[MemberEncoding]) -> Result<Vec<u8>, ClientError> {
    let Value::Object(members) = body else {
        return Err(ClientError::Serialize("a multipart body must be an object".to_owned()));
    };
    let mut out = Vec::new();
    let mut part = |name: &str, value: &Value| {
        let encoding = MemberEncoding::of(encodings, name);
        let file = encoding.is_some_and(|e| e.file);
        let name = name.replace(['"', '\r', '\n'], "_");
        let mut disposition = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"");
        if file {
            disposition.push_str(&format!("; filename=\"{name}\""));
        }
        out.extend_from_slice(disposition.as_bytes());
        out.extend_from_slice(b"\r\n");
        let declared = encoding.and_then(|e| e.content_type);
        let content_type = match (declared, value) {
            (Some(declared), _) => Some(declared),
            (None, _) if file => Some("application/octet-stream"),
            (None, Value::String(_)) => None,
            (None, _) => Some("application/json"),
        };
        if let Some(content_type) = content_type {
            out.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        match value {
            Value::String(text) => out.extend_from_slice(text.as_bytes()),
            other => out.extend_from_slice(other.to_string().as_bytes()),
        }
        out.extend_from_slice(b"\r\n");
    };
    for (name, value) in members {
        match value {
            Value::Null => {}
            Value::Array(items) => items.iter().for_each(|item| part(name, item)),
            other => part(name, other),
        }
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn form_members_follow_their_encoding_and_default_to_exploded_form() {
        let body = json!({"a": "x y", "n": 2, "tags": ["p", "q"], "meta": {"k": "v", "list": [1]}, "ids": [1, 2], "none": null});
        assert_eq!(form(&body, &[]).unwrap(), "a=x+y&n=2&tags=p&tags=q&k=v&list%5B0%5D=1&ids=1&ids=2");
        let encodings = [
            MemberEncoding::styled("meta", ParamStyle::DeepObject, true),
            MemberEncoding::styled("ids", ParamStyle::Form, false),
            MemberEncoding::styled("tags", ParamStyle::Json, false),
        ];
        assert_eq!(
            form(&body, &encodings).unwrap(),
            "a=x+y&n=2&tags=%5B%22p%22%2C%22q%22%5D&meta%5Bk%5D=v&meta%5Blist%5D%5B0%5D=1&ids=1%2C2"
        );
        assert!(form(&json!([1]), &[]).is_err());
    }

    #[test]
    fn multipart_has_one_part_per_member_and_files_as_file_parts() {
        let body = json!({"name": "n", "meta": {"a": 1}, "file": "a,b\n", "note": "x"});
        let encodings =
            [MemberEncoding::part("file", None, true), MemberEncoding::part("note", Some("text/markdown"), false)];
        let text = String::from_utf8(multipart(&body, "B", &encodings).unwrap()).unwrap();
        assert_eq!(
            text,
            "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nn\r\n\
             --B\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n\
             --B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\na,b\n\r\n\
             --B\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: text/markdown\r\n\r\nx\r\n--B--\r\n"
        );
    }
}
