//! Schema readings that used to be loose, now exact: `allOf` members merged
//! property by property and constraint by constraint, keywords beside
//! `oneOf` added to each alternative. Each through
//! `tests/fixtures/ok/schema_semantics.yaml`, and every verdict checked
//! against the `jsonschema` crate on the same schema.

use std::path::Path;

use klarna_generated::runtime::{JsonCheckError, Rule, Validate};
use serde_json::{json, Value};
use tests::fixtures::schema_semantics as fx;

fn rules<T: Validate>(value: &T) -> Vec<(String, Rule)> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(v) => v.into_vec().into_iter().map(|v| (v.pointer, v.rule)).collect(),
    }
}

fn parse<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

fn pattern(source: &'static str) -> Rule {
    Rule::Pattern { pattern: source }
}

#[test]
fn a_property_several_members_define_holds_for_every_definition() {
    let value: fx::Derived = parse(json!({
        "kind": "small", "size": 11, "code": "Ab", "tags": ["", "a", "b"], "note": null, "label": "x"
    }))
    .unwrap();
    assert_eq!(value.kind, fx::DerivedKind::Small);
    assert_eq!(
        rules(&value),
        vec![
            ("/size".into(), Rule::Maximum { limit: 10.0, exclusive: false, actual: 11.0 }),
            ("/code".into(), pattern("[0-9]$")),
            ("/tags".into(), Rule::MaxItems { limit: 2, actual: 3 }),
            ("/tags/0".into(), Rule::MinLength { limit: 1, actual: 0 }),
        ]
    );
    // Both patterns, each reported with its own source; the base's minimum too.
    let value: fx::Derived =
        parse(json!({"kind": "large", "size": -1, "code": "a", "note": "abcd", "label": "x"})).unwrap();
    assert_eq!(
        rules(&value),
        vec![
            ("/size".into(), Rule::Minimum { limit: 0.0, exclusive: false, actual: -1.0 }),
            ("/code".into(), pattern("^[A-Z]")),
            ("/code".into(), pattern("[0-9]$")),
            ("/note".into(), Rule::MaxLength { limit: 3, actual: 4 }),
        ]
    );
    let fine: fx::Derived = parse(json!({"kind": "small", "code": "A1", "note": "ab", "label": "x"})).unwrap();
    assert_eq!(rules(&fine), vec![]);
}

#[test]
fn an_enum_member_narrows_a_string_and_nullable_needs_every_member() {
    // The base says any string; the member's enum is the merge.
    let wrong = parse::<fx::Derived>(json!({"kind": "medium", "note": null, "label": "x"})).unwrap_err();
    assert!(wrong.contains("medium"), "{wrong}");
    // `note` is nullable in both members: `null` is a value.
    let value: fx::Derived = parse(json!({"kind": "small", "note": null, "label": "x"})).unwrap();
    assert_eq!(value.note, None);
    // `label` is nullable in one member only: not nullable, and a plain `String`.
    let label: String = value.label;
    assert_eq!(label, "x");
    assert!(parse::<fx::Derived>(json!({"kind": "small", "note": null, "label": null})).is_err());
}

#[test]
fn a_member_that_adds_nothing_keeps_the_referenced_type() {
    // `SameAsBase` is `Base` itself (a type alias), not a copy.
    let base: fx::Base = fx::Base::new().with_kind("k");
    let same: fx::SameAsBase = base.clone();
    assert_eq!(same, base);
}

#[test]
fn scalar_members_merge_into_one_checked_type() {
    assert!(fx::ShortCode::new("abc").is_ok());
    let long = fx::ShortCode::new("abcdef").unwrap_err().into_vec();
    assert_eq!(long[0].rule, Rule::MaxLength { limit: 5, actual: 6 });
    let upper = fx::ShortCode::new("AB").unwrap_err().into_vec();
    assert_eq!(upper[0].rule, pattern("^[a-z]+$"));
    // multipleOf 2 and multipleOf 3: multipleOf 6.
    assert!(fx::SixFold::new(12).is_ok());
    let four = fx::SixFold::new(4).unwrap_err().into_vec();
    assert_eq!(four[0].rule, Rule::MultipleOf { factor: 6.0, actual: 4.0 });
    // An integer within 0.5..=100.5 is 1..=100, and stays an integer.
    let percent: i64 = fx::Percent::new(100).unwrap().into_inner();
    assert_eq!(percent, 100);
    assert_eq!(
        fx::Percent::new(0).unwrap_err().into_vec()[0].rule,
        Rule::Minimum { limit: 1.0, exclusive: false, actual: 0.0 }
    );
    assert_eq!(
        fx::Percent::new(101).unwrap_err().into_vec()[0].rule,
        Rule::Maximum { limit: 100.0, exclusive: false, actual: 101.0 }
    );
}

