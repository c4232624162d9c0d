//! Contract run: each spec served by Prism 5.14.2 (pinned in
//! `tests/prism/package-lock.json`) on 127.0.0.1, and the generated client
//! calling every one of the 48 operations with the spec's example inputs.
//! Prism must accept every request (run with `--errors`, a violation becomes
//! an error status) and every response must deserialize into its outcome.
//!
//! Needs `npm ci --prefix tests/prism`; `cargo xtask ci` runs it first.

use klarna_generated::runtime::client::{ApiKey, ClientConfig, ClientError, Environment, RetryPolicy};
use tests::prism::Prism;

/// The client configuration; with a partner account for the APIs whose
/// operations allow one (a client refuses it on any other operation).
fn config(prism: &Prism, partner: bool) -> ClientConfig {
    let builder = ClientConfig::builder(Environment::Custom(prism.url()), ApiKey::new("contract-test-key"))
        .retry(RetryPolicy::none());
    let builder = if partner { builder.partner_account("krn:partner:global:account:live:LWT2XJSE") } else { builder };
    builder.build().unwrap()
}

fn failures(api: &str, results: &[(&str, Result<u16, ClientError>)]) -> Vec<String> {
    results
        .iter()
        .filter_map(|(id, result)| match result {
            Ok(status) if (200..300).contains(status) => None,
            Ok(status) => Some(format!("{api}/{id}: Prism answered {status} (request rejected)")),
            Err(error) => Some(format!("{api}/{id}: {error} ({error:?})")),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_passes_against_prism() {
    let logs = tempfile::tempdir().unwrap();
    let specs = ["specs/identity.yaml", "specs/customer_token.yaml", "specs/management.yaml", "specs/messaging.yaml"];
    let mut servers: Vec<Prism> = specs.iter().map(|spec| Prism::start(spec, logs.path())).collect();
    for server in &mut servers {
        server.wait_ready();
    }
    let mut all = Vec::new();
    let mut calls = 0;

    // Each API: its client against its Prism, then every generated call.
    macro_rules! run {
        ($api:ident, $server:expr, $partner:expr) => {{
            let client = klarna_generated::$api::client::Client::new(config($server, $partner)).unwrap();
            let results = tests::contract::$api::call_all(&client).await;
            calls += results.len();
            all.extend(failures(stringify!($api), &results));
        }};
    }
    run!(identity, &servers[0], false);
    run!(customer_token, &servers[1], false);
    // Management's credentials operations act on the caller's own account
    // only, so its calls go without a partner account; messaging's with one.
    run!(management, &servers[2], false);
    run!(messaging, &servers[3], true);

    if !all.is_empty() {
        for server in &servers {
            eprintln!("--- {}\n{}", server.log.display(), server.log_text());
        }
    }
    assert_eq!(calls, 48, "every operation is called");
    assert!(all.is_empty(), "{} of 48 operations failed:\n{}", all.len(), all.join("\n"));
}
