//! The one place that turns spec names into Rust names.
//!
//! Only this module calls heck. It sanitises keywords and leading digits and
//! leaves collisions to its callers, which resolve them with [`dedupe`].

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict and reserved, 2021 edition) that cannot be plain identifiers.
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Type names the generated modules use or define themselves: the std
/// types generated code names unqualified, the client and the webhook
/// enums. A schema of one of these names is numbered like a collision.
const RESERVED_TYPES: &[&str] = &["Box", "Client", "Option", "Result", "String", "Vec", "Webhook", "WebhookKind"];

/// Whether a type name is taken by the generated module itself.
pub fn is_reserved_type(name: &str) -> bool {
    RESERVED_TYPES.contains(&name)
}

/// Keywords that cannot even be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

fn fix_start(name: String, prefix: &str) -> String {
    match name.chars().next() {
        None => prefix.to_owned(),
        Some(c) if c.is_ascii_digit() => format!("{prefix}{name}"),
        Some(_) => name,
    }
}

/// Replaces characters heck keeps but Rust rejects (anything not alphanumeric or `_`).
fn only_ident_chars(name: &str) -> String {
    name.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { ' ' }).collect()
}

/// A type or variant name: `account_owner` -> `AccountOwner`, `1st` -> `V1st`.
pub fn type_name(name: &str) -> String {
    let name = fix_start(only_ident_chars(name).to_upper_camel_case(), "V");
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}Value")
    } else {
        name
    }
}

/// A field, method or module name: `X-Klarna-Client-Id` -> `x_klarna_client_id`,
/// `type` -> `r#type`.
pub fn value_name(name: &str) -> String {
    let name = fix_start(only_ident_chars(name).to_snake_case(), "n");
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Makes every name in `names` unique by appending `2`, `3`, ... to later
/// repeats, in order, so results are deterministic.
pub fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    names
        .into_iter()
        .map(|name| {
            let mut candidate = name.clone();
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{name}{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitises_keywords_and_digits() {
        assert_eq!(value_name("type"), "r#type");
        assert_eq!(value_name("self"), "self_");
        assert_eq!(value_name("X-Klarna-Client-Id"), "x_klarna_client_id");
        assert_eq!(value_name("3ds"), "n3ds");
        assert_eq!(type_name("en-US"), "EnUs");
        assert_eq!(type_name("1"), "V1");
        assert_eq!(type_name("Self"), "SelfValue");
    }

    #[test]
    fn dedupes_in_order() {
        let names = vec!["Or".to_owned(), "Or".to_owned(), "And".to_owned(), "Or".to_owned()];
        assert_eq!(dedupe(names), vec!["Or", "Or2", "And", "Or3"]);
    }
}
