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
    let text = format!(
        "\n# Example\n\n\
         ```\n\
         use {krate}::{module}::Client;\n\
         use {krate}::{{ApiKey, ClientConfig, Environment}};\n\
         \n\
         let config = ClientConfig::builder(Environment::Test, ApiKey::new(\"your-test-key\")).build()?;\n\
         let client = Client::new(config)?;\n\
         // One method per operation, such as `client.{method}(..)`.\n\
         assert!(client.base_url().starts_with(\"https://\"));\n\
         # Ok::<(), {krate}::ClientError>(())\n\
         ```"
    );
    text.lines().map(|line| if line.is_empty() { String::new() } else { format!(" {line}") }).collect()
}
