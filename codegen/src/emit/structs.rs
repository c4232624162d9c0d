//! Object schemas -> structs with serde attributes, a constructor and `Validate`.

use heck::ToSnakeCase;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_attrs, example_line};
use super::Emitter;
use crate::ir::{Field, Shape, StructDef, Ty, TypeDef, TypeKind};

/// How a field is held in the struct.
enum Holding {
    /// Required and sent by both sides: the plain type.
    Plain,
    /// Absent when `None`.
    Optional,
    /// Filled from the spec's `default` when absent.
    Defaulted,
}

impl Emitter<'_> {
    fn holding(field: &Field) -> Holding {
        if field.required && !field.read_only {
            Holding::Plain
        } else if field.default.is_some() && !field.read_only {
            Holding::Defaulted
        } else {
            Holding::Optional
        }
    }

    fn field_ident(field: &Field) -> Ident {
        match field.rust_name.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
            None => format_ident!("{}", field.rust_name),
        }
    }

    /// The type of a field, boxed when it would otherwise contain itself.
    fn field_type(&self, owner: &str, field: &Field) -> TokenStream {
        let mut ty = self.ty(&field.shape.ty);
        if let Ty::Named(name) = &field.shape.ty {
            if self.reaches_directly(name, owner, 0) {
                ty = quote!(Box<#ty>);
            }
        }
        match Self::holding(field) {
            Holding::Plain if field.shape.nullable => quote!(Option<#ty>),
            Holding::Plain | Holding::Defaulted => ty,
            Holding::Optional => quote!(Option<#ty>),
        }
    }

    /// A struct, its constructor and its `Validate` implementation.
    pub fn struct_def(&self, def: &TypeDef, name: &Ident, s: &StructDef) -> TokenStream {
        let rt = &self.runtime;
        let docs = doc_attrs(def.doc.as_deref(), &format!("The `{}` object.", def.name), &[]);
        let mut fields = Vec::new();
        let mut default_fns = Vec::new();
        for field in &s.fields {
            let ident = Self::field_ident(field);
            let ty = self.field_type(&def.name, field);
            let mut notes: Vec<String> = example_line(field.example.as_ref()).into_iter().collect();
            if field.deprecated {
                notes.push("Deprecated by the API.".to_owned());
            }
            if field.read_only {
                notes.push("Read-only: set by the server, never sent in requests.".to_owned());
            }
            let field_docs = doc_attrs(field.doc.as_deref(), &format!("The `{}` member.", field.json_name), &notes);
            let mut serde_args = Vec::new();
            let wire = &field.json_name;
            if *wire != field.rust_name.trim_start_matches("r#") {
                serde_args.push(quote!(rename = #wire));
            }
            match Self::holding(field) {
                // Without this, serde would read a missing `Option` member as `None`;
                // a required nullable member must be present, if only as `null`.
                Holding::Plain if field.shape.nullable => {
                    serde_args.push(quote!(deserialize_with = "Option::deserialize"));
                }
                Holding::Plain => {}
                Holding::Optional => {
                    serde_args.push(quote!(default));
                    serde_args.push(quote!(skip_serializing_if = "Option::is_none"));
                }
                Holding::Defaulted => {
                    let fn_name =
                        format!("default_{}_{}", def.name.to_snake_case(), field.rust_name.trim_start_matches("r#"));
                    let fn_ident = format_ident!("{}", fn_name);
                    let value = self.default_value(field);
                    let fn_ty = self.ty(&field.shape.ty);
                    default_fns.push(quote! {
                        fn #fn_ident() -> #fn_ty { #value }
                    });
                    serde_args.push(quote!(default = #fn_name));
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
        if s.keeps_additional {
            fields.push(quote! {
                /// Members the spec does not list, kept as they came.
                #[serde(flatten)]
                pub additional_properties: serde_json::Map<String, serde_json::Value>,
            });
        }
        let constructor = self.constructor(def, name, s);
        let checks: Vec<TokenStream> = s
            .fields
            .iter()
            .filter_map(|field| {
                let ident = Self::field_ident(field);
                let wire = &field.json_name;
                let optional =
                    !matches!(Self::holding(field), Holding::Plain | Holding::Defaulted) || field.shape.nullable;
                let shape = Shape { nullable: optional, ..field.shape.clone() };
                let body = self.checks(&shape, &format_ident!("field_value"), &format_ident!("field_path"), 0)?;
                Some(quote! {
                    {
                        let field_path = &path.field(#wire);
                        let field_value = &self.#ident;
                        #body
                    }
                })
            })
            .collect();
        let (path_arg, out_arg) =
            if checks.is_empty() { (quote!(_path), quote!(_out)) } else { (quote!(path), quote!(out)) };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            #[serde(remote = "Self")]
            pub struct #name {
                #(#fields)*
            }

            impl serde::Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    #name::serialize(self, serializer)
                }
            }

            impl<'de> serde::Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    #name::deserialize(#rt::object_only::ObjectOnly(deserializer))
                }
            }

            #(#default_fns)*

            #constructor

            impl #rt::Validate for #name {
                fn validate_at(&self, #path_arg: &#rt::Path<'_>, #out_arg: &mut Vec<#rt::Violation>) {
                    #(#checks)*
                }
            }
        }
    }

    /// `new(required...)`, leaving optional members empty and defaults at
    /// their spec values.
    fn constructor(&self, def: &TypeDef, name: &Ident, s: &StructDef) -> TokenStream {
        let mut args = Vec::new();
        let mut inits = Vec::new();
        for field in &s.fields {
            let ident = Self::field_ident(field);
            match Self::holding(field) {
                Holding::Plain => {
                    let ty = self.field_type(&def.name, field);
                    let boxed = matches!(&field.shape.ty, Ty::Named(n) if self.reaches_directly(n, &def.name, 0));
                    if boxed {
                        let inner = self.ty(&field.shape.ty);
                        let inner = if field.shape.nullable { quote!(Option<Box<#inner>>) } else { quote!(#inner) };
                        args.push(quote!(#ident: #inner));
                        inits.push(if field.shape.nullable {
                            quote!(#ident)
                        } else {
                            quote!(#ident: Box::new(#ident))
                        });
                    } else {
                        args.push(quote!(#ident: #ty));
                        inits.push(quote!(#ident));
                    }
                }
                Holding::Optional => inits.push(quote!(#ident: None)),
                Holding::Defaulted => {
                    let value = self.default_value(field);
                    inits.push(quote!(#ident: #value));
                }
            }
        }
        if s.keeps_additional {
            inits.push(quote!(additional_properties: serde_json::Map::new()));
        }
        let doc = if args.is_empty() {
            format!(" A `{}` with every optional member left out.", def.name)
        } else {
            format!(" A `{}` from its required members; optional members are left out.", def.name)
        };
        let default_impl = if args.is_empty() {
            quote! {
                impl Default for #name {
                    fn default() -> Self {
                        #name::new()
                    }
                }
            }
        } else {
            quote!()
        };
        let allow = if args.len() > 7 { quote!(#[allow(clippy::too_many_arguments)]) } else { quote!() };
        let must_use = quote!(#[must_use]);
        quote! {
            impl #name {
                #[doc = #doc]
                #allow
                #must_use
                pub fn new(#(#args),*) -> Self {
                    #name { #(#inits),* }
                }
            }

            #default_impl
        }
    }

    /// The Rust expression of a field's spec `default`.
    fn default_value(&self, field: &Field) -> TokenStream {
        let value = field.default.clone().unwrap_or(serde_json::Value::Null);
        match (&field.shape.ty, &value) {
            (Ty::String, serde_json::Value::String(s)) => quote!(#s.to_owned()),
            (Ty::Bool, serde_json::Value::Bool(b)) => quote!(#b),
            (Ty::I32, serde_json::Value::Number(n)) if n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()) => {
                let v = n.as_i64().unwrap_or_default() as i32;
                quote!(#v)
            }
            (Ty::I64, serde_json::Value::Number(n)) if n.as_i64().is_some() => {
                let v = n.as_i64().unwrap_or_default();
                quote!(#v)
            }
            (Ty::F64, serde_json::Value::Number(n)) if n.as_f64().is_some() => {
                let v = n.as_f64().unwrap_or_default();
                quote!(#v)
            }
            (Ty::Named(name), serde_json::Value::String(s)) => match self.api.types.get(name).map(|d| &d.kind) {
                Some(TypeKind::Enum(e)) => match e.values.iter().find(|v| v.wire == *s) {
                    Some(v) => {
                        let ty = format_ident!("{}", name);
                        let variant = format_ident!("{}", v.variant);
                        quote!(#ty::#variant)
                    }
                    None => quote!(compile_error!("default is not an enum value")),
                },
                _ => quote!(compile_error!("unsupported default")),
            },
            _ => quote!(compile_error!("unsupported default")),
        }
    }
}
