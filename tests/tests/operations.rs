//! Operations as the wire sees them (wiremock on 127.0.0.1): every
//! parameter style OpenAPI 3.0 defines for paths, headers and cookies,
//! parameters described by `content`, the root path and a trailing slash,
//! referenced path items and callbacks, and names the generated module
//! uses itself (`Result`, `Client`, `new`, `get_with`), all from
//! `tests/fixtures/ok/operations.yaml`.

use klarna_generated::runtime::client::{ApiKey, ClientConfig, ClientError, Environment, Response};
use klarna_generated::runtime::Rule;
use tests::fixtures::operations::{self as ops, client::Client};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::new(ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).build().unwrap()).unwrap()
}

async fn accepting_anything() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    requests.remove(0)
}

fn point(x: i64, y: i64) -> ops::Point {
    ops::Point::new().with_x(x).with_y(y)
}

#[tokio::test]
async fn path_values_follow_their_style_with_delimiters_literal_and_values_encoded() {
    let server = accepting_anything().await;
    let list = ["a,b".to_owned(), "c d".to_owned()];
    client(&server).path_styles(&5, &list, &[3, 4], &[3, 4], &point(1, 2), &point(1, 2), &point(1, 2)).await.unwrap();
    let request = only_request(&server).await;
    // simple: the item's own comma is encoded, the list's is not; label
    // exploded; matrix; simple object; matrix exploded object; JSON text.
    assert_eq!(
        request.url.path(),
        "/styles/5/a%2Cb,c%20d/.3.4/;matrix=3,4/x,1,y,2/;x=1;y=2/%7B%22x%22:1%2C%22y%22:2%7D"
    );
}

