//! Request and response bodies: one kind per documented media type (the
//! preferred first), each with its shape and, for form and multipart
//! bodies, how members are written.

use indexmap::IndexMap;
use openapiv3::{MediaType, ReferenceOr, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty};

use super::{media, Converter};
use crate::error::Result;
use crate::ir::{Body, BodyKind, Media, MemberEncoding, ParamStyle, Shape, Ty};
use crate::naming;
use crate::pointer;

/// Schemas already converted for an earlier media type of the same body,
/// so that one inline schema documented twice is one type.
type Converted<'c> = Vec<(&'c ReferenceOr<Schema>, Shape)>;

impl Converter<'_> {
    /// The request body of an operation: every documented media type the
    /// client can send, the preferred (JSON) first.
    pub(super) fn request_body(&mut self, op: &openapiv3::Operation, context: &str, at: &str) -> Result<Option<Body>> {
        let Some(body) = &op.request_body else { return Ok(None) };
        let body_at = format!("{at}/requestBody");
        let (body, body_at) = self.resolve(body, "requestBodies", |c| &c.request_bodies, &body_at)?;
        let documented = media::by_preference(&body.content);
        if documented.is_empty() {
            self.warn(&body_at, "request body without `content`; the operation sends no body");
            return Ok(None);
        }
        let mut kinds: Vec<BodyKind> = Vec::new();
        let mut converted: Converted<'_> = Vec::new();
        let mut example = None;
        for (content_type, media_type, kind) in documented {
            let media_at = pointer::join(&format!("{body_at}/content"), content_type);
            let sent = media::sent_as(content_type);
            if !media::header_safe(&sent) {
                self.warn(
                    &media_at,
                    format!("media type `{content_type}` cannot be sent as a `Content-Type`; left out"),
                );
                continue;
            }
            // A range such as `*/*` is sent as JSON.
            let kind = if kind == Media::AnyJson { Media::Json } else { kind };
            let type_context = match kinds.is_empty() {
                true => format!("{context}Request"),
                false => format!("{context}Request{}", media::variant_name(content_type)),
            };
            let shape = self.kind_shape(media_type, kind, &type_context, &media_at, &mut converted)?;
            if kinds.iter().any(|known| known.content_types[0] == sent && known.shape == shape) {
                continue;
            }
            let encodings = self.encodings(media_type, kind, &media_at)?;
            if kinds.is_empty() {
                example = example_of(media_type);
            }
            kinds.push(BodyKind {
                content_types: vec![sent],
                media: kind,
                shape,
                variant: media::variant_name(content_type),
                encodings,
            });
        }
        if kinds.is_empty() {
            return Ok(None);
        }
        name_variants(&mut kinds);
        Ok(Some(Body { required: body.required, kinds, enum_name: None, example }))
    }

    /// The body of a response (or callback request): one kind per way it
    /// is read, the preferred first. JSON-like media types with the same
    /// shape share a kind (`application/json` and `application/scim+json`);
    /// form and multipart responses are read as
    /// text; `*/*` without a schema is no body on its own and bytes beside
    /// other types.
    pub(super) fn response_body(
        &mut self,
        content: &IndexMap<String, MediaType>,
        context: &str,
        at: &str,
    ) -> Result<Vec<BodyKind>> {
        let documented = media::by_preference(content);
        let alone = documented.len() == 1;
        let mut kinds: Vec<BodyKind> = Vec::new();
        let mut converted: Converted<'_> = Vec::new();
        for (content_type, media_type, kind) in documented {
            let kind = match kind {
                Media::Form | Media::Multipart => Media::Text,
                Media::AnyJson if media_type.schema.is_none() && alone => continue,
                Media::AnyJson if media_type.schema.is_none() => Media::Binary,
                other => other,
            };
            let media_at = pointer::join(&format!("{at}/content"), content_type);
            let shape = self.kind_shape(media_type, kind, context, &media_at, &mut converted)?;
            // JSON-like types with one schema decode into the same value;
            // other types share a kind only with their own repeats (`text/csv`
            // and `text/csv; charset=utf-8`): CSV and XML text differ.
            let json = |media: Media| matches!(media, Media::Json | Media::AnyJson);
            let alike = |known: &BodyKind| {
                let same_type = known.media == kind
                    && known.content_types.iter().any(|known| media::essence(known) == media::essence(content_type));
                (same_type || json(known.media) && json(kind)) && known.shape == shape
            };
            if let Some(same) = kinds.iter_mut().find(|known| alike(known)) {
                same.content_types.push(content_type.clone());
                if kind == Media::AnyJson {
                    same.media = Media::AnyJson;
                }
                continue;
            }
            kinds.push(BodyKind {
                content_types: vec![content_type.clone()],
                media: kind,
                shape,
                variant: media::variant_name(content_type),
                encodings: Vec::new(),
            });
        }
        name_variants(&mut kinds);
        Ok(kinds)
    }

    /// Warns about each media type of a callback body other than the one
    /// its webhook is read as, so none is dropped silently.
    pub(super) fn warn_unread_media(&mut self, content: &IndexMap<String, MediaType>, read: &BodyKind, at: &str) {
        for other in content.keys().filter(|other| !read.content_types.contains(other)) {
            self.warn(
                &pointer::join(&format!("{at}/content"), other),
                format!("media type `{other}` is documented too; the webhook is read as `{}`", read.content_types[0]),
            );
        }
    }

    /// The shape of one media type's body: its schema for JSON, form and
    /// multipart bodies (any JSON value without one; a schema an earlier
    /// media type of the body had gives the same shape), a string for
    /// text, bytes otherwise.
    fn kind_shape<'c>(
        &mut self,
        media_type: &'c MediaType,
        kind: Media,
        context: &str,
        media_at: &str,
        converted: &mut Converted<'c>,
    ) -> Result<Shape> {
        Ok(match (kind, &media_type.schema) {
            (Media::Text, _) => Shape::plain(Ty::String),
            (Media::Binary, _) => Shape::plain(Ty::Bytes),
            (_, Some(schema)) => match converted.iter().find(|(known, _)| *known == schema) {
                Some((_, shape)) => shape.clone(),
                None => {
                    let shape = self.shape(schema, context, &pointer::join(media_at, "schema"))?;
                    converted.push((schema, shape.clone()));
                    shape
                }
            },
            (_, None) => Shape::plain(Ty::Json),
        })
    }

    /// How the members of a form or multipart body are written where that
    /// differs from the default: a form member's `style` and `explode` (or
    /// a JSON `contentType`), a multipart part's `contentType`, and binary
    /// members, which go as file parts.
    fn encodings(&mut self, media_type: &MediaType, kind: Media, media_at: &str) -> Result<Vec<MemberEncoding>> {
        let mut out = Vec::new();
        match kind {
            Media::Form => {
                for (name, encoding) in &media_type.encoding {
                    let json = encoding.content_type.as_deref().is_some_and(|ct| media::classify(ct) == Media::Json);
                    let style = match (json, &encoding.style) {
                        (true, _) => ParamStyle::Json,
                        (false, None | Some(openapiv3::QueryStyle::Form)) => ParamStyle::Form,
                        (false, Some(openapiv3::QueryStyle::SpaceDelimited)) => ParamStyle::SpaceDelimited,
                        (false, Some(openapiv3::QueryStyle::PipeDelimited)) => ParamStyle::PipeDelimited,
                        (false, Some(openapiv3::QueryStyle::DeepObject)) => ParamStyle::DeepObject,
                    };
                    // The loader wrote the default `explode` where none was stated.
                    let explode = encoding.explode;
                    if style != ParamStyle::Form || !explode {
                        out.push(MemberEncoding {
                            name: name.clone(),
                            style,
                            explode,
                            content_type: None,
                            file: false,
                        });
                    }
                }
            }
            Media::Multipart => {
                let files = match &media_type.schema {
                    Some(schema) => self.binary_members(schema),
                    None => Vec::new(),
                };
                let mut names: Vec<&String> = media_type.encoding.keys().collect();
                names.extend(files.iter().filter(|file| !media_type.encoding.contains_key(*file)));
                for name in names {
                    let declared = media_type.encoding.get(name).and_then(|e| e.content_type.clone());
                    // The first of a listed range names the part's type.
                    let content_type = declared.map(|ct| ct.split(',').next().unwrap_or_default().trim().to_owned());
                    let content_type = match content_type {
                        Some(ct) if !media::header_safe(&ct) => {
                            let at =
                                pointer::join(&pointer::join(&format!("{media_at}/encoding"), name), "contentType");
                            self.warn(&at, format!("`{ct}` cannot be a part's `Content-Type`; the default is used"));
                            None
                        }
                        other => other,
                    };
                    let file = files.contains(name);
                    if content_type.is_some() || file {
                        out.push(MemberEncoding {
                            name: name.clone(),
                            style: ParamStyle::Form,
                            explode: true,
                            content_type,
                            file,
                        });
                    }
                }
            }
            _ => {}
        }
        Ok(out)
    }

    /// The members of an object schema that are binary (`format: binary`,
    /// or an array of such), following `$ref`s.
    fn binary_members(&mut self, schema: &ReferenceOr<Schema>) -> Vec<String> {
        let Some(schema) = self.followed(schema) else { return Vec::new() };
        let properties = match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => &object.properties,
            SchemaKind::Any(any) => &any.properties,
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        for (name, member) in properties {
            let member = self.followed(&member.clone().unbox());
            let binary = member.is_some_and(|member| match &member.schema_kind {
                SchemaKind::Type(Type::Array(array)) => array
                    .items
                    .as_ref()
                    .and_then(|items| self.followed(&items.clone().unbox()))
                    .is_some_and(|item| is_binary(&item)),
                _ => is_binary(&member),
            });
            if binary {
                out.push(name.clone());
            }
        }
        out
    }

    /// A schema, or the one its `$ref` points at.
    fn followed(&mut self, schema: &ReferenceOr<Schema>) -> Option<Schema> {
        match schema {
            ReferenceOr::Item(schema) => Some(schema.clone()),
            ReferenceOr::Reference { reference } => self.schema_at(reference).map(|(schema, _)| schema),
        }
    }
}

/// Whether a schema is a binary string.
fn is_binary(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(string)) => string.format == VariantOrUnknownOrEmpty::Item(StringFormat::Binary),
        SchemaKind::Any(any) => any.format.as_deref() == Some("binary"),
        _ => false,
    }
}

/// The example of a media type: `example`, else the first inline `examples` value.
fn example_of(media_type: &MediaType) -> Option<serde_json::Value> {
    media_type.example.clone().or_else(|| {
        media_type.examples.values().find_map(|e| match e {
            ReferenceOr::Item(example) => example.value.clone(),
            ReferenceOr::Reference { .. } => None,
        })
    })
}

/// Variant names made distinct in order (`Json`, `Json2`).
fn name_variants(kinds: &mut [BodyKind]) {
    let names = naming::dedupe(kinds.iter().map(|k| k.variant.clone()).collect());
    for (kind, name) in kinds.iter_mut().zip(names) {
        kind.variant = name;
    }
}
