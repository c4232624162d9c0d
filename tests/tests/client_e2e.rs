//! End-to-end tests of the generated clients against an in-process HTTP
//! server on 127.0.0.1 (wiremock): the exact request on the wire, every
//! outcome kind, retries, idempotency keys, timeouts and key redaction.

use std::time::Duration;

use klarna_generated::runtime::client::{ApiKey, CallOptions, ClientConfig, ClientError, Environment, RetryPolicy};
use klarna_generated::{customer_token, identity, management, messaging};
use serde_json::json;
use wiremock::matchers::{body_json, header, header_exists, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "klarna_test_api_s3cr3t";
const ACCOUNT: &str = "krn:partner:global:account:live:LWT2XJSE";

fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        min_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        ..RetryPolicy::default()
    }
}

fn config(server: &MockServer) -> klarna_generated::runtime::client::ClientConfigBuilder {
    ClientConfig::builder(Environment::Custom(server.uri()), ApiKey::new(KEY)).retry(fast_retries())
}

fn identity_client(server: &MockServer) -> identity::client::Client {
    identity::client::Client::new(config(server).build().unwrap()).unwrap()
}

fn management_client(server: &MockServer) -> management::client::Client {
    management::client::Client::new(
        config(server).partner_account("krn:partner:global:account:live:OTHER").build().unwrap(),
    )
    .unwrap()
}

fn phone_body() -> identity::CheckCustomerExistsRequest {
    identity::CheckCustomerExistsRequest::new().with_phone(identity::Phone::new("+18445527621").unwrap())
}

fn client_id() -> &'static str {
    "client-1"
}

fn error_body() -> serde_json::Value {
    json!({
        "error_id": "b0ec2ba8-1d6b-4a26-9a1b-6a6ab4a9f1b0",
        "error_type": "INPUT_ERROR",
        "error_code": "BAD_VALUE",
        "error_message": "Bad value",
        "validation_errors": [{"parameter": "phone", "reason": "invalid"}]
    })
}

async fn check_exists(server: &MockServer) -> Result<identity::client::CheckCustomerExistsOutcome, ClientError> {
    identity_client(server)
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
}

#[tokio::test]
async fn identity_sends_the_exact_request_and_reads_the_typed_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v2/accounts/{ACCOUNT}/identity/customer-exists")))
        .and(header("Authorization", format!("Basic {KEY}").as_str()))
        .and(header("X-Klarna-Client-Id", "client-1"))
        .and(header("Content-Type", "application/json"))
        .and(header_exists("Klarna-Idempotency-Key"))
        .and(body_json(json!({"phone": "+18445527621"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"exists": true})))
        .expect(1)
        .mount(&server)
        .await;
    let outcome = check_exists(&server).await.unwrap();
    assert_eq!(
        outcome,
        identity::client::CheckCustomerExistsOutcome::Ok(
            identity::CheckCustomerExistsResponse::new().with_exists(true)
        )
    );
    assert!(outcome.is_success());
    let requests = server.received_requests().await.unwrap();
    assert!(requests[0].headers.get("Klarna-Partner-Account").is_none(), "identity does not allow acting on behalf");
}

#[tokio::test]
async fn path_segments_are_percent_encoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/accounts/a%2Fb%20c%3F/identity/customer-exists"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let outcome = identity_client(&server)
        .check_customer_exists_with("a/b c?", client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome.status(), 200);
}

