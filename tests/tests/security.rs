//! Security schemes end to end: the client generated from
//! `tests/fixtures/ok/security.yaml` against wiremock on 127.0.0.1. Each
//! test asserts exactly which credentials go on the wire (header, query,
//! cookie) for each scheme and alternative, the refusal when none fits,
//! and that no credential shows in `Debug`, errors or echoed bodies.

use klarna_generated::runtime::client::{
    ApiKey, CallOptions, ClientConfig, ClientError, Credentials, Environment, RetryPolicy,
};
use tests::fixtures::security::client::{Client, WithQueryKeyOutcome, SECURITY_SCHEMES};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const HEADER_KEY: &str = "h-s3cr3t-key";
const QUERY_KEY: &str = "q s3cr3t+key/1";
const COOKIE_KEY: &str = "c-s3cr3t-session";
const USER: &str = "us3r-s3cr3t";
const PASSWORD: &str = "pa55 s3cr3t";
const TOKEN: &str = "b3arer-s3cr3t";

/// Every credential, each under its scheme.
fn all_credentials() -> Credentials {
    Credentials::new()
        .api_key("header_key", HEADER_KEY)
        .api_key("query_key", QUERY_KEY)
        .api_key("cookie_key", COOKIE_KEY)
        .basic("basic", USER, PASSWORD)
        .bearer("bearer", TOKEN)
        .bearer("token", "t0ken-s3cr3t")
        .bearer("oauth", "0auth-s3cr3t")
        .bearer("oidc", "01dc-s3cr3t")
}

async fn server(status: u16) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(status)).mount(&server).await;
    server
}

fn client(server: &MockServer, credentials: impl Into<Credentials>) -> Client {
    let config = ClientConfig::builder(Environment::Custom(server.uri()), credentials)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

/// The one request the server received.
async fn received(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "exactly one request");
    requests.remove(0)
}

/// The credential-bearing parts of a request: `Authorization`, `X-Api-Key`
/// and `Cookie` headers (every value), and the query.
fn credentials_sent(request: &Request) -> (Vec<String>, Option<String>) {
    let mut headers = Vec::new();
    for name in ["authorization", "x-api-key", "cookie"] {
        for value in request.headers.get_all(name) {
            headers.push(format!("{name}: {}", value.to_str().unwrap()));
        }
    }
    (headers, request.url.query().map(str::to_owned))
}

fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}

#[tokio::test]
async fn each_scheme_puts_exactly_its_credential_on_the_wire() {
    macro_rules! check {
        ($call:ident ( $($arg:expr),* ), $headers:expr, $query:expr) => {{
            let server = server(204).await;
            client(&server, all_credentials()).$call($($arg),*).await.unwrap();
            let (headers, query) = credentials_sent(&received(&server).await);
            let expected: Vec<String> = $headers.iter().map(|h: &String| h.clone()).collect();
            assert_eq!(headers, expected, stringify!($call));
            assert_eq!(query.as_deref(), $query, stringify!($call));
        }};
    }
    check!(with_header_key(), [format!("x-api-key: {HEADER_KEY}")], None);
    // Form-encoded after the operation's own query parameters.
    check!(with_query_key(Some(&2)), Vec::<String>::new(), Some("page=2&api_key=q+s3cr3t%2Bkey%2F1"));
    check!(with_query_key(None), Vec::<String>::new(), Some("api_key=q+s3cr3t%2Bkey%2F1"));
    // One `Cookie` header: the operation's cookie, then the credential.
    check!(with_cookie_key(Some("dark")), [format!("cookie: theme=dark; session={COOKIE_KEY}")], None);
    check!(with_cookie_key(None), [format!("cookie: session={COOKIE_KEY}")], None);
    check!(with_basic(), [format!("authorization: {}", basic(USER, PASSWORD))], None);
    check!(with_bearer(), [format!("authorization: Bearer {TOKEN}")], None);
    check!(with_token_scheme(), ["authorization: Token t0ken-s3cr3t".to_owned()], None);
    check!(with_oauth(), ["authorization: Bearer 0auth-s3cr3t".to_owned()], None);
    check!(with_open_id_connect(), ["authorization: Bearer 01dc-s3cr3t".to_owned()], None);
    // Both schemes of one alternative.
    check!(with_both(), [format!("x-api-key: {HEADER_KEY}")], Some("api_key=q+s3cr3t%2Bkey%2F1"));
    // The first alternative that is configured.
    check!(with_either(), [format!("authorization: {}", basic(USER, PASSWORD))], None);
    // `security: []` sends nothing, whatever is configured.
    check!(public_thing(), Vec::<String>::new(), None);
    check!(optional_credentials(), [format!("authorization: Bearer {TOKEN}")], None);
}

