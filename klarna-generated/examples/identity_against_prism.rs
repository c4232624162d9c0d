//! Calls the Identity API with the generated client.
//!
//! Run it against a local Prism mock of the spec:
//!
//! ```sh
//! npm ci --prefix tests/prism
//! tests/prism/node_modules/.bin/prism mock --host 127.0.0.1 --port 4010 specs/identity.yaml &
//! PRISM_PID=$!
//! cargo run -p klarna-generated --example identity_against_prism
//! kill $PRISM_PID
//! ```
//!
//! Set `KLARNA_BASE_URL` to use another server, and `KLARNA_API_KEY` for the key
//! (Prism accepts any).

use klarna_generated::identity::{CheckCustomerExistsRequest, Client, Email};
use klarna_generated::{ApiKey, CallOptions, ClientConfig, Environment};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base_url = std::env::var("KLARNA_BASE_URL").unwrap_or_else(|_| "http://127.0.0.1:4010".to_owned());
    let api_key = std::env::var("KLARNA_API_KEY").unwrap_or_else(|_| "test-key".to_owned());
    let config = ClientConfig::builder(Environment::Custom(base_url), ApiKey::new(api_key)).build()?;
    let client = Client::new(config)?;

    // Named constrained values are checked as they are built (text
    // arguments such as the client id are checked by the call itself)...
    let email = Email::new("jane.doe@example.com")?;
    // ...and a value that breaks the spec cannot even be constructed.
    assert!(Email::new("not an address").is_err());

    let account = "krn:partner:global:account:live:LWT2XJSE";
    let body = CheckCustomerExistsRequest::new().with_email(email);
    let options = CallOptions::default().with_correlation_id("example1");
    let response = client.check_customer_exists_with(account, "example-client", &body, options).await?;
    println!("status {} after {} attempt(s)", response.status(), response.meta().attempts);
    let answer = response.into_result()?;
    println!("customer exists: {:?}", answer.exists);
    Ok(())
}
