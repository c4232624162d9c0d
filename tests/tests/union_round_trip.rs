//! Received union values round-trip: among the forms that accept a value,
//! the first that keeps every member of it wins (the `Contact` anyOf of
//! `tests/fixtures/ok/unions.yaml`, whose first member would drop what only
//! the second declares).

use serde_json::{json, Value};
use tests::fixtures::unions::{Contact, Lookup, Named, Shelter};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: &Value) -> (T, Value) {
    let read: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"));
    let back = serde_json::to_value(&read).unwrap();
    (read, back)
}

#[test]
fn a_value_only_a_later_form_keeps_whole_reads_as_that_form() {
    let reachable = json!({"name": "Ann", "email": "ann@example.com"});
    assert_eq!(
        serde_json::to_value(serde_json::from_value::<Named>(reachable.clone()).unwrap()).unwrap(),
        json!({"name": "Ann"}),
        "the first form accepts the value but drops `email`"
    );
    let (read, back) = round_trip::<Contact>(&reachable);
    assert!(matches!(read, Contact::Reachable(_)), "{read:?}");
    assert_eq!(back, reachable);
}

#[test]
fn a_member_dropped_one_level_down_counts_too() {
    let nested = json!({"name": "Ann", "address": {"city": "Lund", "street": "Storgatan 1"}});
    let (read, back) = round_trip::<Contact>(&nested);
    assert!(matches!(read, Contact::Reachable(_)), "{read:?}");
    assert_eq!(back, nested);
}

#[test]
fn a_value_the_first_form_keeps_whole_stays_the_first_form() {
    for value in [json!({"name": "Ann"}), json!({"name": "Ann", "address": {"city": "Lund"}})] {
        let (read, back) = round_trip::<Contact>(&value);
        assert!(matches!(read, Contact::Named(_)), "{value}: {read:?}");
        assert_eq!(back, value);
    }
    // A null member is no member: nothing is lost by leaving it out.
    let (read, _) = round_trip::<Contact>(&json!({"name": "Ann", "email": null}));
    assert!(matches!(read, Contact::Named(_)), "{read:?}");
}

#[test]
fn when_no_form_keeps_everything_the_first_that_accepts_it_wins() {
    // An unknown member: every form drops it; the first form holds the value.
    let (read, back) = round_trip::<Contact>(&json!({"name": "Ann", "email": "a@b.se", "fax": "1"}));
    assert!(matches!(read, Contact::Named(_)), "{read:?}");
    assert_eq!(back, json!({"name": "Ann"}));
    // Each form drops the other's member.
    let (read, _) = round_trip::<Lookup>(&json!({"email": "a@b.se", "phone": "+46701234567"}));
    assert!(matches!(read, Lookup::ByEmail(_)), "{read:?}");
}

#[test]
fn union_values_inside_a_response_round_trip() {
    let shelter = json!({
        "pets": [{"pet_type": "dog", "name": "Rex", "good": true}, {"pet_type": "Lizard", "name": "Liz"}],
        "shapes": [{"kind": "Circle", "radius": 1.5}],
        "tokens": ["abc", 7, {"id": "x"}],
        "contacts": [{"name": "Ann", "email": "ann@example.com"}, {"name": "Bo"}]
    });
    let (_, back) = round_trip::<Shelter>(&shelter);
    assert_eq!(back, shelter);
}
