//! Operations, parameters, bodies, responses and callbacks.

use openapiv3::{Operation as OaOperation, Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, StatusCode};

use super::media;
use super::Converter;
use crate::error::Result;
use crate::ir::{
    Media, Method, Operation, Param, ParamLocation, ParamStyle, Response, Shape, StatusMatch, Ty, Webhook,
};
use crate::naming;
use crate::pointer;

impl Converter<'_> {
    /// Converts every operation and callback, in document order.
    pub(super) fn operations(&mut self) -> Result<(Vec<Operation>, Vec<Webhook>)> {
        let mut operations = Vec::new();
        let mut webhooks = Vec::new();
        let document = self.document;
        for (path, item) in &document.paths.paths {
            let path_at = pointer::join("/paths", path);
            // The loader has inlined every path item `$ref` but the endless ones, which it reported.
            let ReferenceOr::Item(item) = item else { continue };
            for (key, method, operation) in methods(item) {
                let at = pointer::join(&path_at, key);
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
        method: Method,
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
        let body = self.request_body(op, &context, at)?;
        let mut responses = Vec::new();
        let mut accepted: Vec<String> = Vec::new();
        let declared = op.responses.responses.iter().map(|(status, response)| (status_match(status), response));
        for (status, response) in declared.chain(op.responses.default.iter().map(|r| (StatusMatch::Default, r))) {
            let key = match &status {
                StatusMatch::Code(code) => code.to_string(),
                StatusMatch::Range(digit) => format!("{digit}XX"),
                StatusMatch::Default => "default".to_owned(),
            };
            let response_at = pointer::join(&format!("{at}/responses"), &key);
            let (response, response_at) = self.resolve(response, "responses", |c| &c.responses, &response_at)?;
            let body = self.response_body(&response.content, &format!("{context}Response{key}"), &response_at)?;
            for content_type in response.content.keys() {
                if media::header_safe(content_type) {
                    accepted.push(content_type.clone());
                } else {
                    self.warn(
                        &pointer::join(&format!("{response_at}/content"), content_type),
                        format!("media type `{content_type}` cannot be listed in `Accept`; left out of it"),
                    );
                }
            }
            let headers = self.response_headers(
                &response.headers,
                &format!("{context}Response{key}"),
                &pointer::join(&response_at, "headers"),
            )?;
            responses.push(Response {
                status,
                doc: response.description.clone(),
                body,
                body_type: None,
                headers,
                headers_type: None,
            });
        }
        let security = self.operation_security(op.security.as_ref(), at);
        let conventions = self.convention_headers(method, security.partner_account, &mut params, at);
        let parsed = super::path::parse(path, &mut params);
        for problem in parsed.problems {
            self.warn(at, problem);
        }
        let names = naming::dedupe(params.iter().map(|p| p.rust_name.clone()).collect());
        for (param, name) in params.iter_mut().zip(names) {
            param.rust_name = name;
        }
        Ok(Operation {
            rust_name: String::new(),
            outcome_name: String::new(),
            id,
            method,
            path: parsed.template,
            summary: op.summary.clone(),
            description: op.description.clone(),
            deprecated: op.deprecated,
            params,
            body,
            responses,
            accept: media::accept(&accepted),
            security: security.alternatives,
            pointer: at.to_owned(),
            idempotency_header: conventions.idempotency,
            correlation_header: conventions.correlation,
            correlation_shape: conventions.correlation_shape,
            partner_account_header: conventions.partner_account,
        })
    }

    fn param(&mut self, param: &ReferenceOr<Parameter>, context: &str, at: &str) -> Result<Param> {
        let (param, at) = self.resolve(param, "parameters", |c| &c.parameters, at)?;
        let param = param.into_owned();
        let at = at.as_str();
        let (location, data, style) = match &param {
            Parameter::Path { parameter_data, style } => (
                ParamLocation::Path,
                parameter_data,
                match style {
                    openapiv3::PathStyle::Simple => ParamStyle::Simple,
                    openapiv3::PathStyle::Label => ParamStyle::Label,
                    openapiv3::PathStyle::Matrix => ParamStyle::Matrix,
                },
            ),
            Parameter::Query { parameter_data, style, .. } => (
                ParamLocation::Query,
                parameter_data,
                match style {
                    openapiv3::QueryStyle::Form => ParamStyle::Form,
                    openapiv3::QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
                    openapiv3::QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
                    openapiv3::QueryStyle::DeepObject => ParamStyle::DeepObject,
                },
            ),
            Parameter::Header { parameter_data, .. } => (ParamLocation::Header, parameter_data, ParamStyle::Simple),
            Parameter::Cookie { parameter_data, .. } => (ParamLocation::Cookie, parameter_data, ParamStyle::Form),
        };
        // `explode` defaults to true for `form` only.
        let explode = data.explode.unwrap_or(style == ParamStyle::Form);
        let context = format!("{context}{}", naming::type_name(&data.name));
        let (schema, style, shape) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                (Some(schema), style, self.shape(schema, &context, &format!("{at}/schema"))?)
            }
            ParameterSchemaOrContent::Content(content) => self.content_param(content, style, &context, at)?,
        };
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
                Some(ReferenceOr::Item(schema)) => schema.schema_data.example.clone(),
                _ => None,
            }),
            secret: is_secret_name(&data.name),
        })
    }

    /// A parameter described by `content`: its one media type's schema,
    /// written as JSON text for a JSON media type and as text otherwise.
    fn content_param<'c>(
        &mut self,
        content: &'c indexmap::IndexMap<String, openapiv3::MediaType>,
        style: ParamStyle,
        context: &str,
        at: &str,
    ) -> Result<(Option<&'c ReferenceOr<openapiv3::Schema>>, ParamStyle, Shape)> {
        let Some((content_type, media)) = content.iter().next() else {
            self.warn(&pointer::join(at, "content"), "parameter `content` without a media type; read as a string");
            return Ok((None, style, Shape::plain(Ty::String)));
        };
        if content.len() > 1 {
            self.warn(
                &pointer::join(at, "content"),
                format!("parameter `content` must have exactly one media type; `{content_type}` is used"),
            );
        }
        let media_at = pointer::join(&pointer::join(at, "content"), content_type);
        let json = matches!(media::classify(content_type), Media::Json | Media::AnyJson);
        let shape = match &media.schema {
            Some(schema) => self.shape(schema, context, &pointer::join(&media_at, "schema"))?,
            None if json => Shape::plain(Ty::Json),
            None => Shape::plain(Ty::String),
        };
        Ok((media.schema.as_ref(), if json { ParamStyle::Json } else { style }, shape))
    }

    fn callback(&mut self, name: &str, owner: &str, callback: &openapiv3::Callback, at: &str) -> Result<Vec<Webhook>> {
        let mut webhooks = Vec::new();
        for (expression, item) in callback {
            let item_at = pointer::join(at, expression);
            for (key, _, operation) in methods(item) {
                let op_at = pointer::join(&item_at, key);
                let shape = self.callback_payload(operation, name, &op_at)?;
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

    /// The payload of a callback: its request body; any JSON value, with a
    /// warning, when it declares none.
    fn callback_payload(&mut self, operation: &OaOperation, name: &str, at: &str) -> Result<Shape> {
        let Some(body) = &operation.request_body else {
            self.warn(at, "callback without a request body; its payload is read as any JSON value");
            return Ok(Shape::plain(Ty::Json));
        };
        let (body, body_at) =
            self.resolve(body, "requestBodies", |c| &c.request_bodies, &format!("{at}/requestBody"))?;
        let kinds = self.response_body(&body.content, &format!("{}Webhook", naming::type_name(name)), &body_at)?;
        match kinds.into_iter().next() {
            Some(kind) => {
                self.warn_unread_media(&body.content, &kind, &body_at);
                Ok(kind.shape)
            }
            None => {
                self.warn(&body_at, "callback body without a schema; its payload is read as any JSON value");
                Ok(Shape::plain(Ty::Json))
            }
        }
    }

    /// `x-klarna-event-types` of a callback operation: a list of strings;
    /// anything else is ignored with a warning.
    fn event_types(&mut self, operation: &OaOperation, at: &str) -> Result<Vec<String>> {
        let Some(value) = operation.extensions.get(EVENT_TYPES_EXTENSION) else {
            return Ok(Vec::new());
        };
        let at = pointer::join(at, EVENT_TYPES_EXTENSION);
        let strings: Option<Vec<String>> =
            value.as_array().and_then(|items| items.iter().map(|item| item.as_str().map(str::to_owned)).collect());
        if strings.is_none() {
            self.warn(&at, "must be a list of event type strings; ignored");
        }
        Ok(strings.unwrap_or_default())
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

/// The operations of a path item in a fixed method order, with the
/// method's key in the path item.
fn methods(item: &PathItem) -> impl Iterator<Item = (&'static str, Method, &OaOperation)> {
    [
        ("get", Method::Get, &item.get),
        ("put", Method::Put, &item.put),
        ("post", Method::Post, &item.post),
        ("delete", Method::Delete, &item.delete),
        ("options", Method::Options, &item.options),
        ("head", Method::Head, &item.head),
        ("patch", Method::Patch, &item.patch),
        ("trace", Method::Trace, &item.trace),
    ]
    .into_iter()
    .filter_map(|(key, method, op)| op.as_ref().map(|op| (key, method, op)))
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
pub(super) fn is_secret_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with("token")
}