#[tokio::test]
async fn rfc_7617_basic_credentials_are_sent_as_the_rfc_example() {
    let server = server(204).await;
    client(&server, Credentials::new().basic("basic", "Aladdin", "open sesame")).with_basic().await.unwrap();
    let (headers, _) = credentials_sent(&received(&server).await);
    assert_eq!(headers, ["authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]);
}

#[tokio::test]
async fn a_later_alternative_is_used_when_the_first_is_not_configured() {
    let server = server(204).await;
    client(&server, Credentials::new().bearer("bearer", TOKEN)).with_either().await.unwrap();
    let (headers, _) = credentials_sent(&received(&server).await);
    assert_eq!(headers, [format!("authorization: Bearer {TOKEN}")]);
}

#[tokio::test]
async fn optional_credentials_are_left_out_when_none_is_configured() {
    let server = server(204).await;
    client(&server, Credentials::new()).optional_credentials().await.unwrap();
    assert_eq!(credentials_sent(&received(&server).await), (Vec::new(), None));
}

#[tokio::test]
async fn a_call_whose_schemes_are_not_configured_is_refused_before_sending() {
    let server = server(204).await;
    let client = client(&server, Credentials::new().bearer("bearer", TOKEN));
    let error = client.with_basic().await.unwrap_err();
    match &error {
        ClientError::MissingCredentials { operation, needs } => {
            assert_eq!(*operation, "withBasic");
            assert_eq!(*needs, [vec!["basic"]]);
        }
        other => panic!("{other:?}"),
    }
    let error = client.with_both().await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "operation withBoth needs credentials for `header_key` and `query_key`; none is configured, nothing was sent"
    );
    // The document's security, inherited.
    assert!(matches!(client.with_header_key().await, Err(ClientError::MissingCredentials { .. })));
    assert!(server.received_requests().await.unwrap().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn one_api_key_serves_every_scheme_it_fits() {
    // A key as issued: API key and token schemes, never HTTP basic.
    let server = server(204).await;
    let keyed = client(&server, ApiKey::new("k3y-s3cr3t"));
    keyed.with_either().await.unwrap();
    keyed.with_header_key().await.unwrap();
    assert!(matches!(keyed.with_basic().await, Err(ClientError::MissingCredentials { .. })));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(credentials_sent(&requests[0]).0, ["authorization: Bearer k3y-s3cr3t"], "basic skipped");
    assert_eq!(credentials_sent(&requests[1]).0, ["x-api-key: k3y-s3cr3t"]);
    // User and password: HTTP basic only.
    let server = self::server(204).await;
    let basic_key = client(&server, ApiKey::basic(USER, PASSWORD));
    basic_key.with_either().await.unwrap();
    assert!(matches!(basic_key.with_bearer().await, Err(ClientError::MissingCredentials { .. })));
    assert_eq!(credentials_sent(&received(&server).await).0, [format!("authorization: {}", basic(USER, PASSWORD))]);
}

#[tokio::test]
async fn a_named_credential_takes_precedence_over_the_api_key() {
    let server = server(204).await;
    let credentials = Credentials::from(ApiKey::new("k3y-s3cr3t")).api_key("header_key", HEADER_KEY);
    client(&server, credentials).with_both().await.unwrap();
    let (headers, query) = credentials_sent(&received(&server).await);
    assert_eq!(headers, [format!("x-api-key: {HEADER_KEY}")]);
    assert_eq!(query.as_deref(), Some("api_key=k3y-s3cr3t"));
}

#[test]
fn credentials_for_no_scheme_or_the_wrong_kind_are_refused_when_the_client_is_made() {
    let config =
        |credentials: Credentials| ClientConfig::builder(Environment::Custom("http://127.0.0.1:9".into()), credentials);
    let refused = |credentials: Credentials| {
        let error = Client::new(config(credentials).build().unwrap()).unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(matches!(error, ClientError::Config(_)), "{text}");
        assert!(!text.contains("s3cr3t"), "{text}");
        text
    };
    assert!(refused(Credentials::new().api_key("headr_key", "s3cr3t")).contains("`headr_key`"));
    assert!(refused(Credentials::new().bearer("basic", "s3cr3t")).contains("user and password"));
    assert!(refused(Credentials::new().basic("bearer", "s3cr3t", "x")).contains("token"));
    assert!(refused(Credentials::new().api_key("cookie_key", "s3cr3t;x")).contains("cookie"));
    // What cannot be sent whatever the scheme is refused by `build`.
    for bad in [Credentials::new().bearer("bearer", "s3cr3t two"), Credentials::new().api_key("header_key", "")] {
        let error = config(bad).build().unwrap_err();
        assert!(matches!(error, ClientError::Config(_)) && !error.to_string().contains("s3cr3t"), "{error}");
    }
    let names: Vec<&str> = SECURITY_SCHEMES.iter().map(|s| s.name).collect();
    assert_eq!(names, ["header_key", "query_key", "cookie_key", "basic", "bearer", "token", "oauth", "oidc"]);
}

#[tokio::test]
async fn extra_headers_cannot_set_a_credential() {
    let server = server(204).await;
    let client = client(&server, all_credentials());
    for name in ["X-Api-Key", "cookie", "Authorization"] {
        let options = CallOptions::default().with_header(name, "forged");
        let error = client.public_thing_with(options).await.unwrap_err();
        assert!(matches!(error, ClientError::InvalidRequest(_)), "{name}: {error:?}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Every credential of [`all_credentials`], as sent and in the forms a
/// server might echo them.
fn secrets() -> Vec<String> {
    let mut all: Vec<String> = [HEADER_KEY, QUERY_KEY, COOKIE_KEY, USER, PASSWORD, TOKEN].map(str::to_owned).to_vec();
    all.extend(["t0ken-s3cr3t", "0auth-s3cr3t", "01dc-s3cr3t"].map(str::to_owned));
    all.push(basic(USER, PASSWORD).trim_start_matches("Basic ").to_owned());
    all.push("q+s3cr3t%2Bkey%2F1".to_owned());
    all
}

fn assert_hidden(text: &str) {
    assert!(!text.contains("s3cr3t"), "a credential shows: {text}");
    for secret in secrets() {
        assert!(!text.contains(&secret), "{secret:?} shows: {text}");
    }
}

#[tokio::test]
async fn no_credential_shows_in_debug_errors_or_echoed_bodies() {
    let config =
        ClientConfig::builder(Environment::Custom("http://127.0.0.1:9".into()), all_credentials()).build().unwrap();
    assert_hidden(&format!("{config:?} {config:#?} {:?}", all_credentials()));
    // The server echoes every credential, in every form, into the body,
    // the correlation id and the content type.
    let echo = secrets().join(" | ");
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(move |request: &Request| {
            let body = format!(
                "{{\"message\": \"{} {}\", \"query\": \"{}\"}}",
                echo.replace('"', "\\\""),
                request.headers.get("authorization").map_or("", |v| v.to_str().unwrap()),
                request.url.query().unwrap_or("")
            );
            let status = if request.url.path() == "/query" { 400 } else { 418 };
            ResponseTemplate::new(status)
                .insert_header("Correlation-Id", HEADER_KEY)
                .set_body_raw(body, "application/json")
        })
        .mount(&server)
        .await;
    let client = client(&server, all_credentials());
    assert_hidden(&format!("{client:?}"));
    // An undocumented status: the body snippet is scrubbed.
    for error in [client.with_basic().await.unwrap_err(), client.with_either().await.unwrap_err()] {
        assert!(matches!(error, ClientError::UnexpectedStatus { status: 418, .. }), "{error:?}");
        assert_hidden(&format!("{error} {error:?}"));
    }
    // A documented error status: the typed body is decoded already scrubbed.
    let response = client.with_query_key(None).await.unwrap();
    let WithQueryKeyOutcome::BadRequest(problem) = response.outcome() else { panic!("{:?}", response.outcome()) };
    assert!(problem.message.as_deref().unwrap().contains("[redacted]"));
    assert_hidden(&format!("{:?} {:?}", response.outcome(), response.meta()));
    let error = response.into_result().unwrap_err();
    assert_hidden(&format!("{error} {error:?}"));
    // Refusals name schemes, never values.
    let refusal = self::client(&server, Credentials::new().bearer("bearer", TOKEN)).with_basic().await.unwrap_err();
    assert_hidden(&format!("{refusal} {refusal:?}"));
}

#[tokio::test]
async fn a_query_key_never_shows_in_transport_errors_or_redirects() {
    // A port nothing listens on: the transport error carries no URL.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let config =
        ClientConfig::builder(Environment::Custom(url), all_credentials()).retry(RetryPolicy::none()).build().unwrap();
    let error = Client::new(config).unwrap().with_query_key(Some(&1)).await.unwrap_err();
    assert!(matches!(error, ClientError::Transport(_)), "{error:?}");
    assert_hidden(&format!("{error} {error:?}"));
    // A redirect whose `Location` repeats the query: refused, and scrubbed.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(|request: &Request| {
            let location = format!("https://elsewhere.example/?{}", request.url.query().unwrap_or(""));
            ResponseTemplate::new(302).insert_header("Location", location.as_str())
        })
        .mount(&server)
        .await;
    let error = client(&server, all_credentials()).with_query_key(None).await.unwrap_err();
    match &error {
        ClientError::Redirect { location: Some(location), .. } => {
            assert_eq!(location, "https://elsewhere.example/?api_key=[redacted]");
        }
        other => panic!("{other:?}"),
    }
    assert_hidden(&format!("{error} {error:?}"));
    assert_eq!(server.received_requests().await.unwrap().len(), 1, "not followed");
}
