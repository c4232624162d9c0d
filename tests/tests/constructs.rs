//! OpenAPI constructs of real-world documents, each through a small fixture
//! spec whose generated module is compiled in `tests/src/fixtures/`.

use klarna_generated::runtime::{Rule, Validate};
use serde_json::{json, Value};
use tests::fixtures::schema_forms as forms;

fn rules<T: Validate>(value: &T) -> Vec<(String, Rule)> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(v) => v.into_vec().into_iter().map(|v| (v.pointer, v.rule)).collect(),
    }
}

fn parse<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: Value) {
    let typed: T = parse(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), value);
}

#[test]
fn all_of_merges_members_into_one_struct() {
    let pet: forms::Pet = parse(json!({"id": "p1", "kind": "cat", "tag": "x"})).unwrap();
    assert_eq!((pet.id.as_str(), pet.kind.as_str(), pet.tag.as_deref()), ("p1", "cat", Some("x")));
    // `required` of both members applies.
    assert!(parse::<forms::Pet>(json!({"id": "p1"})).unwrap_err().contains("kind"));
    assert!(parse::<forms::Pet>(json!({"kind": "cat"})).unwrap_err().contains("id"));
}

#[test]
fn types_are_inferred_from_the_other_keywords() {
    let value: forms::Untyped =
        parse(json!({"count": 2, "label": "abc", "list": ["a"], "level": 3, "anything": [1, {}]})).unwrap();
    assert_eq!(value.count, 2i32);
    assert_eq!(rules(&value), vec![]);
    let value: forms::Untyped = parse(json!({"count": 0, "label": "abcd", "level": 4})).unwrap();
    assert_eq!(
        rules(&value),
        vec![
            ("/count".into(), Rule::Minimum { limit: 1.0, exclusive: false, actual: 0.0 }),
            ("/label".into(), Rule::MaxLength { limit: 3, actual: 4 }),
            ("/level".into(), Rule::Enum { actual: "4".into(), allowed: &["1", "2", "3"] }),
        ]
    );
    assert!(parse::<forms::Untyped>(json!({"count": "2"})).is_err(), "count is an integer");
}

#[test]
fn number_integer_and_boolean_enums_and_multiples_are_checked() {
    let ok: forms::Numbers =
        parse(json!({"size": 2048, "ratio": 1.5, "flag": true, "step": 15, "share": 0.75})).unwrap();
    assert_eq!(rules(&ok), vec![]);
    let bad: forms::Numbers =
        parse(json!({"size": 1000, "ratio": 1.0, "flag": false, "step": 7, "share": 0.3})).unwrap();
    assert_eq!(
        rules(&bad),
        vec![
            ("/size".into(), Rule::Enum { actual: "1000".into(), allowed: &["512", "2048", "4096"] }),
            ("/ratio".into(), Rule::Enum { actual: "1".into(), allowed: &["0.5", "1.5"] }),
            ("/flag".into(), Rule::Enum { actual: "false".into(), allowed: &["true"] }),
            ("/step".into(), Rule::MultipleOf { factor: 5.0, actual: 7.0 }),
            ("/share".into(), Rule::MultipleOf { factor: 0.25, actual: 0.3 }),
        ]
    );
}

#[test]
fn nullable_objects_null_in_enums_and_required_names_without_properties() {
    let holder: forms::Holder = parse(json!({"owner": null, "mode": null, "extra": {"any": 1}})).unwrap();
    assert_eq!(holder.owner, None);
    assert_eq!(holder.mode, None);
    assert_eq!(holder.extra, json!({"any": 1}));
    round_trip::<forms::Holder>(json!({"owner": {"name": "n"}, "mode": "on", "extra": 5}));
    // Required members must be present, even when null or free-form.
    assert!(parse::<forms::Holder>(json!({"owner": null, "mode": null})).unwrap_err().contains("extra"));
    assert!(parse::<forms::Holder>(json!({"mode": null, "extra": 1})).unwrap_err().contains("owner"));
}

#[test]
fn arrays_without_items_and_property_counts() {
    let holder: forms::Holder =
        parse(json!({"owner": null, "mode": "off", "extra": null, "bag": [1, "two", null], "tags": {}})).unwrap();
    assert_eq!(holder.bag.as_ref().map(Vec::len), Some(3));
    assert_eq!(rules(&holder), vec![("/tags".into(), Rule::MinProperties { limit: 1, actual: 0 })]);
    let holder: forms::Holder =
        parse(json!({"owner": null, "mode": "off", "extra": null, "tags": {"a": "1", "b": "2", "c": "3"}})).unwrap();
    assert_eq!(rules(&holder), vec![("/tags".into(), Rule::MaxProperties { limit: 2, actual: 3 })]);
}

