//! The consumer example (`klarna-generated/examples/consumer.rs`, at most 50
//! lines, `?` all the way) run against Prism serving the identity, customer
//! token and management specs.

#[allow(dead_code)] // its `main` is for `cargo run --example consumer`
#[path = "../../klarna-generated/examples/consumer.rs"]
mod consumer;

use tests::prism::Prism;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consumer_example_does_its_four_tasks_against_prism() {
    let source = include_str!("../../klarna-generated/examples/consumer.rs");
    assert!(source.lines().count() <= 50, "the example stays within 50 lines");
    assert!(!source.contains("Outcome::"), "no outcome matching on the happy path");
    let logs = tempfile::tempdir().unwrap();
    let specs = ["specs/identity.yaml", "specs/customer_token.yaml", "specs/management.yaml"];
    let mut servers: Vec<Prism> = specs.iter().map(|spec| Prism::start(spec, logs.path())).collect();
    for server in &mut servers {
        server.wait_ready();
    }
    let result = consumer::run(&servers[0].url(), &servers[1].url(), &servers[2].url()).await;
    let answers = result.unwrap_or_else(|error| {
        let logs: Vec<String> = servers.iter().map(Prism::log_text).collect();
        panic!("{error}\n{}", logs.join("\n"))
    });
    assert_eq!(answers.len(), 4, "{answers:?}");
    assert_eq!(answers[3], "Some(\"evt-1\")", "the verified webhook's event id");
}
