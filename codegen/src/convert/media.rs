//! Media types of request and response bodies: how a body of each type is
//! written or read, which one is preferred when a body documents several,
//! what each is called, and the `Accept` header of an operation.

use indexmap::IndexMap;
use openapiv3::MediaType;

use crate::ir::Media;
use crate::naming;

/// A media type without parameters, in lower case.
pub fn essence(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// How a body of `content_type` is handled.
pub fn classify(content_type: &str) -> Media {
    match essence(content_type).as_str() {
        "application/json" => Media::Json,
        "*/*" | "application/*" => Media::AnyJson,
        "application/x-www-form-urlencoded" => Media::Form,
        "multipart/form-data" | "multipart/mixed" => Media::Multipart,
        "application/xml" => Media::Text,
        other if other.ends_with("+json") => Media::Json,
        other if other.starts_with("text/") || other.ends_with("+xml") => Media::Text,
        _ => Media::Binary,
    }
}

/// The preference of a media type, lowest first: JSON, vendor `+json`
/// types, `*/*`, form, multipart, text and finally any other (bytes).
fn rank(content_type: &str) -> u8 {
    match classify(content_type) {
        Media::Json if essence(content_type) == "application/json" => 0,
        Media::Json => 1,
        Media::AnyJson => 2,
        Media::Form => 3,
        Media::Multipart => 4,
        Media::Text => 5,
        Media::Binary => 6,
    }
}

/// The documented media types, the preferred first (document order among equals).
pub fn by_preference(content: &IndexMap<String, MediaType>) -> Vec<(&String, &MediaType, Media)> {
    let mut all: Vec<(&String, &MediaType, Media)> =
        content.iter().map(|(content_type, media)| (content_type, media, classify(content_type))).collect();
    all.sort_by_key(|(content_type, _, _)| rank(content_type));
    all
}

/// The preferred media type of a body.
pub fn choose(content: &IndexMap<String, MediaType>) -> Option<(&String, &MediaType, Media)> {
    by_preference(content).into_iter().next()
}

/// The content type a request body of media type `content_type` is sent
/// with: a range names no one type, so `*/*` and `application/*` go as
/// JSON, `text/*` as `text/plain` and any other range as bytes.
pub fn sent_as(content_type: &str) -> String {
    match essence(content_type).as_str() {
        "*/*" | "application/*" => "application/json".to_owned(),
        "text/*" => "text/plain".to_owned(),
        range if range.ends_with("/*") => "application/octet-stream".to_owned(),
        _ => content_type.to_owned(),
    }
}

/// Whether a media type can go in a `Content-Type` or `Accept` header as
/// it is: visible ASCII with single inner spaces, and no comma.
pub fn header_safe(content_type: &str) -> bool {
    !content_type.is_empty()
        && content_type.bytes().all(|b| (0x20..=0x7e).contains(&b) && b != b',')
        && !content_type.starts_with(' ')
        && !content_type.ends_with(' ')
}

/// The variant of a body enum for media type `content_type`: `Json`,
/// `Form`, `Multipart`, `Any` for `*/*`, `Text` for `text/plain`, `Any`
/// and the type for another range (`AnyImage`), else the subtype (`Csv`,
/// `Xml`, `ScimJson`, `OctetStream`).
pub fn variant_name(content_type: &str) -> String {
    let essence = essence(content_type);
    match essence.as_str() {
        "application/json" => "Json".to_owned(),
        "application/x-www-form-urlencoded" => "Form".to_owned(),
        "multipart/form-data" => "Multipart".to_owned(),
        "*/*" => "Any".to_owned(),
        "text/plain" => "Text".to_owned(),
        range if range.ends_with("/*") => format!("Any{}", naming::type_name(range.trim_end_matches("/*"))),
        other => naming::type_name(other.rsplit('/').next().unwrap_or(other)),
    }
}

/// The `Accept` header for responses documenting `content_types`: each
/// once, the preferred first and the others at `q=0.9`; `None` when that
/// is just `application/json`, which the client sends anyway.
pub fn accept<'a>(content_types: impl IntoIterator<Item = &'a String>) -> Option<String> {
    let mut listed: Vec<&String> = Vec::new();
    for content_type in content_types {
        if !listed.iter().any(|known| essence(known) == essence(content_type)) {
            listed.push(content_type);
        }
    }
    listed.sort_by_key(|content_type| rank(content_type));
    match listed.as_slice() {
        [] => None,
        [only] if essence(only) == "application/json" => None,
        [first, rest @ ..] => {
            let mut header = first.to_string();
            for other in rest {
                header.push_str(&format!(", {other};q=0.9"));
            }
            Some(header)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_essence() {
        assert_eq!(classify("application/json; charset=utf-8"), Media::Json);
        assert_eq!(classify("application/vnd.github.v3+json"), Media::Json);
        assert_eq!(classify("*/*"), Media::AnyJson);
        assert_eq!(classify("application/x-www-form-urlencoded"), Media::Form);
        assert_eq!(classify("multipart/form-data"), Media::Multipart);
        assert_eq!(classify("text/csv"), Media::Text);
        assert_eq!(classify("application/xml"), Media::Text);
        assert_eq!(classify("image/jpeg"), Media::Binary);
        assert_eq!(classify("application/octet-stream"), Media::Binary);
    }

    #[test]
    fn prefers_json_and_keeps_document_order_among_equals() {
        let mut content = IndexMap::new();
        for key in ["text/plain", "text/csv", "application/x-www-form-urlencoded", "application/json"] {
            content.insert(key.to_owned(), MediaType::default());
        }
        let order: Vec<&str> = by_preference(&content).into_iter().map(|(key, _, _)| key.as_str()).collect();
        assert_eq!(order, ["application/json", "application/x-www-form-urlencoded", "text/plain", "text/csv"]);
        assert_eq!(choose(&content).map(|(key, _, _)| key.as_str()), Some("application/json"));
    }

    #[test]
    fn names_sends_and_accepts() {
        let names: Vec<String> = [
            "application/json",
            "application/scim+json",
            "text/csv",
            "text/plain",
            "*/*",
            "image/*",
            "application/octet-stream",
        ]
        .into_iter()
        .map(variant_name)
        .collect();
        assert_eq!(names, ["Json", "ScimJson", "Csv", "Text", "Any", "AnyImage", "OctetStream"]);
        assert_eq!(sent_as("*/*"), "application/json");
        assert_eq!(sent_as("text/*"), "text/plain");
        assert_eq!(sent_as("image/*"), "application/octet-stream");
        assert_eq!(sent_as("text/csv"), "text/csv");
        let types = ["text/csv".to_owned(), "application/json".to_owned(), "application/JSON".to_owned()];
        assert_eq!(accept(&types).as_deref(), Some("application/json, text/csv;q=0.9"));
        assert_eq!(accept(&types[1..]), None, "just JSON: the default");
        assert!(header_safe("application/json; charset=utf-8"));
        assert!(!header_safe("a/b, c/d") && !header_safe("text/\u{e9}") && !header_safe(""));
    }
}
