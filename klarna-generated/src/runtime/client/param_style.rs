//! Parameter values written from their serde form, by OpenAPI `style` and
//! `explode`: path segments (`simple`, `label`, `matrix`), query pairs,
//! header values (`simple`) and cookies (`form`), and values described by
//! `content` as JSON text.
//!
//! A value becomes pieces: delimiters the style puts between its parts
//! (`,` `.` `;` `=`), which go on the wire as they are, and text, which is
//! encoded for its place (percent-encoded in a path, form-encoded in a
//! query) or checked (header and cookie values). A delimiter inside a
//! value is therefore always encoded and never read as one.

use serde_json::Value;

use super::error::ClientError;

/// How a parameter value is written (OpenAPI `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `simple` (paths, headers): `1,2`; objects `k,v` or, exploded, `k=v`.
    Simple,
    /// `label` (paths): `.1,2`, or `.1.2` exploded.
    Label,
    /// `matrix` (paths): `;id=1,2`, or `;id=1;id=2` exploded.
    Matrix,
    /// `form` (queries, cookies): `a=1&a=2` (exploded) or `a=1,2`; object members as their own keys.
    Form,
    /// `spaceDelimited` (queries): `a=1 2`.
    SpaceDelimited,
    /// `pipeDelimited` (queries): `a=1|2`.
    PipeDelimited,
    /// `deepObject` (queries): `a[key]=value`, nested members in further brackets.
    DeepObject,
    /// Described by `content` with a JSON media type: the value's JSON text.
    Json,
}

/// One part of a value written in a path style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// A delimiter of the style, sent as it is.
    Delimiter(&'static str),
    /// Text of the value, encoded for its place.
    Text(String),
}

/// The text of a scalar member: strings as they are, `null` empty, numbers
/// and booleans as JSON, nested arrays and objects as their JSON text.
pub(crate) fn text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The pieces of the path parameter `name` holding `value` in `style`
/// (`simple`, `label` or `matrix`; any other style is read as `simple`).
pub(crate) fn path_pieces(name: &str, value: &Value, style: ParamStyle, explode: bool) -> Vec<Piece> {
    use Piece::{Delimiter, Text};
    if style == ParamStyle::Json {
        return vec![Text(value.to_string())];
    }
    // The parts of the value: items of an array, `key, value` pairs of an
    // object (joined by `=` when exploded), or the scalar itself.
    let parts: Vec<Vec<Piece>> = match value {
        Value::Array(items) => items.iter().map(|item| vec![Text(text(item))]).collect(),
        Value::Object(members) if explode => members
            .iter()
            .filter(|(_, member)| !member.is_null())
            .map(|(key, member)| vec![Text(key.clone()), Delimiter("="), Text(text(member))])
            .collect(),
        Value::Object(members) => members
            .iter()
            .filter(|(_, member)| !member.is_null())
            .flat_map(|(key, member)| [vec![Text(key.clone())], vec![Text(text(member))]])
            .collect(),
        scalar => vec![vec![Text(text(scalar))]],
    };
    let exploded_object = explode && value.is_object();
    let mut pieces = Vec::new();
    for (index, part) in parts.into_iter().enumerate() {
        let first = index == 0;
        match style {
            ParamStyle::Label if first || explode => pieces.push(Delimiter(".")),
            ParamStyle::Matrix if exploded_object => pieces.push(Delimiter(";")),
            ParamStyle::Matrix if first || explode => {
                pieces.extend([Delimiter(";"), Text(name.to_owned()), Delimiter("=")]);
            }
            _ if !first => pieces.push(Delimiter(",")),
            _ => {}
        }
        pieces.extend(part);
    }
    if pieces.is_empty() {
        // An empty array or object: `.` in label style, `;name` in matrix style.
        match style {
            ParamStyle::Label => pieces.push(Delimiter(".")),
            ParamStyle::Matrix => pieces.extend([Delimiter(";"), Text(name.to_owned())]),
            _ => {}
        }
    }
    pieces
}

/// The text of the path parameter `name` holding `value` in `style`, for
/// a segment that mixes it with fixed text (`{base}...{head}`); the
/// segment is percent-encoded as a whole.
pub fn styled_text<T: serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: ParamStyle,
    explode: bool,
) -> Result<String, ClientError> {
    let value = serde_json::to_value(value).map_err(|e| ClientError::Serialize(e.to_string()))?;
    Ok(joined(&path_pieces(name, &value, style, explode)))
}

/// The pieces as plain text (header values, checks).
pub(crate) fn joined(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Delimiter(text) => text,
            Piece::Text(text) => text.as_str(),
        })
        .collect()
}

