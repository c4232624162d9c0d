//! Newtypes of constrained values.
//!
//! The generated code declares the struct (deriving serde with
//! `#[serde(transparent)]`, so any value of the base type deserializes) and
//! a private `fn check(value, path, out)` holding the schema's rules; the
//! macro adds the checked constructor, accessors, conversions and `Validate`.

/// The accessors, conversions and `Validate` of a newtype `$name($inner)`
/// whose `check` function takes a reference to the value. Forms:
/// `newtype!(string Name)` (a `String`: also `as_str`, `AsRef<str>`,
/// `Display`, `FromStr`), `newtype!(display Name: Inner)` (a scalar: also
/// `Display`), `newtype!(Name: Inner)`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_newtype {
    (string $name:ident) => {
        $crate::runtime::newtype!(@common $name: ::std::string::String);

        impl $name {
            /// Checks `value` against every constraint of the schema and
            /// wraps it; the error lists every violation.
            pub fn new(value: impl ::std::convert::Into<::std::string::String>) -> ::std::result::Result<Self, $crate::runtime::Violations> {
                $name::checked(value.into())
            }

            /// The string value.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::runtime::Violations;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                $name::new(value)
            }
        }
    };
    (display $name:ident: $inner:ty) => {
        $crate::runtime::newtype!($name: $inner);

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
    };
    ($name:ident: $inner:ty) => {
        $crate::runtime::newtype!(@common $name: $inner);

        impl $name {
            /// Checks `value` against every constraint of the schema and
            /// wraps it; the error lists every violation.
            pub fn new(value: $inner) -> ::std::result::Result<Self, $crate::runtime::Violations> {
                $name::checked(value)
            }
        }
    };
    (@common $name:ident: $inner:ty) => {
        impl $name {
            fn checked(value: $inner) -> ::std::result::Result<Self, $crate::runtime::Violations> {
                let mut found = ::std::vec::Vec::new();
                $name::check(&value, &$crate::runtime::Path::Root, &mut found);
                $crate::runtime::Violations::check(found)?;
                Ok($name(value))
            }

            /// The wrapped value.
            pub fn get(&self) -> &$inner {
                &self.0
            }

            /// Unwraps the value.
            pub fn into_inner(self) -> $inner {
                self.0
            }
        }

        impl ::std::convert::TryFrom<$inner> for $name {
            type Error = $crate::runtime::Violations;
            fn try_from(value: $inner) -> ::std::result::Result<Self, Self::Error> {
                $name::new(value)
            }
        }

        impl ::std::convert::From<$name> for $inner {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl $crate::runtime::Validate for $name {
            fn validate_at(
                &self,
                path: &$crate::runtime::Path<'_>,
                out: &mut ::std::vec::Vec<$crate::runtime::Violation>,
            ) {
                $name::check(&self.0, path, out);
            }
        }
    };
}
