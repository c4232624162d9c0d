//! `anyOf` / `oneOf` of named types: enums with one form per variant,
//! untagged or tagged by a discriminator (see `runtime::union`).

/// `Deserialize` (the first form that accepts the value and keeps every
/// member of it, else the first that accepts it; when none does, the error
/// says why each refused it) and `Validate` (the form held) for
/// `union!(Name { Variant(Type), ... })`.
///
/// With `tagged` first, `union!(tagged Name, "property" { Variant(Type)
/// ["tag", ...], ... })` implements `Deserialize` (the forms the tag
/// selects; without a tag, or with one no form has, every form), `Serialize`
/// (the form, with its first tag added when it holds none) and `Validate`
/// (the form held, and its tag). With `from` first, it instead implements
/// `From<Type>` for each form; with `display`, `Display` as the form held.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_union {
    ($name:ident { $($variant:ident($ty:ty)),* $(,)? }) => {
        $crate::runtime::union!(@deserialize $name, None, { $($variant($ty) []),* });
        $crate::runtime::union!(@validate $name, "", { $($variant []),* });
    };
    (tagged $name:ident, $property:literal { $($variant:ident($ty:ty) [$($tag:literal),*]),* $(,)? }) => {
        $crate::runtime::union!(@deserialize $name, Some($property), { $($variant($ty) [$($tag),*]),* });

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    $($name::$variant(form) => {
                        $crate::runtime::union::serialize_tagged(form, $property, &[$($tag),*], serializer)
                    })*
                }
            }
        }

        $crate::runtime::union!(@validate $name, $property, { $($variant [$($tag),*]),* });
    };
    (@validate $name:ident, $property:literal, { $($variant:ident [$($tag:literal),*]),* }) => {
        impl $crate::runtime::Validate for $name {
            fn validate_at(
                &self,
                path: &$crate::runtime::Path<'_>,
                out: &mut ::std::vec::Vec<$crate::runtime::Violation>,
            ) {
                match self {
                    $($name::$variant(form) => {
                        // No tags (an untagged union): nothing to check.
                        $crate::runtime::union::check_tag(form, $property, &[$($tag),*], path, out);
                        $crate::runtime::Validate::validate_at(form, path, out);
                    })*
                }
            }
        }
    };
    (@deserialize $name:ident, $discriminator:expr, { $($variant:ident($ty:ty) [$($tag:literal),*]),* }) => {
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let Some(_entered) = $crate::runtime::union::enter(stringify!($name), &value) else {
                    return Err(<D::Error as ::serde::de::Error>::custom(concat!(
                        stringify!($name),
                        " holds itself here without reading any of the value"
                    )));
                };
                let forms: &$crate::runtime::union::Forms = &[$((stringify!($ty), &[$($tag),*])),*];
                let mut reading = $crate::runtime::union::Reading::new(&value, $discriminator, forms);
                // The first form that accepts the value but drops a member of it.
                let mut lossy = None;
                $(
                    if reading.tries(stringify!($ty)) {
                        match reading.read::<$ty>(stringify!($ty)) {
                            // `From`: a form the union holds in a `Box` (it contains the union) is boxed here.
                            Some($crate::runtime::union::Fit::Whole(form)) => {
                                return Ok($name::$variant(::std::convert::From::from(form)))
                            }
                            Some($crate::runtime::union::Fit::Lossy(form)) => {
                                lossy = lossy.or(Some($name::$variant(::std::convert::From::from(form))));
                            }
                            None => {}
                        }
                    }
                )*
                lossy.ok_or_else(|| reading.refused(stringify!($name)))
            }
        }
    };
    (from $name:ident { $($variant:ident($ty:ty)),* $(,)? }) => {
        $(
            impl ::std::convert::From<$ty> for $name {
                fn from(value: $ty) -> Self {
                    $name::$variant(::std::convert::From::from(value))
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