#[tokio::test]
async fn a_path_value_that_cannot_be_a_segment_is_refused_before_sending() {
    let server = accepting_anything().await;
    let error = client(&server)
        .path_styles(&5, &[], &[1], &[1], &point(1, 2), &point(1, 2), &point(1, 2))
        .await
        .map(Response::into_outcome)
        .unwrap_err();
    let ClientError::InvalidRequest(violations) = error else { panic!("{error:?}") };
    let found: Vec<(String, Rule)> = violations.into_vec().into_iter().map(|v| (v.pointer, v.rule)).collect();
    assert_eq!(found, [("/path/list".to_owned(), Rule::PathSegment)]);
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn header_cookie_and_json_query_values_follow_their_style() {
    let server = accepting_anything().await;
    let list = ["a".to_owned(), "b".to_owned()];
    client(&server)
        .header_styles(
            Some(&list),
            Some(&point(1, 2)),
            Some(&point(3, 4)),
            Some(&list),
            Some(&[7, 8]),
            Some(&point(5, 6)),
        )
        .await
        .unwrap();
    let request = only_request(&server).await;
    let header = |name: &str| request.headers.get(name).map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(header("x-list").as_deref(), Some("a,b"));
    assert_eq!(header("x-point").as_deref(), Some("x=1,y=2"));
    assert_eq!(header("x-filter").as_deref(), Some(r#"{"x":3,"y":4}"#));
    // `form` cookies: an exploded list is one cookie per item, a plain one a comma list.
    assert_eq!(header("cookie").as_deref(), Some("tags=a; tags=b; ids=7,8"));
    let query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
    assert_eq!(query, [("filter".to_owned(), r#"{"x":5,"y":6}"#.to_owned())]);
}

#[tokio::test]
async fn cookie_items_that_could_add_cookies_are_refused() {
    let server = accepting_anything().await;
    let list = ["a; admin=1".to_owned()];
    let error =
        client(&server).header_styles(None, None, None, Some(&list), None, None).await.map(Response::into_outcome);
    let Err(ClientError::InvalidRequest(violations)) = error else { panic!("{error:?}") };
    assert_eq!(violations.into_vec()[0].pointer, "/cookie/tags");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_root_path_and_a_trailing_slash_are_called_as_written() {
    let server = accepting_anything().await;
    let client = client(&server);
    client.root().await.unwrap();
    client.trailing_slash().await.unwrap();
    client.reused_item().await.unwrap();
    let paths: Vec<(String, String)> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| (r.method.to_string(), r.url.path().to_owned()))
        .collect();
    assert_eq!(
        paths,
        [("GET".into(), "/".into()), ("GET".into(), "/dir/".into()), ("DELETE".into(), "/reused".into())]
    );
}

#[tokio::test]
async fn names_the_module_uses_itself_are_numbered() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"text": "abc", "list": [{"size": 1}]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/names"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([[], [[]]])))
        .mount(&server)
        .await;
    let client = client(&server);
    // `Result`, `Option`, `String`, `Vec`, `Box` and `Client` are schemas here.
    let result: ops::Result2 = client.get_pet().await.unwrap().into_result().unwrap();
    assert_eq!(result.text.as_ref().map(ops::String2::as_str), Some("abc"));
    let boxes: &ops::Vec2 = result.list.as_ref().unwrap();
    assert_eq!(boxes[0].size, Some(1));
    // `getPet` and `get_pet`, `get` and `get_with`, `new` and `Client::new`:
    // each operation keeps its own method (the answers do not matter here).
    let _ = client.get_pet2().await;
    let _ = client.new2().await;
    let _ = client.get().await;
    // A recursive alias is a newtype: `Tree(Vec<Tree>)`.
    let tree: ops::Tree = client.get_with2().await.unwrap().into_result().unwrap();
    assert_eq!(serde_json::to_value(&tree).unwrap(), serde_json::json!([[], [[]]]));
    // The outcome of `new` does not take the `NewOutcome` schema's name.
    let _: Option<ops::client::NewOutcome2> = None;
    let _: Option<ops::NewOutcome> = None;
    let calls: Vec<String> =
        server.received_requests().await.unwrap().iter().map(|r| format!("{} {}", r.method, r.url.path())).collect();
    assert_eq!(calls, ["GET /pets", "POST /pets", "GET /names", "PUT /names", "POST /names"]);
    // A referenced callback is a webhook like any other.
    let webhook = ops::webhooks::Webhook::parse(ops::webhooks::WebhookKind::PetReady, br#"{"pet":"rex"}"#).unwrap();
    assert!(matches!(webhook, ops::webhooks::Webhook::PetReady(ref pet) if pet.pet.as_deref() == Some("rex")));
}

/// Any list of texts in a `simple` path list and a `matrix` list comes
/// back item for item: splitting the sent segment on its literal commas
/// and decoding each piece gives the items, whatever they hold (`,` `;`
/// `/` `%` `?` `#`, spaces, non-ASCII), and the path keeps its eight
/// segments.
#[test]
fn styled_path_lists_round_trip_any_text() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let server = runtime.block_on(accepting_anything());
    let client = client(&server);
    let item = proptest::string::string_regex("[a-z,;/%?#=. é]{0,6}").unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(48));
    runner
        .run(&proptest::collection::vec(item, 1..4), |items| {
            // Not a dot segment and not empty, which are refused (tested above).
            prop_assume!(!matches!(items.join(",").as_str(), "" | "." | ".."));
            runtime.block_on(async {
                server.reset().await;
                Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(204)).mount(&server).await;
                client.path_styles(&1, &items, &[1], &[2, 3], &point(1, 2), &point(1, 2), &point(1, 2)).await.unwrap();
                let request = only_request(&server).await;
                let segments: Vec<&str> = request.url.path().trim_start_matches('/').split('/').collect();
                prop_assert_eq!(segments.len(), 8);
                let decoded: Vec<String> = segments[2]
                    .split(',')
                    .map(|piece| percent_encoding::percent_decode_str(piece).decode_utf8().unwrap().into_owned())
                    .collect();
                prop_assert_eq!(&decoded, &items);
                prop_assert_eq!(segments[4], ";matrix=2,3");
                Ok(())
            })
        })
        .unwrap();
}
