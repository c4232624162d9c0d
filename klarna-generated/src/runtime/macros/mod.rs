//! Macros the generated code calls for what every item of a kind repeats:
//! struct serde wiring, newtype accessors and conversions, enum wire names,
//! union forms, typed response headers. The generated code states only what
//! differs per item.
//!
//! Each macro is exported under a hidden crate-root name and re-exported
//! from [`runtime`](crate::runtime), which is the path generated code uses.

mod enums;
mod headers;
mod newtypes;
mod outcomes;
mod structs;
mod unions;
