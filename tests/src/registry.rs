//! The generated schema checks of each API module, looked up by module name.

use klarna_generated::runtime::JsonCheckError;
use serde_json::Value;

/// Checks a JSON value against a named component schema.
pub type CheckJson = fn(&str, Value) -> Option<Result<(), JsonCheckError>>;
/// Checks raw bytes against a named component schema.
pub type CheckBytes = fn(&str, &[u8]) -> Option<Result<(), JsonCheckError>>;

/// A module's generated checks and the names of its component schemas.
#[derive(Debug, Clone, Copy)]
pub struct Checks {
    /// `check_schema` of the module, for JSON values.
    pub json: CheckJson,
    /// `check_schema` of the module, for raw bytes.
    pub bytes: CheckBytes,
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
