//! The client's security: the API's schemes as the runtime applies them,
//! each method's alternatives and the doc line naming its credentials.

use proc_macro2::TokenStream;
use quote::quote;

use super::Emitter;
use crate::ir::{KeyLocation, Operation, SchemeKind, SchemeUse};

impl Emitter<'_> {
    /// `SECURITY_SCHEMES`: every scheme credentials can be given for.
    pub(super) fn security_schemes(&self) -> TokenStream {
        let mut doc = vec![
            " The API's security schemes, by the names `Credentials` takes (keys of".to_owned(),
            " the spec's `components/securitySchemes`).".to_owned(),
        ];
        if !self.api.security_schemes.is_empty() {
            doc.push(String::new());
        }
        let schemes: Vec<TokenStream> = self
            .api
            .security_schemes
            .iter()
            .map(|scheme| {
                doc.push(format!(" - `{}`: {}.", scheme.name, scheme.kind.describe()));
                let name = &scheme.name;
                let kind = match &scheme.kind {
                    SchemeKind::ApiKey { location: KeyLocation::Header, name } => quote!(ApiKeyHeader(#name)),
                    SchemeKind::ApiKey { location: KeyLocation::Query, name } => quote!(ApiKeyQuery(#name)),
                    SchemeKind::ApiKey { location: KeyLocation::Cookie, name } => quote!(ApiKeyCookie(#name)),
                    SchemeKind::Basic => quote!(Basic),
                    SchemeKind::BasicKey => quote!(BasicKey),
                    SchemeKind::Bearer { .. } => quote!(Bearer),
                    SchemeKind::Http { scheme } => quote!(Http(#scheme)),
                    SchemeKind::OAuth2 => quote!(OAuth2),
                    SchemeKind::OpenIdConnect { .. } => quote!(OpenIdConnect),
                };
                quote!(rt::client::SecurityScheme::new(#name, rt::client::SchemeKind::#kind))
            })
            .collect();
        quote! {
            #(#[doc = #doc])*
            pub const SECURITY_SCHEMES: &[rt::client::SecurityScheme] = &[#(#schemes),*];
        }
    }

    /// The statement that gives the request its security alternatives;
    /// nothing when the operation needs no credentials.
    pub(super) fn security_call(op: &Operation) -> TokenStream {
        if op.security.is_empty() {
            return quote!();
        }
        let alternatives = op.security.iter().map(|alternative| {
            let names = alternative.iter().map(|u| &u.scheme);
            quote!(&[#(#names),*])
        });
        quote!(request.security(&[#(#alternatives),*]);)
    }

    /// The doc paragraph naming the credentials a method sends.
    pub(super) fn security_note(&self, op: &Operation) -> String {
        let describe = |alternative: &[SchemeUse]| -> String {
            if alternative.is_empty() {
                return "none (the operation also works without credentials)".to_owned();
            }
            let each: Vec<String> = alternative
                .iter()
                .map(|u| {
                    let kind = self.api.security_schemes.iter().find(|s| s.name == u.scheme).map(|s| s.kind.describe());
                    let scopes = if u.scopes.is_empty() {
                        String::new()
                    } else {
                        let scopes: Vec<String> =
                            u.scopes.iter().map(|s| format!("`{}`", s.replace('`', "'"))).collect();
                        format!("; scopes {}", scopes.join(", "))
                    };
                    format!("`{}` ({}{scopes})", u.scheme, kind.unwrap_or_default())
                })
                .collect();
            each.join(" and ")
        };
        let mut note = match op.security.as_slice() {
            [] => "Credentials: none are sent.".to_owned(),
            [only] => format!("Credentials: {}.", describe(only)),
            alternatives => {
                let lines: Vec<String> = alternatives.iter().map(|a| format!("- {}", describe(a))).collect();
                format!("Credentials, the first of these whose schemes are all configured:\n\n{}", lines.join("\n"))
            }
        };
        if let Some(header) = &op.partner_account_header {
            note.push_str(&format!("\n\n`{header}` carries the configured partner account, if any."));
        }
        note
    }
}