#[test]
fn properties_beside_one_of_belong_to_every_alternative() {
    let circle: fx::Figure = parse(json!({"id": "c1", "radius": 2.0})).unwrap();
    let fx::Figure::Variant1(inner) = &circle else { panic!("{circle:?}") };
    assert_eq!((inner.id.as_str(), inner.radius), ("c1", 2.0));
    let square: fx::Figure = parse(json!({"id": "", "side": -1.0})).unwrap();
    assert_eq!(
        rules(&square),
        vec![
            ("/id".into(), Rule::MinLength { limit: 1, actual: 0 }),
            ("/side".into(), Rule::Minimum { limit: 0.0, exclusive: false, actual: -1.0 }),
        ]
    );
    // The shared `id` is required in every alternative.
    assert!(parse::<fx::Figure>(json!({"radius": 2.0})).is_err());
    assert_eq!(serde_json::to_value(&circle).unwrap(), json!({"id": "c1", "radius": 2.0}));
}

#[test]
fn type_and_constraints_beside_one_of_apply_to_each_alternative() {
    let digits: fx::Digits = parse(json!("123")).unwrap();
    assert_eq!(rules(&digits), vec![]);
    let long: fx::Digits = parse(json!("12345")).unwrap();
    assert_eq!(rules(&long), vec![(String::new(), Rule::MaxLength { limit: 4, actual: 5 })]);
    // The second alternative is a string of at most 4 characters as well.
    let letters = fx::DigitsString2::new("abcde").unwrap_err().into_vec();
    assert_eq!(letters[0].rule, Rule::MaxLength { limit: 4, actual: 5 });
    assert!(fx::DigitsString2::new("abcd").is_ok());
}

#[test]
fn additional_members_beside_properties_are_a_typed_checked_map() {
    let value = json!({"name": "a", "x": 1, "y": -2});
    let scores: fx::Scores = parse(value.clone()).unwrap();
    assert_eq!(scores.name, "a");
    assert_eq!(scores.additional_properties.get("x"), Some(&1));
    assert_eq!(scores.additional_properties.len(), 2);
    // Each additional member against its schema, at its own key.
    assert_eq!(rules(&scores), vec![("/y".into(), Rule::Minimum { limit: 0.0, exclusive: false, actual: -2.0 })]);
    // Written back exactly as read.
    assert_eq!(serde_json::to_value(&scores).unwrap(), value);
    // A member of the wrong type does not read, and says where.
    let wrong = fx::check_schema("Scores", json!({"name": "a", "x": "one"})).unwrap().unwrap_err();
    assert!(matches!(wrong, JsonCheckError::Deserialize(_)), "{wrong:?}");
    // A checked named type: its own rules, under the member's key.
    let labels: fx::Labels = parse(json!({"id": "1", "k~/": "TOOLONG"})).unwrap();
    assert_eq!(
        rules(&labels),
        vec![("/k~0~1".into(), Rule::MaxLength { limit: 5, actual: 7 }), ("/k~0~1".into(), pattern("^[a-z]+$")),]
    );
    let mut built = fx::Scores::new("b".into());
    built.additional_properties.insert("z".into(), 3);
    assert_eq!(serde_json::to_value(&built).unwrap(), json!({"name": "b", "z": 3}));
    assert_eq!(rules(&built), vec![]);
}

#[test]
fn min_and_max_properties_count_the_members_present() {
    let one: fx::Scores = parse(json!({"name": "a"})).unwrap();
    assert_eq!(rules(&one), vec![(String::new(), Rule::MinProperties { limit: 2, actual: 1 })]);
    let two: fx::Scores = parse(json!({"name": "a", "note": "n"})).unwrap();
    assert_eq!(rules(&two), vec![]);
    let four: fx::Scores = parse(json!({"name": "a", "note": "n", "x": 1, "y": 2})).unwrap();
    assert_eq!(rules(&four), vec![(String::new(), Rule::MaxProperties { limit: 3, actual: 4 })]);
}

