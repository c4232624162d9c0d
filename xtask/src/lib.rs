//! Project automation as a library, so tests can run the same regen logic
//! that `cargo xtask` runs (`src/main.rs` is the command line).

pub mod ci;
pub mod corpus;
pub mod files;
pub mod generate;
pub mod regen;
pub mod workspace;
