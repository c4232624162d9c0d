//! Reading a spec: YAML, then early checks, then the typed OpenAPI document.
//!
//! Checks run before any conversion so that every later step can trust the
//! document: OpenAPI 3.0.x only, every `$ref` resolves inside the document.
//! Repairs follow, each a warning: referenced path items and callbacks
//! inlined, headers without a schema read as strings, every operation given
//! a unique operationId.

use openapiv3::OpenAPI;
use serde_yaml::Value;

use crate::error::{CodegenError, Location, Result};
use crate::pointer;
use crate::warning::Warnings;

/// A spec as given to the generator: its name for messages and its text.
#[derive(Debug, Clone, Copy)]
pub struct SpecSource<'a> {
    /// The file name used in messages and headers (`specs/identity.yaml`).
    pub file: &'a str,
    /// The YAML text.
    pub text: &'a str,
}

impl<'a> SpecSource<'a> {
    /// A spec read from raw bytes, which must be UTF-8 (a leading byte order
    /// mark is skipped). Anything else is [`CodegenError::NotUtf8`], naming the
    /// byte offset, line and column of the first invalid byte and what is
    /// wrong with it.
    pub fn from_bytes(file: &'a str, bytes: &'a [u8]) -> Result<SpecSource<'a>> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(SpecSource { file, text: text.strip_prefix('\u{FEFF}').unwrap_or(text) }),
            Err(error) => Err(not_utf8(file, bytes, &error)),
        }
    }

    /// A location in this file.
    pub fn at(&self, pointer: impl Into<String>) -> Location {
        Location { file: self.file.to_owned(), pointer: pointer.into() }
    }
}

/// Parses and checks a spec, returning the typed document; anything odd but
/// usable is dropped silently here (use [`crate::generate`] to see warnings).
pub fn load(source: SpecSource<'_>) -> Result<OpenAPI> {
    load_document(source, &mut Warnings::default())
}

/// Parses and checks a spec, returning the typed document and recording
/// what is odd but usable in `warnings`.
pub(crate) fn load_document(source: SpecSource<'_>, warnings: &mut Warnings) -> Result<OpenAPI> {
    let mut raw: Value = serde_yaml::from_str(source.text).map_err(|e| yaml_error(source, &e))?;
    check_version(source, &raw)?;
    check_refs(source, &raw, &raw, "")?;
    for at in crate::inline_refs::inline(&mut raw) {
        warnings.push(source.at(at), "$ref chain of a path item or callback never ends; it is skipped");
    }
    repair_headers(source, &mut raw, warnings);
    crate::encoding_defaults::fill(&mut raw);
    let mut document: OpenAPI = match serde_path_to_error::deserialize(raw.clone()) {
        Ok(document) => document,
        Err(e) => {
            // openapiv3 flattens maps (paths, components), which hides the
            // path below them; find the failing entry by decoding each alone.
            let (pointer, reason) =
                refine(&raw).unwrap_or_else(|| (path_to_pointer(e.path()), e.into_inner().to_string()));
            return Err(CodegenError::Shape { at: source.at(pointer), reason });
        }
    };
    crate::operation_ids::assign(source, &mut document, warnings);
    Ok(document)
}

fn not_utf8(file: &str, bytes: &[u8], error: &std::str::Utf8Error) -> CodegenError {
    let offset = error.valid_up_to();
    // Everything before `offset` is valid UTF-8, so lines and columns count characters.
    let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let byte = bytes[offset];
    let reason = match (error.error_len(), byte) {
        (None, _) => format!("the file ends inside the multi-byte sequence that byte 0x{byte:02X} starts"),
        (Some(_), 0x80..=0xBF) => format!("byte 0x{byte:02X} is a continuation byte with no lead byte before it"),
        (Some(_), 0xC0 | 0xC1 | 0xF5..=0xFF) => format!("byte 0x{byte:02X} never occurs in UTF-8"),
        (Some(len), _) => match bytes.get(offset + len) {
            Some(next) => {
                format!("byte 0x{byte:02X} starts a multi-byte sequence that byte 0x{next:02X} does not continue")
            }
            None => format!("byte 0x{byte:02X} starts a multi-byte sequence that is cut short"),
        },
    };
    CodegenError::NotUtf8 {
        file: file.to_owned(),
        offset,
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        reason,
    }
}

