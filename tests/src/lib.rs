//! Test-only package. Its library compiles the modules generated from the
//! fixture specs in `fixtures/ok/` (golden output compiled as a crate); its
//! `tests/` hold snapshot, freshness, spec, validator and end-to-end tests.
#![deny(missing_docs)]

pub mod contract;
pub mod fixtures;
pub mod instances;
pub mod prism;
pub mod registry;
pub mod schema_json;

/// The API modules of `klarna-generated`, one per spec in `specs/` (a
/// snapshot test checks the two agree), in the order tests use them.
pub const APIS: &[&str] = &["identity", "customer_token", "management", "messaging"];
