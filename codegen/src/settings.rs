//! Generator settings, kept apart from the generator itself.

/// How generated code refers to its surroundings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Path of the runtime module that generated code calls (`crate::runtime`
    /// inside `klarna-generated`, `klarna_generated::runtime` elsewhere).
    pub runtime_path: String,
    /// The cargo feature that gates generated client modules, if any.
    pub client_feature: Option<String>,
    /// The crate name doc examples import from (`klarna_generated`); without
    /// one, module docs carry no example.
    pub doc_crate: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { runtime_path: "crate::runtime".to_owned(), client_feature: None, doc_crate: None }
    }
}

impl Settings {
    /// Settings whose generated code calls the runtime at `path`.
    pub fn with_runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }

    /// Gates generated client modules behind the cargo feature `feature`.
    pub fn with_client_feature(mut self, feature: impl Into<String>) -> Self {
        self.client_feature = Some(feature.into());
        self
    }

    /// Adds a compiled example to each module's docs, importing from `name`.
    pub fn with_doc_crate(mut self, name: impl Into<String>) -> Self {
        self.doc_crate = Some(name.into());
        self
    }
}
