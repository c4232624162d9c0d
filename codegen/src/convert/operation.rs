//! Operations, parameters, bodies, responses and callbacks.

use openapiv3::{Operation as OaOperation, Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, StatusCode};

use super::media;
use super::Converter;
use crate::error::Result;
use crate::ir::{
    Body, Media, Method, Operation, Param, ParamLocation, QueryStyle, Response, Shape, StatusMatch, Ty, Webhook,
};
use crate::naming;
use crate::pointer;

const JSON: &str = "application/json";

impl Converter<'_> {
    /// Converts every operation and callback, in document order.
    pub(super) fn operations(&mut self) -> Result<(Vec<Operation>, Vec<Webhook>)> {
        let mut operations = Vec::new();
        let mut webhooks = Vec::new();
        let document = self.document;
        for (path, item) in &document.paths.paths {
            let path_at = pointer::join("/paths", path);
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { .. } => return Err(self.unsupported(&path_at, "$ref path items")),
            };
            for (method, operation) in methods(item) {
                let at = pointer::join(&path_at, method);
                operations.push(self.operation(path, method, item, operation, &at)?);
                for (name, callback) in &operation.callbacks {
                    let callback_at = pointer::join(&pointer::join(&at, "callbacks"), name);
                    let owner = operation.operation_id.clone().unwrap_or_default();
                    webhooks.extend(self.callback(name, &owner, callback, &callback_at)?);
                }
            }
        }
        let mut webhooks = merge_same_webhooks(webhooks);
        let names = naming::dedupe(webhooks.iter().map(|w: &Webhook| w.rust_name.clone()).collect());
        for (webhook, name) in webhooks.iter_mut().zip(names) {
            webhook.rust_name = name;
        }
        Ok((operations, webhooks))
    }

    fn operation(
        &mut self,
        path: &str,
        method: &str,
        item: &PathItem,
        op: &OaOperation,
        at: &str,
    ) -> Result<Operation> {
        let id = op.operation_id.clone().unwrap_or_default();
        let context = naming::type_name(&id);
        let mut params: Vec<Param> = Vec::new();
        let inherited = item
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, format!("{}/parameters/{i}", at.rsplit_once('/').map_or(at, |(base, _)| base))));
        let own = op.parameters.iter().enumerate().map(|(i, p)| (p, format!("{at}/parameters/{i}")));
        for (param, param_at) in inherited.chain(own) {
            let param = self.param(param, &context, &param_at)?;
            params.retain(|p| !(p.wire_name == param.wire_name && p.location == param.location));
            params.push(param);
        }
        let names = naming::dedupe(params.iter().map(|p| p.rust_name.clone()).collect());
        for (param, name) in params.iter_mut().zip(names) {
            param.rust_name = name;
        }
        let body = match &op.request_body {
            None => None,
            Some(body) => {
                let body_at = format!("{at}/requestBody");
                let (body, body_at) = self.resolve(body, "requestBodies", |c| &c.request_bodies, &body_at)?;
                let (content_type, media, kind) = media::choose(&body.content)
                    .ok_or_else(|| self.unsupported(&body_at, "a request body without content"))?;
                self.warn_unused_media(&body.content, content_type, &body_at);
                let schema_at = format!("{body_at}/content/{}/schema", pointer::escape(content_type));
                let shape = self.body_shape(media, kind, &format!("{context}Request"), &schema_at)?;
                // A `*/*` request body is sent as JSON.
                let (content_type, kind) = match kind {
                    Media::AnyJson => (JSON.to_owned(), Media::Json),
                    _ => (content_type.clone(), kind),
                };
                let example = media.example.clone().or_else(|| {
                    media.examples.values().find_map(|e| match e {
                        ReferenceOr::Item(example) => example.value.clone(),
                        ReferenceOr::Reference { .. } => None,
                    })
                });
                Some(Body { shape, required: body.required, content_type, media: kind, example })
            }
        };
        let mut responses = Vec::new();
        let declared = op.responses.responses.iter().map(|(status, response)| (status_match(status), response));
        for (status, response) in declared.chain(op.responses.default.iter().map(|r| (StatusMatch::Default, r))) {
            let key = match &status {
                StatusMatch::Code(code) => code.to_string(),
                StatusMatch::Range(digit) => format!("{digit}XX"),
                StatusMatch::Default => "default".to_owned(),
            };
            let response_at = pointer::join(&format!("{at}/responses"), &key);
            let (response, response_at) = self.resolve(response, "responses", |c| &c.responses, &response_at)?;
            let (body, media) =
                match self.response_body(&response.content, &format!("{context}Response{key}"), &response_at)? {
                    Some((shape, media)) => (Some(shape), media),
                    None => (None, Media::Json),
                };
            let headers = response.headers.keys().cloned().collect();
            responses.push(Response { status, doc: response.description.clone(), body, media, headers });
        }
        let method = http_method(method).ok_or_else(|| self.unsupported(at, format!("HTTP method {method}")))?;
        let security: Vec<Vec<String>> = op
            .security
            .as_ref()
            .or(self.document.security.as_ref())
            .map(|alternatives| alternatives.iter().map(|req| req.keys().cloned().collect()).collect())
            .unwrap_or_default();
        let conventions = self.convention_headers(method, &security, &mut params, at);
        let path = super::path::parse(path, &params).map_err(|reason| self.unsupported(at, reason))?;
        Ok(Operation {
            rust_name: naming::value_name(&id),
            id,
            method,
            path,
            summary: op.summary.clone(),
            description: op.description.clone(),
            deprecated: op.deprecated,
            params,
            body,
            responses,
            security,
            pointer: at.to_owned(),
            idempotency_header: conventions.idempotency,
            correlation_header: conventions.correlation,
            correlation_shape: conventions.correlation_shape,
            partner_account_header: conventions.partner_account,
        })
    }

    /// Warns about each documented media type the client does not use, so a
    /// body is never dropped silently.
    fn warn_unused_media(
        &mut self,
        content: &indexmap::IndexMap<String, openapiv3::MediaType>,
        chosen: &str,
        at: &str,
    ) {
        for other in content.keys().filter(|other| other.as_str() != chosen) {
            self.warn(
                &format!("{at}/content/{}", pointer::escape(other)),
                format!("media type `{other}` is documented too; the client uses `{chosen}`"),
            );
        }
    }

    /// The body of a response (or callback request) and how it is read;
    /// `None` without content, or for `*/*` without a schema.
    fn response_body(
        &mut self,
        content: &indexmap::IndexMap<String, openapiv3::MediaType>,
        context: &str,
        at: &str,
    ) -> Result<Option<(Shape, Media)>> {
        let Some((content_type, media, kind)) = media::choose(content) else {
            return Ok(None);
        };
        self.warn_unused_media(content, content_type, at);
        if kind == Media::AnyJson && media.schema.is_none() {
            return Ok(None);
        }
        let kind = match kind {
            Media::Form | Media::Multipart => Media::Text,
            other => other,
        };
        let schema_at = format!("{at}/content/{}/schema", pointer::escape(content_type));
        Ok(Some((self.body_shape(media, kind, context, &schema_at)?, kind)))
    }

    /// The shape of a body: its schema for JSON, form and multipart bodies
    /// (any JSON value without one), a string for text, bytes otherwise.
    fn body_shape(&mut self, media: &openapiv3::MediaType, kind: Media, context: &str, at: &str) -> Result<Shape> {
        Ok(match (kind, &media.schema) {
            (Media::Text, _) => Shape::plain(Ty::String),
            (Media::Binary, _) => Shape::plain(Ty::Bytes),
            (_, Some(schema)) => self.shape(schema, context, at)?,
            (_, None) => Shape::plain(Ty::Json),
        })
    }

    fn param(&mut self, param: &ReferenceOr<Parameter>, context: &str, at: &str) -> Result<Param> {
        let (param, at) = self.resolve(param, "parameters", |c| &c.parameters, at)?;
        let param = param.into_owned();
        let at = at.as_str();
        let mut style = QueryStyle::Form;
        let (location, data, explode) = match &param {
            Parameter::Path { parameter_data, .. } => (ParamLocation::Path, parameter_data, false),
            Parameter::Query { parameter_data, style: written, .. } => {
                style = match written {
                    openapiv3::QueryStyle::Form => QueryStyle::Form,
                    openapiv3::QueryStyle::SpaceDelimited => QueryStyle::SpaceDelimited,
                    openapiv3::QueryStyle::PipeDelimited => QueryStyle::PipeDelimited,
                    openapiv3::QueryStyle::DeepObject => QueryStyle::DeepObject,
                };
                (ParamLocation::Query, parameter_data, parameter_data.explode.unwrap_or(style == QueryStyle::Form))
            }
            Parameter::Header { parameter_data, .. } => (ParamLocation::Header, parameter_data, false),
            Parameter::Cookie { parameter_data, .. } => (ParamLocation::Cookie, parameter_data, false),
        };
        let ParameterSchemaOrContent::Schema(schema) = &data.format else {
            return Err(self.unsupported(at, "parameters described by `content` instead of `schema`"));
        };
        let shape =
            self.shape(schema, &format!("{context}{}", naming::type_name(&data.name)), &format!("{at}/schema"))?;
        Ok(Param {
            wire_name: data.name.clone(),
            rust_name: naming::value_name(&data.name),
            location,
            required: data.required || location == ParamLocation::Path,
            shape,
            doc: data.description.clone(),
            explode,
            style,
            structured: false,
            example: data.example.clone().or_else(|| match schema {
                ReferenceOr::Item(schema) => schema.schema_data.example.clone(),
                ReferenceOr::Reference { .. } => None,
            }),
            secret: is_secret_name(&data.name),
        })
    }

    fn callback(&mut self, name: &str, owner: &str, callback: &openapiv3::Callback, at: &str) -> Result<Vec<Webhook>> {
        let mut webhooks = Vec::new();
        for (expression, item) in callback {
            let item_at = pointer::join(at, expression);
            for (method, operation) in methods(item) {
                let op_at = pointer::join(&item_at, method);
                let body_at = format!("{op_at}/requestBody");
                let body = operation
                    .request_body
                    .as_ref()
                    .ok_or_else(|| self.unsupported(&op_at, "a callback without a request body"))?;
                let (body, body_at) = self.resolve(body, "requestBodies", |c| &c.request_bodies, &body_at)?;
                let (shape, _) = self
                    .response_body(&body.content, &format!("{}Webhook", naming::type_name(name)), &body_at)?
                    .ok_or_else(|| self.unsupported(&body_at, "a callback body without content"))?;
                let event_types = self.event_types(operation, &op_at)?;
                let context = naming::type_name(name);
                let mut headers = Vec::new();
                for (i, param) in operation.parameters.iter().enumerate() {
                    headers.push(self.param(param, &context, &format!("{op_at}/parameters/{i}"))?);
                }
                webhooks.push(Webhook {
                    name: name.to_owned(),
                    rust_name: naming::type_name(name),
                    operation_id: owner.to_owned(),
                    also_on: Vec::new(),
                    headers,
                    doc: operation.summary.clone().or_else(|| operation.description.clone()),
                    body: shape,
                    deprecated: operation.deprecated,
                    event_types,
                });
            }
        }
        Ok(webhooks)
    }

    /// `x-klarna-event-types` of a callback operation: a list of strings.
    fn event_types(&self, operation: &OaOperation, at: &str) -> Result<Vec<String>> {
        let Some(value) = operation.extensions.get(EVENT_TYPES_EXTENSION) else {
            return Ok(Vec::new());
        };
        let at = pointer::join(at, EVENT_TYPES_EXTENSION);
        let items = value.as_array().ok_or_else(|| self.unsupported(&at, "must be a list of event type strings"))?;
        items
            .iter()
            .map(|item| item.as_str().map(str::to_owned).ok_or_else(|| self.unsupported(&at, "must hold strings only")))
            .collect()
    }
}

