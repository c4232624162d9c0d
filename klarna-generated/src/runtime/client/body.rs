//! Request bodies that are not JSON: form-urlencoded and multipart, written
//! from the same serde representation the JSON body would have.

use serde_json::Value;

use super::error::ClientError;
use super::param_style::flatten;

/// `application/x-www-form-urlencoded` text for `body`, which must serialize
/// to a JSON object. Top-level arrays repeat their key (`style: form`,
/// `explode: true`); nested objects and arrays use brackets (`a[b]=1`,
/// `a[0]=x`, as `style: deepObject`); `null` members are left out.
pub fn form(body: &Value) -> Result<String, ClientError> {
    let Value::Object(members) = body else {
        return Err(ClientError::Serialize("a form body must be an object".to_owned()));
    };
    let mut pairs = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in members {
        match value {
            Value::Array(items) => {
                for item in items {
                    flatten(name, item, &mut |key, text| {
                        pairs.append_pair(key, text);
                    });
                }
            }
            other => flatten(name, other, &mut |key, text| {
                pairs.append_pair(key, text);
            }),
        }
    }
    Ok(pairs.finish())
}

/// A `multipart/form-data` body for `body` (a JSON object) with `boundary`:
/// one part per member (per item of a top-level array), strings as text,
/// other values as JSON.
pub fn multipart(body: &Value, boundary: &str) -> Result<Vec<u8>, ClientError> {
    let Value::Object(members) = body else {
        return Err(ClientError::Serialize("a multipart body must be an object".to_owned()));
    };
    let mut out = Vec::new();
    let mut part = |name: &str, value: &Value| {
        let name = name.replace(['"', '\r', '\n'], "_");
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n").as_bytes(),
        );
        match value {
            Value::String(text) => {
                out.extend_from_slice(b"\r\n");
                out.extend_from_slice(text.as_bytes());
            }
            other => {
                out.extend_from_slice(b"Content-Type: application/json\r\n\r\n");
                out.extend_from_slice(other.to_string().as_bytes());
            }
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
    fn forms_repeat_top_level_arrays_and_bracket_nested_members() {
        let body = json!({"a": "x y", "n": 2, "tags": ["p", "q"], "meta": {"k": "v", "list": [1]}, "none": null});
        assert_eq!(form(&body).unwrap(), "a=x+y&n=2&tags=p&tags=q&meta%5Bk%5D=v&meta%5Blist%5D%5B0%5D=1");
        assert!(form(&json!([1])).is_err());
    }

    #[test]
    fn multipart_has_one_part_per_member() {
        let body = json!({"name": "n", "meta": {"a": 1}});
        let text = String::from_utf8(multipart(&body, "B").unwrap()).unwrap();
        assert_eq!(
            text,
            "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nn\r\n\
             --B\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n--B--\r\n"
        );
    }
}
