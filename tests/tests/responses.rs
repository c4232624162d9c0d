//! What a call gives back: `into_result()` to the success value or an
//! `ApiError`, the response's metadata on both paths, calls without options,
//! and the `tracing` span and retry events.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use klarna_generated::identity::client::CheckCustomerExistsOutcome;
use klarna_generated::runtime::client::{ApiKey, CallOptions, ClientConfig, Environment, RetryPolicy};
use klarna_generated::{customer_token, identity};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: &str = "krn:partner:global:account:live:LWT2XJSE";

fn client(server: &MockServer) -> identity::Client {
    let retry = RetryPolicy {
        min_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(10),
        ..RetryPolicy::default()
    };
    identity::Client::new(
        ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new("k")).retry(retry).build().unwrap(),
    )
    .unwrap()
}

fn body() -> identity::CheckCustomerExistsRequest {
    identity::CheckCustomerExistsRequest::new().with_email(identity::Email::new("jane.doe@example.com").unwrap())
}

fn client_id() -> &'static str {
    "client-1"
}

#[tokio::test]
async fn into_result_gives_the_success_value_and_the_metadata_survives() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(503)).up_to_n_times(1).mount(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("/v2/accounts/{ACCOUNT}/identity/customer-exists")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"exists": true}))
                .insert_header("Klarna-Correlation-Id", "corr-1")
                .insert_header("X-Ratelimit-Limit", "100")
                .insert_header("X-Ratelimit-Remaining", "99"),
        )
        .mount(&server)
        .await;
    let options = CallOptions::default().with_idempotency_key("key-1");
    let response = client(&server).check_customer_exists_with(ACCOUNT, client_id(), &body(), options).await.unwrap();
    let meta = response.meta().clone();
    assert_eq!(meta.status, 200);
    assert_eq!(meta.attempts, 2, "one 503, then the answer");
    assert_eq!(meta.idempotency_key.as_deref(), Some("key-1"));
    assert_eq!(meta.correlation_id.as_deref(), Some("corr-1"));
    assert_eq!((meta.rate_limit.limit, meta.rate_limit.remaining), (Some(100), Some(99)));
    assert_eq!(meta.header("x-ratelimit-limit"), Some("100"));
    let answer = response.into_result().unwrap();
    assert_eq!(answer.exists, Some(true));
}

#[tokio::test]
async fn a_documented_error_is_an_api_error_with_klarnas_fields_and_the_typed_body() {
    let server = MockServer::start().await;
    let error_body = json!({
        "error_id": "e-1", "error_type": "INPUT_ERROR", "error_code": "BAD_VALUE", "error_message": "phone is invalid"
    });
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(error_body).insert_header("Klarna-Correlation-Id", "corr-9"),
        )
        .mount(&server)
        .await;
    // No options: the plain method.
    let error =
        client(&server).check_customer_exists(ACCOUNT, client_id(), &body()).await.unwrap().into_result().unwrap_err();
    assert_eq!(error.status(), 400);
    assert_eq!(error.error_code(), Some("BAD_VALUE"));
    assert_eq!(error.error_type(), Some("INPUT_ERROR"));
    assert_eq!(error.correlation_id(), Some("corr-9"));
    assert_eq!(error.meta().attempts, 1);
    assert!(error.meta().idempotency_key.is_some(), "a generated key");
    let shown = error.to_string();
    assert!(shown.contains("400") && shown.contains("BAD_VALUE") && shown.contains("phone is invalid"), "{shown}");
    match error.outcome() {
        CheckCustomerExistsOutcome::BadRequest(body) => assert_eq!(body.error_code, "BAD_VALUE"),
        other => panic!("{other:?}"),
    }
    // `?` into the usual boxed error.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
    assert!(boxed.to_string().contains("corr-9"));
}

