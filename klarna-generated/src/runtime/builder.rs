//! Building generated structs with every member named at the call site.
//!
//! For a struct with required members, `<Name>Required` holds them as named
//! fields (the compiler insists on each) and converts into the struct;
//! `with_<member>` sets an optional member. So
//!
//! ```
//! use klarna_generated::customer_token::{OrderLine, OrderLineRequired};
//!
//! let line = OrderLine::from(OrderLineRequired {
//!     name: "Running shoe".into(),
//!     quantity: 1,
//!     unit_price: 2500,
//!     total_amount: 2500,
//! })
//! .with_tax_rate(2500)
//! .with_reference("AD6654412");
//! assert_eq!(line.reference.as_deref(), Some("AD6654412"));
//! ```
//!
//! cannot swap two amounts the way positional arguments can, and leaving a
//! required member out does not compile:
//!
//! ```compile_fail
//! use klarna_generated::customer_token::{OrderLine, OrderLineRequired};
//!
//! let line = OrderLine::from(OrderLineRequired { name: "Running shoe".into(), quantity: 1, total_amount: 2500 });
//! ```

/// Emits `<Name>Required` with `From` into the struct (through its
/// positional `new`, in member order), a `with_` setter per optional or
/// defaulted member and a `<member>_or_default()` accessor per defaulted
/// one (the spec's default for an absent member, which stays absent when
/// the value is written). Generated code lists only the members.
#[doc(hidden)]
#[macro_export]
macro_rules! __klarna_builder {
    (
        $name:ident
        $(, $required:ident { $($field:ident: $field_ty:ty),* $(,)? })?
        ; optional { $($setter:ident $optional:ident: $optional_ty:ty),* $(,)? }
        ; defaulted { $($default_setter:ident $accessor:ident $defaulted:ident: $defaulted_ty:ty = $default:expr),* $(,)? }
    ) => {
        $(
            #[doc = concat!("The required members of [`", stringify!($name), "`], by name: `", stringify!($name), "::from(", stringify!($required), " { .. })`.")]
            #[derive(Debug, Clone, PartialEq)]
            pub struct $required {
                $(
                    #[doc = concat!("The required member `", stringify!($field), "`.")]
                    pub $field: $field_ty,
                )*
            }

            impl ::std::convert::From<$required> for $name {
                fn from(required: $required) -> Self {
                    $name::new($(required.$field),*)
                }
            }
        )?

        impl $name {
            $(
                #[doc = concat!("Sets the optional member `", stringify!($optional), "`.")]
                #[must_use]
                pub fn $setter(mut self, value: impl ::std::convert::Into<$optional_ty>) -> Self {
                    self.$optional = ::std::option::Option::Some(value.into());
                    self
                }
            )*
            $(
                #[doc = concat!("Sets `", stringify!($defaulted), "` (when absent, the receiver assumes the spec's default).")]
                #[must_use]
                pub fn $default_setter(mut self, value: impl ::std::convert::Into<$defaulted_ty>) -> Self {
                    self.$defaulted = ::std::option::Option::Some(value.into());
                    self
                }

                #[doc = concat!("`", stringify!($defaulted), "`, or the spec's default when it is absent (absent stays absent when written).")]
                #[must_use]
                pub fn $accessor(&self) -> $defaulted_ty {
                    match &self.$defaulted {
                        ::std::option::Option::Some(value) => ::std::clone::Clone::clone(value),
                        ::std::option::Option::None => $default,
                    }
                }
            )*
        }
    };
}
