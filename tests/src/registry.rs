//! The generated schema checks of each API module, looked up by module name.

use klarna_generated::runtime::{JsonCheckError, SchemaVisitor, Validate};
use serde_json::Value;

/// Checks a JSON value against a named component schema.
pub type CheckJson = fn(&str, Value) -> Option<Result<(), JsonCheckError>>;
/// Checks raw bytes against a named component schema.
pub type CheckBytes = fn(&str, &[u8]) -> Option<Result<(), JsonCheckError>>;

/// Reads a value as a named schema's type, writes it back and reads it again.
pub type RoundTripFn = fn(&str, Value) -> Option<RoundTrip>;

/// What became of a value read as a schema's type and written back.
#[derive(Debug, Clone, PartialEq)]
pub enum RoundTrip {
    /// The value does not deserialize as the type: nothing to write back.
    NotAccepted,
    /// Written back, it reads again, and what it writes then is the same
    /// JSON: writing is a fixed point after one read. (The first read may
    /// lose what is never sent, such as `readOnly` members, so the typed
    /// values of the first and second read need not be equal.)
    Stable,
    /// One of those properties failed, and how.
    Broken(String),
}

/// The round trip of one JSON value through the visited type.
#[derive(Debug)]
pub struct RoundTripVisitor(pub Value);

impl SchemaVisitor for RoundTripVisitor {
    type Output = RoundTrip;

    fn visit<T>(self) -> RoundTrip
    where
        T: serde::de::DeserializeOwned + serde::Serialize + Validate + std::fmt::Debug + PartialEq,
    {
        let Ok(first) = serde_json::from_value::<T>(self.0) else { return RoundTrip::NotAccepted };
        let written = match serde_json::to_value(&first) {
            Ok(written) => written,
            Err(e) => return RoundTrip::Broken(format!("{first:?} does not serialize: {e}")),
        };
        let second = match serde_json::from_value::<T>(written.clone()) {
            Ok(second) => second,
            Err(e) => return RoundTrip::Broken(format!("{written} (written from {first:?}) does not read back: {e}")),
        };
        let third = match serde_json::to_value(&second) {
            Ok(again) if again == written => serde_json::from_value::<T>(again),
            other => return RoundTrip::Broken(format!("{written} is written again as {other:?}")),
        };
        if third.as_ref().ok() != Some(&second) {
            return RoundTrip::Broken(format!("{written} reads as {second:?}, then as {third:?}"));
        }
        RoundTrip::Stable
    }
}

/// A module's generated checks and the names of its component schemas.
#[derive(Debug, Clone, Copy)]
pub struct Checks {
    /// `check_schema` of the module, for JSON values.
    pub json: CheckJson,
    /// `check_schema` of the module, for raw bytes.
    pub bytes: CheckBytes,
    /// The round trip through `visit_schema` of the module.
    pub round_trip: RoundTripFn,
    /// `SCHEMAS` of the module.
    pub schemas: &'static [&'static str],
}

/// The generated checks of `module` (`identity`, `customer_token`, `management`, `messaging`).
pub fn checks(module: &str) -> Checks {
    macro_rules! of {
        ($api:ident) => {
            Checks {
                json: |name, value| klarna_generated::$api::check_schema(name, value),
                bytes: |name, bytes| klarna_generated::$api::check_schema(name, bytes),
                round_trip: |name, value| klarna_generated::$api::visit_schema(name, RoundTripVisitor(value)),
                schemas: klarna_generated::$api::SCHEMAS,
            }
        };
    }
    match module {
        "identity" => of!(identity),
        "customer_token" => of!(customer_token),
        "management" => of!(management),
        "messaging" => of!(messaging),
        other => panic!("unknown module {other}"),
    }
}
