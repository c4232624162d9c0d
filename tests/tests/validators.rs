//! Boundary cases for every constraint kind, non-ASCII strings included,
//! through the generated fixture types and the real spec types.

use klarna_generated::runtime::{JsonCheckError, Rule, Validate, Violation};
use serde_json::json;
use tests::fixtures::{arrays, constraints, enums, newtypes, unions};

fn violations<T: Validate>(value: &T) -> Vec<Violation> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(v) => v.into_vec(),
    }
}

fn rules_at<T: Validate>(value: &T) -> Vec<(String, Rule)> {
    violations(value).into_iter().map(|v| (v.pointer, v.rule)).collect()
}

fn item() -> constraints::Item {
    constraints::Item::new("ab".into(), 5)
}

#[test]
fn a_valid_value_has_no_violations() {
    let mut value = item();
    value.code = Some("AB1".into());
    value.price = Some(99.5);
    value.tags = Some(vec!["a".into(), "b".into()]);
    value.note = Some("ñññ".into());
    assert_eq!(rules_at(&value), vec![]);
}

#[test]
fn string_lengths_count_code_points_at_and_past_the_limit() {
    let mut value = item();
    value.name = "ééé".into(); // 3 code points, 6 bytes: at the limit
    assert_eq!(rules_at(&value), vec![]);
    value.name = "😀😀😀".into();
    assert_eq!(rules_at(&value), vec![]);
    value.name = "éééé".into();
    assert_eq!(rules_at(&value), vec![("/name".into(), Rule::MaxLength { limit: 3, actual: 4 })]);
    value.name = String::new();
    assert_eq!(rules_at(&value), vec![("/name".into(), Rule::MinLength { limit: 1, actual: 0 })]);
}

#[test]
fn patterns_follow_ecma_with_ascii_digits() {
    let mut value = item();
    value.code = Some("AB1".into());
    assert!(violations(&value).is_empty());
    for bad in ["ab1", "AB", "AB12", "ABC", "AB١"] {
        value.code = Some(bad.into());
        let found = rules_at(&value);
        assert_eq!(found.len(), 1, "{bad:?}: {found:?}");
        assert_eq!(found[0].0, "/code");
        assert!(matches!(found[0].1, Rule::Pattern { .. }), "{bad:?}");
    }
}

#[test]
fn patterns_are_unanchored_unless_anchored_in_the_spec() {
    // `ByEmail.email` has the pattern `@`: it matches anywhere in the value.
    assert!(violations(&unions::ByEmail::new("name@example.com".into())).is_empty());
    assert_eq!(violations(&unions::ByEmail::new("no at sign".into())).len(), 1);
}

#[test]
fn integer_bounds_are_inclusive() {
    let mut value = item();
    for (count, ok) in [(0, true), (10, true), (-1, false), (11, false)] {
        value.count = count;
        assert_eq!(violations(&value).is_empty(), ok, "count {count}");
    }
    value.count = 11;
    assert_eq!(
        rules_at(&value),
        vec![("/count".into(), Rule::Maximum { limit: 10.0, exclusive: false, actual: 11.0 })]
    );
}

#[test]
fn exclusive_number_bounds_reject_the_bound_itself() {
    let mut value = item();
    for (price, ok) in [(0.0, false), (0.001, true), (99.999, true), (100.0, false), (-1.0, false), (f64::NAN, false)] {
        value.price = Some(price);
        assert_eq!(violations(&value).is_empty(), ok, "price {price}");
    }
}

#[test]
fn large_integer_bounds_compare_exactly() {
    let mut value = item();
    value.big = Some(9_007_199_254_740_992);
    assert!(violations(&value).is_empty());
    value.big = Some(9_007_199_254_740_993);
    assert_eq!(violations(&value).len(), 1);
}

#[test]
fn item_counts_and_uniqueness() {
    let mut value = item();
    value.tags = Some(vec![]);
    assert_eq!(rules_at(&value), vec![("/tags".into(), Rule::MinItems { limit: 1, actual: 0 })]);
    value.tags = Some(vec!["a".into(), "b".into(), "c".into()]);
    assert_eq!(rules_at(&value), vec![("/tags".into(), Rule::MaxItems { limit: 2, actual: 3 })]);
    value.tags = Some(vec!["a".into(), "a".into()]);
    assert_eq!(rules_at(&value), vec![("/tags".into(), Rule::UniqueItems)]);
}

