//! Typed response headers on the wire (wiremock on 127.0.0.1): each
//! documented header parsed by its schema into the outcome's headers
//! struct, leniently (absent or unparsable is `None`, never an error),
//! secrets redacted, and the headers the runtime reads itself only in
//! `meta()`.

use klarna_generated::runtime::client::{ApiKey, ClientConfig, Environment};
use serde_json::json;
use tests::fixtures::responses::{self, client::*};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::new(ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).build().unwrap()).unwrap()
}

#[tokio::test]
async fn every_documented_header_is_parsed_by_its_schema() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/things"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("Location", "/things/7")
                .insert_header("X-Count", "12")
                .insert_header("X-Ratio", "0.25")
                .insert_header("X-Cached", "true")
                .insert_header("X-Ids", "1, 2,3")
                .insert_header("X-Tags", "a,b c")
                .insert_header("X-Mode", "fast")
                .insert_header("X-Trace", "t-42")
                .insert_header("X-Session-Token", "sess-s3cr3t")
                .insert_header("X-Meta", r#"{"a": 5}"#)
                .insert_header("X-Ratelimit-Remaining", "9"),
        )
        .mount(&server)
        .await;
    let response = client(&server).create_thing().await.unwrap();
    let meta = response.meta().clone();
    // Without a body, the success value is the typed headers.
    let headers: CreateThingCreatedHeaders = response.into_result().unwrap();
    assert_eq!(headers.location.as_deref(), Some("/things/7"));
    assert_eq!(headers.x_count, Some(12));
    assert_eq!(headers.x_ratio, Some(0.25));
    assert_eq!(headers.x_cached, Some(true));
    assert_eq!(headers.x_ids, Some(vec![1, 2, 3]));
    assert_eq!(headers.x_tags, Some(vec!["a".to_owned(), "b c".to_owned()]));
    assert_eq!(headers.x_mode, Some(responses::CreateThingResponse201XMode::Fast));
    assert_eq!(headers.x_trace.as_ref().map(|t| t.as_str()), Some("t-42"));
    assert_eq!(headers.x_meta.as_ref().and_then(|m| m.a), Some(5));
    // A credential is typed but never shown, neither here nor in `meta()`.
    assert_eq!(headers.x_session_token.as_ref().map(|t| t.expose().as_str()), Some("sess-s3cr3t"));
    let shown = format!("{headers:?} {meta:?}");
    assert!(!shown.contains("sess-s3cr3t"), "{shown}");
    assert_eq!(meta.header("x-session-token"), Some("[redacted]"));
    // Rate limits are the runtime's: in `meta().rate_limit`, no field of their own.
    assert_eq!(meta.rate_limit.remaining, Some(9));
}

#[tokio::test]
async fn absent_or_unparsable_headers_are_none_and_keep_their_text() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/things"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Count", "twelve")
                .insert_header("X-Cached", "yes")
                .insert_header("X-Ids", "1,two")
                .insert_header("X-Mode", "turbo")
                .insert_header("X-Trace", "not-a-trace")
                .insert_header("X-Meta", "{not json"),
        )
        .mount(&server)
        .await;
    let response = client(&server).create_thing().await.unwrap();
    assert_eq!(response.meta().header("x-count"), Some("twelve"), "the raw text stays");
    let headers = response.into_result().unwrap();
    assert_eq!(headers.location, None, "required but missing: None, not an error");
    assert_eq!((headers.x_count, headers.x_cached, headers.x_ids.clone()), (None, None, None));
    assert_eq!(headers.x_meta, None);
    // Lenient inbound: an unknown enum value is kept, a broken constraint parses.
    assert_eq!(headers.x_mode, Some(responses::CreateThingResponse201XMode::Unrecognized("turbo".into())));
    let trace = headers.x_trace.clone().unwrap();
    assert_eq!(trace.as_str(), "not-a-trace");
    assert!(klarna_generated::Validate::validate(&trace).is_err(), "validate() still reports it");
    let mut expected = CreateThingCreatedHeaders::default();
    expected.x_mode = headers.x_mode.clone();
    expected.x_trace = Some(trace);
    assert_eq!(headers, expected, "every other header is None");
}

/// A `Link` header of four pages, longer than the 256 bytes `meta()` keeps of a value.
fn long_link() -> String {
    let page = |n: u32, rel: &str| {
        format!("<https://api.example.com/things?per_page=100&sort=created&page={n}>; rel=\"{rel}\"")
    };
    [page(2, "next"), page(9, "last"), page(1, "first"), page(1, "prev")].join(", ")
}

#[tokio::test]
async fn headers_travel_with_the_body_and_error_statuses_are_scrubbed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"a": 1}])).insert_header("Link", long_link()))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"message": "bad session sess-9"}))
                .insert_header("Location", "/login?session=sess-9"),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    match client.list_things("sess-9").await.unwrap().into_outcome() {
        ListThingsOutcome::Ok(page, headers) => {
            assert_eq!(page.len(), 1);
            let link = headers.link.unwrap();
            assert_eq!(link, long_link(), "whole, not capped like the texts of `meta()`");
            assert!(link.len() > 256);
        }
        other => panic!("{other:?}"),
    }
    // The body is the success value; the headers stay reachable through the outcome.
    let error = client.list_things("sess-9").await.unwrap().into_result().unwrap_err();
    match error.outcome() {
        ListThingsOutcome::Status4xx(403, problem, headers) => {
            assert_eq!(problem.message.as_deref(), Some("bad session [redacted]"));
            assert_eq!(headers.location.as_deref(), Some("/login?session=[redacted]"), "scrubbed like the body");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn identical_header_sets_share_one_struct_and_default_statuses_carry_theirs() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/others"))
        .respond_with(ResponseTemplate::new(500).insert_header("Retry-After", "30"))
        .mount(&server)
        .await;
    let outcome = client(&server).list_others().await.unwrap().into_outcome();
    let mut expected = ListOthersOtherHeaders::default();
    expected.retry_after = Some(30);
    assert_eq!(outcome, ListOthersOutcome::Other(500, expected));
    // The 200 of listOthers declares the same `Link` as listThings: one struct, two names.
    let same: ListOthersOkHeaders = ListThingsOkHeaders::default();
    assert_eq!(same.link, None);
}
