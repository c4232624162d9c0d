//! Outcome enums of client methods: one variant per documented status.

/// `status()`, `is_success()` and the client's `Outcome` for an outcome
/// enum, from one arm per variant, the success type and the arms of
/// `into_success`: `outcome!(Name { Ok(_) => 200, Other(status, _) => *status },
/// Body, { Name::Ok(body) => Ok(body), other => Err(other), })`.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_outcome {
    ($name:ident { $($variant:ident $(($($field:tt)*))? => $status:expr),* $(,)? }, $success:ty, { $($into:tt)* }) => {
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

        impl $crate::runtime::client::Outcome for $name {
            type Success = $success;

            fn status(&self) -> u16 {
                $name::status(self)
            }

            fn into_success(self) -> ::std::result::Result<Self::Success, Self> {
                match self {
                    $($into)*
                }
            }
        }
    };
}
