//! One async method per operation, and a typed outcome enum per operation.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::validation::{has_rules, Location, Value};
use super::Emitter;
use crate::ir::{
    Media, Method, Operation, Param, ParamLocation, ParamStyle, PathSegment, Shape, StatusMatch, Ty, TypeKind,
};

impl Emitter<'_> {
    /// The client module body: base URLs, `Client`, its methods and outcomes.
    pub fn client(&self) -> TokenStream {
        let rt = &self.runtime;
        let url = |url: &Option<String>| match url {
            Some(url) => quote!(Some(#url)),
            None => quote!(None),
        };
        let live = url(&self.api.base_urls.live);
        let test = url(&self.api.base_urls.test);
        // One checker per distinct correlation-id schema, called by every
        // method whose operation declares it.
        let mut correlation_shapes: Vec<&Shape> = Vec::new();
        for shape in self.api.operations.iter().filter_map(|op| op.correlation_shape.as_ref()) {
            if !correlation_shapes.contains(&shape) {
                correlation_shapes.push(shape);
            }
        }
        let correlation_checker = |index: usize| format_ident!("check_correlation_id_{}", index + 1);
        let mut checkers = Vec::new();
        let mut checker_of: Vec<Option<Ident>> = Vec::new();
        for (index, shape) in correlation_shapes.iter().enumerate() {
            let ident = format_ident!("correlation_id");
            let check = self.input_check("options", Some("correlation_id"), &ident, shape, false);
            if check.is_empty() {
                checker_of.push(None);
                continue;
            }
            let name = correlation_checker(index);
            checkers.push(quote! {
                /// Checks `CallOptions::correlation_id` against the declared correlation header's schema.
                fn #name(options: &rt::client::CallOptions, out: &mut Vec<rt::Violation>) {
                    let correlation_id = options.correlation_id.as_deref();
                    #check
                }
            });
            checker_of.push(Some(name));
        }
        let mut methods = Vec::new();
        let mut outcomes = Vec::new();
        for op in &self.api.operations {
            let outcome = self.outcome_name(op);
            let checker = op
                .correlation_shape
                .as_ref()
                .and_then(|shape| correlation_shapes.iter().position(|s| *s == shape))
                .and_then(|index| checker_of[index].as_ref());
            outcomes.push(self.outcome_enum(op, &outcome));
            methods.push(self.method(op, &outcome, checker));
        }
        let title = format!(" Client for the {} (version {}).", self.api.title, self.api.version);
        quote! {
            #[allow(unused_imports)]
            use super::*;
            use #rt as rt;

            /// The live base URL, from the spec's `live` server.
            pub const LIVE_BASE_URL: Option<&str> = #live;
            /// The test base URL, from the spec's `test` server. Test keys only work here.
            pub const TEST_BASE_URL: Option<&str> = #test;

            #[doc = #title]
            ///
            /// Every method validates its inputs first and sends nothing when
            /// they break the spec; it returns the documented outcome for
            /// every documented status, and a `ClientError` otherwise.
            #[derive(Debug, Clone)]
            pub struct Client {
                core: #rt::client::Core,
            }

            impl Client {
                /// A client for the environment in `config`.
                pub fn new(config: #rt::client::ClientConfig) -> Result<Self, #rt::client::ClientError> {
                    Ok(Client { core: #rt::client::Core::new(config, LIVE_BASE_URL, TEST_BASE_URL)? })
                }

                /// The base URL requests go to.
                pub fn base_url(&self) -> &str {
                    self.core.base_url()
                }

                #(#methods)*
            }

            #(#checkers)*

            #(#outcomes)*
        }
    }

    fn outcome_name(&self, op: &Operation) -> Ident {
        format_ident!("{}", op.outcome_name)
    }

    fn variant_name(status: &StatusMatch) -> Ident {
        let name = match status {
            StatusMatch::Code(code) => match code {
                200 => "Ok".to_owned(),
                201 => "Created".to_owned(),
                202 => "Accepted".to_owned(),
                204 => "NoContent".to_owned(),
                400 => "BadRequest".to_owned(),
                401 => "Unauthorized".to_owned(),
                403 => "Forbidden".to_owned(),
                404 => "NotFound".to_owned(),
                405 => "MethodNotAllowed".to_owned(),
                409 => "Conflict".to_owned(),
                410 => "Gone".to_owned(),
                412 => "PreconditionFailed".to_owned(),
                415 => "UnsupportedMediaType".to_owned(),
                422 => "UnprocessableEntity".to_owned(),
                429 => "TooManyRequests".to_owned(),
                500 => "InternalServerError".to_owned(),
                502 => "BadGateway".to_owned(),
                503 => "ServiceUnavailable".to_owned(),
                504 => "GatewayTimeout".to_owned(),
                other => format!("Status{other}"),
            },
            StatusMatch::Range(digit) => format!("Status{digit}xx"),
            StatusMatch::Default => "Other".to_owned(),
        };
        format_ident!("{}", name)
    }

    fn outcome_enum(&self, op: &Operation, name: &Ident) -> TokenStream {
        let rt = &self.rt;
        let mut variants = Vec::new();
        let mut status_arms = Vec::new();
        for response in &op.responses {
            let variant = Self::variant_name(&response.status);
            let doc = format!(
                " {}: {}",
                status_label(&response.status),
                crate::docs::sanitize(&response.doc).replace('\n', " ")
            );
            let body = response.body.as_ref().map(|shape| self.shape_type(shape));
            let (fields, arm) = match (&response.status, body) {
                (StatusMatch::Code(code), Some(body)) => {
                    let code = proc_macro2::Literal::u16_unsuffixed(*code);
                    (quote!((#body)), quote!(#variant(_) => #code))
                }
                (StatusMatch::Code(code), None) => {
                    let code = proc_macro2::Literal::u16_unsuffixed(*code);
                    (quote!(), quote!(#variant => #code))
                }
                (_, Some(body)) => (quote!((u16, #body)), quote!(#variant(status, _) => *status)),
                (_, None) => (quote!((u16)), quote!(#variant(status) => *status)),
            };
            variants.push(quote! {
                #[doc = #doc]
                #variant #fields,
            });
            status_arms.push(arm);
        }
        let doc = format!(
            " What [`Client::{}`] can return: one variant per documented status.",
            op.rust_name.trim_start_matches("r#")
        );
        let outcome_impl = self.outcome_impl(op, name);
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq)]
            // Matched right after each call: boxing large bodies would only add an allocation.
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#variants)*
            }

            #rt::outcome!(#name { #(#status_arms),* }, #outcome_impl);
        }
    }

    /// The `Outcome` part of the `outcome!` call: the success value is the
    /// body of the only 2xx status (`()` without one), or the outcome itself
    /// when several statuses succeed; then the arms of `into_success`.
    fn outcome_impl(&self, op: &Operation, name: &Ident) -> TokenStream {
        let successes: Vec<_> = op
            .responses
            .iter()
            .filter(|r| match r.status {
                StatusMatch::Code(code) => (200..300).contains(&code),
                StatusMatch::Range(digit) => digit == 2,
                StatusMatch::Default => false,
            })
            .collect();
        let (success, into_success) = match successes.as_slice() {
            [only] if matches!(only.status, StatusMatch::Code(_)) => {
                let variant = Self::variant_name(&only.status);
                match &only.body {
                    Some(shape) => {
                        let body = self.shape_type(shape);
                        (body, quote!(#name::#variant(body) => Ok(body),))
                    }
                    None => (quote!(()), quote!(#name::#variant => Ok(()),)),
                }
            }
            _ => (quote!(Self), quote!(success if success.is_success() => Ok(success),)),
        };
        let error_arm = if op.responses.len() > successes.len() || successes.len() != 1 {
            quote!(other => Err(other),)
        } else {
            quote!()
        };
        quote!(#success, { #into_success #error_arm })
    }

    /// The argument type for an input of some shape: borrowed, `Option` when optional.
    fn input_type(&self, shape: &Shape, required: bool) -> TokenStream {
        let ty = match &shape.ty {
            Ty::String => quote!(&str),
            Ty::Bytes => quote!(&[u8]),
            Ty::Named(name) if self.is_string_alias(name) => quote!(&str),
            Ty::Array(item) => {
                let item = self.shape_type(item);
                quote!(&[#item])
            }
            other => {
                let ty = self.ty(other);
                quote!(&#ty)
            }
        };
        if required {
            ty
        } else {
            quote!(Option<#ty>)
        }
    }

    /// Whether a named type is an alias of a plain string (taken as `&str`).
    fn is_string_alias(&self, name: &str) -> bool {
        matches!(self.api.types.get(name).map(|d| &d.kind), Some(TypeKind::Alias(shape)) if shape.ty == Ty::String && !shape.nullable)
    }

    /// Validation of one input at `/<group>/<name>` into `out`.
    fn input_check(
        &self,
        group: &str,
        name: Option<&str>,
        ident: &Ident,
        shape: &Shape,
        required: bool,
    ) -> TokenStream {
        let path = match name {
            Some(name) => Location::built(quote!(rt::Path::Root.field(#group).field(#name))),
            None => Location::built(quote!(rt::Path::Root.field(#group))),
        };
        let shape = shape.non_null();
        if required {
            self.validation(&shape, false, &Value::reference(ident), &path).unwrap_or_default()
        } else if has_rules(&shape) {
            let body = self.validation(&shape, false, &Value::reference(ident), &path);
            body.map(|body| quote!(if let Some(#ident) = #ident { #body })).unwrap_or_default()
        } else {
            self.validation(&shape, false, &Value::place(quote!(#ident)), &path).unwrap_or_default()
        }
    }

    fn method(&self, op: &Operation, outcome: &Ident, correlation_checker: Option<&Ident>) -> TokenStream {
        let method_ident = rust_ident(&op.rust_name);
        let params: Vec<&Param> = op.params.iter().collect();
        let ordered: Vec<&Param> =
            [ParamLocation::Path, ParamLocation::Header, ParamLocation::Cookie, ParamLocation::Query]
                .iter()
                .flat_map(|location| params.iter().copied().filter(move |p| p.location == *location))
                .collect();
        let mut args = Vec::new();
        let mut names = Vec::new();
        let mut checks = Vec::new();
        let mut arg_docs = Vec::new();
        for p in &ordered {
            let ident = rust_ident(&p.rust_name);
            let ty = self.input_type(&p.shape, p.required);
            args.push(quote!(#ident: #ty));
            names.push(ident.clone());
            let group = match p.location {
                ParamLocation::Path => "path",
                ParamLocation::Query => "query",
                ParamLocation::Header => "header",
                ParamLocation::Cookie => "cookie",
            };
            checks.push(self.input_check(group, Some(&p.wire_name), &ident, &p.shape, p.required));
            checks.push(Self::wire_check(p, &ident));
            let doc = p.doc.as_deref().map(crate::docs::sanitize).unwrap_or_default().replace('\n', " ");
            arg_docs.push(format!(
                "- `{}`: {} {} `{}`. {doc}",
                ident,
                if p.required { "required" } else { "optional" },
                group,
                p.wire_name
            ));
        }
        let body_ident = format_ident!("body");
        if let Some(body) = &op.body {
            let ty = self.input_type(&body.shape, body.required);
            args.push(quote!(#body_ident: #ty));
            names.push(body_ident.clone());
            checks.push(self.input_check("body", None, &body_ident, &body.shape, body.required));
            arg_docs.push(format!(
                "- `body`: {} request body, sent as `{}`.",
                if body.required { "required" } else { "optional" },
                body.content_type
            ));
        }

        let mut build = Vec::new();
        for segment in &op.path.segments {
            match segment {
                PathSegment::Literal(text) => build.push(quote!(request.fixed_segment(#text);)),
                PathSegment::Param(index) => {
                    let param = &op.params[*index];
                    let ident = rust_ident(&param.rust_name);
                    if param.structured {
                        let (name, style, explode) = (&param.wire_name, style_ident(param.style), param.explode);
                        build.push(
                            quote!(request.path_value(#name, #ident, rt::client::ParamStyle::#style, #explode)?;),
                        );
                    } else {
                        build.push(quote!(request.segment(#ident.to_string());));
                    }
                    if param.secret {
                        build.push(quote!(request.secret(#ident);));
                    }
                }
                PathSegment::Mixed(parts) => {
                    let mut pieces = Vec::new();
                    for part in parts {
                        match part {
                            PathSegment::Param(index) => {
                                let param = &op.params[*index];
                                let ident = rust_ident(&param.rust_name);
                                if param.structured {
                                    let (name, style, explode) =
                                        (&param.wire_name, style_ident(param.style), param.explode);
                                    pieces.push(quote!(rt::client::styled_text(#name, #ident, rt::client::ParamStyle::#style, #explode)?));
                                } else {
                                    pieces.push(quote!(#ident.to_string()));
                                }
                                if param.secret {
                                    build.push(quote!(request.secret(#ident);));
                                }
                            }
                            PathSegment::Literal(text) => pieces.push(quote!(#text.to_owned())),
                            PathSegment::Mixed(_) => {}
                        }
                    }
                    build.push(quote!(request.segment([#(#pieces),*].concat());));
                }
            }
        }
        for p in ordered.iter().filter(|p| p.location != ParamLocation::Path) {
            let ident = rust_ident(&p.rust_name);
            let name = &p.wire_name;
            let secret = if p.secret { quote!(request.secret(&text);) } else { quote!() };
            let write = if p.structured {
                let (style, explode) = (style_ident(p.style), p.explode);
                let call = match p.location {
                    ParamLocation::Query => quote!(query_value),
                    ParamLocation::Header => quote!(header_value),
                    _ => quote!(cookie_value),
                };
                quote!(request.#call(#name, value, rt::client::ParamStyle::#style, #explode)?;)
            } else {
                // All cookies go in one `Cookie` header.
                let add = match p.location {
                    ParamLocation::Query => quote!(request.query),
                    ParamLocation::Cookie => quote!(request.cookie),
                    _ => quote!(request.header),
                };
                match &p.shape.ty {
                    Ty::Array(_) if p.location == ParamLocation::Query && p.explode => quote! {
                        for item in value.iter() {
                            let text = item.to_string();
                            #secret
                            #add(#name, text);
                        }
                    },
                    _ => {
                        let text = Self::wire_text(p, &format_ident!("value"));
                        quote! {
                            let text = #text;
                            #secret
                            #add(#name, text);
                        }
                    }
                }
            };
            build.push(if p.required {
                quote!({ let value = #ident; #write })
            } else {
                quote!(if let Some(value) = #ident { #write })
            });
        }
        if let Some(body) = &op.body {
            let content_type = &body.content_type;
            let write = match body.media {
                Media::Json | Media::AnyJson if content_type == "application/json" => {
                    quote!(request.json_body(body)?;)
                }
                Media::Json | Media::AnyJson => quote!(request.json_body_as(body, #content_type)?;),
                Media::Form => quote!(request.form_body(body)?;),
                Media::Multipart => quote!(request.multipart_body(body)?;),
                Media::Text => quote!(request.bytes_body(#content_type, body.as_bytes().to_vec());),
                Media::Binary => quote!(request.bytes_body(#content_type, body.to_vec());),
            };
            build.push(if body.required {
                write
            } else {
                quote!(if let Some(body) = body {
                    #write
                })
            });
        }
        if op.responses.iter().any(|r| r.body.is_some() && r.media != Media::Json) {
            build.push(quote!(request.accept("*/*");));
        }
        if let Some(header) = &op.partner_account_header {
            build.push(quote!(request.partner_account_header(#header);));
        }
        if let Some(header) = &op.idempotency_header {
            build.push(quote!(request.idempotency_key_header(#header);));
        }
        if let Some(header) = &op.correlation_header {
            build.push(quote!(request.correlation_id_header(#header);));
        }
        let http_method = match op.method {
            Method::Get => quote!(Get),
            Method::Post => quote!(Post),
            Method::Put => quote!(Put),
            Method::Patch => quote!(Patch),
            Method::Delete => quote!(Delete),
            Method::Options => quote!(Options),
            Method::Head => quote!(Head),
            Method::Trace => quote!(Trace),
        };

        let mut arms = Vec::new();
        let mut fallbacks = Vec::new();
        for response in &op.responses {
            let variant = Self::variant_name(&response.status);
            let read = match response.media {
                Media::Json => quote!(json),
                Media::AnyJson => quote!(json_any_type),
                Media::Text | Media::Form | Media::Multipart => quote!(text),
                Media::Binary => quote!(bytes),
            };
            let arm = match (&response.status, &response.body) {
                (StatusMatch::Code(code), Some(_)) => {
                    quote!(#code => response.#read().map(#outcome::#variant),)
                }
                (StatusMatch::Code(code), None) => quote!(#code => Ok(#outcome::#variant),),
                (StatusMatch::Range(digit), body) => {
                    let low = digit * 100;
                    let high = low + 99;
                    match body {
                        Some(_) => {
                            quote!(status @ #low..=#high => response.#read().map(|body| #outcome::#variant(status, body)),)
                        }
                        None => quote!(status @ #low..=#high => Ok(#outcome::#variant(status)),),
                    }
                }
                (StatusMatch::Default, Some(_)) => {
                    quote!(status => response.#read().map(|body| #outcome::#variant(status, body)),)
                }
                (StatusMatch::Default, None) => quote!(status => Ok(#outcome::#variant(status)),),
            };
            match response.status {
                StatusMatch::Code(_) => arms.push(arm),
                _ => fallbacks.push((response.status.clone(), arm)),
            }
        }
        fallbacks.sort_by(|a, b| a.0.cmp(&b.0));
        let has_default = fallbacks.iter().any(|(s, _)| *s == StatusMatch::Default);
        arms.extend(fallbacks.into_iter().map(|(_, arm)| arm));
        if !has_default {
            arms.push(quote!(_ => Err(response.unexpected_status()),));
        }

        let mut notes = vec![format!("`{} {}`", op.method.as_str(), op.path.source)];
        if op.deprecated {
            notes.push("**Deprecated** by the API.".to_owned());
        }
        if let Some(header) = &op.idempotency_header {
            notes.push(format!("`{header}` comes from `options`, or is generated; retries reuse it."));
        }
        if let Some(header) = &op.correlation_header {
            notes.push(format!("`{header}` carries `options.correlation_id` when given."));
        }
        notes.push(format!("Arguments:\n\n{}", arg_docs.join("\n")));
        let text = match (&op.summary, &op.description) {
            (Some(s), Some(d)) if s.trim() != d.trim() => Some(format!("{s}\n\n{d}")),
            (Some(s), _) => Some(s.clone()),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => None,
        };
        let docs = doc_attrs(text.as_deref(), &format!("Calls `{}`.", op.id), &notes);
        let op_id = &op.id;
        // With only a `default` response the status match has one binding arm.
        let single_arm = if op.responses.iter().all(|r| r.status == StatusMatch::Default) && !op.responses.is_empty() {
            quote!(#[allow(clippy::match_single_binding)])
        } else {
            quote!()
        };
        let path_template = &op.path.source;
        let allow = |count: usize| if count > 7 { quote!(#[allow(clippy::too_many_arguments)]) } else { quote!() };
        let (allow_plain, allow_with) = (allow(args.len() + 1), allow(args.len() + 2));
        let with_ident = format_ident!("{}_with", method_ident.to_string().trim_start_matches("r#"));
        let with_doc = format!(
            " [`Client::{}`] with per-call options: idempotency key, correlation id, deadline, retry policy, extra headers.",
            method_ident.to_string().trim_start_matches("r#")
        );
        if let Some(checker) = correlation_checker {
            checks.push(quote!(#checker(&options, out);));
        }
        let check_stmt = if checks.iter().all(|c| c.is_empty()) {
            quote!()
        } else {
            quote! {
                let mut check = rt::client::InputCheck::default();
                let out = check.sink();
                #(#checks)*
                check.finish()?;
            }
        };
        quote! {
            #docs
            #allow_plain
            pub async fn #method_ident(&self, #(#args),*) -> Result<rt::client::Response<#outcome>, rt::client::ClientError> {
                self.#with_ident(#(#names,)* rt::client::CallOptions::default()).await
            }

            #[doc = #with_doc]
            #allow_with
            #single_arm
            pub async fn #with_ident(&self, #(#args,)* options: rt::client::CallOptions) -> Result<rt::client::Response<#outcome>, rt::client::ClientError> {
                #check_stmt
                let mut request = rt::client::RequestSpec::new(rt::client::Method::#http_method, #op_id);
                request.path_template(#path_template);
                #(#build)*
                let response = self.core.execute(request, options).await?;
                let outcome = match response.status() {
                    #(#arms)*
                }?;
                Ok(response.into_response(outcome))
            }
        }
    }
}

impl Emitter<'_> {
    /// The text a path or header parameter puts on the wire, from `value`
    /// (the argument, or the value inside an optional one): arrays are
    /// joined with commas.
    fn wire_text(p: &Param, value: &Ident) -> TokenStream {
        match &p.shape.ty {
            Ty::Array(_) => quote!(#value.iter().map(|item| item.to_string()).collect::<Vec<String>>().join(",")),
            _ => quote!(#value.to_string()),
        }
    }

    /// The check that a path value can be one segment, or that a header
    /// value is visible ASCII; nothing for query values (form-encoded).
    fn wire_check(p: &Param, ident: &Ident) -> TokenStream {
        let name = &p.wire_name;
        let value = if p.required { ident.clone() } else { format_ident!("value") };
        let text = match &p.shape.ty {
            Ty::Array(_) => Self::wire_text(p, &value),
            _ => quote!(#value),
        };
        let check = match p.location {
            _ if p.structured => {
                let location = match p.location {
                    ParamLocation::Path => quote!(Path),
                    ParamLocation::Header => quote!(Header),
                    ParamLocation::Cookie => quote!(Cookie),
                    // Form-encoded whatever it holds.
                    ParamLocation::Query => return quote!(),
                };
                let (style, explode) = (style_ident(p.style), p.explode);
                quote!(rt::client::check_param_value(rt::client::ParamIn::#location, #name, #value, rt::client::ParamStyle::#style, #explode, out);)
            }
            ParamLocation::Path => quote!(rt::client::check_path_param(#name, #text, out);),
            ParamLocation::Header => quote!(rt::client::check_header_param(#name, #text, out);),
            ParamLocation::Cookie => quote!(rt::client::check_cookie_param(#name, #text, out);),
            ParamLocation::Query => return quote!(),
        };
        if p.required {
            check
        } else {
            quote!(if let Some(value) = #ident { #check })
        }
    }
}

/// The runtime's `ParamStyle` variant for a style.
fn style_ident(style: ParamStyle) -> Ident {
    format_ident!(
        "{}",
        match style {
            ParamStyle::Simple => "Simple",
            ParamStyle::Label => "Label",
            ParamStyle::Matrix => "Matrix",
            ParamStyle::Form => "Form",
            ParamStyle::SpaceDelimited => "SpaceDelimited",
            ParamStyle::PipeDelimited => "PipeDelimited",
            ParamStyle::DeepObject => "DeepObject",
            ParamStyle::Json => "Json",
        }
    )
}

/// The identifier for a Rust name that may be a raw keyword (`r#type`).
fn rust_ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
}

fn status_label(status: &StatusMatch) -> String {
    match status {
        StatusMatch::Code(code) => code.to_string(),
        StatusMatch::Range(digit) => format!("{digit}XX"),
        StatusMatch::Default => "any other status".to_owned(),
    }
}