#[test]
fn nullable_and_optional_members_are_checked_when_present() {
    let mut value = item();
    value.note = None;
    assert!(violations(&value).is_empty());
    value.note = Some("ööööö".into());
    assert_eq!(rules_at(&value), vec![("/note".into(), Rule::MaxLength { limit: 4, actual: 5 })]);
    let parsed: constraints::Item = serde_json::from_value(json!({"name": "a", "count": 1, "note": null})).unwrap();
    assert_eq!(parsed.note, None);
}

#[test]
fn every_violation_is_reported_not_only_the_first() {
    let mut value = item();
    value.name = "toolong".into();
    value.count = -5;
    value.code = Some("x".into());
    value.tags = Some(vec![]);
    let pointers: Vec<String> = violations(&value).into_iter().map(|v| v.pointer).collect();
    assert_eq!(pointers, vec!["/name", "/code", "/count", "/tags"]);
    let message = value.validate().unwrap_err().to_string();
    assert!(message.starts_with("4 violation(s): /name: has 7 characters"), "{message}");
}

#[test]
fn required_members_and_types_are_enforced_when_reading_json() {
    let missing = tests::fixtures::constraints::check_schema("Item", json!({"name": "a"})).unwrap();
    assert!(
        matches!(&missing, Err(JsonCheckError::Deserialize(m)) if m.reason.contains("missing field `count`")),
        "{missing:?}"
    );
    let wrong = tests::fixtures::constraints::check_schema("Item", json!({"name": 1, "count": 1})).unwrap();
    assert!(matches!(&wrong, Err(JsonCheckError::Deserialize(e)) if e.pointer == "/name"), "{wrong:?}");
    let ok = tests::fixtures::constraints::check_schema("Item", json!({"name": "a", "count": 1})).unwrap();
    assert_eq!(ok, Ok(()));
    assert!(tests::fixtures::constraints::check_schema("Nope", json!({})).is_none());
}

#[test]
fn read_only_members_are_never_sent_and_defaults_stay_absent() {
    let mut value = item();
    value.id = Some("server-set".into());
    let sent = serde_json::to_value(&value).unwrap();
    assert!(sent.get("id").is_none(), "{sent}");
    // Absent: the receiver assumes the default `true`.
    assert!(sent.get("active").is_none(), "{sent}");
    let parsed: constraints::Item = serde_json::from_value(json!({"id": "x", "name": "a", "count": 1})).unwrap();
    assert_eq!(parsed.id.as_deref(), Some("x"));
    assert_eq!(parsed.active, None);
    assert!(parsed.active_or_default());
    assert!(!parsed.with_active(false).active_or_default());
}

#[test]
fn nested_arrays_report_full_pointers() {
    let mut bad = arrays::Cell::new(-1);
    bad.name = Some("abc".into());
    let grid = arrays::Grid::new(vec![vec![arrays::Cell::new(1)], vec![arrays::Cell::new(2), bad], vec![]]);
    let found = rules_at(&grid);
    assert_eq!(
        found,
        vec![
            ("/rows".into(), Rule::MaxItems { limit: 2, actual: 3 }),
            ("/rows/1/1/value".into(), Rule::Minimum { limit: 0.0, exclusive: false, actual: -1.0 }),
            ("/rows/1/1/name".into(), Rule::MaxLength { limit: 2, actual: 3 }),
            ("/rows/2".into(), Rule::MinItems { limit: 1, actual: 0 }),
        ]
    );
}

#[test]
fn map_values_are_checked_with_escaped_keys() {
    let mut grid = arrays::Grid::new(vec![]);
    grid.labels = Some([("a/b".to_owned(), "long".to_owned())].into_iter().collect());
    assert_eq!(rules_at(&grid), vec![("/labels/a~1b".into(), Rule::MaxLength { limit: 3, actual: 4 })]);
}