/// The callback extension naming the `metadata.event_type` values of a callback.
const EVENT_TYPES_EXTENSION: &str = "x-klarna-event-types";

/// One webhook per callback name and payload: a callback of the same name,
/// payload and headers on another operation only adds that operation (and
/// its event types) to the first.
fn merge_same_webhooks(webhooks: Vec<Webhook>) -> Vec<Webhook> {
    let mut merged: Vec<Webhook> = Vec::new();
    for webhook in webhooks {
        let headers = |w: &Webhook| -> Vec<(String, bool)> {
            w.headers.iter().map(|p| (p.wire_name.to_ascii_lowercase(), p.required)).collect()
        };
        let same = merged
            .iter_mut()
            .find(|m| m.name == webhook.name && m.body == webhook.body && headers(m) == headers(&webhook));
        match same {
            Some(first) => {
                first.also_on.push(webhook.operation_id);
                for event_type in webhook.event_types {
                    if !first.event_types.contains(&event_type) {
                        first.event_types.push(event_type);
                    }
                }
                first.deprecated &= webhook.deprecated;
            }
            None => merged.push(webhook),
        }
    }
    merged
}

/// The operations of a path item in a fixed method order.
fn methods(item: &PathItem) -> impl Iterator<Item = (&'static str, &OaOperation)> {
    [
        ("get", &item.get),
        ("put", &item.put),
        ("post", &item.post),
        ("delete", &item.delete),
        ("options", &item.options),
        ("head", &item.head),
        ("patch", &item.patch),
        ("trace", &item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_ref().map(|op| (method, op)))
}

/// The methods the client can send.
fn http_method(method: &str) -> Option<Method> {
    Some(match method {
        "get" => Method::Get,
        "put" => Method::Put,
        "post" => Method::Post,
        "delete" => Method::Delete,
        "patch" => Method::Patch,
        "options" => Method::Options,
        "head" => Method::Head,
        "trace" => Method::Trace,
        _ => return None,
    })
}

fn status_match(status: &StatusCode) -> StatusMatch {
    match status {
        StatusCode::Code(code) => StatusMatch::Code(*code),
        StatusCode::Range(digit) => StatusMatch::Range(*digit),
    }
}

/// Whether a parameter carries a credential, by its name: a name ending in
/// `token` (`customerToken`, `X-Klarna-Customer-Token`). Its values are
/// redacted from everything the client shows.
fn is_secret_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with("token")
}
