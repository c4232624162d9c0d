//! The generated clients against hostile servers: raw TCP listeners on
//! 127.0.0.1 that answer with redirects, echo secrets back, stall, reset
//! connections and send oversized or malformed values. Every case is
//! bounded in time.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use klarna_generated::runtime::client::{
    ApiKey, CallOptions, ClientConfig, ClientConfigBuilder, ClientError, Environment, RetryPolicy, BODY_SNIPPET_LIMIT,
    HEADER_TEXT_LIMIT,
};
use klarna_generated::runtime::{Rule, Validate};
use klarna_generated::{customer_token, identity, management};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const KEY: &str = "klarna_test_api_K3YS3CR3T";
const PARTNER: &str = "krn:partner:global:account:live:PARTN3RS3CR3T";
const TOKEN: &str = "kct-T0K3NS3CR3T";
const ACCOUNT: &str = "krn:partner:global:account:live:LWT2XJSE";

/// Runs a test body, failing it when it takes longer than 15 s.
async fn bounded<F: Future<Output = ()>>(test: F) {
    tokio::time::timeout(Duration::from_secs(15), test).await.expect("the case must finish within 15 s");
}

/// A request as the server received it.
#[derive(Debug, Clone)]
struct Received {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    /// When the request head had arrived.
    at: Instant,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The request line and every header, as one line of text.
    fn head_line(&self) -> String {
        let headers: Vec<String> = self.headers.iter().map(|(n, v)| format!("{n}={v}")).collect();
        format!("{} {} {}", self.method, self.target, headers.join(" "))
    }
}

/// What the server does with the n-th request (0-based).
enum Act {
    /// Writes these bytes, then closes the connection.
    Reply(Vec<u8>),
    /// Closes the connection without answering.
    Close,
    /// Never answers.
    Stall,
    /// Sends a response head promising a long body, then one byte of it
    /// every 50 ms.
    Trickle,
}

/// A raw HTTP/1.1 server scripted per request.
struct Server {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Server {
    async fn start(script: impl Fn(usize, &Received) -> Act + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = received.clone();
        let script = Arc::new(script);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let log = log.clone();
                let script = script.clone();
                tokio::spawn(async move { serve(stream, &log, &*script).await });
            }
        });
        Server { url, received }
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

async fn serve(mut stream: TcpStream, log: &Mutex<Vec<Received>>, script: &(dyn Fn(usize, &Received) -> Act + Sync)) {
    let Some(request) = read_request(&mut stream).await else { return };
    let index = {
        let mut log = log.lock().unwrap();
        log.push(request.clone());
        log.len() - 1
    };
    match script(index, &request) {
        Act::Reply(bytes) => {
            let _ = stream.write_all(&bytes).await;
            let _ = stream.shutdown().await;
        }
        Act::Close => drop(stream),
        Act::Stall => tokio::time::sleep(Duration::from_secs(3600)).await,
        Act::Trickle => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            while stream.write_all(b" ").await.is_ok() {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

async fn read_request(stream: &mut TcpStream) -> Option<Received> {
    let mut data = Vec::new();
    let mut buffer = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut buffer).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let (method, target) = (first.next()?.to_owned(), first.next()?.to_owned());
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body_read = data.len() - (head_end + 4);
    while body_read < length {
        let n = stream.read(&mut buffer).await.ok()?;
        if n == 0 {
            break;
        }
        body_read += n;
    }
    Some(Received { method, target, headers, at: Instant::now() })
}

/// An HTTP/1.1 response with the given status, extra headers and body.
fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} Status\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn json_response(status: u16, body: &str) -> Act {
    Act::Reply(response(status, &[("Content-Type", "application/json")], body.as_bytes()))
}

fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        min_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        ..RetryPolicy::default()
    }
}

fn config(server: &Server) -> ClientConfigBuilder {
    ClientConfig::builder(Environment::Custom(server.url.clone()), ApiKey::new(KEY)).retry(quick_retries())
}

fn tokens(server: &Server) -> customer_token::client::Client {
    customer_token::client::Client::new(config(server).build().unwrap()).unwrap()
}

fn management(server: &Server) -> management::client::Client {
    management::client::Client::new(config(server).partner_account(PARTNER).build().unwrap()).unwrap()
}

