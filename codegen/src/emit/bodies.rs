//! Client bodies: the argument of a request body (an enum when it is
//! documented in several media types), how it is written, and how a
//! response body is read by the content type received.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;
use crate::ir::{Body, BodyKind, Media, Operation, Response, StatusMatch};

impl Emitter<'_> {
    /// The type of the `body` argument: the one kind's input type, or the
    /// operation's body enum; `Option` when the body is optional.
    pub(super) fn body_argument_type(&self, body: &Body) -> TokenStream {
        match &body.enum_name {
            Some(name) => {
                let name = format_ident!("{}", name);
                if body.required {
                    quote!(#name<'_>)
                } else {
                    quote!(Option<#name<'_>>)
                }
            }
            None => self.input_type(&body.preferred().shape, body.required),
        }
    }

    /// The line of the method docs that tells what `body` is sent as.
    pub(super) fn body_argument_doc(&self, body: &Body) -> String {
        let required = if body.required { "required" } else { "optional" };
        match &body.enum_name {
            Some(name) => {
                let kinds: Vec<String> =
                    body.kinds.iter().map(|k| format!("`{}` as `{}`", k.variant, k.content_types[0])).collect();
                format!(
                    "- `body`: {required} request body in the media type of your choice ([`{name}`]): {}.",
                    kinds.join(", ")
                )
            }
            None => format!("- `body`: {required} request body, sent as `{}`.", body.preferred().content_types[0]),
        }
    }

    /// Validation of the `body` argument into `out`, whichever kind it is.
    pub(super) fn body_check(&self, body: &Body) -> TokenStream {
        let ident = format_ident!("body");
        let Some(name) = &body.enum_name else {
            return self.input_check("body", None, &ident, &body.preferred().shape, body.required);
        };
        let name = format_ident!("{}", name);
        let checks: Vec<TokenStream> =
            body.kinds.iter().map(|kind| self.input_check("body", None, &ident, &kind.shape, true)).collect();
        if checks.iter().all(TokenStream::is_empty) {
            return quote!();
        }
        let arms = body.kinds.iter().zip(&checks).map(|(kind, check)| {
            let variant = format_ident!("{}", kind.variant);
            if check.is_empty() {
                quote!(#name::#variant(_) => {})
            } else {
                quote!(#name::#variant(body) => { #check })
            }
        });
        let check = quote!(match body { #(#arms)* });
        if body.required {
            check
        } else {
            quote!(if let Some(body) = body { #check })
        }
    }

    /// The statements that put the `body` argument on the request.
    pub(super) fn body_write(&self, body: &Body) -> TokenStream {
        let write = match &body.enum_name {
            None => write_kind(body.preferred()),
            Some(name) => {
                let name = format_ident!("{}", name);
                let arms = body.kinds.iter().map(|kind| {
                    let variant = format_ident!("{}", kind.variant);
                    let write = write_kind(kind);
                    quote!(#name::#variant(body) => { #write })
                });
                quote!(match body { #(#arms)* })
            }
        };
        if body.required {
            write
        } else {
            quote!(if let Some(body) = body { #write })
        }
    }

    /// The request body enum of an operation whose body is documented in
    /// several media types.
    pub(super) fn request_body_enum(&self, op: &Operation) -> TokenStream {
        let Some((body, name)) = op.body.as_ref().and_then(|b| Some((b, b.enum_name.as_ref()?))) else {
            return quote!();
        };
        let name = format_ident!("{}", name);
        let doc = format!(
            " The request body of [`Client::{}`], in one of the media types it documents; each variant is sent as its own.",
            op.rust_name.trim_start_matches("r#")
        );
        let variants = body.kinds.iter().map(|kind| {
            let variant = format_ident!("{}", kind.variant);
            let ty = self.borrowed_type(&kind.shape, &quote!('a));
            let doc = format!(" Sent as `{}`{}.", kind.content_types[0], media_note(kind));
            quote! {
                #[doc = #doc]
                #variant(#ty),
            }
        });
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Copy)]
            pub enum #name<'a> {
                #(#variants)*
            }
        }
    }

    /// The type a response's outcome variant holds for its body: the one
    /// kind's type or the response's body enum; `None` without a body.
    pub(super) fn response_body_type(&self, response: &Response) -> Option<TokenStream> {
        match (&response.body_type, response.body.first()) {
            (Some(name), _) => {
                let name = format_ident!("{}", name);
                Some(quote!(#name))
            }
            (None, Some(kind)) => Some(self.shape_type(&kind.shape)),
            (None, None) => None,
        }
    }

    /// The body enum of a response documented in several media types
    /// that are read differently.
    pub(super) fn response_body_enum(&self, op: &Operation, response: &Response) -> TokenStream {
        let Some(name) = &response.body_type else { return quote!() };
        let name = format_ident!("{}", name);
        let which = match &response.status {
            StatusMatch::Code(code) => format!("the {code} response"),
            StatusMatch::Range(digit) => format!("{digit}XX responses"),
            StatusMatch::Default => "responses of other statuses".to_owned(),
        };
        let doc = format!(
            " The body of {which} of [`Client::{}`], read by the content type received (the first variant when it is none of these).",
            op.rust_name.trim_start_matches("r#")
        );
        let variants = response.body.iter().map(|kind| {
            let variant = format_ident!("{}", kind.variant);
            let ty = self.shape_type(&kind.shape);
            let types: Vec<String> = kind.content_types.iter().map(|ct| format!("`{ct}`")).collect();
            let doc = format!(" Received as {}.", types.join(" or "));
            quote! {
                #[doc = #doc]
                #variant(#ty),
            }
        });
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq)]
            // Matched right after each call, like the outcome: boxing would only add an allocation.
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#variants)*
            }
        }
    }

    /// The expression that reads a response's body (`Result<_, ClientError>`):
    /// by its one kind, or by the documented media type the received
    /// content type matches, the preferred kind otherwise.
    pub(super) fn body_read(&self, response: &Response) -> TokenStream {
        let Some(name) = &response.body_type else {
            let read = response.body.first().map(read_method).unwrap_or_else(|| format_ident!("json"));
            return quote!(response.#read());
        };
        let name = format_ident!("{}", name);
        let documented: Vec<&str> =
            response.body.iter().flat_map(|kind| kind.content_types.iter().map(String::as_str)).collect();
        let mut arms = Vec::new();
        let mut index = 0usize;
        for (position, kind) in response.body.iter().enumerate() {
            let indices: Vec<TokenStream> = (index..index + kind.content_types.len())
                .map(|i| {
                    let i = proc_macro2::Literal::usize_unsuffixed(i);
                    quote!(#i)
                })
                .collect();
            index += kind.content_types.len();
            if position == 0 {
                continue;
            }
            let (read, variant) = (read_method(kind), format_ident!("{}", kind.variant));
            arms.push(quote!(Some(#(#indices)|*) => response.#read().map(#name::#variant),));
        }
        let first = &response.body[0];
        let (read, variant) = (read_method(first), format_ident!("{}", first.variant));
        quote! {
            match response.media_among(&[#(#documented),*]) {
                #(#arms)*
                _ => response.#read().map(#name::#variant),
            }
        }
    }
}

/// The `RawResponse` method that reads a body of this kind.
fn read_method(kind: &BodyKind) -> Ident {
    format_ident!(
        "{}",
        match kind.media {
            Media::Json => "json",
            Media::AnyJson => "json_any_type",
            Media::Text | Media::Form | Media::Multipart => "text",
            Media::Binary => "bytes",
        }
    )
}

/// How a request body of one kind is written, after its content type.
fn media_note(kind: &BodyKind) -> &'static str {
    match kind.media {
        Media::Form => ", members by their `encoding` (`form` style by default)",
        Media::Multipart => ", one part per member, binary members as files",
        _ => "",
    }
}

/// The statement that writes `body` (a reference to one kind's value).
fn write_kind(kind: &BodyKind) -> TokenStream {
    let content_type = &kind.content_types[0];
    let encodings = kind.encodings.iter().map(|encoding| {
        let name = &encoding.name;
        match kind.media {
            Media::Multipart => {
                let part = match &encoding.content_type {
                    Some(content_type) => quote!(Some(#content_type)),
                    None => quote!(None),
                };
                let file = encoding.file;
                quote!(rt::client::MemberEncoding::part(#name, #part, #file))
            }
            _ => {
                let style = super::client::style_ident(encoding.style);
                let explode = encoding.explode;
                quote!(rt::client::MemberEncoding::styled(#name, rt::client::ParamStyle::#style, #explode))
            }
        }
    });
    match kind.media {
        Media::Json | Media::AnyJson if content_type == "application/json" => quote!(request.json_body(body)?;),
        Media::Json | Media::AnyJson => quote!(request.json_body_as(body, #content_type)?;),
        Media::Form => quote!(request.form_body(body, &[#(#encodings),*])?;),
        Media::Multipart => quote!(request.multipart_body(body, &[#(#encodings),*])?;),
        Media::Text => quote!(request.bytes_body(#content_type, body.as_bytes().to_vec());),
        Media::Binary => quote!(request.bytes_body(#content_type, body.to_vec());),
    }
}
