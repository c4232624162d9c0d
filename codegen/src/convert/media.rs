//! Media types of request and response bodies: which one an operation uses
//! when it documents several, and how a body of that type is written or read.

use indexmap::IndexMap;
use openapiv3::MediaType;

use crate::ir::Media;

/// How a body of `content_type` is handled.
pub fn classify(content_type: &str) -> Media {
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence.as_str() {
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

/// The media type an operation uses: JSON first, then vendor `+json`
/// types, `*/*`, form, multipart, text and finally any other (bytes).
pub fn choose(content: &IndexMap<String, MediaType>) -> Option<(&String, &MediaType, Media)> {
    let rank = |content_type: &str| match (classify(content_type), content_type) {
        (Media::Json, "application/json") => 0,
        (Media::Json, _) => 1,
        (Media::AnyJson, _) => 2,
        (Media::Form, _) => 3,
        (Media::Multipart, _) => 4,
        (Media::Text, _) => 5,
        (Media::Binary, _) => 6,
    };
    content
        .iter()
        .min_by_key(|(content_type, _)| rank(content_type))
        .map(|(content_type, media)| (content_type, media, classify(content_type)))
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
    fn prefers_json() {
        let mut content = IndexMap::new();
        for key in ["text/plain", "application/x-www-form-urlencoded", "application/json"] {
            content.insert(key.to_owned(), MediaType::default());
        }
        assert_eq!(choose(&content).map(|(key, _, _)| key.as_str()), Some("application/json"));
    }
}
