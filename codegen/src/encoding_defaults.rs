//! `explode` of request body encodings made explicit before the document
//! is parsed: OpenAPI defaults it to true for `style: form` (the default
//! style), but the parsed document cannot tell an absent `explode` from
//! `false`.

use serde_yaml::Value;

/// Writes the default `explode` into every encoding of a request body
/// (operations' and `components/requestBodies`) that does not state one.
pub(crate) fn fill(raw: &mut Value) {
    let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    if let Some(Value::Mapping(paths)) = raw.get_mut("paths") {
        for (_, item) in paths.iter_mut() {
            for method in methods {
                if let Some(body) = item.get_mut(method).and_then(|op| op.get_mut("requestBody")) {
                    fill_body(body);
                }
            }
        }
    }
    if let Some(Value::Mapping(bodies)) = raw.get_mut("components").and_then(|c| c.get_mut("requestBodies")) {
        for (_, body) in bodies.iter_mut() {
            fill_body(body);
        }
    }
}

fn fill_body(body: &mut Value) {
    let Some(Value::Mapping(content)) = body.get_mut("content") else { return };
    for (_, media) in content.iter_mut() {
        let Some(Value::Mapping(encodings)) = media.get_mut("encoding") else { continue };
        for (_, encoding) in encodings.iter_mut() {
            let Value::Mapping(encoding) = encoding else { continue };
            if encoding.contains_key("explode") {
                continue;
            }
            let form = match encoding.get("style") {
                None => true,
                Some(style) => style.as_str() == Some("form"),
            };
            encoding.insert("explode".into(), Value::Bool(form));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_explode_takes_the_style_default_and_a_stated_one_stays() {
        let mut raw: Value = serde_yaml::from_str(
            "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            encoding:\n              a: {}\n              b: {style: deepObject}\n              c: {explode: false}\n",
        )
        .unwrap();
        fill(&mut raw);
        let encoding =
            &raw["paths"]["/a"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]["encoding"];
        assert_eq!(encoding["a"]["explode"], Value::Bool(true));
        assert_eq!(encoding["b"]["explode"], Value::Bool(false));
        assert_eq!(encoding["c"]["explode"], Value::Bool(false));
    }
}