#[tokio::test]
async fn a_v1_error_reads_its_messages() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"error_code": "NOT_FOUND", "error_messages": ["no such token"], "correlation_id": "c-4"}),
        ))
        .mount(&server)
        .await;
    let config =
        ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::basic("user", "pass")).build().unwrap();
    let tokens = customer_token::Client::new(config).unwrap();
    let error = tokens.read_customer_token("ct-1").await.unwrap().into_result().unwrap_err();
    assert_eq!(error.error_code(), Some("NOT_FOUND"));
    assert_eq!(error.message(), Some("no such token"));
    assert_eq!(error.correlation_id(), Some("c-4"), "from the body when no header carries one");
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.headers.get("authorization").unwrap(), "Basic dXNlcjpwYXNz", "base64 of user:pass");
}

/// A subscriber that writes every span, recorded field and event as text.
#[derive(Clone, Default)]
struct Collect(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={:?}", field.name(), value));
    }
}

impl tracing::Subscriber for Collect {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut fields = Fields(format!("span {}", span.metadata().name()));
        span.record(&mut fields);
        let mut lines = self.0.lock().unwrap();
        lines.push(fields.0);
        tracing::span::Id::from_u64(lines.len() as u64)
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut fields = Fields("record".to_owned());
        values.record(&mut fields);
        self.0.lock().unwrap().push(fields.0);
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields("event".to_owned());
        event.record(&mut fields);
        self.0.lock().unwrap().push(fields.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn a_call_is_one_span_and_each_retry_an_event_without_secrets() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(429)).up_to_n_times(1).mount(&server).await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(200).set_body_json(json!({}))).mount(&server).await;
    let collect = Collect::default();
    let _guard = tracing::subscriber::set_default(collect.clone());
    let secret_token = "krn:partner:us1:live:identity:customer-token:S3CRET";
    client(&server).introspect_customer_token(ACCOUNT, secret_token).await.unwrap();
    let lines = collect.0.lock().unwrap().join("\n");
    assert!(lines.contains("span klarna.call operation=\"introspectCustomerToken\" method=\"POST\""), "{lines}");
    assert!(lines.contains("path=\"/v2/accounts/{account_id}/identity/customer-token/introspect\""), "{lines}");
    assert!(lines.contains("reason=status 429") && lines.contains("delay_ms="), "{lines}");
    assert!(lines.contains("status=200") && lines.contains("attempts=2"), "{lines}");
    assert!(!lines.contains("S3CRET") && !lines.contains(ACCOUNT), "{lines}");
}

#[tokio::test]
async fn extra_headers_are_sent_and_the_clients_own_are_refused() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(wiremock::matchers::header("X-Shop-Trace", "abc"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"exists": false})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let options = CallOptions::default().with_header("X-Shop-Trace", "abc");
    let answer = client.check_customer_exists_with(ACCOUNT, client_id(), &body(), options).await.unwrap();
    assert_eq!(answer.into_result().unwrap().exists, Some(false));
    for name in ["Authorization", "host", "Klarna-Partner-Account", "X-Klarna-Client-Id", "bad name"] {
        let options = CallOptions::default().with_header(name, "x");
        let error = client.check_customer_exists_with(ACCOUNT, client_id(), &body(), options).await.unwrap_err();
        let text = error.to_string();
        assert!(text.contains("/options/headers/") && text.contains("sets itself"), "{name}: {text}");
    }
    let options = CallOptions::default().with_header("X-Ok", "line\r\nbreak");
    assert!(client.check_customer_exists_with(ACCOUNT, client_id(), &body(), options).await.is_err());
    // Only the first, valid call reached the server (`expect(1)`).
}

#[tokio::test]
async fn a_call_can_override_the_retry_policy() {
    let server = MockServer::start().await;
    let unavailable =
        json!({"error_id": "e", "error_type": "TECHNICAL_ERROR", "error_code": "UNAVAILABLE", "error_message": "m"});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).set_body_json(unavailable))
        .mount(&server)
        .await;
    let client = client(&server);
    let options = CallOptions::default().with_retry(RetryPolicy::none());
    let response = client.check_customer_exists_with(ACCOUNT, client_id(), &body(), options).await.unwrap();
    assert_eq!((response.status(), response.meta().attempts), (503, 1), "no retry for this call");
    let response = client.check_customer_exists(ACCOUNT, client_id(), &body()).await.unwrap();
    assert_eq!(response.meta().attempts, 4, "the configured policy: 3 retries");
}
