//! Unions with a `discriminator` (the `Pet` and `Shape` unions of
//! `tests/fixtures/ok/unions.yaml`): the tag selects the form, errors are
//! that form's with their path, an unknown tag is read leniently and
//! reported by `validate()`, what is sent carries its tag exactly once; and
//! what the generator makes of odd discriminators (warnings, still code).

use klarna_generated::runtime::client::{ApiKey, ClientConfig, ClientError, Environment};
use klarna_generated::runtime::{decode, Rule, Validate, Violation};
use serde_json::{json, Value};
use tests::fixtures::unions::{self, Cat, Circle, Dog, DogPetType, Lizard, Pet, Shape, Shelter, Square, Token};

fn pet(value: Value) -> Pet {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

fn violations(value: &impl Validate) -> Vec<Violation> {
    value.validate().err().map(|v| v.into_vec()).unwrap_or_default()
}

#[test]
fn the_tag_selects_the_mapped_form_even_when_an_earlier_form_accepts_the_value() {
    let dog = json!({"pet_type": "dog", "name": "Rex"});
    assert!(serde_json::from_value::<Cat>(dog.clone()).is_ok(), "the first form, Cat, would accept it");
    assert!(matches!(pet(dog), Pet::Dog(d) if d.pet_type == DogPetType::Dog && d.name == "Rex"));
    // Two tags for one member, by reference and by schema name.
    assert!(matches!(pet(json!({"pet_type": "cat", "name": "Tom"})), Pet::Cat(c) if c.pet_type == "cat"));
    assert!(matches!(pet(json!({"pet_type": "kitten", "name": "Tom"})), Pet::Cat(c) if c.pet_type == "kitten"));
    // A value the member's own enum lists, beyond the mapping.
    assert!(matches!(pet(json!({"pet_type": "puppy", "name": "Rex"})), Pet::Dog(d) if d.pet_type == DogPetType::Puppy));
    // A member the mapping does not name: its component name, although it
    // does not declare the property (and Cat would accept the value too).
    assert!(matches!(pet(json!({"pet_type": "Lizard", "name": "Liz"})), Pet::Lizard(l) if l.name == "Liz"));
    // Without a mapping, every member by its component name.
    let square = json!({"kind": "Square", "side": 2.0, "radius": 1.0});
    assert!(serde_json::from_value::<Circle>(square.clone()).is_ok(), "the first form, Circle, would accept it");
    let read: Shape = serde_json::from_value(square).unwrap();
    assert!(matches!(read, Shape::Square(s) if s.side == 2.0));
}

#[test]
fn a_malformed_form_is_reported_as_the_form_its_tag_selects_with_the_path() {
    let shelter = json!({"pets": [{"pet_type": "cat", "name": "Tom"}, {"pet_type": "dog", "name": 5}]});
    let error = decode::from_value::<Shelter>(shelter).unwrap_err();
    assert_eq!(error.pointer, "/pets/1", "{error}");
    assert!(error.reason.starts_with("`pet_type` \"dog\" selects `Dog` of Pet, which refuses the value: "), "{error}");
    assert!(error.reason.contains("Dog: at /name: invalid type: integer `5`, expected a string"), "{error}");
    assert!(!error.reason.contains("Cat") && !error.reason.contains("none of the forms"), "{error}");
    let missing = decode::from_value::<Pet>(json!({"pet_type": "dog"})).unwrap_err();
    assert!(missing.reason.ends_with("Dog: missing field `name`"), "{missing}");
}

#[test]
fn an_unknown_tag_is_read_as_the_first_form_that_accepts_it_and_validate_reports_it() {
    let parrot = pet(json!({"pet_type": "parrot", "name": "Polly"}));
    assert!(matches!(&parrot, Pet::Cat(c) if c.pet_type == "parrot"));
    let found = violations(&parrot);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/pet_type");
    assert_eq!(found[0].rule, Rule::Enum { actual: "parrot".into(), allowed: &["cat", "kitten"] });
    assert!(unions::check_schema("Pet", json!({"pet_type": "parrot", "name": "Polly"})).unwrap().is_err());
    // Kept, not lost: it is sent back as received.
    assert_eq!(serde_json::to_value(&parrot).unwrap(), json!({"pet_type": "parrot", "name": "Polly"}));
    // An unknown tag on a value that fits no form is an error naming every form.
    let error = serde_json::from_value::<Pet>(json!({"pet_type": "parrot"})).unwrap_err().to_string();
    assert!(error.starts_with("matches none of the forms of Pet: Cat: missing field `name`"), "{error}");
    assert!(error.contains("Lizard: missing field `name`"), "{error}");
    // An unknown value of a member's own enum is kept by that member
    // (received enums are lenient) and reported twice: enum and tag.
    let wolf = pet(json!({"pet_type": "wolf", "name": "Grey"}));
    assert!(matches!(&wolf, Pet::Cat(_)), "{wolf:?}");
    assert_eq!(violations(&wolf)[0].pointer, "/pet_type");
}

#[test]
fn a_value_without_its_tag_is_read_untagged() {
    // Cat and Dog require the tag property; Lizard does not declare it.
    assert!(matches!(pet(json!({"name": "Liz"})), Pet::Lizard(_)));
    // A tag that is not a string selects nothing either.
    assert!(matches!(pet(json!({"pet_type": 7, "name": "Liz"})), Pet::Lizard(_)));
    // Both shapes require their tag: without it, neither accepts the value.
    let error = serde_json::from_value::<Shape>(json!({"side": 1.0})).unwrap_err().to_string();
    assert_eq!(error, "matches none of the forms of Shape: Circle: missing field `kind`; Square: missing field `kind`");
}

#[test]
fn a_form_holding_another_forms_tag_is_reported() {
    let cat_as_dog = Pet::Cat(Cat::new("dog".into(), "Tom".into()));
    let found = violations(&cat_as_dog);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/pet_type");
    assert_eq!(found[0].rule, Rule::Enum { actual: "dog".into(), allowed: &["cat", "kitten"] });
    let circle_as_square = Shape::Circle(Circle::new("Square".into(), 1.0));
    assert_eq!(violations(&circle_as_square)[0].pointer, "/kind");
}

#[test]
fn validate_checks_the_form_held() {
    let mut cat = Cat::new("cat".into(), "Tom".into());
    cat.lives = Some(12);
    let found = violations(&Pet::Cat(cat));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/lives");
    assert!(matches!(found[0].rule, Rule::Maximum { .. }));
    let found = violations(&Pet::Dog(Dog::new(DogPetType::Dog, String::new())));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/name");
    assert!(violations(&Pet::Lizard(Lizard::new("Liz".into()))).is_empty());
    // Inside a container, at its path.
    let shelter =
        Shelter::new(vec![Pet::Lizard(Lizard::new("Liz".into())), Pet::Cat(Cat::new("x".into(), "T".into()))]);
    assert_eq!(violations(&shelter)[0].pointer, "/pets/1/pet_type");
}

#[test]
fn serialization_round_trips_exactly_with_the_tag_once() {
    let values = [
        json!({"pet_type": "cat", "name": "Tom", "lives": 9}),
        json!({"pet_type": "kitten", "name": "Tom"}),
        json!({"pet_type": "dog", "name": "Rex", "good": true}),
        json!({"pet_type": "puppy", "name": "Rex"}),
        json!({"pet_type": "Lizard", "name": "Liz"}),
    ];
    for value in values {
        let read = pet(value.clone());
        assert_eq!(serde_json::to_value(&read).unwrap(), value);
        let text = serde_json::to_string(&read).unwrap();
        assert_eq!(text.matches("\"pet_type\"").count(), 1, "{text}");
    }
    let square = json!({"kind": "Square", "side": 2.0});
    let read: Shape = serde_json::from_value(square.clone()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), square);
}