#[tokio::test]
async fn messaging_sends_path_and_query_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/accounts/{ACCOUNT}/payment/messaging/credit-promotion-auto-size")))
        .and(query_param("locale", "en-US"))
        .and(query_param("payment_amount", "10000"))
        .and(query_param("message_prefix", "or"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = messaging::client::Client::new(config(&server).build().unwrap()).unwrap();
    let outcome = client
        .get_credit_promotion_auto_size_messaging_with(
            ACCOUNT,
            "en-US",
            &messaging::PaymentAmount::new(10000).unwrap(),
            None,
            None,
            Some(&messaging::MessagePrefix::Or2),
            CallOptions::default(),
        )
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, messaging::client::GetCreditPromotionAutoSizeMessagingOutcome::NoContent);
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.url.query(), Some("locale=en-US&payment_amount=10000&message_prefix=or"));
    assert!(request.headers.get("Klarna-Idempotency-Key").is_none(), "GET carries no idempotency key");
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn management_delete_returns_no_content_and_acts_on_behalf() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/accounts/{ACCOUNT}/extra-account-data/beneficiary-information/stakeholders/st-1")))
        .and(header("Klarna-Partner-Account", "krn:partner:global:account:live:OTHER"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let stakeholder: management::StakeholderIdentifier = serde_json::from_value(json!("st-1")).unwrap();
    let outcome = management_client(&server)
        .delete_stakeholder_with(ACCOUNT, &stakeholder, CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome, management::client::DeleteStakeholderOutcome::NoContent);
}

#[tokio::test]
async fn customer_token_uses_the_callers_idempotency_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/customer-token/v1/tokens/ct-1/order"))
        .and(header("Klarna-Idempotency-Key", "my-key-1"))
        .and(header("Partner-Correlation-Id", "corr42"))
        .respond_with(ResponseTemplate::new(409).set_body_json(json!({
            "error_code": "CONFLICT", "error_messages": ["already used"], "correlation_id": "c-1"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = customer_token::client::Client::new(config(&server).build().unwrap()).unwrap();
    let options = CallOptions::default().with_idempotency_key("my-key-1").with_correlation_id("corr42");
    let outcome = client
        .create_order_with("ct-1", None, options)
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    match outcome {
        customer_token::client::CreateOrderOutcome::Conflict(error) => {
            assert_eq!(error.error_code.as_deref(), Some("CONFLICT"));
        }
        other => panic!("unexpected outcome {other:?}"),
    }
}

#[tokio::test]
async fn documented_error_statuses_come_back_typed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(error_body()))
        .mount(&server)
        .await;
    match check_exists(&server).await.unwrap() {
        identity::client::CheckCustomerExistsOutcome::BadRequest(error) => {
            assert_eq!(error.error_code, "BAD_VALUE");
            assert_eq!(error.error_type, identity::ErrorResponseErrorType::InputError);
            assert_eq!(error.validation_errors.unwrap()[0].parameter, "phone");
        }
        other => panic!("unexpected outcome {other:?}"),
    }
}

#[tokio::test]
async fn undocumented_status_is_a_typed_error_with_body_and_correlation_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(418).insert_header("Klarna-Correlation-Id", "corr-9").set_body_string("I'm a teapot"),
        )
        .mount(&server)
        .await;
    let error = check_exists(&server).await.unwrap_err();
    assert_eq!(error.status(), Some(418));
    assert_eq!(error.correlation_id(), Some("corr-9"));
    match error {
        ClientError::UnexpectedStatus { body, .. } => assert_eq!(body.text(), "I'm a teapot"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn wrong_content_type_and_malformed_bodies_are_typed_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html>", "text/html"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{\"exists\": tru", "application/json"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"exists": "yes"})))
        .mount(&server)
        .await;
    assert!(matches!(check_exists(&server).await, Err(ClientError::UnexpectedContentType { status: 200, .. })));
    assert!(matches!(check_exists(&server).await, Err(ClientError::Decode { status: 200, .. })));
    let error = check_exists(&server).await.unwrap_err();
    assert!(matches!(&error, ClientError::Decode { body, .. } if body.text().contains("yes")), "{error:?}");
}

#[tokio::test]
async fn large_unexpected_bodies_are_capped_in_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502).set_body_string("x".repeat(100_000)))
        .mount(&server)
        .await;
    match check_exists(&server).await.unwrap_err() {
        ClientError::UnexpectedStatus { body, .. } => {
            assert_eq!(body.text().len(), klarna_generated::runtime::client::BODY_SNIPPET_LIMIT);
            assert!(body.truncated());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn retries_on_503_reuse_the_same_idempotency_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).set_body_json(error_body()))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"exists": false})))
        .mount(&server)
        .await;
    let outcome = check_exists(&server).await.unwrap();
    assert_eq!(outcome.status(), 200);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    let keys: Vec<&str> =
        requests.iter().map(|r| r.headers.get("Klarna-Idempotency-Key").unwrap().to_str().unwrap()).collect();
    assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
    assert_eq!(keys[0].len(), 36, "a fresh UUID");
}

