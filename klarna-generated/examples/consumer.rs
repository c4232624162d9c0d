//! A shop's four tasks as another crate writes them: identity check, customer-token order with
//! two lines, onboarding, a signed webhook verified and parsed. `tests/tests/consumer.rs` runs it
//! against Prism; `cargo run --example consumer` uses `IDENTITY_URL`, `TOKENS_URL`, `MANAGEMENT_URL`.
use klarna_generated::customer_token::{self as ct, CustomerTokenOrderRequired as Order, OrderLineRequired as Line};
use klarna_generated::identity::{self, CheckCustomerExistsRequest as Check, Email};
use klarna_generated::management::{self, OnboardMerchantRequestRequired as Onboarding, Webhook};
use klarna_generated::{runtime::SigningKeys, ApiKey, ClientConfig, Environment};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;
const ACCOUNT: &str = "krn:partner:global:account:live:LWT2XJSE";
const BODY: &[u8] =
    br#"{"metadata":{"event_type":"partner.account.state-change.operational","event_id":"evt-1"},"payload":{}}"#;
const HEADERS: [(&str, &str); 2] =
    [("Klarna-Signing-Key-Id", "key-1"), ("Klarna-Signature", "clIkR7jEM/8Lc4gI3PuSBhBYA3oJTJ6tX4Yc1l/26+k=")];
/// Runs the four tasks against the given base URLs; what each returned, as text.
pub async fn run(identity_url: &str, tokens_url: &str, management_url: &str) -> Result<Vec<String>> {
    let config = |url: &str| ClientConfig::builder(Environment::Custom(url.into()), ApiKey::new("key")).build();
    let identity = identity::Client::new(config(identity_url)?)?;
    let email = Check::new().with_email(Email::new("jane.doe@example.com")?);
    let exists = identity.check_customer_exists(ACCOUNT, "shop", &email).await?.into_result()?;
    let line = |name: &str, price| Line { name: name.into(), quantity: 1, unit_price: price, total_amount: price };
    let lines = vec![line("Running shoe", 2500).into(), ct::OrderLine::from(line("Socks", 500)).with_tax_rate(0)];
    let order = Order { purchase_currency: "EUR".into(), order_amount: 3000, order_tax_amount: 0, order_lines: lines };
    let tokens = ct::Client::new(config(tokens_url)?)?;
    let placed = tokens.create_order("x", Some(&order.into())).await?.into_result()?;
    let onboarding = Onboarding {
        account_reference: "M123".into(),
        account_name: "Jane's Shoes".into(),
        account_owner: Default::default(),
        products: vec![],
        channel: Default::default(),
    };
    let partners = management::Client::new(config(management_url)?)?;
    let onboarded = partners.onboard_merchant(Some(&onboarding.into())).await?.into_result()?;
    let keys = SigningKeys::new().with_key("key-1", "signing-key-1");
    let delivery = Webhook::receive(&keys, HEADERS, BODY)?;
    let Webhook::AccountStateChanged(event) = delivery.webhook else { return Err("unexpected event".into()) };
    let event_id = format!("{:?}", event.metadata.event_id);
    Ok(vec![format!("{:?}", exists.exists), placed.order_id, format!("{:?}", onboarded.account_id), event_id])
}

#[tokio::main]
async fn main() -> Result<()> {
    let url = |name: &str| std::env::var(name).unwrap_or_else(|_| "http://127.0.0.1:4010".into());
    println!("{:?}", run(&url("IDENTITY_URL"), &url("TOKENS_URL"), &url("MANAGEMENT_URL")).await?);
    Ok(())
}