fn yaml_error(source: SpecSource<'_>, error: &serde_yaml::Error) -> CodegenError {
    let (line, column) = error.location().map(|l| (l.line(), l.column())).unwrap_or((0, 0));
    CodegenError::Yaml { file: source.file.to_owned(), line, column, reason: error.to_string() }
}

/// Response headers with neither `schema` nor `content` (which OpenAPI
/// requires) are read as strings, with a warning each.
fn repair_headers(source: SpecSource<'_>, raw: &mut Value, warnings: &mut Warnings) {
    fn repair_map(source: SpecSource<'_>, headers: Option<&mut Value>, at: &str, warnings: &mut Warnings) {
        let Some(Value::Mapping(headers)) = headers else { return };
        for (name, header) in headers.iter_mut() {
            let Value::Mapping(header) = header else { continue };
            if ["schema", "content", "$ref"].iter().any(|key| header.contains_key(*key)) {
                continue;
            }
            let mut schema = serde_yaml::Mapping::new();
            schema.insert("type".into(), "string".into());
            header.insert("schema".into(), Value::Mapping(schema));
            warnings.push(
                source.at(pointer::join(at, &key_text(name))),
                "header without `schema` or `content`; read as a string",
            );
        }
    }
    fn repair_responses(source: SpecSource<'_>, responses: Option<&mut Value>, at: &str, warnings: &mut Warnings) {
        let Some(Value::Mapping(responses)) = responses else { return };
        for (status, response) in responses.iter_mut() {
            let response_at = pointer::join(at, &key_text(status));
            repair_map(source, response.get_mut("headers"), &pointer::join(&response_at, "headers"), warnings);
        }
    }
    if let Some(Value::Mapping(paths)) = raw.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let Value::Mapping(item) = item else { continue };
            let path_at = pointer::join("/paths", &key_text(path));
            for (method, operation) in item.iter_mut() {
                let at = pointer::join(&pointer::join(&path_at, &key_text(method)), "responses");
                repair_responses(source, operation.get_mut("responses"), &at, warnings);
            }
        }
    }
    if let Some(components) = raw.get_mut("components") {
        repair_map(source, components.get_mut("headers"), "/components/headers", warnings);
        repair_responses(source, components.get_mut("responses"), "/components/responses", warnings);
    }
}

fn check_version(source: SpecSource<'_>, raw: &Value) -> Result<()> {
    match raw.get("openapi").and_then(Value::as_str) {
        Some(version) if version.starts_with("3.0.") => Ok(()),
        Some(version) => Err(CodegenError::Unsupported {
            at: source.at("/openapi"),
            reason: format!("OpenAPI version {version:?}; only 3.0.x is supported"),
        }),
        None => {
            Err(CodegenError::Shape { at: source.at("/openapi"), reason: "missing `openapi` version string".into() })
        }
    }
}

/// Converts serde_path_to_error's path into a JSON pointer.
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter().fold(String::new(), |acc, segment| match segment {
        Segment::Seq { index } => format!("{acc}/{index}"),
        Segment::Map { key } => pointer::join(&acc, key),
        Segment::Enum { variant } => pointer::join(&acc, variant),
        Segment::Unknown => acc,
    })
}

/// The pointer and reason of the first entry of `paths` or `components` that
/// does not decode on its own.
fn refine(raw: &Value) -> Option<(String, String)> {
    fn first_error<T: serde::de::DeserializeOwned>(map: Option<&Value>, base: &str) -> Option<(String, String)> {
        let Some(Value::Mapping(map)) = map else {
            return None;
        };
        map.iter().find_map(|(key, value)| {
            let at = pointer::join(base, &key_text(key));
            if value.get("$ref").is_some() {
                return None;
            }
            serde_path_to_error::deserialize::<_, T>(value.clone()).err().map(|e| {
                let inner = path_to_pointer(e.path());
                (format!("{at}{inner}"), e.into_inner().to_string())
            })
        })
    }
    use openapiv3::{Parameter, PathItem, RequestBody, Response, Schema};
    let components = raw.get("components");
    let section = |name: &str| components.and_then(|c| c.get(name));
    first_error::<PathItem>(raw.get("paths"), "/paths")
        .or_else(|| first_error::<Schema>(section("schemas"), "/components/schemas"))
        .or_else(|| first_error::<Parameter>(section("parameters"), "/components/parameters"))
        .or_else(|| first_error::<Response>(section("responses"), "/components/responses"))
        .or_else(|| first_error::<RequestBody>(section("requestBodies"), "/components/requestBodies"))
}

