//! One async method per operation, and a typed outcome enum per operation.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::validation::{has_rules, Location, Value};
use super::Emitter;
use crate::ir::{
    HeaderReading, HeadersType, Method, Operation, Param, ParamLocation, ParamStyle, PathSegment, Response, Shape,
    StatusMatch, Ty, TypeKind,
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
            outcomes.push(self.request_body_enum(op));
            outcomes.push(self.outcome_enum(op, &outcome));
            methods.push(self.method(op, &outcome, checker));
        }
        let title = format!(" Client for the {} (version {}).", self.api.title, self.api.version);
        let security_schemes = self.security_schemes();
        quote! {
            #[allow(unused_imports)]
            use super::*;
            use #rt as rt;

            /// The live base URL, from the spec's `live` server.
            pub const LIVE_BASE_URL: Option<&str> = #live;
            /// The test base URL, from the spec's `test` server. Test keys only work here.
            pub const TEST_BASE_URL: Option<&str> = #test;

            #security_schemes

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
                /// A client for the environment and credentials in `config`;
                /// credentials named after none of [`SECURITY_SCHEMES`], or
                /// of the wrong kind for theirs, are refused.
                pub fn new(config: #rt::client::ClientConfig) -> Result<Self, #rt::client::ClientError> {
                    Ok(Client { core: #rt::client::Core::new(config, LIVE_BASE_URL, TEST_BASE_URL, SECURITY_SCHEMES)? })
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
        format_ident!("{}", status.variant_name())
    }

    fn outcome_enum(&self, op: &Operation, name: &Ident) -> TokenStream {
        let rt = &self.rt;
        let mut variants = Vec::new();
        let mut headers_structs = Vec::new();
        let mut status_arms = Vec::new();
        for response in &op.responses {
            let variant = Self::variant_name(&response.status);
            let mut in_meta: Vec<&str> = Vec::new();
            for field in response.headers.iter().filter_map(|h| h.in_meta) {
                if !in_meta.contains(&field.name()) {
                    in_meta.push(field.name());
                }
            }
            let in_meta = match in_meta.as_slice() {
                [] => String::new(),
                fields => {
                    let fields: Vec<String> = fields.iter().map(|f| format!("`meta().{f}`")).collect();
                    format!(" Headers in {}.", fields.join(" and "))
                }
            };
            let doc = format!(
                " {}: {}{in_meta}",
                status_label(&response.status),
                crate::docs::sanitize(&response.doc).replace('\n', " ")
            );
            let mut fields = Vec::new();
            if !matches!(response.status, StatusMatch::Code(_)) {
                fields.push(quote!(u16));
            }
            fields.extend(self.response_body_type(response));
            fields.extend(response.headers_type.as_ref().map(|headers| {
                let ident = format_ident!("{}", headers.name);
                quote!(#ident)
            }));
            let ignored = vec![quote!(_); fields.len().saturating_sub(1)];
            let arm = match &response.status {
                StatusMatch::Code(code) => {
                    let code = proc_macro2::Literal::u16_unsuffixed(*code);
                    if fields.is_empty() {
                        quote!(#variant => #code)
                    } else {
                        quote!(#variant(_ #(, #ignored)*) => #code)
                    }
                }
                _ => quote!(#variant(status #(, #ignored)*) => *status),
            };
            let fields = if fields.is_empty() { quote!() } else { quote!((#(#fields),*)) };
            headers_structs.push(self.response_body_enum(op, response));
            if let Some(headers) = &response.headers_type {
                headers_structs.push(self.headers_struct(op, response, headers));
            }
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

            #(#headers_structs)*
        }
    }

    /// The headers struct of one response, with its `FromHeaders`
    /// implementation, or an alias of an identical earlier one.
    fn headers_struct(&self, op: &Operation, response: &Response, headers: &HeadersType) -> TokenStream {
        let rt = &self.rt;
        let name = format_ident!("{}", headers.name);
        let which = match &response.status {
            StatusMatch::Code(code) => format!("the {code} response"),
            StatusMatch::Range(digit) => format!("{digit}XX responses"),
            StatusMatch::Default => "responses of other statuses".to_owned(),
        };
        let doc = format!(
            " Typed headers of {which} of [`Client::{}`]; one absent or unparsable is `None` (its text is in `meta().headers`).",
            op.rust_name.trim_start_matches("r#")
        );
        if let Some(first) = &headers.same_as {
            let first = format_ident!("{}", first);
            return quote! {
                #[doc = #doc]
                pub type #name = #first;
            };
        }
        let mut fields = Vec::new();
        let mut reads = Vec::new();
        for header in response.headers.iter().filter(|h| h.in_meta.is_none()) {
            let ident = rust_ident(&header.rust_name);
            let ty = self.shape_type(&header.shape);
            let ty = if header.secret { quote!(#rt::client::Secret<#ty>) } else { ty };
            let text = header.doc.as_deref().map(crate::docs::sanitize).unwrap_or_default().replace('\n', " ");
            let required = if header.required { " (required)" } else { "" };
            let secret = if header.secret { " Secret: `Debug` shows it redacted." } else { "" };
            let doc = match text.trim() {
                "" => format!(" `{}`{required}.{secret}", header.wire_name),
                text => format!(" `{}`{required}: {text}{secret}", header.wire_name),
            };
            fields.push(quote! {
                #[doc = #doc]
                pub #ident: Option<#ty>,
            });
            let wire = &header.wire_name;
            let kind = format_ident!(
                "{}",
                match header.reading {
                    HeaderReading::Text => "Text",
                    HeaderReading::Number => "Number",
                    HeaderReading::Boolean => "Boolean",
                    HeaderReading::TextList => "TextList",
                    HeaderReading::NumberList => "NumberList",
                    HeaderReading::BooleanList => "BooleanList",
                    HeaderReading::Json => "Json",
                }
            );
            reads.push(quote!(#ident: #wire #kind));
        }
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Default, PartialEq)]
            #[non_exhaustive]
            pub struct #name {
                #(#fields)*
            }

            #rt::response_headers!(#name { #(#reads),* });
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
                let headers = only.headers_type.as_ref().map(|h| format_ident!("{}", h.name));
                match (self.response_body_type(only), headers) {
                    (Some(body), None) => (body, quote!(#name::#variant(body) => Ok(body),)),
                    // The body is the success value; the headers stay in the outcome.
                    (Some(body), Some(_)) => (body, quote!(#name::#variant(body, _) => Ok(body),)),
                    // Without a body, the typed headers are what the success gives.
                    (None, Some(headers)) => (quote!(#headers), quote!(#name::#variant(headers) => Ok(headers),)),
                    (None, None) => (quote!(()), quote!(#name::#variant => Ok(()),)),
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
    pub(super) fn input_type(&self, shape: &Shape, required: bool) -> TokenStream {
        let ty = self.borrowed_type(shape, &quote!());
        if required {
            ty
        } else {
            quote!(Option<#ty>)
        }
    }

    /// A borrowed value of some shape (`&str` for text, `&[T]` for arrays),
    /// with `lifetime` (`'a`, or nothing).
    pub(super) fn borrowed_type(&self, shape: &Shape, lifetime: &TokenStream) -> TokenStream {
        match &shape.ty {
            Ty::String => quote!(&#lifetime str),
            Ty::Bytes => quote!(&#lifetime [u8]),
            Ty::Named(name) if self.is_string_alias(name) => quote!(&#lifetime str),
            Ty::Array(item) => {
                let item = self.shape_type(item);
                quote!(&#lifetime [#item])
            }
            other => {
                let ty = self.ty(other);
                quote!(&#lifetime #ty)
            }
        }
    }

    /// Whether a named type is an alias of a plain string (taken as `&str`).
    fn is_string_alias(&self, name: &str) -> bool {
        matches!(self.api.types.get(name).map(|d| &d.kind), Some(TypeKind::Alias(shape)) if shape.ty == Ty::String && !shape.nullable)
    }

    /// Validation of one input at `/<group>/<name>` into `out`.
    pub(super) fn input_check(
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
            let ty = self.body_argument_type(body);
            args.push(quote!(#body_ident: #ty));
            names.push(body_ident.clone());
            checks.push(self.body_check(body));
            arg_docs.push(self.body_argument_doc(body));
        }

        let mut build = Vec::new();
        // Runs of fixed segments go in one call: `v2/accounts`.
        let mut fixed: Vec<&str> = Vec::new();
        let flush = |fixed: &mut Vec<&str>, build: &mut Vec<TokenStream>| {
            if !fixed.is_empty() {
                let run = fixed.join("/");
                build.push(quote!(request.fixed_segments(#run);));
                fixed.clear();
            }
        };
        for segment in &op.path.segments {
            if let PathSegment::Literal(text) = segment {
                fixed.push(text);
                continue;
            }
            flush(&mut fixed, &mut build);
            match segment {
                PathSegment::Literal(_) => {}
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
        flush(&mut fixed, &mut build);
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
                    _ if !p.secret => {
                        let text = Self::wire_text(p, &format_ident!("value"));
                        quote!(#add(#name, #text);)
                    }
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
            build.push(match (p.required, p.structured || p.secret || matches!(p.shape.ty, Ty::Array(_))) {
                // A plain required value: one line.
                (true, false) => {
                    let text = Self::wire_text(p, &ident);
                    let add = match p.location {
                        ParamLocation::Query => quote!(request.query),
                        ParamLocation::Cookie => quote!(request.cookie),
                        _ => quote!(request.header),
                    };
                    quote!(#add(#name, #text);)
                }
                (true, true) => quote!({ let value = #ident; #write }),
                (false, _) => quote!(if let Some(value) = #ident { #write }),
            });
        }
        if let Some(body) = &op.body {
            build.push(self.body_write(body));
        }
        if let Some(accept) = &op.accept {
            build.push(quote!(request.accept(#accept);));
        }
        build.push(Self::security_call(op));
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
            let read = self.body_read(response);
            let pattern = match &response.status {
                StatusMatch::Code(code) => quote!(#code),
                StatusMatch::Range(digit) => {
                    let low = digit * 100;
                    let high = low + 99;
                    quote!(status @ #low..=#high)
                }
                StatusMatch::Default => quote!(status),
            };
            let mut fields = Vec::new();
            if !matches!(response.status, StatusMatch::Code(_)) {
                fields.push(quote!(status));
            }
            if !response.body.is_empty() {
                fields.push(quote!(body));
            }
            if response.headers_type.is_some() {
                fields.push(quote!(response.typed_headers()));
            }
            let value =
                if fields.is_empty() { quote!(#outcome::#variant) } else { quote!(#outcome::#variant(#(#fields),*)) };
            let arm = match response.body.is_empty() {
                false if fields.len() == 1 => quote!(#pattern => #read.map(#outcome::#variant),),
                false => quote!(#pattern => #read.map(|body| #value),),
                true => quote!(#pattern => Ok(#value),),
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
        notes.push(self.security_note(op));
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
            pub async fn #method_ident(&self, #(#args),*) -> rt::client::CallResult<#outcome> {
                self.#with_ident(#(#names,)* rt::client::CallOptions::default()).await
            }

            #[doc = #with_doc]
            #allow_with
            #single_arm
            pub async fn #with_ident(&self, #(#args,)* options: rt::client::CallOptions) -> rt::client::CallResult<#outcome> {
                #check_stmt
                let mut request = rt::client::RequestSpec::new(rt::client::Method::#http_method, #op_id, #path_template);
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
pub(super) fn style_ident(style: ParamStyle) -> Ident {
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
