//! The [`Validate`] trait and the violations it reports.

use std::collections::BTreeMap;
use std::fmt;

use super::decode::{self, DecodeError};
use super::path::Path;

/// The rule a value broke, with the limit it broke.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// The string does not match the schema's `pattern` (ECMA-262, unanchored).
    Pattern {
        /// The pattern as written in the spec.
        pattern: &'static str,
    },
    /// The string has fewer characters (Unicode code points) than `minLength`.
    MinLength {
        /// The schema's `minLength`.
        limit: u64,
        /// The number of characters found.
        actual: u64,
    },
    /// The string has more characters (Unicode code points) than `maxLength`.
    MaxLength {
        /// The schema's `maxLength`.
        limit: u64,
        /// The number of characters found.
        actual: u64,
    },
    /// The number is below `minimum` (or not above it when exclusive).
    Minimum {
        /// The schema's `minimum`.
        limit: f64,
        /// Whether the bound is exclusive (`exclusiveMinimum: true`).
        exclusive: bool,
        /// The number found.
        actual: f64,
    },
    /// The number is above `maximum` (or not below it when exclusive).
    Maximum {
        /// The schema's `maximum`.
        limit: f64,
        /// Whether the bound is exclusive (`exclusiveMaximum: true`).
        exclusive: bool,
        /// The number found.
        actual: f64,
    },
    /// The array has fewer items than `minItems`.
    MinItems {
        /// The schema's `minItems`.
        limit: u64,
        /// The number of items found.
        actual: u64,
    },
    /// The array has more items than `maxItems`.
    MaxItems {
        /// The schema's `maxItems`.
        limit: u64,
        /// The number of items found.
        actual: u64,
    },
    /// The array holds two equal items although `uniqueItems` is set.
    UniqueItems,
    /// The value is not one of the schema's `enum` values.
    Enum {
        /// The value found.
        actual: String,
        /// The values the schema allows.
        allowed: &'static [&'static str],
    },
    /// The number is not a multiple of `multipleOf`.
    MultipleOf {
        /// The schema's `multipleOf`.
        factor: f64,
        /// The number found.
        actual: f64,
    },
    /// The object has fewer members than `minProperties`.
    MinProperties {
        /// The schema's `minProperties`.
        limit: u64,
        /// The number of members found.
        actual: u64,
    },
    /// The object has more members than `maxProperties`.
    MaxProperties {
        /// The schema's `maxProperties`.
        limit: u64,
        /// The number of members found.
        actual: u64,
    },
    /// The object has none of the member sets of its `anyOf` of `required`
    /// lists (such as "`email` or `phone`").
    RequiredAnyOf {
        /// The member sets, any one of which must be present in full.
        alternatives: &'static [&'static [&'static str]],
    },
    /// The value cannot be a URL path segment: it is empty, `.` or `..`.
    PathSegment,
    /// The value holds characters a header cannot carry: anything but
    /// visible ASCII and inner spaces.
    HeaderValue,
    /// An extra header the client sets itself (credentials, host, body
    /// framing, Klarna's own headers), or a name that is not a header token.
    HeaderName,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Pattern { pattern } => write!(f, "does not match pattern {pattern:?}"),
            Rule::MinLength { limit, actual } => {
                write!(f, "has {actual} characters, fewer than minLength {limit}")
            }
            Rule::MaxLength { limit, actual } => {
                write!(f, "has {actual} characters, more than maxLength {limit}")
            }
            Rule::Minimum { limit, exclusive, actual } => {
                let kind = if *exclusive { "exclusive minimum" } else { "minimum" };
                write!(f, "{actual} is below the {kind} {limit}")
            }
            Rule::Maximum { limit, exclusive, actual } => {
                let kind = if *exclusive { "exclusive maximum" } else { "maximum" };
                write!(f, "{actual} is above the {kind} {limit}")
            }
            Rule::MinItems { limit, actual } => {
                write!(f, "has {actual} items, fewer than minItems {limit}")
            }
            Rule::MaxItems { limit, actual } => {
                write!(f, "has {actual} items, more than maxItems {limit}")
            }
            Rule::UniqueItems => f.write_str("has duplicate items but uniqueItems is set"),
            Rule::Enum { actual, allowed } => {
                write!(f, "{actual:?} is not one of {allowed:?}")
            }
            Rule::MultipleOf { factor, actual } => write!(f, "{actual} is not a multiple of {factor}"),
            Rule::MinProperties { limit, actual } => {
                write!(f, "has {actual} members, fewer than minProperties {limit}")
            }
            Rule::RequiredAnyOf { alternatives } => {
                let sets: Vec<String> = alternatives.iter().map(|set| set.join(" + ")).collect();
                write!(f, "needs at least one of: {}", sets.join(", "))
            }
            Rule::MaxProperties { limit, actual } => {
                write!(f, "has {actual} members, more than maxProperties {limit}")
            }
            Rule::PathSegment => f.write_str("is empty, `.` or `..`, which cannot be a path segment"),
            Rule::HeaderValue => f.write_str("holds characters other than visible ASCII, which a header cannot carry"),
            Rule::HeaderName => f.write_str("is a header the client sets itself, or not a header name"),
        }
    }
}