#[test]
fn newtype_constructors_refuse_invalid_values() {
    assert!(newtypes::Reference::new("abc").is_ok());
    let err = newtypes::Reference::new("ABCDEF").unwrap_err();
    let rules: Vec<Rule> = err.into_vec().into_iter().map(|v| v.rule).collect();
    assert_eq!(rules.len(), 2, "{rules:?}");
    assert!(newtypes::Reference::try_from("a".to_owned()).is_err());
    assert!("a".parse::<newtypes::Reference>().is_err());
    assert!(newtypes::Quantity::new(0).is_err());
    assert!(newtypes::Quantity::new(100).is_ok());
    assert!(newtypes::Ratio::new(0.0).is_err());
    assert!(newtypes::Ratio::new(0.5).is_ok());
    assert!(newtypes::Tags::new(vec!["a".into(), "a".into()]).is_err());
    assert!(newtypes::Tags::new(vec!["abcde".into()]).is_err());
    assert!(newtypes::Tags::new(vec!["abcd".into()]).is_ok());
    let reference: newtypes::Reference = "xyz".parse().unwrap();
    assert_eq!(serde_json::to_value(&reference).unwrap(), json!("xyz"));
}

/// Lenient inbound: a received value that breaks a newtype's constraints
/// still deserializes (a response is never refused for it), and
/// `validate()` reports exactly what it breaks.
#[test]
fn newtypes_deserialize_any_base_value_and_validate_reports_it() {
    let short: newtypes::Reference = serde_json::from_value(json!("a")).unwrap();
    assert_eq!(short.as_str(), "a");
    assert!(matches!(&rules_at(&short)[..], [(p, Rule::MinLength { limit: 2, actual: 1 })] if p.is_empty()));
    let zero: newtypes::Quantity = serde_json::from_value(json!(0)).unwrap();
    assert!(matches!(&rules_at(&zero)[..], [(_, Rule::Minimum { .. })]), "{:?}", rules_at(&zero));
    let fine: newtypes::Quantity = serde_json::from_value(json!(100)).unwrap();
    assert!(violations(&fine).is_empty());
    assert!(serde_json::from_value::<newtypes::Quantity>(json!("100")).is_err(), "the base type still holds");
}

#[test]
fn sent_enums_are_strict_received_enums_keep_unknown_values() {
    assert!(serde_json::from_value::<enums::Environment>(json!("LIVE")).is_ok());
    assert!(serde_json::from_value::<enums::Environment>(json!("live")).is_err(), "wrong case is rejected");
    let status: enums::Status = serde_json::from_value(json!("SUSPENDED")).unwrap();
    assert_eq!(status.as_str(), "SUSPENDED");
    assert_eq!(serde_json::to_value(&status).unwrap(), json!("SUSPENDED"));
    let found = rules_at(&status);
    assert!(
        matches!(&found[..], [(p, Rule::Enum { actual, .. })] if p.is_empty() && actual == "SUSPENDED"),
        "{found:?}"
    );
    assert!(violations(&enums::Status::Active).is_empty());
}

#[test]
fn colliding_enum_names_stay_distinct_on_the_wire() {
    let values: Vec<String> = enums::OrderRequestPrefix::ALL
        .iter()
        .map(|v| serde_json::to_value(v).unwrap().as_str().unwrap().to_owned())
        .collect();
    assert_eq!(values, vec!["Or", "or"]);
    let request = enums::OrderRequest::new(enums::Environment::Test);
    // The defaulted `channel` stays absent; the receiver assumes `ONLINE`.
    assert_eq!(serde_json::to_value(&request).unwrap(), json!({"environment": "TEST"}));
    assert_eq!(request.channel_or_default(), enums::OrderRequestChannel::Online);
}

#[test]
fn unions_send_exactly_one_form_and_read_the_first_that_fits() {
    let by_phone: unions::Lookup = unions::ByPhone::new("+46701234567".into()).into();
    assert_eq!(serde_json::to_value(&by_phone).unwrap(), json!({"phone": "+46701234567"}));
    let read: unions::Lookup = serde_json::from_value(json!({"email": "a@b.se"})).unwrap();
    assert!(matches!(read, unions::Lookup::ByEmail(_)));
    let bad: unions::Lookup = unions::ByPhone::new("12".into()).into();
    assert_eq!(violations(&bad).len(), 1);
    assert_eq!(violations(&bad)[0].pointer, "/phone");
    assert!(serde_json::from_value::<unions::Lookup>(json!({"fax": "1"})).is_err());
}

