//! Contract calls: every operation called once with the spec's own example
//! inputs, for running the generated client against a mock of the spec.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::{Map, Value};

use super::Emitter;
use crate::error::{CodegenError, Location, Result};
use crate::ir::{ParamLocation, Shape, Ty, TypeKind};

impl Emitter<'_> {
    /// `call_all(client)`: one call per operation, each returning the
    /// operation id and the status of the documented outcome, or the error.
    pub fn contract_calls(&self, api_path: &TokenStream) -> Result<TokenStream> {
        let rt = &self.runtime;
        let mut calls = Vec::new();
        for op in &self.api.operations {
            let method = format_ident!("{}", op.rust_name.trim_start_matches("r#"));
            let id = &op.id;
            let mut bindings = Vec::new();
            let mut args = Vec::new();
            let params = [ParamLocation::Path, ParamLocation::Header, ParamLocation::Query]
                .into_iter()
                .flat_map(|loc| op.params.iter().filter(move |p| p.location == loc));
            let inputs = params
                .map(|p| (p.rust_name.trim_start_matches("r#").to_owned(), &p.shape, p.required, p.example.clone()))
                .chain(op.body.iter().map(|b| ("body".to_owned(), &b.shape, b.required, b.example.clone())));
            for (name, shape, required, example) in inputs {
                let example = example.or_else(|| self.example_for(shape, 0));
                let ident = format_ident!("{}", name);
                match example {
                    Some(value) => {
                        let text = serde_json::to_string(&value).unwrap_or_default();
                        let ty = self.ty(&shape.ty);
                        let what = format!("example for {id}/{name}");
                        bindings.push(quote!(let #ident: #ty = serde_json::from_str(#text).expect(#what);));
                        args.push(if required { quote!(&#ident) } else { quote!(Some(&#ident)) });
                    }
                    None if !required => args.push(quote!(None)),
                    None => {
                        return Err(CodegenError::Unsupported {
                            at: Location { file: self.api.file.clone(), pointer: op.pointer.clone() },
                            reason: format!("no example to build a valid `{name}` for the contract call"),
                        })
                    }
                }
            }
            calls.push(quote! {
                results.push((#id, async {
                    #(#bindings)*
                    client.#method(#(#args),*).await.map(|response| response.status())
                }.await));
            });
        }
        Ok(quote! {
            /// Calls every operation once with the spec's example inputs and
            /// returns, per operationId, the status of the documented outcome
            /// or the error.
            pub async fn call_all(client: &#api_path::client::Client) -> Vec<(&'static str, Result<u16, #rt::client::ClientError>)> {
                let mut results = Vec::new();
                #(#calls)*
                results
            }
        })
    }

    /// A value valid for `shape`, from the spec's examples where it has them.
    fn example_for(&self, shape: &Shape, depth: usize) -> Option<Value> {
        if depth > 16 {
            return None;
        }
        let c = &shape.rules;
        match &shape.ty {
            Ty::Named(name) => {
                let def = self.api.types.get(name)?;
                if let Some(example) = &def.example {
                    return Some(example.clone());
                }
                match &def.kind {
                    TypeKind::Struct(s) => {
                        let mut object = Map::new();
                        for field in s.fields.iter().filter(|f| f.required && !f.read_only) {
                            let value = field.example.clone().or_else(|| self.example_for(&field.shape, depth + 1))?;
                            object.insert(field.wire_name.clone(), value);
                        }
                        Some(Value::Object(object))
                    }
                    TypeKind::Enum(e) => e.values.first().map(|v| Value::String(v.wire_name.clone())),
                    TypeKind::Newtype(inner) | TypeKind::Alias(inner) => self.example_for(inner, depth + 1),
                    TypeKind::Union(variants) => variants
                        .iter()
                        .find_map(|v| self.example_for(&Shape::plain(Ty::Named(v.type_name.clone())), depth + 1)),
                }
            }
            Ty::String if c.pattern.is_none() => {
                let len = c.min_length.unwrap_or(1).max(1).min(c.max_length.unwrap_or(u64::MAX)) as usize;
                Some(Value::String("x".repeat(len)))
            }
            Ty::String => None,
            Ty::I32 | Ty::I64 => {
                let low = c.minimum.map(|(n, exclusive)| if exclusive { n.floor() + 1.0 } else { n.ceil() });
                Some(Value::from(low.unwrap_or(1.0) as i64))
            }
            Ty::F64 => Some(Value::from(c.minimum.map(|(n, _)| n + 1.0).unwrap_or(1.0))),
            Ty::Bool => Some(Value::Bool(true)),
            Ty::Array(item) => {
                let count = c.min_items.unwrap_or(1).max(1) as usize;
                let item = self.example_for(item, depth + 1)?;
                Some(Value::Array(vec![item; count]))
            }
            Ty::Map(_) | Ty::JsonObject | Ty::Json => Some(Value::Object(Map::new())),
            Ty::Bytes => None,
        }
    }
}