fn violation_pointers(error: &ClientError) -> Vec<(String, Rule)> {
    match error {
        ClientError::InvalidRequest(found) => {
            found.as_slice().iter().map(|v| (v.pointer.clone(), v.rule.clone())).collect()
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

// 1. Path parameters never change the endpoint.

#[tokio::test]
async fn dot_and_empty_path_values_are_refused_before_sending() {
    bounded(async {
        let server = Server::start(|_, _| json_response(204, "")).await;
        for bad in ["..", ".", ""] {
            let error = tokens(&server)
                .read_customer_token_with(bad, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome)
                .unwrap_err();
            assert_eq!(violation_pointers(&error), vec![("/path/customerToken".to_owned(), Rule::PathSegment)]);
            let error = management(&server)
                .delete_stakeholder_with(ACCOUNT, bad, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome)
                .unwrap_err();
            assert_eq!(violation_pointers(&error), vec![("/path/stakeholder_id".to_owned(), Rule::PathSegment)]);
        }
        let error = management(&server)
            .delete_stakeholder_with("..", "", CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert_eq!(violation_pointers(&error).len(), 2, "every violation is listed");
        assert!(server.received().is_empty(), "nothing was sent");
    })
    .await;
}

#[tokio::test]
async fn path_values_stay_inside_their_segment() {
    bounded(async {
        let server = Server::start(|_, _| json_response(404, r#"{"correlation_id": "c"}"#)).await;
        let cases = [
            ("..\t", "..%09"),
            ("\n..", "%0A.."),
            ("../../v1/accounts", "..%2F..%2Fv1%2Faccounts"),
            ("a?b=c#d", "a%3Fb%3Dc%23d"),
            ("%2e%2e", "%252e%252e"),
            ("x;y z", "x%3By%20z"),
            ("ö", "%C3%B6"),
            ("...", "..."),
        ];
        for (value, _) in cases {
            let _ = tokens(&server)
                .read_customer_token_with(value, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome);
        }
        let targets: Vec<String> = server.received().iter().map(|r| r.target.clone()).collect();
        let expected: Vec<String> =
            cases.iter().map(|(_, encoded)| format!("/customer-token/v1/tokens/{encoded}")).collect();
        assert_eq!(targets, expected);
    })
    .await;
}

#[tokio::test]
async fn keyword_named_parameters_work() {
    bounded(async {
        let server = Server::start(|_, _| json_response(200, r#"{"name": "x"}"#)).await;
        let client = tests::fixtures::keywords::client::Client::new(config(&server).build().unwrap()).unwrap();
        let outcome = client
            .get_thing_with("a b", "c/d", Some("m"), Some("w&x"), CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap();
        assert!(outcome.is_success());
        let received = server.received();
        assert_eq!(received[0].target, "/things/a%20b/c%2Fd?where=w%26x");
        assert_eq!(received[0].header("match"), Some("m"));
    })
    .await;
}

// 2. Redirects are never followed.

#[tokio::test]
async fn redirects_are_refused_with_their_location_and_never_followed() {
    bounded(async {
        let elsewhere = Server::start(|_, _| json_response(200, r#"{"status": "ACTIVE"}"#)).await;
        let target = format!("{}/steal", elsewhere.url);
        for status in [301, 302, 303, 307, 308] {
            let location = target.clone();
            let server =
                Server::start(move |_, _| Act::Reply(response(status, &[("Location", location.as_str())], b""))).await;
            let error = tokens(&server)
                .create_order_with(TOKEN, None, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome)
                .unwrap_err();
            match &error {
                ClientError::Redirect { status: got, location, .. } => {
                    assert_eq!(*got, status);
                    assert_eq!(location.as_deref(), Some(target.as_str()));
                }
                other => panic!("expected a redirect error, got {other:?}"),
            }
            assert_eq!(server.received().len(), 1, "a redirect is not retried");
        }
        let same_host = Server::start(|_, _| Act::Reply(response(302, &[("Location", "/v1/other")], b""))).await;
        let error = tokens(&same_host)
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(matches!(error, ClientError::Redirect { status: 302, .. }), "{error:?}");
        assert_eq!(same_host.received().len(), 1, "not even a same-origin redirect is followed");
        assert!(elsewhere.received().is_empty(), "nothing reached the other host");
    })
    .await;
}

#[tokio::test]
async fn a_custom_client_that_follows_redirects_is_caught() {
    bounded(async {
        let elsewhere =
            Server::start(|_, _| json_response(200, r#"{"payment_method_type": "CARD", "status": "A"}"#)).await;
        let location = format!("{}/landed", elsewhere.url);
        let server =
            Server::start(move |_, _| Act::Reply(response(302, &[("Location", location.as_str())], b""))).await;
        let following = reqwest::Client::builder().build().unwrap();
        let client =
            customer_token::client::Client::new(config(&server).http_client(following).build().unwrap()).unwrap();
        let error = client
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(
            matches!(&error, ClientError::Redirect { location: Some(l), .. } if l.ends_with("/landed")),
            "{error:?}"
        );
    })
    .await;
}

// 3 and 7. Secrets never show, even when the server echoes them.

/// Everything the client shows of an error.
fn shown(error: &ClientError) -> String {
    format!("{error} {error:?} {error:#?} {:?}", error.correlation_id())
}

fn assert_no_secret(text: &str) {
    for secret in [KEY, PARTNER, TOKEN, "K3YS3CR3T", "PARTN3RS3CR3T", "T0K3NS3CR3T"] {
        assert!(!text.contains(secret), "{secret} leaked in: {text}");
    }
}

/// Echoes every secret-bearing part of the request (request line and
/// headers) into the field the mode picks.
fn echo(mode: &'static str) -> impl Fn(usize, &Received) -> Act + Send + Sync {
    move |_, request| {
        let all = request.head_line();
        let line = all.replace(['\r', '\n'], " ");
        let json_string = serde_json::to_string(&all).unwrap();
        let body = format!(r#"{{"echo": {json_string}, "raw": "{}"}}"#, line.replace('"', ""));
        let bytes = match mode {
            "status" => response(
                418,
                &[("Content-Type", "application/json"), ("Klarna-Correlation-Id", &line)],
                body.as_bytes(),
            ),
            "content_type" => {
                response(200, &[("Content-Type", &format!("text/{line}")), ("Correlation-Id", &line)], body.as_bytes())
            }
            "decode" => {
                // A documented status whose body is the echo, quoted, where an object is expected.
                let headers = [("Content-Type", "application/json"), ("Klarna-Correlation-Id", line.as_str())];
                response(200, &headers, json_string.as_bytes())
            }
            "redirect" => response(
                302,
                &[("Location", &format!("https://evil.example/{line}")), ("Klarna-Correlation-Id", &line)],
                b"",
            ),
            "too_large" => {
                let big = vec![b'x'; 2048];
                response(200, &[("Content-Type", "application/json"), ("Klarna-Correlation-Id", &line)], &big)
            }
            _ => unreachable!(),
        };
        Act::Reply(bytes)
    }
}

#[tokio::test]
async fn echoed_secrets_never_appear_in_any_error() {
    bounded(async {
        for mode in ["status", "content_type", "decode", "redirect", "too_large"] {
            let server = Server::start(echo(mode)).await;
            let token_client =
                customer_token::client::Client::new(config(&server).max_response_bytes(1024).build().unwrap()).unwrap();
            let error = token_client
                .read_customer_token_with(TOKEN, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome)
                .unwrap_err();
            assert_no_secret(&shown(&error));
            let partner_client = management::client::Client::new(
                config(&server).partner_account(PARTNER).max_response_bytes(1024).build().unwrap(),
            )
            .unwrap();
            let error = partner_client
                .get_account_with(ACCOUNT, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome)
                .unwrap_err();
            assert_no_secret(&shown(&error));
            let received = server.received();
            assert!(received.iter().any(|r| r.head_line().contains(TOKEN)), "the token was sent ({mode})");
            assert!(received.iter().any(|r| r.head_line().contains(PARTNER)), "the partner account was sent");
            assert!(received.iter().any(|r| r.head_line().contains(KEY)), "the key was sent");
        }
    })
    .await;
}

/// A documented error status whose Klarna error fields all echo the request.
fn echo_documented_error(_: usize, request: &Received) -> Act {
    let echo = serde_json::to_string(&request.head_line()).unwrap();
    let body = format!(
        r#"{{"error_id": {echo}, "error_type": "ACCESS_ERROR", "error_code": {echo}, "error_message": {echo},
            "error_messages": [{echo}], "correlation_id": {echo}}}"#
    );
    let status = if request.target.starts_with("/customer-token/") { 404 } else { 401 };
    let line = request.head_line();
    Act::Reply(response(status, &[("Content-Type", "application/json"), ("X-Echo", &line)], body.as_bytes()))
}

#[tokio::test]
async fn echoed_secrets_never_appear_in_documented_error_answers() {
    bounded(async {
        let server = Server::start(echo_documented_error).await;
        let answer = tokens(&server).read_customer_token(TOKEN).await.unwrap();
        assert_eq!(answer.status(), 404);
        assert_no_secret(&format!("{answer:?} {:?}", answer.meta()));
        let error = answer.into_result().unwrap_err();
        assert!(error.error_code().is_some_and(|code| code.contains(klarna_generated::runtime::client::REDACTED)));
        assert_no_secret(&format!("{error} {error:?} {:?}", error.meta()));
        let answer = management(&server).get_account(ACCOUNT).await.unwrap();
        assert_eq!(answer.status(), 401);
        assert_no_secret(&format!("{answer:?}"));
        let error = answer.into_result().unwrap_err();
        assert_no_secret(&format!("{error} {error:?} {:?}", error.outcome()));
        assert_eq!(server.received().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn the_password_of_basic_credentials_is_redacted_too() {
    bounded(async {
        let server = Server::start(|_, _| {
            let body = br#"{"error_code": "BAD_AUTH", "error_messages": ["wrong password pa55w0rdS3CR3T"]}"#;
            Act::Reply(response(
                403,
                &[("Content-Type", "application/json"), ("Correlation-Id", "pa55w0rdS3CR3T")],
                body,
            ))
        })
        .await;
        let key = ApiKey::basic("PK123_user", "pa55w0rdS3CR3T");
        let config = ClientConfig::builder(Environment::Custom(server.url.clone()), key).build().unwrap();
        let client = customer_token::client::Client::new(config).unwrap();
        let error = client.read_customer_token(TOKEN).await.unwrap().into_result().unwrap_err();
        assert_eq!(error.status(), 403);
        let shown = format!("{error} {error:?} {:?}", error.meta());
        assert!(!shown.contains("pa55w0rd"), "{shown}");
    })
    .await;
}

#[tokio::test]
async fn secret_headers_are_redacted_too() {
    bounded(async {
        let server = Server::start(echo("status")).await;
        let client = identity::client::Client::new(config(&server).build().unwrap()).unwrap();
        let error = client
            .introspect_customer_token_with(ACCOUNT, TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(matches!(error, ClientError::UnexpectedStatus { status: 418, .. }), "{error:?}");
        assert!(server.received()[0].header("X-Klarna-Customer-Token") == Some(TOKEN));
        assert_no_secret(&shown(&error));
    })
    .await;
}

#[tokio::test]
async fn transport_errors_do_not_carry_the_url() {
    bounded(async {
        let server = Server::start(|_, _| Act::Close).await;
        let client =
            customer_token::client::Client::new(config(&server).retry(RetryPolicy::none()).build().unwrap()).unwrap();
        let error = client
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(matches!(error, ClientError::Transport(_)), "{error:?}");
        let text = shown(&error);
        assert_no_secret(&text);
        assert!(!text.contains("/customer-token/"), "{text}");
        let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", closed.local_addr().unwrap());
        drop(closed);
        let client = customer_token::client::Client::new(
            ClientConfig::builder(Environment::Custom(url), ApiKey::new(KEY))
                .retry(RetryPolicy::none())
                .build()
                .unwrap(),
        )
        .unwrap();
        let error = client
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert_no_secret(&shown(&error));
    })
    .await;
}

#[tokio::test]
async fn debug_output_of_clients_and_configs_hides_credentials() {
    bounded(async {
        let server = Server::start(|_, _| Act::Close).await;
        let config = config(&server).partner_account(PARTNER).build().unwrap();
        assert_no_secret(&format!("{config:?}"));
        let client = management::client::Client::new(config).unwrap();
        assert_no_secret(&format!("{client:?} {client:#?}"));
        let mut spec = klarna_generated::runtime::client::RequestSpec::new(
            klarna_generated::runtime::client::Method::Get,
            "readCustomerToken",
            "/tokens/{token}",
        );
        spec.segment("tokens").segment(TOKEN).secret(TOKEN).header("X-Klarna-Customer-Token", TOKEN);
        let debug = format!("{spec:?}");
        assert_no_secret(&debug);
        assert!(debug.contains(r#"path_template: "/tokens/{token}""#), "{debug}");
    })
    .await;
}

// 4. Error texts are bounded.

#[tokio::test]
async fn every_server_derived_text_in_an_error_is_capped() {
    bounded(async {
        let huge_value = "v".repeat(1 << 20);
        let long_header = "h".repeat(8 * 1024);
        let body = format!(r#"{{"payment_method_type": "CARD", "status": "A", "card": "{huge_value}"}}"#);
        let server = Server::start(move |index, _| {
            let headers = [("Content-Type", "application/json"), ("Klarna-Correlation-Id", long_header.as_str())];
            match index {
                0 => Act::Reply(response(200, &headers, body.as_bytes())),
                1 => Act::Reply(response(200, &[("Content-Type", long_header.as_str())], b"x")),
                2 => Act::Reply(response(302, &[("Location", long_header.as_str())], b"")),
                _ => Act::Reply(response(418, &headers, body.as_bytes())),
            }
        })
        .await;
        let client = tokens(&server);
        for _ in 0..4 {
            let error = client
                .read_customer_token_with(TOKEN, CallOptions::default())
                .await
                .map(klarna_generated::runtime::client::Response::into_outcome)
                .unwrap_err();
            let text = format!("{error}");
            assert!(text.len() < 2 * HEADER_TEXT_LIMIT + 600, "Display is bounded ({} bytes): {error:?}", text.len());
            assert!(format!("{error:?}").len() < BODY_SNIPPET_LIMIT + 3 * HEADER_TEXT_LIMIT + 1200);
            if let Some(id) = error.correlation_id() {
                assert!(id.len() <= HEADER_TEXT_LIMIT);
            }
            match &error {
                ClientError::Decode { reason, body, .. } => {
                    assert_eq!(reason.pointer, "/card");
                    assert!(reason.reason.len() <= klarna_generated::runtime::decode::REASON_LIMIT);
                    assert!(body.truncated() && body.text().len() <= BODY_SNIPPET_LIMIT);
                }
                ClientError::UnexpectedContentType { content_type, .. } => {
                    assert!(content_type.as_ref().unwrap().len() <= HEADER_TEXT_LIMIT)
                }
                ClientError::Redirect { location, .. } => {
                    assert!(location.as_ref().unwrap().len() <= HEADER_TEXT_LIMIT)
                }
                ClientError::UnexpectedStatus { body, .. } => assert!(body.text().len() <= BODY_SNIPPET_LIMIT),
                other => panic!("unexpected {other:?}"),
            }
        }
    })
    .await;
}

// 5. Every call has a deadline covering attempts and waits.

#[tokio::test]
async fn a_stalled_server_is_bounded_by_the_configured_deadline() {
    bounded(async {
        let server = Server::start(|_, _| Act::Stall).await;
        let client =
            customer_token::client::Client::new(config(&server).deadline(Duration::from_millis(300)).build().unwrap())
                .unwrap();
        let started = Instant::now();
        let error = client
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(matches!(error, ClientError::DeadlineExceeded { deadline } if deadline == Duration::from_millis(300)));
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        let started = Instant::now();
        let error = tokens(&server)
            .read_customer_token_with(TOKEN, CallOptions::default().with_deadline(Duration::from_millis(200)))
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(matches!(error, ClientError::DeadlineExceeded { .. }), "a per-call deadline overrides: {error:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
        let ok =
            Server::start(|_, _| json_response(200, r#"{"payment_method_type": "CARD", "status": "ACTIVE"}"#)).await;
        let outcome = tokens(&ok)
            .read_customer_token_with(TOKEN, CallOptions::default().with_deadline(Duration::MAX))
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap();
        assert!(outcome.is_success(), "an unrepresentable deadline means none");
    })
    .await;
}

#[tokio::test]
async fn a_trickling_body_is_bounded_by_the_deadline() {
    bounded(async {
        let server = Server::start(|_, _| Act::Trickle).await;
        let started = Instant::now();
        let error = tokens(&server)
            .read_customer_token_with(TOKEN, CallOptions::default().with_deadline(Duration::from_millis(400)))
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(matches!(error, ClientError::DeadlineExceeded { .. }), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    })
    .await;
}

#[tokio::test]
async fn retry_waits_count_against_the_deadline() {
    bounded(async {
        let server = Server::start(|_, _| Act::Reply(response(503, &[], b""))).await;
        let policy = RetryPolicy {
            max_retries: 100,
            min_delay: Duration::from_millis(50),
            max_delay: Duration::from_millis(100),
            ..RetryPolicy::default()
        };
        let client = customer_token::client::Client::new(
            config(&server).retry(policy).deadline(Duration::from_millis(700)).build().unwrap(),
        )
        .unwrap();
        let started = Instant::now();
        let error = client
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        // The last 503, or (on a very slow machine) the deadline itself.
        let bounded_outcome = matches!(error, ClientError::UnexpectedStatus { status: 503, .. })
            || matches!(error, ClientError::DeadlineExceeded { .. });
        assert!(bounded_outcome, "{error:?}");
        assert!(started.elapsed() < Duration::from_millis(1500), "{:?}", started.elapsed());
        let attempts = server.received().len();
        assert!((3..100).contains(&attempts), "retried until the deadline, not beyond: {attempts}");
    })
    .await;
}

#[tokio::test]
async fn a_retry_after_beyond_the_deadline_returns_the_rate_limited_outcome_at_once() {
    bounded(async {
        let limited = r#"{"error_code": "RATE_LIMITED", "error_messages": ["slow down"], "correlation_id": "c"}"#;
        let server = Server::start(move |_, _| {
            Act::Reply(response(429, &[("Content-Type", "application/json"), ("Retry-After", "5")], limited.as_bytes()))
        })
        .await;
        let client =
            customer_token::client::Client::new(config(&server).deadline(Duration::from_secs(2)).build().unwrap())
                .unwrap();
        let started = Instant::now();
        let result = client
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome);
        assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
        assert!(matches!(result, Err(ClientError::UnexpectedStatus { status: 429, .. })), "{result:?}");
        assert_eq!(server.received().len(), 1);

        // Longer than the policy's max_server_delay: also returned at once.
        let server = Server::start(|_, _| Act::Reply(response(429, &[("Retry-After", "3600")], b""))).await;
        let started = Instant::now();
        let _ = tokens(&server)
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome);
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(server.received().len(), 1);
    })
    .await;
}

// 6. Jitter never stretches a backoff delay beyond `max_delay`.

#[tokio::test]
async fn jittered_backoff_stays_within_max_delay() {
    bounded(async {
        let server = Server::start(|_, _| Act::Reply(response(503, &[], b""))).await;
        let max_delay = Duration::from_millis(200);
        let policy =
            RetryPolicy { max_retries: 6, min_delay: max_delay, max_delay, jitter: true, ..RetryPolicy::default() };
        let client = customer_token::client::Client::new(config(&server).retry(policy).build().unwrap()).unwrap();
        let _ = client.read_customer_token(TOKEN).await;
        let times: Vec<Instant> = server.received().iter().map(|r| r.at).collect();
        assert_eq!(times.len(), 7);
        for gap in times.windows(2).map(|w| w[1] - w[0]) {
            // The wait plus one loopback round trip (unjittered-beyond-max
            // delays of up to 2 x max_delay would break this at least once
            // in six gaps with high probability).
            assert!(gap <= max_delay + Duration::from_millis(100), "{gap:?}");
            assert!(gap >= max_delay / 2, "{gap:?}");
        }
    })
    .await;
}

// 8. Inputs are checked before anything is sent.

#[tokio::test]
async fn header_values_must_be_visible_ascii() {
    bounded(async {
        let server = Server::start(|_, _| json_response(200, "{}")).await;
        let client = tests::fixtures::keywords::client::Client::new(config(&server).build().unwrap()).unwrap();
        let error = client
            .get_thing_with("a", "b", Some("caf\u{e9}"), None, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert_eq!(violation_pointers(&error), vec![("/header/match".to_owned(), Rule::HeaderValue)]);
        let error = client
            .get_thing_with("a", "b", Some("x\r\nInjected: 1"), None, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert_eq!(violation_pointers(&error), vec![("/header/match".to_owned(), Rule::HeaderValue)]);
        let error = tokens(&server)
            .create_order_with(TOKEN, None, CallOptions::default().with_idempotency_key("cl\u{e9}"))
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert_eq!(violation_pointers(&error), vec![("/options/idempotency_key".to_owned(), Rule::HeaderValue)]);
        assert!(server.received().is_empty());
    })
    .await;
}

#[test]
fn credentials_and_base_urls_are_checked_when_the_config_is_built() {
    let build = |url: &str, key: &str, partner: Option<&str>| {
        let mut builder = ClientConfig::builder(Environment::Custom(url.to_owned()), ApiKey::new(key));
        if let Some(partner) = partner {
            builder = builder.partner_account(partner);
        }
        builder.build()
    };
    assert!(build("https://api.example.com", KEY, Some(PARTNER)).is_ok());
    let with_password = Environment::Custom("https://user:hunter2@api.example.com".into());
    assert!(!format!("{with_password:?}").contains("hunter2"));
    assert!(build("http://127.0.0.1:9", KEY, None).is_ok());
    for (url, key, partner) in [
        ("https://api.example.com", "", None),
        ("https://api.example.com", "key with space", None),
        ("https://api.example.com", "k\u{e9}y", None),
        ("https://api.example.com", KEY, Some("")),
        ("https://api.example.com", KEY, Some("krn:partner\r\nX: y")),
        ("https://api.example.com", KEY, Some("caf\u{e9}")),
        ("http://api.example.com", KEY, None),
        ("file:///etc/passwd", KEY, None),
        ("ftp://api.example.com", KEY, None),
        ("https://user:hunter2@api.example.com", KEY, None),
        ("https://api.example.com/?tenant=1", KEY, None),
        ("https://api.example.com/#x", KEY, None),
    ] {
        let error = build(url, key, partner).unwrap_err();
        assert!(matches!(error, ClientError::Config(_)), "{url} {key:?} {partner:?}: {error:?}");
        let text = format!("{error} {error:?}");
        assert!(!text.contains("hunter2") && !text.contains(KEY), "{text}");
    }
}

#[tokio::test]
async fn a_partner_account_is_never_silently_dropped() {
    bounded(async {
        let server = Server::start(|_, _| json_response(200, r#"{"exists": true}"#)).await;
        let client = identity::client::Client::new(config(&server).partner_account(PARTNER).build().unwrap()).unwrap();
        let body: identity::CheckCustomerExistsRequest =
            identity::CheckCustomerExistsRequest::new().with_phone(identity::Phone::new("+18445527621").unwrap());
        let error = client
            .check_customer_exists_with(ACCOUNT, "client-1", &body, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        assert!(
            matches!(error, ClientError::PartnerAccountNotAllowed { operation: "checkCustomerExists" }),
            "{error:?}"
        );
        assert!(server.received().is_empty(), "nothing was sent");
        let server = Server::start(|_, _| json_response(200, "{}")).await;
        let _ = management(&server)
            .get_account_with(ACCOUNT, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome);
        assert_eq!(server.received()[0].header("Klarna-Partner-Account"), Some(PARTNER));
    })
    .await;
}

// 9. Failures after the request was sent are retried when the call is safe to repeat.

fn reset_then(body: &'static str) -> impl Fn(usize, &Received) -> Act + Send + Sync {
    move |index, _| if index == 0 { Act::Close } else { json_response(200, body) }
}

#[tokio::test]
async fn a_reset_after_sending_is_retried_when_the_call_is_repeatable() {
    bounded(async {
        let token = r#"{"payment_method_type": "CARD", "status": "ACTIVE"}"#;
        let server = Server::start(reset_then(token)).await;
        let outcome = tokens(&server).read_customer_token_with(TOKEN, CallOptions::default()).await.map(klarna_generated::runtime::client::Response::into_outcome).unwrap();
        assert!(outcome.is_success());
        assert_eq!(server.received().len(), 2, "a GET is retried");

        let order = r#"{"order_id": "o", "redirect_url": "https://x", "fraud_status": "ACCEPTED", "authorized_payment_method": "CARD"}"#;
        let server = Server::start(reset_then(order)).await;
        let _ = tokens(&server).create_order_with(TOKEN, None, CallOptions::default()).await.map(klarna_generated::runtime::client::Response::into_outcome);
        let received = server.received();
        assert_eq!(received.len(), 2, "a POST with an idempotency key is retried");
        let keys: Vec<Option<&str>> = received.iter().map(|r| r.header("Klarna-Idempotency-Key")).collect();
        assert!(keys[0].is_some() && keys[0] == keys[1], "with the same key: {keys:?}");

        let server = Server::start(reset_then(order)).await;
        let client =
            customer_token::client::Client::new(config(&server).auto_idempotency_keys(false).build().unwrap()).unwrap();
        let error = client.create_order_with(TOKEN, None, CallOptions::default()).await.map(klarna_generated::runtime::client::Response::into_outcome).unwrap_err();
        assert!(matches!(error, ClientError::Transport(_)), "{error:?}");
        assert_eq!(server.received().len(), 1, "a POST without a key is never repeated");
    })
    .await;
}

#[tokio::test]
async fn a_body_cut_off_midway_is_retried_for_a_get() {
    bounded(async {
        let token = r#"{"payment_method_type": "CARD", "status": "ACTIVE"}"#;
        let server = Server::start(move |index, _| {
            if index == 0 {
                let mut bytes = response(200, &[("Content-Type", "application/json")], token.as_bytes());
                bytes.truncate(bytes.len() - 10);
                Act::Reply(bytes)
            } else {
                json_response(200, token)
            }
        })
        .await;
        let outcome = tokens(&server)
            .read_customer_token_with(TOKEN, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap();
        assert!(outcome.is_success());
        assert_eq!(server.received().len(), 2);
    })
    .await;
}

// Decode errors name the JSON path; documented constraints do not fail a response.

#[tokio::test]
async fn decode_errors_name_the_json_path() {
    bounded(async {
        let body = r#"{"error_id": "e", "error_type": "INPUT_ERROR", "error_code": "c", "error_message": "m",
            "validation_errors": [{"parameter": "a", "reason": "b"}, {"parameter": 7, "reason": "b"}]}"#;
        let server = Server::start(move |_, _| json_response(400, body)).await;
        let client = identity::client::Client::new(config(&server).build().unwrap()).unwrap();
        let request: identity::CheckCustomerExistsRequest =
            identity::CheckCustomerExistsRequest::new().with_phone(identity::Phone::new("+18445527621").unwrap());
        let error = client
            .check_customer_exists_with(ACCOUNT, "client-1", &request, CallOptions::default())
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap_err();
        match &error {
            ClientError::Decode { reason, .. } => assert_eq!(reason.pointer, "/validation_errors/1/parameter"),
            other => panic!("expected a decode error, got {other:?}"),
        }
        assert!(error.to_string().contains("/validation_errors/1/parameter"), "{error}");
    })
    .await;
}

#[tokio::test]
async fn deeply_nested_json_never_crashes() {
    bounded(async {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let typed = format!(r#"{{"payment_method_type": "CARD", "status": "A", "card": {deep}}}"#);
        let server = Server::start(move |_, _| json_response(200, &typed)).await;
        let error = tokens(&server).read_customer_token(TOKEN).await.unwrap_err();
        assert!(matches!(&error, ClientError::Decode { reason, .. } if reason.pointer == "/card"), "{error:?}");
        let unknown = format!(r#"{{"payment_method_type": "CARD", "status": "A", "extra": {deep}}}"#);
        let server = Server::start(move |_, _| json_response(200, &unknown)).await;
        let outcome = tokens(&server)
            .read_customer_token(TOKEN)
            .await
            .map(klarna_generated::runtime::client::Response::into_outcome)
            .unwrap();
        assert!(outcome.is_success(), "an unknown member is skipped, however deep");
    })
    .await;
}

#[tokio::test]
async fn a_response_breaking_a_documented_constraint_still_parses() {
    bounded(async {
        // Since the specs say what the documents say, account information
        // carries plain strings; an enum value the spec does not list is the
        // documented constraint a server can break here.
        let body = r#"{"business_name": "Shop", "business_entity_type": "SOMETHING_NEW"}"#;
        let server = Server::start(move |_, _| json_response(200, body)).await;
        let information = management(&server).get_business_information(ACCOUNT).await.unwrap().into_result().unwrap();
        let violations = information.validate().unwrap_err();
        let pointers: Vec<&str> = violations.as_slice().iter().map(|v| v.pointer.as_str()).collect();
        assert_eq!(pointers, vec!["/business_entity_type"]);
    })
    .await;
}