#[tokio::test]
async fn each_call_gets_a_fresh_idempotency_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(200).set_body_json(json!({}))).mount(&server).await;
    check_exists(&server).await.unwrap();
    check_exists(&server).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let key = |r: &Request| r.headers.get("Klarna-Idempotency-Key").unwrap().to_str().unwrap().to_owned();
    assert_ne!(key(&requests[0]), key(&requests[1]));
}

#[tokio::test]
async fn rate_limits_honour_retry_after_then_give_up_with_the_documented_outcome() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0").set_body_json(error_body()))
        .mount(&server)
        .await;
    let outcome = check_exists(&server).await.unwrap();
    assert!(matches!(outcome, identity::client::CheckCustomerExistsOutcome::TooManyRequests(_)));
    assert_eq!(server.received_requests().await.unwrap().len(), 4, "first attempt plus three retries");
}

#[tokio::test]
async fn a_post_without_idempotency_key_is_never_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).set_body_json(error_body()))
        .mount(&server)
        .await;
    let client = identity::client::Client::new(config(&server).auto_idempotency_keys(false).build().unwrap()).unwrap();
    let outcome = client
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert!(matches!(outcome, identity::client::CheckCustomerExistsOutcome::ServiceUnavailable(_)));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].headers.get("Klarna-Idempotency-Key").is_none());
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let server = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let client = management::client::Client::new(config(&server).retry(RetryPolicy::none()).build().unwrap()).unwrap();
    let error = client
        .list_credentials_with(CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    assert_eq!(error.status(), Some(503), "503 is not documented for this operation");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn attempts_time_out() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let config = config(&server).timeout(Duration::from_millis(200)).retry(RetryPolicy::none()).build().unwrap();
    let client = identity::client::Client::new(config).unwrap();
    let started = std::time::Instant::now();
    let error = client
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    assert!(matches!(&error, ClientError::Transport(e) if e.is_timeout()), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn connection_failures_are_transport_errors() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let config = ClientConfig::builder(Environment::Custom(format!("http://{address}")), ApiKey::new(KEY))
        .retry(fast_retries())
        .build()
        .unwrap();
    let client = identity::client::Client::new(config).unwrap();
    let error = client
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    assert!(matches!(&error, ClientError::Transport(e) if e.is_connect()), "{error:?}");
}

#[tokio::test]
async fn invalid_inputs_are_refused_before_anything_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(200)).expect(0).mount(&server).await;
    let mut body = management::CreateCredentialRequest::new(
        management::CredentialType::Api,
        management::CredentialEnvironment::Test,
    );
    body.description = Some("no <tags> allowed".into());
    let options = CallOptions::default().with_correlation_id("not valid!");
    let error = management_client(&server)
        .create_credential_with(Some(&body), options)
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    match error {
        ClientError::InvalidRequest(violations) => {
            let pointers: Vec<&str> = violations.as_slice().iter().map(|v| v.pointer.as_str()).collect();
            // Every violation at once: the body and the options (checked
            // against the spec's Partner-Correlation-Id schema).
            assert_eq!(pointers, vec!["/body/description", "/options/correlation_id"]);
        }
        other => panic!("{other:?}"),
    }
    let mut valid = body.clone();
    valid.description = None;
    let error = management_client(&server)
        .create_credential_with(Some(&valid), CallOptions::default().with_correlation_id("not valid!"))
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    match error {
        ClientError::InvalidRequest(violations) => {
            assert_eq!(violations.as_slice()[0].pointer, "/options/correlation_id");
        }
        other => panic!("{other:?}"),
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_api_key_never_shows_in_debug_or_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(418)).mount(&server).await;
    let config = config(&server).build().unwrap();
    assert!(!format!("{config:?}").contains("s3cr3t"), "{config:?}");
    let client = identity::client::Client::new(config).unwrap();
    assert!(!format!("{client:?}").contains("s3cr3t"));
    let error = client
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    assert!(!format!("{error} {error:?}").contains("s3cr3t"));
}

#[test]
fn environments_resolve_to_the_spec_servers() {
    let key = || ApiKey::new(KEY);
    let live = identity::client::Client::new(ClientConfig::builder(Environment::Live, key()).build().unwrap()).unwrap();
    assert_eq!(live.base_url(), "https://api-global.klarna.com/");
    let test = identity::client::Client::new(ClientConfig::builder(Environment::Test, key()).build().unwrap()).unwrap();
    assert_eq!(test.base_url(), "https://api-global.test.klarna.com/");
    let v1 =
        customer_token::client::Client::new(ClientConfig::builder(Environment::Test, key()).build().unwrap()).unwrap();
    assert_eq!(v1.base_url(), "https://api.playground.klarna.com/");
    let bad = ClientConfig::builder(Environment::Custom("not a url".into()), key()).build();
    assert!(matches!(bad, Err(ClientError::Config(_))));
}

