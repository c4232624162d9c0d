//! Recursive types of `tests/fixtures/ok/recursion.yaml` that Rust cannot
//! spell directly: unions that hold each other (one form of each in a
//! `Box`) and an alias of a list of itself (a newtype).

use klarna_generated::runtime::{Rule, Validate};
use serde_json::{json, Value};
use tests::fixtures::recursion::{Expr, Group, Literal, Tree};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), value);
    typed
}

#[test]
fn unions_that_hold_each_other_read_validate_and_round_trip() {
    let nested = json!([{"value": "a"}, [{"value": "b"}, {"value": "toolong"}]]);
    let expr: Expr = round_trip(nested);
    let Expr::Group(group) = &expr else { panic!("{expr:?}") };
    let Group::Array(items) = group.as_ref() else { panic!("{group:?}") };
    assert_eq!(items.len(), 2);
    let violations: Vec<(String, Rule)> =
        expr.validate().unwrap_err().into_vec().into_iter().map(|v| (v.pointer, v.rule)).collect();
    assert_eq!(violations, [("/1/1/value".to_owned(), Rule::MaxLength { limit: 5, actual: 7 })]);
    // Built by hand: the boxed form converts from the plain value.
    let built = Expr::from(Group::from(Expr::from(Literal::new("x".to_owned()))));
    assert_eq!(serde_json::to_value(&built).unwrap(), json!({"value": "x"}));
}

#[test]
fn an_alias_of_a_list_of_itself_is_a_newtype() {
    let tree: Tree = round_trip(json!([[], [[], [[]]]]));
    assert!(tree.validate().is_ok());
    assert!(serde_json::from_value::<Tree>(json!([1])).is_err());
}