#[test]
fn real_spec_email_pattern_accepts_latin_addresses_and_rejects_garbage() {
    use klarna_generated::identity::Email;
    for good in ["jane.doe@example.com", "jöran@exämple.se", "\"quoted\"@example.com", "user@[192.168.0.1]"] {
        assert!(Email::new(good).is_ok(), "{good}");
    }
    for bad in ["no-at", "<script>@x.com", "a@b", "a..b@x.com", ""] {
        assert!(Email::new(bad).is_err(), "{bad}");
    }
    let long_local = format!("{}@example.com", "a".repeat(65));
    assert!(Email::new(long_local).is_err(), "local part over 64 characters");
}

#[test]
fn real_spec_phone_is_e164() {
    use klarna_generated::identity::Phone;
    assert!(Phone::new("+18445527621").is_ok());
    assert!(Phone::new("18445527621").is_err());
    assert!(Phone::new("+1844552762X").is_err());
    assert!(Phone::new("+١٨٤٤٥٥٢٧٦٢١").is_err(), "non-ASCII digits are not \\d in ECMA-262");
}

#[test]
fn required_nullable_members_must_be_present_but_may_be_null() {
    let check = |value| tests::fixtures::constraints::check_schema("Reading", value).unwrap();
    assert_eq!(check(json!({"value": null})), Ok(()));
    assert_eq!(check(json!({"value": "ab"})), Ok(()));
    assert!(
        matches!(check(json!({})), Err(JsonCheckError::Deserialize(m)) if m.reason.contains("missing field `value`"))
    );
    assert!(matches!(check(json!({"value": "abc"})), Err(JsonCheckError::Violations(_))));
    let sent = serde_json::to_value(constraints::Reading::new(None)).unwrap();
    assert_eq!(sent, json!({"value": null}));
}

#[test]
fn structs_are_read_from_json_objects_only() {
    // serde would otherwise read `[]` as a struct whose members are all optional.
    assert!(serde_json::from_value::<enums::Order>(json!(["ACTIVE"])).is_err());
    assert!(serde_json::from_str::<arrays::Grid>("[[]]").is_err());
    assert!(serde_json::from_value::<klarna_generated::identity::CheckCustomerExistsResponse>(json!([])).is_err());
    assert!(serde_json::from_value::<klarna_generated::identity::CheckCustomerExistsResponse>(json!({})).is_ok());
}

#[test]
fn a_value_matching_no_union_form_says_why_each_refused() {
    let error = serde_json::from_value::<unions::Lookup>(json!({"fax": "1"})).unwrap_err().to_string();
    assert!(error.starts_with("matches none of the forms of Lookup: ByEmail: missing field `email`"), "{error}");
    assert!(error.contains("ByPhone: missing field `phone`"), "{error}");
}

/// A member holding a newtype: the object still parses when the member
/// breaks its constraint, and the violation is reported at the member.
#[test]
fn a_member_breaking_its_newtype_parses_and_is_reported_where_it_is() {
    let lookup: klarna_generated::identity::CheckCustomerExistsRequest =
        serde_json::from_value(json!({"email": "not an address"})).unwrap();
    assert!(matches!(&rules_at(&lookup)[..], [(p, Rule::Pattern { .. })] if p == "/email"), "{:?}", rules_at(&lookup));
}

#[test]
fn back_references_and_look_behind_are_checked_by_the_bounded_engine() {
    for good in ["ab-ab", "12", "x-x"] {
        assert!(constraints::Pair::new(good).is_ok(), "{good}");
    }
    for bad in ["ab-ac", "120", "ab-ab-ab"] {
        assert!(constraints::Pair::new(bad).is_err(), "{bad}");
    }
    // Received as it is; validate() reports the pattern.
    let received: constraints::Pair = serde_json::from_value(json!("ab-ac")).unwrap();
    assert!(
        matches!(&rules_at(&received)[..], [(p, Rule::Pattern { .. })] if p.is_empty()),
        "{:?}",
        rules_at(&received)
    );
}
