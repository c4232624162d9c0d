//! Typed response headers of client outcomes.

/// Implements the client's `FromHeaders` for a generated headers struct,
/// from one `field: "Wire-Name" Kind` entry per field:
/// `response_headers!(Name { location: "Location" Text, count: "X-Count" Number });`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_response_headers {
    ($name:ident { $($field:ident: $wire:literal $kind:ident),* $(,)? }) => {
        impl $crate::runtime::client::FromHeaders for $name {
            fn from_headers(headers: &$crate::runtime::client::HeaderReader<'_>) -> Self {
                $name { $($field: headers.read($wire, $crate::runtime::client::HeaderKind::$kind),)* }
            }
        }
    };
}