#[test]
fn defaulted_members_stay_absent_and_give_their_default_on_request() {
    let empty: fx::Settings = parse(json!({})).unwrap();
    // Absent stays absent: the value is written back exactly as read.
    assert_eq!(empty.mode, None);
    assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));
    assert_eq!(serde_json::to_value(fx::Settings::new()).unwrap(), json!({}));
    // Every default, typed, without repeating the spec.
    assert_eq!(empty.mode_or_default(), fx::SettingsMode::Safe);
    assert_eq!(empty.retries_or_default(), 3i32);
    assert_eq!(empty.ratio_or_default(), 0.5);
    assert!(!empty.verbose_or_default());
    assert_eq!(empty.name_or_default(), "anonymous");
    assert_eq!(empty.events_or_default(), vec!["push".to_owned()]);
    assert_eq!(empty.none_or_default(), Vec::<i64>::new());
    assert_eq!(empty.limits_or_default().get("daily"), Some(&10));
    assert_eq!(serde_json::Value::Object(empty.extra_or_default()), json!({"a": [1, null, {"b": true}]}));
    assert_eq!(empty.anything_or_default(), json!({"x": -1.5}));
    let interface = empty.interface_or_default();
    assert_eq!((interface.r#type.as_str(), interface.mtu, interface.tags), ("default", Some(1500), None));
    assert_eq!(empty.code_or_default().as_str(), "abc");
    assert_eq!(empty.grid_or_default(), vec![vec![Some(1), None], vec![]]);
    // `default: null` on a nullable member: absent and null are both `None`.
    assert_eq!(empty.maybe, None);
    // A value that is there wins, and is written back as it came.
    let given = json!({"mode": "fast", "events": [], "retries": 0});
    let set: fx::Settings = parse(given.clone()).unwrap();
    assert_eq!(
        (set.mode_or_default(), set.events_or_default(), set.retries_or_default()),
        (fx::SettingsMode::Fast, vec![], 0)
    );
    assert_eq!(serde_json::to_value(&set).unwrap(), given);
    let built = fx::Settings::new().with_verbose(true);
    assert!(built.verbose_or_default());
    assert_eq!(serde_json::to_value(&built).unwrap(), json!({"verbose": true}));
}

/// The fixture spec as JSON.
fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ok/schema_semantics.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Instances of the fixture's schemas, valid and invalid.
fn cases() -> Vec<(&'static str, Value)> {
    let derived = json!({"kind": "small", "note": null, "label": "x"});
    let with = |key: &str, value: Value| {
        let mut object = derived.clone();
        object[key] = value;
        object
    };
    vec![
        ("Derived", derived.clone()),
        ("Derived", with("kind", json!("medium"))),
        ("Derived", with("size", json!(10))),
        ("Derived", with("size", json!(11))),
        ("Derived", with("size", json!(-1))),
        ("Derived", with("code", json!("A1"))),
        ("Derived", with("code", json!("a1"))),
        ("Derived", with("code", json!("A1234"))),
        ("Derived", with("code", json!("AB"))),
        ("Derived", with("tags", json!(["a", "b"]))),
        ("Derived", with("tags", json!(["a", "b", "c"]))),
        ("Derived", with("tags", json!([""]))),
        ("Derived", with("note", json!("abcd"))),
        ("Derived", with("label", Value::Null)),
        ("Derived", json!({"kind": "small", "label": "x"})),
        ("SameAsBase", json!({"kind": "k", "size": 3})),
        ("SameAsBase", json!({"size": -3})),
        ("ShortCode", json!("abc")),
        ("ShortCode", json!("abcdef")),
        ("ShortCode", json!("aB")),
        ("ShortCode", json!(5)),
        ("SixFold", json!(0)),
        ("SixFold", json!(18)),
        ("SixFold", json!(9)),
        ("SixFold", json!(8)),
        ("Percent", json!(1)),
        ("Percent", json!(100)),
        ("Percent", json!(0)),
        ("Percent", json!(101)),
        ("Percent", json!(50.5)),
        ("Figure", json!({"id": "c", "radius": 1.5})),
        ("Figure", json!({"id": "s", "side": 2})),
        ("Figure", json!({"id": "s", "side": -2})),
        ("Figure", json!({"id": "", "radius": 1})),
        ("Figure", json!({"radius": 1})),
        ("Figure", json!({"id": "x"})),
        ("Digits", json!("123")),
        ("Digits", json!("12345")),
        ("Digits", json!("a1")),
        ("Scores", json!({"name": "a", "x": 1})),
        ("Scores", json!({"name": "a", "x": -1})),
        ("Scores", json!({"name": "a", "x": 1.5})),
        ("Scores", json!({"name": "a", "x": "s"})),
        ("Scores", json!({"name": "a"})),
        ("Scores", json!({"name": "a", "note": "n", "x": 1})),
        ("Scores", json!({"name": "a", "note": "n", "x": 1, "y": 2})),
        ("Scores", json!({"note": "n", "x": 1})),
        ("Labels", json!({"id": "1", "k": "abc"})),
        ("Labels", json!({"id": "1", "k": "abcdef"})),
        ("Labels", json!({"k": "ABC"})),
        ("Labels", json!({"k": 1})),
        ("Settings", json!({})),
        ("Settings", json!({"retries": -1})),
        ("Settings", json!({"mode": "slow"})),
        ("Settings", json!({"code": "ABCDEFG"})),
        ("Settings", json!({"grid": [[null, 2]], "maybe": null})),
        ("Settings", json!({"interface": {"mtu": 1}})),
    ]
}

#[test]
fn generated_checks_agree_with_jsonschema_on_merged_schemas() {
    let spec = fixture();
    let definitions = tests::schema_json::definitions(&spec);
    let mut disagreements = Vec::new();
    for (name, value) in cases() {
        let reference = tests::schema_json::validator(&spec["components"]["schemas"][name], &definitions).unwrap();
        let theirs = reference.is_valid(&value);
        let ours = match fx::check_schema(name, value.clone()).unwrap() {
            Ok(()) => true,
            Err(JsonCheckError::Deserialize(_) | JsonCheckError::Violations(_)) => false,
        };
        if ours != theirs {
            disagreements.push(format!("{name} {value}: generated says {ours}, jsonschema says {theirs}"));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
