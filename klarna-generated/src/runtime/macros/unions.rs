//! `anyOf` / `oneOf` of named types: untagged enums with one form per variant.

/// `Deserialize` (the first form that accepts the value; when none does,
/// the error says why each refused it) and `Validate` (the form held) for
/// `union!(Name { Variant(Type), ... })`. With `from` first, it instead
/// implements `From<Type>` for each form; with `display`, `Display` as the
/// form held.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_union {
    ($name:ident { $($variant:ident($ty:ty)),* $(,)? }) => {
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let mut refusals: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();
                $(
                    match <$ty as ::serde::Deserialize>::deserialize(&value) {
                        Ok(form) => return Ok($name::$variant(form)),
                        Err(error) => refusals.push(format!("{}: {}", stringify!($ty), error)),
                    }
                )*
                Err(<D::Error as ::serde::de::Error>::custom(format!(
                    "matches none of the forms of {}: {}",
                    stringify!($name),
                    refusals.join("; ")
                )))
            }
        }

        impl $crate::runtime::Validate for $name {
            fn validate_at(
                &self,
                path: &$crate::runtime::Path<'_>,
                out: &mut ::std::vec::Vec<$crate::runtime::Violation>,
            ) {
                match self {
                    $($name::$variant(value) => $crate::runtime::Validate::validate_at(value, path, out),)*
                }
            }
        }
    };
    (from $name:ident { $($variant:ident($ty:ty)),* $(,)? }) => {
        $(
            impl ::std::convert::From<$ty> for $name {
                fn from(value: $ty) -> Self {
                    $name::$variant(value)
                }
            }
        )*
    };
    (display $name:ident { $($variant:ident),* $(,)? }) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $($name::$variant(value) => ::std::fmt::Display::fmt(value, f),)*
                }
            }
        }
    };
}
