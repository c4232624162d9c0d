//! String enumerations.
//!
//! The generated code declares the enum with its variants; the macro adds
//! the wire names and everything built on them. A strict enum (sent by the
//! client only) refuses unknown values; a lenient one (received from the
//! server) keeps them in an extra variant, which `validate()` reports.

/// Wire names, `Display`, `FromStr`, serde and a no-op `Validate` for an
/// enum that refuses values the spec does not list:
/// `strict_enum!(Name { Variant = "wire", ... })`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_strict_enum {
    ($name:ident { $($variant:ident = $wire:literal),* $(,)? }) => {
        impl $name {
            /// The values the spec lists, on the wire.
            pub const VALUES: &'static [&'static str] = &[$($wire),*];

            /// Every variant, in spec order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)*
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::runtime::UnknownEnumValue;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match value {
                    $($wire => Ok($name::$variant),)*
                    other => Err($crate::runtime::UnknownEnumValue { value: other.to_owned(), allowed: $name::VALUES }),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                value.parse().map_err(|_| <D::Error as ::serde::de::Error>::unknown_variant(&value, $name::VALUES))
            }
        }

        $crate::runtime::strict_enum!(@wire $name);
        $crate::runtime::always_valid!($name);
    };
    (@wire $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// Wire names, `Display`, `FromStr`, serde and `Validate` for an enum that
/// keeps values the spec does not list in its variant `$unknown(String)`:
/// `lenient_enum!(Name, Unknown { Variant = "wire", ... })`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_lenient_enum {
    ($name:ident, $unknown:ident { $($variant:ident = $wire:literal),* $(,)? }) => {
        impl $name {
            /// The values the spec lists, on the wire.
            pub const VALUES: &'static [&'static str] = &[$($wire),*];

            /// The variants the spec lists.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::$unknown(value) => value,
                }
            }

            /// Reads a value from the wire; unknown values are kept.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)*
                    other => $name::$unknown(other.to_owned()),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok($name::from_wire(value))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok($name::from_wire(&value))
            }
        }

        impl $crate::runtime::Validate for $name {
            fn validate_at(
                &self,
                path: &$crate::runtime::Path<'_>,
                out: &mut ::std::vec::Vec<$crate::runtime::Violation>,
            ) {
                if let $name::$unknown(value) = self {
                    $crate::runtime::check::unknown_enum_value(value, $name::VALUES, path, out);
                }
            }
        }

        $crate::runtime::strict_enum!(@wire $name);
    };
}
