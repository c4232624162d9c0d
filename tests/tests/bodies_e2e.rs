//! Bodies that are not plain JSON, on the wire (wiremock on 127.0.0.1):
//! form-urlencoded, multipart, text, bytes, vendor `+json`, `*/*`
//! responses; parameters named with Rust keywords.

use klarna_generated::runtime::client::{ApiKey, CallOptions, ClientConfig, ClientError, Environment};
use serde_json::json;
use tests::fixtures::bodies;
use tests::fixtures::bodies::client::{Client, PostVendorBody, PostVendorCreatedBody, PostVendorOutcome};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::new(ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).build().unwrap()).unwrap()
}

fn charge() -> bodies::Charge {
    let mut charge = bodies::Charge::new(5);
    charge.tags = Some(vec!["a".into(), "b c".into()]);
    charge.metadata = Some([("k".to_owned(), "v".to_owned())].into());
    charge
}

#[tokio::test]
async fn form_bodies_and_keyword_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/form"))
        .and(query_param("type", "t"))
        .and(query_param("ref", "7"))
        .and(header("where", "here"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(header("accept", "text/csv"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("a,b\n1,2\n", "text/csv"))
        .mount(&server)
        .await;
    let outcome = client(&server)
        .send_form_with(Some("here"), "t", Some(&7), &charge(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, bodies::client::SendFormOutcome::Ok("a,b\n1,2\n".into()));
    let request = &server.received_requests().await.unwrap()[0];
    // OpenAPI's default for a form member is `style: form` with `explode`: an
    // object's members go under their own keys.
    assert_eq!(String::from_utf8_lossy(&request.body), "amount=5&tags=a&tags=b+c&k=v");
}

#[tokio::test]
async fn multipart_bodies_have_one_part_per_member() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path("/multipart")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let outcome = client(&server)
        .send_multipart_with(Some(&charge()), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, bodies::client::SendMultipartOutcome::NoContent);
    let request = &server.received_requests().await.unwrap()[0];
    let content_type = request.headers.get("content-type").unwrap().to_str().unwrap().to_owned();
    let boundary = content_type.strip_prefix("multipart/form-data; boundary=").expect(&content_type);
    let body = String::from_utf8_lossy(&request.body);
    assert!(body.starts_with(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"amount\"")), "{body}");
    assert!(body.contains("name=\"tags\"\r\n\r\nb c\r\n"), "{body}");
    assert!(body.ends_with(&format!("--{boundary}--\r\n")), "{body}");
}

#[tokio::test]
async fn binary_and_text_bodies_go_as_they_are() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/image"))
        .and(header("content-type", "image/jpeg"))
        .and(header("accept", "application/octet-stream"))
        .respond_with(ResponseTemplate::new(202).set_body_raw(vec![0u8, 159, 146, 150], "application/octet-stream"))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/note"))
        .and(header("content-type", "text/plain"))
        .and(header("accept", "*/*"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(r#"{"amount": 3}"#, "text/plain"))
        .mount(&server)
        .await;
    let bytes = [0xFFu8, 0xD8, 0xFF];
    let outcome = client(&server)
        .put_image_with(&bytes, CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, bodies::client::PutImageOutcome::Other(202, vec![0, 159, 146, 150]));
    // `*/*` with a schema: read as JSON whatever the content type.
    let outcome = client(&server)
        .post_note_with("hello", CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, bodies::client::PostNoteOutcome::Ok(bodies::Charge::new(3)));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].body, bytes);
    assert_eq!(requests[1].body, b"hello");
}

#[tokio::test]
async fn a_vendor_json_body_is_sent_as_declared() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/vendor"))
        .and(header("content-type", "application/vnd.example.v1+json"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"amount": 9})))
        .mount(&server)
        .await;
    let outcome = client(&server)
        .post_vendor_with(PostVendorBody::VndExampleV1Json(&bodies::Charge::new(9)), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, PostVendorOutcome::Created(PostVendorCreatedBody::Json(bodies::Charge::new(9))));
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&request.body).unwrap(), json!({"amount": 9}));
}

#[tokio::test]
async fn an_invalid_form_body_is_refused_before_sending() {
    let server = MockServer::start().await;
    let error = client(&server)
        .send_form_with(None, "t", None, &bodies::Charge::new(0), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome);
    assert!(matches!(error, Err(ClientError::InvalidRequest(_))), "{error:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}
