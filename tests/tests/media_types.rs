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

async fn report_server(body: &'static [u8], content_type: Option<&'static str>) -> MockServer {
    let server = MockServer::start().await;
    let answer = match content_type {
        Some(content_type) => ResponseTemplate::new(200).set_body_raw(body, content_type),
        None => ResponseTemplate::new(200).set_body_bytes(body),
    };
    Mock::given(method("GET")).and(path("/report")).respond_with(answer).mount(&server).await;
    server
}

async fn report(body: &'static [u8], content_type: Option<&'static str>) -> Result<GetReportOkBody, ClientError> {
    let server = report_server(body, content_type).await;
    let outcome = client(&server).get_report().await?.into_outcome();
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        accept(request),
        "application/json, application/vnd.example.report+json;q=0.9, text/csv;q=0.9, application/xml;q=0.9, application/pdf;q=0.9",
        "every documented type once, JSON first, the others in document order"
    );
    let GetReportOutcome::Ok(body) = outcome;
    Ok(body)
}

#[tokio::test]
async fn one_response_in_five_media_types_is_read_as_the_one_received() {
    let json = report(br#"{"amount": 4}"#, Some("application/json; charset=utf-8")).await.unwrap();
    assert_eq!(json, GetReportOkBody::Json(Charge::new(4)));
    let vendor = report(br#"{"amount": 6}"#, Some("application/vnd.example.report+json")).await.unwrap();
    assert_eq!(vendor, GetReportOkBody::Json(Charge::new(6)), "a vendor JSON type with the same schema");
    let csv = report(b"amount\n4\n", Some("text/csv")).await.unwrap();
    assert_eq!(csv, GetReportOkBody::Csv("amount\n4\n".into()));
    let xml = report(b"<report amount=\"4\"/>", Some("application/xml")).await.unwrap();
    assert_eq!(xml, GetReportOkBody::Xml("<report amount=\"4\"/>".into()), "XML is text, apart from CSV");
    let pdf = report(b"%PDF-1.7\n\xff\xfe", Some("application/pdf")).await.unwrap();
    assert_eq!(pdf, GetReportOkBody::Pdf(b"%PDF-1.7\n\xff\xfe".to_vec()), "binary as bytes, not UTF-8");
}

#[tokio::test]
async fn an_undocumented_or_missing_response_type_is_read_as_the_preferred_one() {
    // Content types are compared without parameters and case.
    let upper = report(b"a\n", Some("TEXT/CSV; header=present")).await.unwrap();
    assert_eq!(upper, GetReportOkBody::Csv("a\n".into()));
    // No `Content-Type`: the preferred kind (JSON), which `json()` refuses without one.
    let missing = report(br#"{"amount": 4}"#, None).await;
    assert!(
        matches!(missing, Err(ClientError::UnexpectedContentType { status: 200, content_type: None, .. })),
        "{missing:?}"
    );
    let html = report(b"<html></html>", Some("text/html")).await;
    match html {
        Err(ClientError::UnexpectedContentType { status: 200, content_type, .. }) => {
            assert_eq!(content_type.as_deref(), Some("text/html"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn every_variant_of_a_four_type_request_body_goes_with_its_own_content_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path("/import")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let client = client(&server);
    let mut records = bodies::Import::new();
    records.note = Some("first".into());
    let bytes = [0u8, 0xff, 7];
    for body in [
        ImportRecordsBody::Json(&records),
        ImportRecordsBody::Form(&records),
        ImportRecordsBody::Text("a;b"),
        ImportRecordsBody::OctetStream(&bytes),
    ] {
        assert_eq!(client.import_records(body).await.unwrap().into_outcome(), ImportRecordsOutcome::NoContent);
    }
    let requests = server.received_requests().await.unwrap();
    let sent: Vec<(&str, &[u8])> = requests
        .iter()
        .map(|r| (r.headers.get("content-type").unwrap().to_str().unwrap(), r.body.as_slice()))
        .collect();
    assert_eq!(
        sent,
        [
            ("application/json", br#"{"note":"first"}"#.as_slice()),
            ("application/x-www-form-urlencoded", b"note=first".as_slice()),
            ("text/plain", b"a;b".as_slice()),
            ("application/octet-stream", bytes.as_slice()),
        ]
    );
    // No documented response body: the client's default `Accept`.
    assert!(requests.iter().all(|r| accept(r) == "application/json"));
}

#[tokio::test]
async fn form_members_are_written_in_each_documented_style() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path("/import")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let mut range = bodies::ImportFilterRange::new();
    range.from = Some(1);
    range.to = Some(9);
    let mut filter = bodies::ImportFilter::new();
    filter.status = Some("open".into());
    filter.range = Some(range);
    let mut point = bodies::ImportPoint::new();
    point.x = Some(1);
    point.y = Some(2);
    let mut records = bodies::Import::new();
    records.filter = Some(filter);
    records.ids = Some(vec![1, 2, 3]);
    records.words = Some(vec!["a".into(), "b".into()]);
    records.meta = Some([("k".to_owned(), "v w".to_owned())].into());
    records.point = Some(point);
    records.note = Some("n".into());
    client(&server).import_records(ImportRecordsBody::Form(&records)).await.unwrap().into_result().unwrap();
    let request = &server.received_requests().await.unwrap()[0];
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(&request.body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let expected = [
        ("filter[status]", "open"),   // deepObject, nested a level deeper too
        ("filter[range][from]", "1"), //
        ("filter[range][to]", "9"),
        ("ids", "1|2|3"),           // pipeDelimited
        ("words", "a b"),           // spaceDelimited
        ("meta", r#"{"k":"v w"}"#), // contentType: application/json
        ("point", "x,1,y,2"),       // form without explode
        ("note", "n"),              // no encoding: form, exploded
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    assert_eq!(pairs, expected);
}

#[tokio::test]
async fn a_text_error_body_never_holds_an_echoed_secret() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/enrichment"))
        .respond_with(ResponseTemplate::new(400).set_body_raw("bad key K-SECRET-7781 for you", "text/plain"))
        .mount(&server)
        .await;
    let config =
        ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("K-SECRET-7781")).build().unwrap();
    let error =
        Client::new(config).unwrap().create_enrichment(CreateEnrichmentBody::Csv("a")).await.unwrap().into_result();
    let error = error.unwrap_err();
    let CreateEnrichmentOutcome::BadRequest(CreateEnrichmentBadRequestBody::Text(text)) = error.outcome() else {
        panic!("{error:?}");
    };
    assert!(!text.contains("K-SECRET") && text.contains(klarna_generated::runtime::client::REDACTED), "{text}");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("K-SECRET"), "{shown}");
}
