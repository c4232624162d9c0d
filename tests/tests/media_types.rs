//! Bodies documented in several media types, on the wire (wiremock on
//! 127.0.0.1): the caller sends any of them through the operation's body
//! enum, `Accept` lists every documented type with JSON preferred, and a
//! response is decoded by the content type received. Form members follow
//! their `encoding`, multipart binary members go as file parts.

use klarna_generated::runtime::client::{ApiKey, CallOptions, ClientConfig, ClientError, Environment, Response};
use serde_json::json;
use tests::fixtures::bodies::client::*;
use tests::fixtures::bodies::{self, Charge};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::new(ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).build().unwrap()).unwrap()
}

fn charge() -> Charge {
    let mut charge = Charge::new(5);
    charge.tags = Some(vec!["a".into(), "b c".into()]);
    charge.metadata = Some([("k".to_owned(), "v".to_owned())].into());
    charge
}

const ACCEPT: &str = "application/json, application/scim+json;q=0.9, application/problem+json;q=0.9, text/plain;q=0.9";

/// The `Accept` header of a received request, as sent (wiremock's matcher splits it at commas).
fn accept(request: &wiremock::Request) -> &str {
    request.headers.get("accept").unwrap().to_str().unwrap()
}

async fn enrichment_server(status: u16, body: &'static str, content_type: &'static str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/enrichment"))
        .respond_with(ResponseTemplate::new(status).set_body_raw(body, content_type))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn each_documented_request_media_type_is_sent_as_itself() {
    let server = enrichment_server(201, r#"{"amount": 5}"#, "application/json").await;
    let client = client(&server);
    let csv = "name,value\nx,1\n";
    let mut upload = bodies::CreateEnrichmentRequestMultipart::new();
    upload.file = Some(csv.to_owned());
    for body in [
        CreateEnrichmentBody::Json(&charge()),
        CreateEnrichmentBody::Multipart(&upload),
        CreateEnrichmentBody::Csv(csv),
    ] {
        let created = client.create_enrichment(body).await.unwrap().into_result().unwrap();
        assert_eq!(created, Charge::new(5));
    }
    let requests = server.received_requests().await.unwrap();
    assert!(requests.iter().all(|r| accept(r) == ACCEPT), "every documented response type, JSON first");
    let content_type = |i: usize| requests[i].headers.get("content-type").unwrap().to_str().unwrap().to_owned();
    assert_eq!(content_type(0), "application/json");
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&requests[0].body).unwrap()["amount"], json!(5));
    let boundary = content_type(1).strip_prefix("multipart/form-data; boundary=").unwrap().to_owned();
    let multipart = String::from_utf8_lossy(&requests[1].body).into_owned();
    assert_eq!(
        multipart,
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\n{csv}\r\n--{boundary}--\r\n"
        ),
        "a binary member is a file part"
    );
    assert_eq!(content_type(2), "text/csv");
    assert_eq!(requests[2].body, csv.as_bytes());
}

#[tokio::test]
async fn an_invalid_variant_is_refused_before_sending() {
    let server = enrichment_server(201, "{}", "application/json").await;
    let result = client(&server).create_enrichment(CreateEnrichmentBody::Json(&Charge::new(0))).await;
    match result {
        Err(ClientError::InvalidRequest(violations)) => assert!(violations.to_string().contains("/body/amount")),
        other => panic!("{other:?}"),
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_json_like_alternative_with_the_same_schema_reads_into_the_same_value() {
    let server = enrichment_server(201, r#"{"amount": 7}"#, "application/scim+json").await;
    let created = client(&server).create_enrichment(CreateEnrichmentBody::Csv("a")).await.unwrap().into_result();
    assert_eq!(created.unwrap(), Charge::new(7));
}

#[tokio::test]
async fn responses_are_decoded_by_the_content_type_received() {
    let server = enrichment_server(400, "no such column", "text/plain; charset=utf-8").await;
    let error = client(&server).create_enrichment(CreateEnrichmentBody::Csv("a")).await.unwrap().into_result();
    let error = error.unwrap_err();
    assert_eq!(
        error.outcome(),
        &CreateEnrichmentOutcome::BadRequest(CreateEnrichmentBadRequestBody::Text("no such column".into()))
    );

    let server = enrichment_server(400, r#"{"title": "bad column"}"#, "application/problem+json").await;
    let outcome = client(&server).create_enrichment(CreateEnrichmentBody::Csv("a")).await.unwrap().into_outcome();
    let mut problem = bodies::Problem::new();
    problem.title = Some("bad column".into());
    assert_eq!(outcome, CreateEnrichmentOutcome::BadRequest(CreateEnrichmentBadRequestBody::ProblemJson(problem)));

    // A type none of the documented ones names is read as the preferred kind: JSON, which it is not.
    let server = enrichment_server(400, "<html></html>", "text/html").await;
    let result = client(&server).create_enrichment(CreateEnrichmentBody::Csv("a")).await;
    assert!(matches!(result, Err(ClientError::UnexpectedContentType { status: 400, .. })), "{result:?}");
}

#[tokio::test]
async fn vendor_bodies_and_xml_answers() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/vendor"))
        .and(header("content-type", "text/plain"))
        .respond_with(ResponseTemplate::new(201).set_body_raw("<charge amount=\"2\"/>", "application/xml"))
        .mount(&server)
        .await;
    let outcome = client(&server).post_vendor(PostVendorBody::Text("two")).await.map(Response::into_outcome).unwrap();
    assert_eq!(outcome, PostVendorOutcome::Created(PostVendorCreatedBody::Xml("<charge amount=\"2\"/>".into())));
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.body, b"two");
    assert_eq!(accept(request), "application/json, application/xml;q=0.9", "JSON preferred");
}

#[tokio::test]
async fn form_members_follow_their_encoding() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/encoded-form"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    client(&server).send_encoded_form(&charge()).await.unwrap().into_result().unwrap();
    let request = &server.received_requests().await.unwrap()[0];
    // `metadata` as deepObject, `tags` as form without explode.
    assert_eq!(String::from_utf8_lossy(&request.body), "amount=5&tags=a%2Cb+c&metadata%5Bk%5D=v");
}

#[tokio::test]
async fn multipart_parts_follow_their_encoding_and_binary_members_are_files() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path("/upload")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let mut body = bodies::UploadRequest::new("PDF-1".into());
    body.note = Some("*urgent*".into());
    body.pages = Some(vec!["p1".into(), "p2".into()]);
    client(&server).upload_with(&body, CallOptions::default()).await.unwrap().into_result().unwrap();
    let request = &server.received_requests().await.unwrap()[0];
    let content_type = request.headers.get("content-type").unwrap().to_str().unwrap();
    let boundary = content_type.strip_prefix("multipart/form-data; boundary=").unwrap();
    let text = String::from_utf8_lossy(&request.body);
    let part = |disposition: &str, content_type: &str, value: &str| {
        format!("--{boundary}\r\nContent-Disposition: form-data; {disposition}\r\nContent-Type: {content_type}\r\n\r\n{value}\r\n")
    };
    let expected = [
        part("name=\"file\"; filename=\"file\"", "application/octet-stream", "PDF-1"),
        part("name=\"note\"", "text/markdown", "*urgent*"),
        part("name=\"pages\"; filename=\"pages\"", "application/octet-stream", "p1"),
        part("name=\"pages\"; filename=\"pages\"", "application/octet-stream", "p2"),
        format!("--{boundary}--\r\n"),
    ]
    .concat();
    assert_eq!(text, expected);
}
