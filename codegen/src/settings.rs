//! Generator settings, kept apart from the generator itself.

/// How generated code refers to its surroundings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Path of the runtime module that generated code calls (`crate::runtime`
    /// inside `klarna-generated`, `klarna_generated::runtime` elsewhere).
    pub runtime_path: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            runtime_path: "crate::runtime".to_owned(),
        }
    }
}

impl Settings {
    /// Settings whose generated code calls the runtime at `path`.
    pub fn with_runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }
}