/// One broken rule at one location.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where the value sits, as a JSON pointer (`/order_lines/3/name`).
    pub pointer: String,
    /// The rule it broke.
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() { "(root)" } else { &self.pointer };
        write!(f, "{at}: {}", self.rule)
    }
}

/// Every violation found in one value; never empty.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// Turns a list of violations into `Ok(())` when empty, an error otherwise.
    pub fn check(found: Vec<Violation>) -> Result<(), Violations> {
        if found.is_empty() {
            Ok(())
        } else {
            Err(Violations(found))
        }
    }

    /// The violations, in the order they were found.
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// The violations, by value.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} violation(s): ", self.0.len())?;
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

/// A value that can check itself against the constraints of its schema.
///
/// Every generated type implements it. Checking never panics and reports
/// every violation, not only the first.
pub trait Validate {
    /// Appends every violation of this value, located below `path`, to `out`.
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>);

    /// Checks the value and returns all of its violations.
    fn validate(&self) -> Result<(), Violations> {
        let mut found = Vec::new();
        self.validate_at(&Path::Root, &mut found);
        Violations::check(found)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        (**self).validate_at(path, out);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        if let Some(value) = self {
            value.validate_at(path, out);
        }
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        (**self).validate_at(path, out);
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        for (index, item) in self.iter().enumerate() {
            item.validate_at(&path.index(index), out);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        self.as_slice().validate_at(path, out);
    }
}

impl<T: Validate> Validate for BTreeMap<String, T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        for (key, value) in self {
            value.validate_at(&path.field(key), out);
        }
    }
}

/// Implements a no-op [`Validate`] for types whose schema has no constraints.
macro_rules! unconstrained {
    ($($ty:ty),* $(,)?) => {
        $(impl Validate for $ty {
            fn validate_at(&self, _path: &Path<'_>, _out: &mut Vec<Violation>) {}
        })*
    };
}

unconstrained!(
    String,
    bool,
    i32,
    i64,
    f64,
    serde_json::Value,
    serde_json::Map<String, serde_json::Value>
);

/// A string that is not one of an enumeration's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not one of {allowed:?}")]
pub struct UnknownEnumValue {
    /// The value given.
    pub value: String,
    /// The values the enumeration allows.
    pub allowed: &'static [&'static str],
}

/// Why a JSON value is not a valid instance of a schema.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JsonCheckError {
    /// The value does not have the schema's shape (wrong type, missing
    /// required member, unknown enum value of a strict enum).
    #[error("does not deserialize: {0}")]
    Deserialize(DecodeError),
    /// The value has the right shape but breaks constraints.
    #[error(transparent)]
    Violations(#[from] Violations),
}

/// Something done with the generated type of a schema chosen by name at run
/// time: each API module's `visit_schema(name, visitor)` calls `visit` with
/// the type of the component schema `name`.
pub trait SchemaVisitor {
    /// What the visit gives.
    type Output;
    /// Does the work with the schema's type `T`.
    fn visit<T>(self) -> Self::Output
    where
        T: serde::de::DeserializeOwned + serde::Serialize + Validate + fmt::Debug + PartialEq;
}

/// The visitor behind each module's `check_schema`: reads the input as the
/// schema's type and validates it.
#[derive(Debug)]
pub struct CheckSchema<I>(pub I);

impl<I: SchemaInput> SchemaVisitor for CheckSchema<I> {
    type Output = Result<(), JsonCheckError>;

    fn visit<T>(self) -> Self::Output
    where
        T: serde::de::DeserializeOwned + serde::Serialize + Validate + fmt::Debug + PartialEq,
    {
        self.0.check::<T>()
    }
}

/// A JSON value or raw bytes, to be read as some schema's type and validated.
pub trait SchemaInput {
    /// Deserializes the input as `T` and validates it.
    fn check<T>(self) -> Result<(), JsonCheckError>
    where
        T: serde::de::DeserializeOwned + Validate;
}

impl SchemaInput for serde_json::Value {
    fn check<T>(self) -> Result<(), JsonCheckError>
    where
        T: serde::de::DeserializeOwned + Validate,
    {
        check_json::<T>(self)
    }
}

impl SchemaInput for &[u8] {
    fn check<T>(self) -> Result<(), JsonCheckError>
    where
        T: serde::de::DeserializeOwned + Validate,
    {
        check_json_bytes::<T>(self)
    }
}

/// Deserializes `value` as `T` and validates it.
pub fn check_json<T>(value: serde_json::Value) -> Result<(), JsonCheckError>
where
    T: serde::de::DeserializeOwned + Validate,
{
    let typed: T = decode::from_value(value).map_err(JsonCheckError::Deserialize)?;
    typed.validate()?;
    Ok(())
}

/// Deserializes raw bytes as `T` and validates it.
pub fn check_json_bytes<T>(bytes: &[u8]) -> Result<(), JsonCheckError>
where
    T: serde::de::DeserializeOwned + Validate,
{
    let typed: T = decode::from_slice(bytes).map_err(JsonCheckError::Deserialize)?;
    typed.validate()?;
    Ok(())
}