#[test]
fn inline_one_of_members_are_named_after_their_kind() {
    let id: forms::IdOrName = parse(json!(7)).unwrap();
    assert!(matches!(id, forms::IdOrName::Integer(_)));
    let name: forms::IdOrName = parse(json!("abc")).unwrap();
    assert!(matches!(name, forms::IdOrName::String(_)));
    // Received values are read leniently; validate() reports each form's own constraints.
    let long: forms::IdOrName = parse(json!("too long")).unwrap();
    assert_eq!(rules(&long), vec![(String::new(), Rule::MaxLength { limit: 5, actual: 8 })]);
    let zero: forms::IdOrName = parse(json!(0)).unwrap();
    assert_eq!(rules(&zero), vec![(String::new(), Rule::Minimum { limit: 1.0, exclusive: false, actual: 0.0 })]);
    assert!(parse::<forms::IdOrName>(json!(true)).is_err());
}

mod references {
    use klarna_generated::runtime::client::{ApiKey, ClientConfig, Environment};
    use serde_json::json;
    use tests::fixtures::references as refs;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    #[test]
    fn names_colliding_after_case_conversion_and_keywords_stay_distinct() {
        let upper: refs::Address =
            serde_json::from_value(json!({"type": "a", "self": "b", "match": "csv", "Type": 7})).unwrap();
        assert_eq!(upper.r#type.as_deref(), Some("a"));
        assert_eq!(upper.self_.as_deref(), Some("b"));
        assert_eq!(upper.r#match, Some(refs::ParametersKind::Csv));
        assert_eq!(upper.r#type2, Some(7));
        let lower: refs::Address2 = serde_json::from_value(json!({"line": "x"})).unwrap();
        assert_eq!(lower.line.as_deref(), Some("x"));
    }

    fn client(server: &MockServer) -> refs::client::Client {
        refs::client::Client::new(
            ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).build().unwrap(),
        )
        .unwrap()
    }

    #[tokio::test]
    async fn path_segments_mixing_text_and_parameters_stay_one_segment() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/files/a%2Fb.csv"))
            .respond_with(ResponseTemplate::new(203).set_body_json(json!({"type": "t"})))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/compare/main...topic"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"line": "l"})))
            .mount(&server)
            .await;
        let client = client(&server);
        let file = client.get_file("a/b", &refs::ParametersKind::Csv).await.unwrap().into_outcome();
        assert!(
            matches!(file, refs::client::GetFileOutcome::Status2xx(203, ref body) if body.r#type.as_deref() == Some("t"))
        );
        let compared = client.compare("main", "topic").await.unwrap().into_outcome();
        assert!(matches!(compared, refs::client::CompareOutcome::Ok(ref body) if body.line.as_deref() == Some("l")));
        // A status nobody documents falls to `default`.
        let other = client.get_file("x", &refs::ParametersKind::Txt).await.unwrap().into_outcome();
        assert_eq!(other, refs::client::GetFileOutcome::Other(404));
    }

    #[tokio::test]
    async fn head_options_and_trace_are_sent_as_such() {
        let server = MockServer::start().await;
        for verb in ["HEAD", "OPTIONS", "TRACE"] {
            Mock::given(method(verb)).and(path("/ping")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
        }
        let client = client(&server);
        assert_eq!(client.ping_head().await.unwrap().into_outcome().status(), 204);
        assert_eq!(client.ping_options().await.unwrap().into_outcome().status(), 204);
        assert_eq!(client.ping_trace().await.unwrap().into_outcome().status(), 204);
        let verbs: Vec<String> =
            server.received_requests().await.unwrap().iter().map(|r| r.method.to_string()).collect();
        assert_eq!(verbs, ["HEAD", "OPTIONS", "TRACE"]);
    }
}

mod query_styles {
    use klarna_generated::runtime::client::{ApiKey, ClientConfig, Environment};
    use tests::fixtures::parameters as params;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    #[tokio::test]
    async fn every_query_style_is_written_as_openapi_defines_it() {
        let server = MockServer::start().await;
        Mock::given(method("GET")).and(path("/search")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
        let config = ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).build().unwrap();
        let client = params::client::Client::new(config).unwrap();
        let mut created = params::SearchCreated::new();
        created.gt = Some(5);
        let mut point = params::SearchPoint::new();
        (point.x, point.y) = (Some(1), Some(2));
        let mut size = params::SearchBox::new();
        size.w = Some(3);
        let expand = ["a".to_owned(), "b".to_owned()];
        let words = ["x y".to_owned(), "z".to_owned()];
        let outcome = client
            .search(
                "s1",
                Some(&params::SearchTheme::Dark),
                Some(&created),
                Some(&expand),
                Some(&[7, 8]),
                Some(&words),
                Some(&point),
                Some(&size),
            )
            .await
            .unwrap()
            .into_outcome();
        assert_eq!(outcome.status(), 204);
        let request = &server.received_requests().await.unwrap()[0];
        let pairs: Vec<(String, String)> =
            request.url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let expected = [
            ("created[gt]", "5"),
            ("expand[0]", "a"),
            ("expand[1]", "b"),
            ("ids", "7|8"),
            ("words", "x y z"),
            ("x", "1"),
            ("y", "2"),
            ("box", "w,3"),
        ];
        assert_eq!(pairs, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
        assert_eq!(request.headers.get("cookie").unwrap(), "session=s1; theme=dark");
        // A cookie value cannot add another cookie.
        let error = client.search("a; admin=1", None, None, None, None, None, None, None).await.unwrap_err();
        assert!(error.to_string().contains("/cookie/session"), "{error}");
    }
}
