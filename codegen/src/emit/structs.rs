//! Object schemas -> structs with serde attributes, a constructor and `Validate`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_attrs, example_line};
use super::validation::{Location, Value};
use super::Emitter;
use crate::ir::{Additional, Field, Presence, Shape, StructDef, Ty, TypeDef};

impl Emitter<'_> {
    pub(super) fn field_ident(field: &Field) -> Ident {
        match field.rust_name.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
            None => format_ident!("{}", field.rust_name),
        }
    }

    /// The type of a field: boxed when it would otherwise contain itself,
    /// an `Option` when it may be absent or `null`.
    pub(super) fn field_type(&self, field: &Field) -> TokenStream {
        let ty = self.held_type(field);
        if field.presence.is_option() {
            quote!(Option<#ty>)
        } else {
            ty
        }
    }

    /// The field's type without its `Option`.
    pub(super) fn held_type(&self, field: &Field) -> TokenStream {
        let ty = self.ty(&field.shape.ty);
        if field.boxed {
            quote!(Box<#ty>)
        } else {
            ty
        }
    }

    /// A struct, its constructor and its `Validate` implementation.
    pub fn struct_def(&self, def: &TypeDef, name: &Ident, s: &StructDef) -> TokenStream {
        let rt = &self.rt;
        let docs = doc_attrs(def.doc.as_deref(), &format!("The `{}` object.", def.name), &[]);
        let mut fields = Vec::new();
        for field in &s.fields {
            let ident = Self::field_ident(field);
            let ty = self.field_type(field);
            let mut notes: Vec<String> = example_line(field.example.as_ref()).into_iter().collect();
            if field.deprecated {
                notes.push("Deprecated by the API.".to_owned());
            }
            if field.read_only {
                notes.push("Read-only: set by the server, never sent in requests.".to_owned());
            }
            if let (Presence::Defaulted(_), Some(default)) = (&field.presence, &field.default) {
                let accessor = format!("{}_or_default", field.rust_name.trim_start_matches("r#"));
                notes.push(format!("Default: `{default}` when absent (`{accessor}()`)."));
            }
            let field_docs = doc_attrs(field.doc.as_deref(), &format!("The `{}` member.", field.wire_name), &notes);
            let mut serde_args = Vec::new();
            let wire = &field.wire_name;
            if *wire != field.rust_name.trim_start_matches("r#") {
                serde_args.push(quote!(rename = #wire));
            }
            match &field.presence {
                // Without this, serde would read a missing `Option` member as `None`;
                // a required nullable member must be present, if only as `null`.
                Presence::Nullable => {
                    serde_args.push(quote!(deserialize_with = "Option::deserialize"));
                }
                Presence::Required => {}
                // A defaulted member is absent as well: the receiver assumes the
                // default, and a value is written back exactly as it was read.
                Presence::Optional | Presence::Defaulted(_) => {
                    serde_args.push(quote!(default));
                    serde_args.push(quote!(skip_serializing_if = "Option::is_none"));
                }
            }
            if field.read_only && def.direction.request {
                serde_args.push(quote!(skip_serializing));
            }
            let serde_attr = if serde_args.is_empty() { quote!() } else { quote!(#[serde(#(#serde_args),*)]) };
            fields.push(quote! {
                #field_docs
                #serde_attr
                pub #ident: #ty,
            });
        }
        if let Some(ty) = self.additional_type(s) {
            let doc = match &s.additional {
                Additional::Typed(_) => " Members the spec does not list, each read as and checked against its `additionalProperties` schema.",
                _ => " Members the spec does not list, kept as they came.",
            };
            fields.push(quote! {
                #[doc = #doc]
                #[serde(flatten)]
                pub additional_properties: #ty,
            });
        }
        let (constructor, has_required) = self.constructor(def, name, s);
        let wiring = if has_required { quote!(#rt::object!(#name);) } else { quote!(#rt::object!(#name, Default);) };
        let validations: Vec<TokenStream> = s
            .fields
            .iter()
            .filter_map(|field| {
                let ident = Self::field_ident(field);
                let wire = &field.wire_name;
                let value = Value::place(quote!(self.#ident));
                self.validation(
                    &field.shape.non_null(),
                    field.presence.is_option(),
                    &value,
                    &Location::built(quote!(path.field(#wire))),
                )
            })
            .collect();
        let validations: Vec<TokenStream> = validations
            .into_iter()
            .chain(self.additional_validation(s))
            .chain(self.required_any_of(s))
            .chain(self.member_count(s))
            .collect();
        let validate = if validations.is_empty() {
            quote!(#rt::always_valid!(#name);)
        } else {
            quote! {
                impl #rt::Validate for #name {
                    fn validate_at(&self, path: &#rt::Path<'_>, out: &mut Vec<#rt::Violation>) {
                        #(#validations)*
                    }
                }
            }
        };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            #[serde(remote = "Self")]
            // Klarna may add members: build with `new`, `From<..Required>` and `with_` setters.
            #[non_exhaustive]
            pub struct #name {
                #(#fields)*
            }
            #wiring
            #constructor
            #validate
        }
    }

    /// The type of `additional_properties`, when members beyond the named ones are kept.
    fn additional_type(&self, s: &StructDef) -> Option<TokenStream> {
        match &s.additional {
            Additional::Dropped => None,
            Additional::Json => Some(quote!(serde_json::Map<String, serde_json::Value>)),
            Additional::Typed(shape) => {
                let value = self.shape_type(shape);
                Some(quote!(std::collections::BTreeMap<String, #value>))
            }
        }
    }

    /// The checks of every additional member against its schema, each at its key.
    fn additional_validation(&self, s: &StructDef) -> Option<TokenStream> {
        let Additional::Typed(shape) = &s.additional else { return None };
        let map = Shape::plain(Ty::Map(shape.clone()));
        let value = Value::place(quote!(self.additional_properties));
        self.validation(&map, false, &value, &Location::borrowed(&format_ident!("path")))
    }

    /// The `minProperties` / `maxProperties` check: named members present
    /// (required ones always are) and additional ones.
    fn member_count(&self, s: &StructDef) -> Option<TokenStream> {
        if s.min_properties.is_none() && s.max_properties.is_none() {
            return None;
        }
        let rt = &self.rt;
        let always = s.fields.iter().filter(|f| !f.presence.is_option()).count();
        let mut terms = Vec::new();
        if always > 0 {
            let always = proc_macro2::Literal::usize_unsuffixed(always);
            terms.push(quote!(#always));
        }
        let optional: Vec<TokenStream> = s
            .fields
            .iter()
            .filter(|f| f.presence.is_option())
            .map(|f| {
                let ident = Self::field_ident(f);
                quote!(self.#ident.is_some())
            })
            .collect();
        if !optional.is_empty() {
            terms.push(quote!(#rt::check::present(&[#(#optional),*])));
        }
        if s.keeps_additional() {
            terms.push(quote!(self.additional_properties.len()));
        }
        if terms.is_empty() {
            terms.push(quote!(0));
        }
        let (min, max) =
            (super::validation::option_u64(s.min_properties), super::validation::option_u64(s.max_properties));
        Some(quote!(#rt::check::properties(#(#terms)+*, #min, #max, path, out);))
    }

    /// The check of an `anyOf` of `required` lists, if the object has one.
    fn required_any_of(&self, s: &StructDef) -> Option<TokenStream> {
        if s.any_required.is_empty() {
            return None;
        }
        let rt = &self.rt;
        let present = s.any_required.iter().map(|set| {
            let members = set.iter().map(|name| match s.fields.iter().find(|f| f.wire_name == *name) {
                Some(field) if field.presence.may_be_absent() => {
                    let ident = Self::field_ident(field);
                    quote!(self.#ident.is_some())
                }
                _ => quote!(true),
            });
            quote!(#(#members)&&*)
        });
        let alternatives = s.any_required.iter().map(|set| quote!(&[#(#set),*]));
        Some(quote! {
            #rt::check::required_any_of(&[#(#present),*], &[#(#alternatives),*], path, out);
        })
    }

    /// `new(required...)`, leaving optional and defaulted members out; and
    /// whether it takes any argument.
    fn constructor(&self, def: &TypeDef, name: &Ident, s: &StructDef) -> (TokenStream, bool) {
        let mut args = Vec::new();
        let mut inits = Vec::new();
        for field in &s.fields {
            let ident = Self::field_ident(field);
            match &field.presence {
                Presence::Required if field.boxed => {
                    let inner = self.ty(&field.shape.ty);
                    args.push(quote!(#ident: #inner));
                    inits.push(quote!(#ident: Box::new(#ident)));
                }
                Presence::Required | Presence::Nullable => {
                    let ty = self.field_type(field);
                    args.push(quote!(#ident: #ty));
                    inits.push(quote!(#ident));
                }
                Presence::Optional | Presence::Defaulted(_) => inits.push(quote!(#ident: None)),
            }
        }
        match &s.additional {
            Additional::Dropped => {}
            Additional::Json => inits.push(quote!(additional_properties: serde_json::Map::new())),
            Additional::Typed(_) => inits.push(quote!(additional_properties: std::collections::BTreeMap::new())),
        }
        let doc = if args.is_empty() {
            format!(" A `{}` with every optional member left out.", def.name)
        } else {
            format!(" A `{}` from its required members; optional members are left out.", def.name)
        };
        let allow = if args.len() > 7 { quote!(#[allow(clippy::too_many_arguments)]) } else { quote!() };
        let must_use = quote!(#[must_use]);
        let constructor = quote! {
            impl #name {
                #[doc = #doc]
                #allow
                #must_use
                pub fn new(#(#args),*) -> Self {
                    #name { #(#inits),* }
                }
            }
        };
        (constructor, !args.is_empty())
    }
}