#[test]
fn webhooks_parse_into_typed_payloads_with_clear_errors() {
    use identity::{Webhook, WebhookKind};
    let body =
        br#"{"metadata": {"event_type": "customer-token.revoked", "live": false, "extra": 1}, "payload": {"x": 1}}"#;
    let parsed = Webhook::parse(WebhookKind::CustomerTokenRevoked, body).unwrap();
    assert_eq!(parsed.kind(), Some(WebhookKind::CustomerTokenRevoked));
    let Webhook::CustomerTokenRevoked(hook) = parsed else { panic!("parsed as another kind") };
    assert_eq!(hook.metadata.event_type.as_deref(), Some("customer-token.revoked"));
    assert_eq!(hook.metadata.additional_properties["extra"], json!(1));
    let error = Webhook::parse(WebhookKind::CustomerTokenRevoked, b"{\n \"metadata\": 7}").unwrap_err();
    assert_eq!(error.kind, "customerTokenRevoked");
    assert_eq!(error.error.line, 2);
    assert_eq!(error.error.pointer, "/metadata", "{error}");
    assert!(Webhook::parse(WebhookKind::CustomerTokenRevoked, &[0xff, 0x00]).is_err());
    // One kind per callback name and payload: onboard and migrate share one, and
    // so do the current and deprecated suspend and revert operations.
    assert_eq!(management::WebhookKind::ALL.len(), 3);
}

#[test]
fn mtls_identities_are_loaded_from_pem_and_bad_ones_rejected() {
    let key = || ApiKey::new(KEY);
    let certified = rcgen::generate_simple_self_signed(vec!["partner.example".to_owned()]).unwrap();
    let pem = format!("{}{}", certified.cert.pem(), certified.signing_key.serialize_pem());
    let builder = ClientConfig::builder(Environment::Test, key()).mtls_identity_pem(pem.as_bytes()).unwrap();
    assert!(identity::client::Client::new(builder.build().unwrap()).is_ok());
    let bad = ClientConfig::builder(Environment::Test, key()).mtls_identity_pem(b"not a pem");
    assert!(matches!(bad, Err(ClientError::Config(message)) if message.contains("mTLS")));
}

#[tokio::test]
async fn a_caller_supplied_reqwest_client_is_used() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("X-Own-Client", "yes"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("X-Own-Client", "yes".parse().unwrap());
    let own = reqwest::Client::builder().default_headers(headers).build().unwrap();
    let client = identity::client::Client::new(config(&server).http_client(own).build().unwrap()).unwrap();
    let outcome = client
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap();
    assert_eq!(outcome.status(), 200);
}

#[tokio::test]
async fn oversized_responses_are_refused_not_buffered() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"exists": true, "padding": "x".repeat(4096)})))
        .mount(&server)
        .await;
    let config = config(&server).max_response_bytes(1024).build().unwrap();
    let client = identity::client::Client::new(config).unwrap();
    let error = client
        .check_customer_exists_with(ACCOUNT, client_id(), &phone_body(), CallOptions::default())
        .await
        .map(klarna_generated::runtime::client::Response::into_outcome)
        .unwrap_err();
    assert!(matches!(error, ClientError::ResponseTooLarge { status: 200, limit: 1024, .. }), "{error:?}");
}

#[tokio::test]
async fn text_arguments_are_checked_against_their_schema_before_sending() {
    let server = MockServer::start().await;
    // The client id header is a string of 1..255 characters in the spec: the
    // method takes `&str` and checks it like any other input.
    let too_long = "c".repeat(256);
    for bad in ["", too_long.as_str()] {
        let error = identity_client(&server)
            .check_customer_exists(ACCOUNT, bad, &phone_body())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        match error {
            ClientError::InvalidRequest(violations) => {
                let pointers: Vec<&str> = violations.as_slice().iter().map(|v| v.pointer.as_str()).collect();
                assert_eq!(pointers, vec!["/header/X-Klarna-Client-Id"], "{bad:?}");
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}
