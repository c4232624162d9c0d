//! Object structs: read from JSON objects only, and `Validate` for structs
//! whose members can never break a constraint.

/// Implements `Serialize` and `Deserialize` for a struct that derives them
/// with `#[serde(remote = "Self")]`, reading it from JSON objects only (see
/// [`ObjectOnly`](crate::runtime::object_only::ObjectOnly)). With `, Default`
/// it also implements `Default` as `new()`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_object {
    ($name:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                $name::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $name::deserialize($crate::runtime::object_only::ObjectOnly(deserializer))
            }
        }
    };
    ($name:ident, Default) => {
        $crate::runtime::object!($name);

        impl ::std::default::Default for $name {
            fn default() -> Self {
                $name::new()
            }
        }
    };
}

/// Implements `Validate` for a type no value of which can break a constraint.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_always_valid {
    ($name:ident) => {
        impl $crate::runtime::Validate for $name {
            fn validate_at(
                &self,
                _path: &$crate::runtime::Path<'_>,
                _out: &mut ::std::vec::Vec<$crate::runtime::Violation>,
            ) {
            }
        }
    };
}
