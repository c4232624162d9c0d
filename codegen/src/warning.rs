//! Warnings: things in a document that are odd but usable. Generation goes
//! on and the caller gets them next to the generated code.

use std::fmt;

use crate::error::Location;

/// Something odd but usable in a document, and what the generator did about it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    /// Where it is: the file and a JSON pointer into the document.
    pub at: Location,
    /// What is odd and how it was read.
    pub reason: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.at, self.reason)
    }
}

/// Warnings collected while one document is loaded and converted, in the
/// order they were found, without repeats.
#[derive(Debug, Default)]
pub(crate) struct Warnings(indexmap::IndexSet<Warning>);

impl Warnings {
    /// Records a warning unless the same one is already recorded.
    pub fn push(&mut self, at: Location, reason: impl Into<String>) {
        self.0.insert(Warning { at, reason: reason.into() });
    }

    /// The warnings, in the order they were found.
    pub fn into_vec(self) -> Vec<Warning> {
        self.0.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_file_pointer_and_reason_once() {
        let at = Location { file: "a.yaml".into(), pointer: "/components/schemas/A/default".into() };
        let mut warnings = Warnings::default();
        warnings.push(at.clone(), "default 7 is not a string; dropped");
        warnings.push(at, "default 7 is not a string; dropped");
        let all = warnings.into_vec();
        assert_eq!(all.len(), 1);
        assert_eq!(
            all[0].to_string(),
            "a.yaml#/components/schemas/A/default: warning: default 7 is not a string; dropped"
        );
    }
}
