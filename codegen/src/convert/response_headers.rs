//! The headers a response declares: each one typed by its schema and read
//! from header text in OpenAPI's `simple` style, except the ones the
//! runtime reads into `ResponseMeta` itself.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use openapiv3::{Header, ParameterSchemaOrContent, ReferenceOr};

use super::{media, Converter};
use crate::error::Result;
use crate::ir::{HeaderReading, Media, MetaField, ResponseHeader, Shape, Ty, TypeDef, TypeKind};
use crate::naming;
use crate::pointer;

/// Headers the runtime reads into `ResponseMeta` for every response
/// (`runtime/client/metadata.rs` and `response.rs`): rate limits into
/// `rate_limit`, correlation ids into `correlation_id`. They get no field
/// of their own.
const READ_BY_RUNTIME: &[(&str, MetaField)] = &[
    ("x-ratelimit-limit", MetaField::RateLimit),
    ("x-ratelimit-remaining", MetaField::RateLimit),
    ("x-ratelimit-reset", MetaField::RateLimit),
    ("klarna-correlation-id", MetaField::CorrelationId),
    ("correlation-id", MetaField::CorrelationId),
    ("partner-correlation-id", MetaField::CorrelationId),
];

impl Converter<'_> {
    /// The headers of one response, in document order; `context` names
    /// inline types (`<Operation>Response<status>`).
    pub(super) fn response_headers(
        &mut self,
        headers: &IndexMap<String, ReferenceOr<Header>>,
        context: &str,
        at: &str,
    ) -> Result<Vec<ResponseHeader>> {
        let mut out = Vec::new();
        for (name, header) in headers {
            // OpenAPI: a response header named `Content-Type` is ignored.
            if name.eq_ignore_ascii_case("content-type") {
                continue;
            }
            let header_at = pointer::join(at, name);
            let (header, header_at) = self.resolve(header, "headers", |c| &c.headers, &header_at)?;
            let in_meta =
                READ_BY_RUNTIME.iter().find(|(known, _)| name.eq_ignore_ascii_case(known)).map(|(_, field)| *field);
            let (shape, reading) = if in_meta.is_some() {
                (Shape::plain(Ty::String), HeaderReading::Text)
            } else {
                self.header_type(name, &header.format, &format!("{context}{}", naming::type_name(name)), &header_at)?
            };
            out.push(ResponseHeader {
                wire_name: name.clone(),
                rust_name: naming::value_name(name),
                doc: header.description.clone(),
                required: header.required,
                shape,
                reading,
                secret: super::operation::is_secret_name(name),
                in_meta,
            });
        }
        let typed: Vec<usize> = (0..out.len()).filter(|&i| out[i].in_meta.is_none()).collect();
        let names = naming::dedupe(typed.iter().map(|&i| out[i].rust_name.clone()).collect());
        for (i, name) in typed.into_iter().zip(names) {
            out[i].rust_name = name;
        }
        Ok(out)
    }

    /// The type of a header and how its text is read: its schema when that
    /// can be read from text (a scalar, an enum, a newtype of one, an array
    /// of them), JSON for JSON `content`, else a string with a warning.
    fn header_type(
        &mut self,
        name: &str,
        format: &ParameterSchemaOrContent,
        context: &str,
        at: &str,
    ) -> Result<(Shape, HeaderReading)> {
        let as_text = (Shape::plain(Ty::String), HeaderReading::Text);
        match format {
            ParameterSchemaOrContent::Schema(schema) => {
                let schema_at = format!("{at}/schema");
                let shape = self.shape(schema, context, &schema_at)?.non_null();
                match self.reading(&shape.ty) {
                    Some(reading) => Ok((shape, reading)),
                    None => {
                        self.warn(
                            &schema_at,
                            format!("response header `{name}`: this schema cannot be read from header text; read as a string"),
                        );
                        Ok(as_text)
                    }
                }
            }
            ParameterSchemaOrContent::Content(content) => {
                let Some((content_type, media, kind)) = media::choose(content) else { return Ok(as_text) };
                let schema_at = format!("{at}/content/{}/schema", pointer::escape(content_type));
                match (kind, &media.schema) {
                    (Media::Json | Media::AnyJson, Some(schema)) => {
                        Ok((self.shape(schema, context, &schema_at)?.non_null(), HeaderReading::Json))
                    }
                    (Media::Text, _) => Ok(as_text),
                    _ => {
                        self.warn(
                            &format!("{at}/content"),
                            format!("response header `{name}` as `{content_type}`; read as a string"),
                        );
                        Ok(as_text)
                    }
                }
            }
        }
    }

    /// How a header of type `ty` is read from text, if it can be.
    fn reading(&self, ty: &Ty) -> Option<HeaderReading> {
        match scalar_reading(&self.types, ty, 0)? {
            Scalar::Single(reading) => Some(reading),
            Scalar::List(HeaderReading::Text) => Some(HeaderReading::TextList),
            Scalar::List(HeaderReading::Number) => Some(HeaderReading::NumberList),
            Scalar::List(HeaderReading::Boolean) => Some(HeaderReading::BooleanList),
            Scalar::List(_) => None,
        }
    }
}

/// A header value read as one scalar or as a list of scalars.
enum Scalar {
    Single(HeaderReading),
    List(HeaderReading),
}

/// How text is read into `ty`, following named types through aliases and
/// newtypes (at most 16 deep); `None` for objects, maps, unions and bytes.
fn scalar_reading(types: &BTreeMap<String, TypeDef>, ty: &Ty, depth: u8) -> Option<Scalar> {
    if depth > 16 {
        return None;
    }
    Some(match ty {
        Ty::String | Ty::Json => Scalar::Single(HeaderReading::Text),
        Ty::I32 | Ty::I64 | Ty::F64 => Scalar::Single(HeaderReading::Number),
        Ty::Bool => Scalar::Single(HeaderReading::Boolean),
        Ty::Array(item) => match scalar_reading(types, &item.ty, depth + 1)? {
            Scalar::Single(reading) if !item.nullable => Scalar::List(reading),
            _ => return None,
        },
        Ty::Named(name) => match &types.get(name)?.kind {
            TypeKind::Enum(_) => Scalar::Single(HeaderReading::Text),
            TypeKind::Newtype(shape) | TypeKind::Alias(shape) if !shape.nullable => {
                scalar_reading(types, &shape.ty, depth + 1)?
            }
            _ => return None,
        },
        Ty::Map(_) | Ty::JsonObject | Ty::Bytes => return None,
    })
}