/// The query pairs of the parameter `name` holding `value` in `style`;
/// `null` members are left out.
pub fn query_pairs(name: &str, value: &Value, style: ParamStyle, explode: bool) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    match (value, style) {
        (Value::Null, _) => {}
        (_, ParamStyle::Json) => pairs.push((name.to_owned(), value.to_string())),
        (Value::Object(_), ParamStyle::DeepObject) | (Value::Array(_), ParamStyle::DeepObject) => {
            flatten(name, value, &mut |key, text| pairs.push((key.to_owned(), text.to_owned())))
        }
        (Value::Object(members), ParamStyle::Form) if explode => {
            for (key, member) in members {
                flatten(key, member, &mut |key, text| pairs.push((key.to_owned(), text.to_owned())));
            }
        }
        (Value::Object(members), _) => {
            let joined: Vec<String> = members
                .iter()
                .filter(|(_, member)| !member.is_null())
                .flat_map(|(key, member)| [key.clone(), text(member)])
                .collect();
            pairs.push((name.to_owned(), joined.join(",")));
        }
        (Value::Array(items), ParamStyle::Form) if explode => {
            pairs.extend(items.iter().filter(|i| !i.is_null()).map(|item| (name.to_owned(), text(item))))
        }
        (Value::Array(items), style) => {
            let separator = match style {
                ParamStyle::SpaceDelimited => " ",
                ParamStyle::PipeDelimited => "|",
                _ => ",",
            };
            let joined: Vec<String> = items.iter().map(text).collect();
            pairs.push((name.to_owned(), joined.join(separator)));
        }
        (scalar, _) => pairs.push((name.to_owned(), text(scalar))),
    }
    pairs
}

/// Calls `emit` with every scalar of `value` under its bracketed key
/// (`a[b]`, `a[0]`); `null`s are left out.
pub(crate) fn flatten(key: &str, value: &Value, emit: &mut impl FnMut(&str, &str)) {
    match value {
        Value::Null => {}
        Value::String(text) => emit(key, text),
        Value::Bool(_) | Value::Number(_) => emit(key, &value.to_string()),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                flatten(&format!("{key}[{index}]"), item, emit);
            }
        }
        Value::Object(members) => {
            for (name, member) in members {
                flatten(&format!("{key}[{name}]"), member, emit);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn path(value: Value, style: ParamStyle, explode: bool) -> String {
        joined(&path_pieces("id", &value, style, explode))
    }

    /// The examples of the OpenAPI 3.0.3 specification's style table.
    #[test]
    fn path_styles_follow_the_openapi_style_table() {
        let array = json!([3, 4, 5]);
        let object = json!({"role": "admin", "firstName": "Alex"});
        let cases = [
            (ParamStyle::Simple, false, "5", "3,4,5", "role,admin,firstName,Alex"),
            (ParamStyle::Simple, true, "5", "3,4,5", "role=admin,firstName=Alex"),
            (ParamStyle::Label, false, ".5", ".3,4,5", ".role,admin,firstName,Alex"),
            (ParamStyle::Label, true, ".5", ".3.4.5", ".role=admin.firstName=Alex"),
            (ParamStyle::Matrix, false, ";id=5", ";id=3,4,5", ";id=role,admin,firstName,Alex"),
            (ParamStyle::Matrix, true, ";id=5", ";id=3;id=4;id=5", ";role=admin;firstName=Alex"),
        ];
        for (style, explode, scalar, list, members) in cases {
            assert_eq!(path(json!(5), style, explode), scalar, "{style:?} {explode}");
            assert_eq!(path(array.clone(), style, explode), list, "{style:?} {explode}");
            assert_eq!(path(object.clone(), style, explode), members, "{style:?} {explode}");
        }
        assert_eq!(path(json!([]), ParamStyle::Label, false), ".");
        assert_eq!(path(json!([]), ParamStyle::Matrix, false), ";id");
        assert_eq!(path(json!({"a": [1]}), ParamStyle::Json, false), r#"{"a":[1]}"#);
    }

    #[test]
    fn delimiters_inside_values_are_text_not_delimiters() {
        let pieces = path_pieces("id", &json!(["a,b", "c"]), ParamStyle::Simple, false);
        assert_eq!(pieces, [Piece::Text("a,b".into()), Piece::Delimiter(","), Piece::Text("c".into())]);
    }

    #[test]
    fn query_styles() {
        let pairs = |value: Value, style, explode| -> Vec<String> {
            query_pairs("p", &value, style, explode).into_iter().map(|(k, v)| format!("{k}={v}")).collect()
        };
        let object = json!({"gt": 5, "in": {"a": "x"}});
        assert_eq!(pairs(object.clone(), ParamStyle::DeepObject, true), ["p[gt]=5", "p[in][a]=x"]);
        assert_eq!(pairs(object, ParamStyle::Form, true), ["gt=5", "in[a]=x"]);
        assert_eq!(pairs(json!({"a": 1, "b": "x"}), ParamStyle::Form, false), ["p=a,1,b,x"]);
        assert_eq!(pairs(json!(["a", "b"]), ParamStyle::DeepObject, true), ["p[0]=a", "p[1]=b"]);
        assert_eq!(pairs(json!(["a", "b"]), ParamStyle::PipeDelimited, false), ["p=a|b"]);
        assert_eq!(pairs(json!(["a", "b"]), ParamStyle::SpaceDelimited, false), ["p=a b"]);
        assert_eq!(pairs(json!(["a", "b"]), ParamStyle::Form, true), ["p=a", "p=b"]);
        assert_eq!(pairs(json!({"a": [1, "x"]}), ParamStyle::Json, false), [r#"p={"a":[1,"x"]}"#]);
        assert_eq!(pairs(json!(null), ParamStyle::Form, true), Vec::<String>::new());
    }
}
