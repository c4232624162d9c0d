//! Outcome enums of client methods: one variant per documented status.

/// `status()` and `is_success()` for an outcome enum, from one arm per
/// variant: `outcome!(Name { Ok(_) => 200, NoContent => 204, Other(status, _) => *status })`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_outcome {
    ($name:ident { $($variant:ident $(($($field:tt)*))? => $status:expr),* $(,)? }) => {
        impl $name {
            /// The HTTP status of the response.
            pub fn status(&self) -> u16 {
                match self {
                    $($name::$variant $(($($field)*))? => $status,)*
                }
            }

            /// Whether the status is 2xx.
            pub fn is_success(&self) -> bool {
                (200..300).contains(&self.status())
            }
        }
    };
}