#[test]
fn a_form_without_the_tag_property_is_sent_with_its_tag() {
    let lizard = Pet::from(Lizard::new("Liz".into()));
    assert_eq!(serde_json::to_value(&lizard).unwrap(), json!({"name": "Liz", "pet_type": "Lizard"}));
    assert!(violations(&lizard).is_empty());
    // A form that holds its tag is sent as held: the second tag stays.
    let kitten = Pet::from(Cat::new("kitten".into(), "Tom".into()));
    assert_eq!(serde_json::to_value(&kitten).unwrap(), json!({"pet_type": "kitten", "name": "Tom"}));
    let square = Shape::from(Square::new("Square".into(), 1.0));
    assert_eq!(serde_json::to_string(&square).unwrap(), r#"{"kind":"Square","side":1.0}"#);
}

#[tokio::test]
async fn the_client_refuses_to_send_a_tag_no_form_has() {
    // Nothing listens on port 9: the request must be refused before sending.
    let config = ClientConfig::builder(Environment::Custom("http://127.0.0.1:9".into()), ApiKey::new("k")).build();
    let client = unions::client::Client::new(config.unwrap()).unwrap();
    let parrot = Pet::Cat(Cat::new("parrot".into(), "Polly".into()));
    match client.adopt_pet(&parrot).await {
        Err(ClientError::InvalidRequest(found)) => {
            assert_eq!(found.as_slice().len(), 1, "{found:?}");
            assert_eq!(found.as_slice()[0].pointer, "/body/pet_type");
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[test]
fn an_untagged_value_that_fits_several_forms_takes_the_first() {
    // Deserialization goes by type: "abcdefghij" is a string, so the first
    // string form holds it although only the second allows its length;
    // `validate()` reports the constraint of the form held.
    let token: Token = serde_json::from_value(json!("abcdefghij")).unwrap();
    assert!(matches!(&token, Token::String(_)), "{token:?}");
    let found = violations(&token);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(matches!(found[0].rule, Rule::MaxLength { limit: 4, .. }));
    let token: Token = serde_json::from_value(json!(7)).unwrap();
    assert!(matches!(token, Token::Integer(7)));
    let token: Token = serde_json::from_value(json!({"id": "x"})).unwrap();
    assert!(matches!(token, Token::Variant4(_)));
    // Distinct names for inline members, in document order.
    let names = |t: &Token| match t {
        Token::String(_) => "String",
        Token::String2(_) => "String2",
        Token::Integer(_) => "Integer",
        Token::Variant4(_) => "Variant4",
    };
    assert_eq!(names(&token), "Variant4");
}

/// What generation makes of a document, with its warnings.
fn generate(text: &str) -> codegen::Generated {
    let source = codegen::SpecSource { file: "t.yaml", text };
    codegen::generate(source, "api", &codegen::Settings::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn warnings(generated: &codegen::Generated) -> Vec<(String, String)> {
    generated.warnings.iter().map(|w| (w.at.pointer.clone(), w.reason.clone())).collect()
}

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n";

#[test]
fn a_member_whose_own_values_contradict_its_implicit_tag_is_selected_by_them() {
    // The Spotify pattern: the implicit tag would be `TrackObject`, but a
    // valid track says `"type": "track"`.
    let text = format!(
        "{HEAD}    Item:\n      oneOf:\n        - $ref: '#/components/schemas/TrackObject'\n        - $ref: '#/components/schemas/EpisodeObject'\n      discriminator: {{propertyName: type}}\n    TrackObject:\n      type: object\n      properties:\n        type: {{type: string, enum: [track]}}\n    EpisodeObject:\n      type: object\n      properties:\n        type: {{type: string, enum: [episode]}}\n"
    );
    let generated = generate(&text);
    assert!(
        generated.digest.contains(
            "union Item [unused] by type = TrackObject (track, TrackObject) | EpisodeObject (episode, EpisodeObject)"
        ),
        "{}",
        generated.digest
    );
    let found = warnings(&generated);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/components/schemas/Item/discriminator");
    assert!(found[0].1.contains("`TrackObject` allows \"track\" only, not its tag \"TrackObject\""), "{}", found[0].1);
}

#[test]
fn odd_mappings_are_warnings_and_the_rest_still_works() {
    let text = format!(
        "{HEAD}    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n      discriminator:\n        propertyName: kind\n        mapping:\n          cat: '#/components/schemas/Cat'\n          also_cat: '#/components/schemas/CatAlias'\n          hamster: '#/components/schemas/Hamster'\n          ghost: '#/components/schemas/Nothing'\n    CatAlias: {{$ref: '#/components/schemas/Cat'}}\n    Cat: {{type: object, properties: {{kind: {{type: string}}}}}}\n    Dog: {{type: object, properties: {{kind: {{type: string}}}}}}\n    Hamster: {{type: object, properties: {{kind: {{type: string}}}}}}\n"
    );
    let generated = generate(&text);
    // An alias of a member is that member; the implicit tag covers Dog.
    assert!(
        generated.digest.contains("union Pet [unused] by kind = Cat (cat, also_cat) | Dog (Dog)"),
        "{}",
        generated.digest
    );
    let found = warnings(&generated);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "/components/schemas/Pet/discriminator/mapping/hamster");
    assert!(found[0].1.contains("names a schema that is not a member"), "{}", found[0].1);
    assert_eq!(found[1].0, "/components/schemas/Pet/discriminator/mapping/ghost");
    assert!(found[1].1.contains("points at no schema"), "{}", found[1].1);
}

#[test]
fn inline_members_are_tagged_by_the_mapping_or_their_own_values() {
    let text = format!(
        "{HEAD}    Choice:\n      oneOf:\n        - type: object\n          properties:\n            data_type: {{type: string, enum: [string]}}\n        - type: object\n          properties:\n            data_type: {{type: string}}\n        - type: object\n          properties:\n            data_type: {{type: string}}\n        - type: string\n      discriminator:\n        propertyName: data_type\n        mapping:\n          number: '#/components/schemas/Choice/oneOf/1'\n"
    );
    let generated = generate(&text);
    assert!(
        generated.digest.contains(
            "union Choice [unused] by data_type = ChoiceVariant1 (string) | ChoiceVariant2 (number) | ChoiceVariant3 () | ChoiceString ()"
        ),
        "{}",
        generated.digest
    );
    let found = warnings(&generated);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].1.contains("member `ChoiceVariant3` has no tag"), "{found:?}");
    assert!(found[1].1.contains("member `ChoiceString` is not an object"), "{found:?}");
    assert!(found[2].1.contains("member `ChoiceString` has no tag"), "{found:?}");
}

#[test]
fn a_discriminator_on_a_base_schema_extended_through_all_of_is_a_warning() {
    let text = format!(
        "{HEAD}    Restriction:\n      type: object\n      discriminator: {{propertyName: type}}\n      required: [type]\n      properties:\n        type: {{type: string, enum: [daily, weekly]}}\n        discriminator: {{type: string}}\n    Weekly:\n      allOf:\n        - $ref: '#/components/schemas/Restriction'\n        - type: object\n          properties:\n            day: {{type: integer}}\n"
    );
    let generated = generate(&text);
    let found = warnings(&generated);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/components/schemas/Restriction/discriminator");
    assert!(found[0].1.contains("discriminator beside neither oneOf nor anyOf"), "{}", found[0].1);
    assert!(generated.digest.contains("struct Weekly"), "{}", generated.digest);
}
