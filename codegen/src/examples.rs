//! The compiled example at the top of each generated API module's docs.

use crate::ir::Api;

/// Doc lines (each with its leading space) of an example that builds the
/// API's client, for a module `module` of the crate `krate`; nothing for an
/// API without operations.
pub fn module_example(api: &Api, krate: &str, module: &str) -> Vec<String> {
    let Some(first) = api.operations.first() else {
        return Vec::new();
    };
    let method = first.rust_name.trim_start_matches("r#");
    let webhooks = if api.webhooks.is_empty() {
        String::new()
    } else {
        format!(
            "\n// A received webhook: verified with your signing keys, then typed by its event type.\n\
             let keys = {krate}::SigningKeys::new().with_key(\"key-1\", \"your-signing-key\");\n\
             let unsigned = {krate}::{module}::Webhook::receive(&keys, [(\"Klarna-Signing-Key-Id\", \"key-1\")], b\"{{}}\");\n\
             assert!(unsigned.is_err()); // answer 400\n"
        )
    };
    let text = format!(
        "\n# Example\n\n\
         ```\n\
         use {krate}::{module}::Client;\n\
         use {krate}::{{ApiKey, ClientConfig, Environment}};\n\
         \n\
         let config = ClientConfig::builder(Environment::Test, ApiKey::new(\"your-test-key\")).build()?;\n\
         let client = Client::new(config)?;\n\
         // One method per operation: `client.{method}(..).await?.into_result()?`\n\
         // gives the success value; `{method}_with(.., options)` takes per-call options.\n\
         assert!(client.base_url().starts_with(\"https://\"));\n\
         {webhooks}\
         # Ok::<(), {krate}::ClientError>(())\n\
         ```"
    );
    text.lines().map(|line| if line.is_empty() { String::new() } else { format!(" {line}") }).collect()
}
