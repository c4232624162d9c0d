//! Spec patterns, compiled once per process into linear-time matchers.

use std::sync::OnceLock;

use regex::Regex;

/// A `pattern` from a spec, translated by the generator from ECMA-262 into
/// one or more [`regex`] expressions that are all compiled on first use.
///
/// The `regex` crate matches in time linear in the input, so no input can
/// make a check run away. A look-ahead at the start of a source pattern
/// (`^(?=A)B`) is split by the generator into expressions that must all match
/// (`^A` and `^B`), or must not match for a negative look-ahead.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    must_match: &'static [&'static str],
    must_not_match: &'static [&'static str],
    compiled: OnceLock<Option<Compiled>>,
}

#[derive(Debug)]
struct Compiled {
    must_match: Vec<Regex>,
    must_not_match: Vec<Regex>,
}

impl Pattern {
    /// A pattern whose translated expressions are compiled on first use.
    pub const fn new(
        source: &'static str,
        must_match: &'static [&'static str],
        must_not_match: &'static [&'static str],
    ) -> Self {
        Pattern { source, must_match, must_not_match, compiled: OnceLock::new() }
    }

    /// The pattern as written in the spec.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `value` matches, with ECMA-262 `RegExp.prototype.test`
    /// semantics (unanchored unless the pattern anchors itself).
    ///
    /// The generator checks that every expression compiles, so the failure
    /// branch is only reachable if the regex engine itself changed; a value is
    /// then reported as not matching rather than the process panicking.
    pub fn is_match(&self, value: &str) -> bool {
        match self.compiled.get_or_init(|| self.compile()) {
            Some(compiled) => {
                compiled.must_match.iter().all(|re| re.is_match(value))
                    && !compiled.must_not_match.iter().any(|re| re.is_match(value))
            }
            None => false,
        }
    }

    fn compile(&self) -> Option<Compiled> {
        let build =
            |sources: &[&str]| -> Option<Vec<Regex>> { sources.iter().map(|source| Regex::new(source).ok()).collect() };
        Some(Compiled { must_match: build(self.must_match)?, must_not_match: build(self.must_not_match)? })
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    static LOOKAHEAD: Pattern = Pattern::new("^(?=.{1,5}$)[a-z]+$", &["^.{1,5}$", "^[a-z]+$"], &[]);
    static NEGATIVE: Pattern = Pattern::new("^(?!x)[a-z]+$", &["^[a-z]+$"], &["^x"]);
    static BROKEN: Pattern = Pattern::new("(", &["("], &[]);

    #[test]
    fn all_required_expressions_must_match() {
        assert!(LOOKAHEAD.is_match("abc"));
        assert!(!LOOKAHEAD.is_match("abcdef"));
        assert!(!LOOKAHEAD.is_match("ab1"));
    }

    #[test]
    fn forbidden_expressions_must_not_match() {
        assert!(NEGATIVE.is_match("abc"));
        assert!(!NEGATIVE.is_match("xyz"));
    }

    #[test]
    fn an_expression_that_does_not_compile_never_matches() {
        assert!(!BROKEN.is_match("("));
    }
}
