//! String enumerations -> Rust enums.
//!
//! Enums the client sends are strict: an unknown value does not deserialize.
//! Enums that come back from the server (responses, webhooks) keep unknown
//! values in an extra variant, because the API adds values over time; such a
//! value fails `validate()` if it is ever sent back.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::Emitter;
use crate::ir::{EnumDef, TypeDef};

impl Emitter<'_> {
    /// An enum with `as_str`, `Display`, `FromStr`, serde and `Validate`.
    pub fn enum_def(&self, def: &TypeDef, name: &Ident, e: &EnumDef) -> TokenStream {
        let rt = &self.runtime;
        let lenient = def.lenient();
        let docs = doc_attrs(def.doc.as_deref(), &format!("The `{}` enumeration.", def.name), &[]);
        let wires: Vec<&String> = e.values.iter().map(|v| &v.wire_name).collect();
        let variants: Vec<Ident> = e.values.iter().map(|v| format_ident!("{}", v.variant)).collect();
        let variant_docs = wires.iter().map(|w| format!(" `{w}`"));
        let all = quote!(&[#(#name::#variants),*]);
        let values = quote!(&[#(#wires),*]);
        let unknown = self.unknown_variant(e);
        let extra_arm = if lenient { quote!(#name::#unknown(value) => value,) } else { quote!() };
        let common = quote! {
            impl #name {
                /// The values the spec lists, on the wire.
                pub const VALUES: &'static [&'static str] = #values;

                /// The value on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(#name::#variants => #wires,)*
                        #extra_arm
                    }
                }
            }

            impl std::fmt::Display for #name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        };
        if lenient {
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #(#[doc = #variant_docs] #variants,)*
                    /// A value this version of the spec does not list, kept as received.
                    #unknown(String),
                }

                impl #name {
                    /// The variants the spec lists.
                    pub const ALL: &'static [#name] = #all;

                    /// Reads a value from the wire; unknown values are kept.
                    pub fn from_wire(value: &str) -> Self {
                        match value {
                            #(#wires => #name::#variants,)*
                            other => #name::#unknown(other.to_owned()),
                        }
                    }
                }

                #common

                impl std::str::FromStr for #name {
                    type Err = std::convert::Infallible;
                    fn from_str(value: &str) -> Result<Self, Self::Err> {
                        Ok(#name::from_wire(value))
                    }
                }

                impl serde::Serialize for #name {
                    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }

                impl<'de> serde::Deserialize<'de> for #name {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                        Ok(#name::from_wire(&value))
                    }
                }

                impl #rt::Validate for #name {
                    fn validate_at(&self, path: &#rt::Path<'_>, out: &mut Vec<#rt::Violation>) {
                        if let #name::#unknown(value) = self {
                            #rt::check::unknown_enum_value(value, #name::VALUES, path, out);
                        }
                    }
                }
            }
        } else {
            quote! {
                #docs
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
                pub enum #name {
                    #(#[doc = #variant_docs] #[serde(rename = #wires)] #variants,)*
                }

                impl #name {
                    /// Every variant, in spec order.
                    pub const ALL: &'static [#name] = #all;
                }

                #common

                impl std::str::FromStr for #name {
                    type Err = #rt::UnknownEnumValue;
                    fn from_str(value: &str) -> Result<Self, Self::Err> {
                        match value {
                            #(#wires => Ok(#name::#variants),)*
                            other => Err(#rt::UnknownEnumValue { value: other.to_owned(), allowed: #name::VALUES }),
                        }
                    }
                }

                impl #rt::Validate for #name {
                    fn validate_at(&self, _path: &#rt::Path<'_>, _out: &mut Vec<#rt::Violation>) {}
                }
            }
        }
    }

    fn unknown_variant(&self, e: &EnumDef) -> Ident {
        let mut name = "Unrecognized".to_owned();
        while e.values.iter().any(|v| v.variant == name) {
            name.push_str("Value");
        }
        format_ident!("{}", name)
    }
}