pub(crate) fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other).unwrap_or_default().trim().to_owned(),
    }
}

fn check_refs(source: SpecSource<'_>, root: &Value, node: &Value, at: &str) -> Result<()> {
    match node {
        Value::Mapping(map) => {
            if let Some(target) = map.get("$ref") {
                let pointer = pointer::join(at, "$ref");
                let Some(target) = target.as_str() else {
                    return Err(CodegenError::Shape { at: source.at(pointer), reason: "$ref is not a string".into() });
                };
                if resolve(root, target).is_none() {
                    return Err(CodegenError::UnresolvedRef { at: source.at(at), target: target.to_owned() });
                }
            }
            for (key, value) in map {
                check_refs(source, root, value, &pointer::join(at, &key_text(key)))?;
            }
            Ok(())
        }
        Value::Sequence(items) => {
            items.iter().enumerate().try_for_each(|(i, item)| check_refs(source, root, item, &format!("{at}/{i}")))
        }
        _ => Ok(()),
    }
}

/// Resolves a local reference (`#/components/schemas/X`) in the raw document.
pub(crate) fn resolve<'v>(root: &'v Value, target: &str) -> Option<&'v Value> {
    let path = target.strip_prefix("#")?;
    if path.is_empty() {
        return Some(root);
    }
    let path = path.strip_prefix('/')?;
    path.split('/').try_fold(root, |node, token| {
        let token = pointer::unescape(token);
        match node {
            Value::Mapping(map) => map.get(token.as_str()),
            Value::Sequence(items) => items.get(token.parse::<usize>().ok()?),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<OpenAPI> {
        load(SpecSource { file: "t.yaml", text })
    }

    const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

    #[test]
    fn rejects_yaml_errors_with_line() {
        let err = load_text("openapi: [\n").unwrap_err().to_string();
        assert!(err.starts_with("t.yaml:"), "{err}");
    }

    #[test]
    fn names_the_first_byte_that_is_not_utf8() {
        let bytes = b"openapi: 3.0.3\ninfo: {title: \xC3\xA9t\xE9, version: '1'}\n";
        let err = SpecSource::from_bytes("t.yaml", bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.yaml:2:17: not UTF-8: byte 0xE9 starts a multi-byte sequence that byte 0x2C does not continue \
             at byte offset 32; save the file as UTF-8"
        );
        let err = SpecSource::from_bytes("t.yaml", b"a: \xB1").unwrap_err().to_string();
        assert!(err.starts_with("t.yaml:1:4: not UTF-8: byte 0xB1 is a continuation byte"), "{err}");
        let err = SpecSource::from_bytes("t.yaml", b"a: \xE2\x80").unwrap_err().to_string();
        assert!(err.contains("the file ends inside the multi-byte sequence that byte 0xE2 starts"), "{err}");
    }

    #[test]
    fn skips_a_byte_order_mark() {
        assert_eq!(SpecSource::from_bytes("t.yaml", b"\xEF\xBB\xBFa: 1").unwrap().text, "a: 1");
    }

    #[test]
    fn rejects_openapi_31() {
        let err = load_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap_err();
        assert!(err.to_string().contains("only 3.0.x"), "{err}");
    }

    #[test]
    fn reports_unresolved_ref_with_pointer() {
        let text =
            format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n");
        let err = load_text(&text).unwrap_err().to_string();
        assert_eq!(err, "t.yaml#/components/schemas/A: unresolved $ref \"#/components/schemas/B\"");
    }

    #[test]
    fn shape_errors_carry_a_pointer() {
        let text = format!("{HEAD}paths:\n  /a:\n    get:\n      operationId: x\n      responses: 7\n");
        let err = load_text(&text).unwrap_err().to_string();
        assert!(err.starts_with("t.yaml#/paths/~1a/get/responses: not a valid OpenAPI 3.0 document"), "{err}");
    }
}
